"""Plans and actions in and out of data frames without JSON: Plan.from_arrow
and Plan.from_frame read a plan's own CSV columns back as the same plan;
DuckDB and polars hand their tables to rate_actions with no glue;
Plan.from_json's size limits can be raised."""

from __future__ import annotations

import datetime
import io
import json
from typing import Any

import pytest

import lineofsight

pa = pytest.importorskip("pyarrow")
pacsv = pytest.importorskip("pyarrow.csv")

AS_OF = datetime.date(2019, 12, 31)
# The columns of the export that hold dates.
DATES = ("due", "latest_update_date", "start")


def csv_of(plan: lineofsight.Plan, rules: Any = None, as_of: datetime.date = AS_OF) -> str:
    out = plan.evaluate(as_of=as_of, rules=rules).export("csv")
    assert isinstance(out, str)
    return out


def arrow_of(csv: str) -> Any:
    """The CSV as an Arrow table: text columns, the dates as date32."""
    header = next(iter(csv.splitlines()))
    names = next(iter(__import__("csv").reader([header])))
    types = {n: (pa.date32() if n in DATES else pa.string()) for n in names}
    options = pacsv.ConvertOptions(column_types=types, strings_can_be_null=False)
    return pacsv.read_csv(io.BytesIO(csv.encode()), convert_options=options)


@pytest.mark.parametrize("name", lineofsight.builtin_plans())
def test_a_plans_own_columns_come_back_as_the_same_plan(name: str) -> None:
    plan = lineofsight.Plan.builtin(name)
    # A table of actions does not carry the plan's period, past whose end
    # a plan is rated as of that end: rate both within it.
    as_of = plan.dates[1] if plan.dates else AS_OF
    csv = csv_of(plan, as_of=as_of)
    table = arrow_of(csv)
    assert table.schema.field("start").type == pa.date32()
    back = lineofsight.Plan.from_arrow(table)
    assert back.action_count == plan.action_count
    # Everything the table carries is the same (the rules are the plan's,
    # which a table of actions does not carry).
    assert csv_of(back, plan.rules, as_of) == csv
    assert all("row" in w for w in back.import_warnings())
    # A reader of small batches reads the same.
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=5))
    assert csv_of(lineofsight.Plan.from_arrow(reader), plan.rules, as_of) == csv


def test_polars_and_pandas_frames_of_the_export() -> None:
    plan = lineofsight.Plan.builtin("lancashire")
    csv = csv_of(plan)
    pl = pytest.importorskip("polars")
    frame = pl.read_csv(io.StringIO(csv), infer_schema=False).with_columns(
        pl.col("start").str.to_date(strict=False))
    assert csv_of(lineofsight.Plan.from_frame(frame), plan.rules) == csv
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)
    # Dates as pandas timestamps (datetime64), as read_csv(parse_dates=...) gives them.
    df["start"] = pd.to_datetime(df["start"].replace("", None))
    assert csv_of(lineofsight.Plan.from_frame(df), plan.rules) == csv


def test_any_tracker_table_imports_and_bad_tables_are_errors() -> None:
    tracker = pa.table({"Ref": ["1", "2"], "Action": ["Refresh the pledge", "Review SGO support"],
                        "By when?": ["Mar-20", "31/08/2019"]})
    plan = lineofsight.Plan.from_arrow(tracker)
    assert plan.action_count == 2
    ev = plan.evaluate(as_of=AS_OF).actions.records()
    assert [a["timescale"] for a in ev] == ["Mar-20", "31/08/2019"]
    with pytest.raises(lineofsight.TableImportError):
        lineofsight.Plan.from_arrow(pa.table({"x": ["just some words"]}))
    with pytest.raises(lineofsight.ColumnsError) as e:
        lineofsight.Plan.from_arrow(pa.table({"Ref": ["1"], "Action": [[1, 2]]}))
    assert (e.value.kind, e.value.column) == ("wrong_type", "Action")
    with pytest.raises(TypeError):
        lineofsight.Plan.from_arrow([1, 2, 3])  # type: ignore[arg-type]


def test_duckdb_and_polars_hand_their_tables_to_rate_actions() -> None:
    table = pa.table({
        "action_id": ["a1", "a2", "a3"],
        "timescale": ["Aug-19", "15/01/2020", "Immediate and ongoing"],
        "state": ["in_progress", None, "complete"],
    })
    want = lineofsight.rate_actions(table, AS_OF).column("rating").to_pylist()
    assert want == ["red", "amber", "blue"]
    pl = pytest.importorskip("polars")
    frame = pl.from_arrow(table)
    assert lineofsight.rate_actions(frame, AS_OF).column("rating").to_pylist() == want
    assert lineofsight.rate_actions(frame.lazy().filter(pl.col("action_id") != "").collect(), AS_OF) \
        .column("rating").to_pylist() == want
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    con.register("actions", table)
    rel = con.sql("SELECT action_id, timescale, state FROM actions ORDER BY action_id")
    # DuckDB 1.x's .arrow() is a Table, 2.x's a RecordBatchReader: both go straight in.
    assert lineofsight.rate_actions(rel.arrow(), AS_OF).column("rating").to_pylist() == want
    reader = rel.to_arrow_reader() if hasattr(rel, "to_arrow_reader") else rel.fetch_record_batch()
    assert lineofsight.rate_actions(reader, AS_OF).column("rating").to_pylist() == want
    if hasattr(rel, "__arrow_c_stream__"):  # the relation itself, on DuckDB 1.1+
        assert lineofsight.rate_actions(rel, AS_OF).column("rating").to_pylist() == want


def test_the_json_size_limits_can_be_raised() -> None:
    text = lineofsight.Plan.builtin("lancashire").to_json()
    with pytest.raises(lineofsight.ValidationError, match="max_bytes"):
        lineofsight.Plan.from_json(text, max_bytes=1_000)
    with pytest.raises(lineofsight.ValidationError, match="max_depth"):
        lineofsight.Plan.from_json(text, max_depth=2)
    assert lineofsight.Plan.from_json(text, max_bytes=len(text.encode())).action_count > 0
    assert lineofsight.Plan.from_json(text.encode(), max_bytes=10**10, max_depth=100, max_groups=10).action_count > 0
    doc = json.loads(text)
    doc["groups"] = [{"id": f"g{i}", "title": f"Group {i}"} for i in range(3)]
    with pytest.raises(lineofsight.ValidationError, match="max_groups"):
        lineofsight.Plan.from_json(json.dumps(doc), max_groups=2)
    with pytest.raises(OverflowError):
        lineofsight.Plan.from_json(text, max_bytes=-1)


def test_an_empty_actions_table_keeps_its_columns_and_types() -> None:
    # Built column by column, a table with no rows still has every column
    # of ev.actions (but the reason's due date and sub-activity, which are
    # there only when some action has one), typed.
    ev = lineofsight.Plan.builtin("lancashire-cla-2014-17").evaluate(as_of=datetime.date(2030, 1, 1))
    empty = ev.due_within(0)
    assert len(empty) == 0
    assert empty.columns == [c for c in ev.actions.columns if c not in ("reason_due", "reason_sub_activity")]
    schema = pa.table(empty).schema
    assert schema.field("rating").type == pa.table(ev.actions).schema.field("rating").type
    assert schema.field("due").type == pa.date32()
    assert schema.field("leads").type == pa.list_(pa.string())
