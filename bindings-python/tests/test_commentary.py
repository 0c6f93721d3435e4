"""Each action's commentary, decided once by the core's evaluation, reaches
Python: ``ev.actions`` has the columns, and pandas, polars and Arrow see
them with their types; the board report exports show it too."""

from __future__ import annotations

import datetime
import json

import lineofsight

AS_OF = datetime.date(2019, 12, 31)

PLAN = {
    "schema_version": 1,
    "title": "Commentary plan",
    "organisation": "Council",
    "objectives": [{"id": "o1", "ref": "1", "title": "Objective one", "actions": [
        {"id": "a1", "ref": "1a", "text": "Refresh the pledge.", "timescale": "30/04/2020",
         "progress": [{"note": "Forum consulted"},
                      {"date": "2019-09-30", "note": "Draft agreed | <b>signed</b>"},
                      {"date": "2020-02-01", "note": "Written later"}]},
        {"id": "a2", "ref": "1b", "text": "Review SGO support.", "timescale": "30/04/2020",
         "progress": [{"note": "Awaiting sign-off"}]},
        {"id": "a3", "ref": "1c", "text": "Launch Mind of My Own.", "timescale": "30/04/2020"},
    ]}],
}


def evaluation() -> tuple[lineofsight.Plan, lineofsight.Evaluation]:
    plan = lineofsight.Plan.from_json(json.dumps(PLAN))
    return plan, plan.evaluate(as_of=AS_OF)


def test_actions_table_has_the_commentary() -> None:
    _, ev = evaluation()
    assert {"commentary_note", "commentary_date"} <= set(ev.actions.columns)
    rows = {r["action_id"]: r for r in ev.actions.records()}
    assert rows["a1"]["commentary_note"] == "Draft agreed | <b>signed</b>"
    assert rows["a1"]["commentary_date"] == datetime.date(2019, 9, 30)
    assert rows["a2"]["commentary_note"] == "Awaiting sign-off"
    assert rows["a2"]["commentary_date"] is None
    assert rows["a3"]["commentary_note"] is None


def test_pandas_polars_and_arrow_see_the_commentary() -> None:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    _, ev = evaluation()
    t = pa.table(ev.actions)
    assert t.schema.field("commentary_note").type == pa.string()
    assert t.schema.field("commentary_date").type == pa.date32()
    df = ev.actions.to_pandas()
    assert isinstance(df, pd.DataFrame)
    by_id = df.set_index("action_id")
    assert by_id.loc["a1", "commentary_note"] == "Draft agreed | <b>signed</b>"
    assert by_id.loc["a1", "commentary_date"] == pd.Timestamp(2019, 9, 30)  # datetime64
    assert pd.isna(by_id.loc["a2", "commentary_date"])
    pdf = ev.actions.to_polars()
    assert pdf.schema["commentary_date"] == pl.Date
    assert pdf.filter(pl.col("action_id") == "a2")["commentary_note"].to_list() == ["Awaiting sign-off"]


def test_columns_are_typed_when_no_action_has_commentary(lancashire: lineofsight.Plan) -> None:
    import pyarrow as pa

    t = pa.table(lancashire.evaluate(as_of=AS_OF).actions)
    assert t.schema.field("commentary_note").type == pa.string()
    assert t.schema.field("commentary_date").type == pa.date32()
    assert t.column("commentary_note").null_count == t.num_rows


def test_every_export_shows_the_commentary() -> None:
    plan, ev = evaluation()
    assert "Latest update (30/09/2019): Draft agreed | <b>signed</b>" in ev.export("terminal")
    assert r"30/09/2019: Draft agreed \| \<b\>signed\</b\>" in ev.export("markdown")
    html = ev.export("html")
    assert "Draft agreed | &lt;b&gt;signed&lt;/b&gt;" in html and "Undated:" in html
    assert "2019-09-30,Draft agreed | <b>signed</b>" in ev.export("csv")
    report = json.loads(ev.export("json"))
    row = report["actions"][0]
    assert (row["commentary_date"], row["commentary_note"]) == ("2019-09-30", "Draft agreed | <b>signed</b>")
    assert ev.to_dict()["actions"][1]["commentary_note"] == "Awaiting sign-off"
