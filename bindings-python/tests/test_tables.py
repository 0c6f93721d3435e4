"""The tables carry what a person needs, typed so pandas and polars work
with them: ``ev.actions`` has each action's text, objective, leads and
timescale as written; dates are dates (``.dt`` works in pandas); ratings
are ordered categories of the whole scale, so sorting sorts by severity."""

from __future__ import annotations

import datetime
import json

import pytest

import lineofsight

from conftest import without_pyarrow

AS_OF = datetime.date(2019, 12, 31)

# The rating scale in the core's order (Rating::ALL): worst first, then the
# two unrated states.
SCALE = ["red", "amber_red", "amber", "amber_green", "green", "blue", "not_rated", "no_data"]

PLAN = {
    "schema_version": 1,
    "title": "Tables plan",
    "organisation": "Council",
    "leads": [
        {"id": "vsh", "name": "Virtual School Head"},
        {"id": "lac", "name": "Head of Service, Children Looked After"},
    ],
    "objectives": [
        {"id": "o1", "ref": "1", "title": "Care leavers have a Local Offer", "actions": [
            {"id": "a1", "ref": "1.3", "text": "Refresh the pledge.", "timescale": "Nov-19",
             "leads": ["vsh", "lac"], "recorded_rating": {"rating": "green", "text": "G"}},
            {"id": "a2", "ref": "1.4", "text": "Review SGO support.", "timescale": "Mar-20",
             "leads": ["lac"]},
        ]},
        {"id": "o2", "title": "Children have a voice", "actions": [
            {"id": "a3", "text": "Launch Mind of My Own.", "timescale": "Immediate and ongoing"},
        ]},
    ],
}


@pytest.fixture(scope="module")
def ev() -> lineofsight.Evaluation:
    return lineofsight.Plan.from_json(json.dumps(PLAN)).evaluate(as_of=AS_OF)


def test_actions_carry_text_objective_leads_and_timescale(ev: lineofsight.Evaluation) -> None:
    t = ev.actions
    assert t.columns[:4] == ["action_id", "objective_id", "ref", "text"]
    assert {"objective", "objective_ref", "group", "leads", "timescale", "open"} <= set(t.columns)
    rows = {r["action_id"]: r for r in t.records()}
    a1 = rows["a1"]
    assert a1["ref"] == "1.3" and isinstance(a1["ref"], str)  # never a float
    assert a1["text"] == "Refresh the pledge."
    assert (a1["objective"], a1["objective_ref"]) == ("Care leavers have a Local Offer", "1")
    assert a1["leads"] == ["Virtual School Head", "Head of Service, Children Looked After"]
    assert a1["timescale"] == "Nov-19" and a1["due"] == datetime.date(2019, 11, 30)
    assert (a1["rating"], a1["computed"], a1["recorded"]) == ("red", "red", "green")
    assert rows["a2"]["leads"] == ["Head of Service, Children Looked After"]
    assert rows["a3"]["leads"] == [] and rows["a3"]["objective_ref"] is None
    assert rows["a3"]["timescale"] == "Immediate and ongoing" and rows["a3"]["recorded"] is None


def test_arrow_types(ev: lineofsight.Evaluation) -> None:
    import pyarrow as pa

    t = pa.table(ev.actions)
    assert t.schema.field("leads").type == pa.list_(pa.string())
    assert t.schema.field("due").type == pa.date32()
    for name in ("rating", "computed", "recorded"):
        typ = t.schema.field(name).type
        assert pa.types.is_dictionary(typ) and typ.ordered, name
        assert t.column(name).chunk(0).dictionary.to_pylist() == SCALE
    for table, names in ((ev.discrepancies, ("recorded", "computed")),
                         (ev.objectives, ("rating",)), (ev.groups, ())):
        schema = pa.schema(table)
        for name in names:
            assert pa.types.is_dictionary(schema.field(name).type), (table.name, name)


def test_pandas_dates_are_datetime64_and_dt_works(ev: lineofsight.Evaluation) -> None:
    import pandas as pd

    df = ev.actions.to_pandas()
    assert pd.api.types.is_datetime64_any_dtype(df["due"])
    assert pd.api.types.is_datetime64_any_dtype(df["commentary_date"])
    by_id = df.set_index("action_id")
    months = by_id["due"].dt.month
    assert months["a1"] == 11 and months["a2"] == 3 and pd.isna(months["a3"])
    assert by_id.loc["a2", "due"] == pd.Timestamp(2020, 3, 31)


def test_pandas_ratings_are_ordered_categoricals_in_scale_order(
    ev: lineofsight.Evaluation, lancashire: lineofsight.Plan
) -> None:
    import pandas as pd

    df = ev.actions.to_pandas()
    for name in ("rating", "computed", "recorded"):
        dtype = df[name].dtype
        assert isinstance(dtype, pd.CategoricalDtype) and dtype.ordered, name
        assert list(dtype.categories) == SCALE
    big = lancashire.evaluate(as_of=AS_OF).actions.to_pandas()
    ranks = big.sort_values("rating")["rating"].map(SCALE.index).tolist()
    assert ranks == sorted(ranks) and ranks[0] == 0  # worst first, not alphabetical
    assert (big["rating"] < "amber").sum() == (big["rating"].isin(["red", "amber_red"])).sum()
    disc = lancashire.evaluate(as_of=AS_OF).discrepancies.to_pandas()
    assert list(disc["computed"].cat.categories) == SCALE and disc["recorded"].cat.ordered


def test_pandas_leads_explode_to_one_row_per_lead(ev: lineofsight.Evaluation) -> None:
    df = ev.actions.to_pandas()
    per_lead = df.explode("leads").dropna(subset=["leads"]).groupby("leads")["action_id"].apply(list)
    assert per_lead.to_dict() == {
        "Head of Service, Children Looked After": ["a1", "a2"],
        "Virtual School Head": ["a1"],
    }


def test_pandas_without_pyarrow_has_the_same_dtypes() -> None:
    without_pyarrow(
        "import datetime, json, pandas as pd, lineofsight\n"
        f"PLAN, SCALE = {json.dumps(PLAN)!r}, {SCALE!r}\n"
        "ev = lineofsight.Plan.from_json(PLAN).evaluate(as_of=datetime.date(2019, 12, 31))\n"
        "df = ev.actions.to_pandas()\n"
        "assert list(df.columns) == ev.actions.columns\n"
        "assert pd.api.types.is_datetime64_any_dtype(df['due'])\n"
        "assert df['due'].dt.year.iloc[0] == 2019\n"
        "dtype = df['rating'].dtype\n"
        "assert isinstance(dtype, pd.CategoricalDtype) and dtype.ordered\n"
        "assert list(dtype.categories) == SCALE\n"
        "assert list(df.loc[0, 'leads']) == "
        "['Virtual School Head', 'Head of Service, Children Looked After']\n"
    )


def test_polars_dtypes(ev: lineofsight.Evaluation, lancashire: lineofsight.Plan) -> None:
    import polars as pl

    df = ev.actions.to_polars()
    assert df.schema["due"] == pl.Date
    assert df.schema["leads"] == pl.List(pl.String)
    for name in ("rating", "computed", "recorded"):
        assert df.schema[name] == pl.Enum(SCALE), name
    big = lancashire.evaluate(as_of=AS_OF).actions.to_polars()
    ranks = [SCALE.index(r) for r in big.sort("rating")["rating"].to_list()]
    assert ranks == sorted(ranks) and ranks[0] == 0
    assert df.filter(pl.col("due").dt.month() == 11)["action_id"].to_list() == ["a1"]
    assert ev.discrepancies.to_polars().schema["recorded"] == pl.Enum(SCALE)
    assert pl.DataFrame(ev.actions).schema["rating"] in (pl.Categorical, pl.Enum(SCALE))


def test_an_unrated_column_is_still_a_rating_column(lancashire: lineofsight.Plan) -> None:
    import pyarrow as pa

    plan = dict(PLAN, objectives=[{"id": "o1", "title": "x", "actions": [
        {"id": "a1", "text": "y", "timescale": "Dec-19"}]}])
    t = pa.table(lineofsight.Plan.from_json(json.dumps(plan)).evaluate(as_of=AS_OF).actions)
    assert t.column("recorded").null_count == 1
    assert pa.types.is_dictionary(t.schema.field("recorded").type)
    assert t.schema.field("leads").type == pa.list_(pa.string())


def test_html_shows_rating_chips_and_leads(ev: lineofsight.Evaluation) -> None:
    html = ev.actions._repr_html_()
    assert "lineofsight-chip" in html and 'title="Green"' in html and 'title="Red"' in html
    assert "Virtual School Head; Head of Service, Children Looked After" in html
    assert "lineofsight-chip" in ev.discrepancies._repr_html_()
