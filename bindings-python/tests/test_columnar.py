"""lineofsight.rate_actions: the columnar path over Arrow gives what
Plan.evaluate().actions gives, for the built-in plans and a synthetic one,
from pyarrow, polars and pandas; bad columns are ColumnsError."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import lineofsight

pa = pytest.importorskip("pyarrow")

AS_OFS = [datetime.date(2019, 12, 31), datetime.date(2021, 3, 31)]


def _date(v: Any) -> datetime.date | None:
    if v is None or isinstance(v, datetime.date):
        return v
    return datetime.date.fromisoformat(str(v)[:10])


def _latest(progress: list[dict[str, Any]], as_of: datetime.date, need: str | None = None) -> dict[str, Any] | None:
    """Action::latest_update (need=None) / the update recorded_as_of reads: the
    last of the latest dated on or before as_of."""
    best = None
    for u in progress:
        d = _date(u.get("date"))
        if d is None or d > as_of or (need and u.get(need) is None):
            continue
        if best is None or d >= _date(best["date"]):
            best = u
    return best


def columns_of(plan: lineofsight.Plan, as_of: datetime.date) -> tuple[Any, Any]:
    """The plan's actions and sub-activities as two Arrow tables."""
    rows: dict[str, list[Any]] = {k: [] for k in ("timescale", "state", "start", "last_update", "percent_complete", "recorded")}
    subs: dict[str, list[Any]] = {k: [] for k in ("action", "timescale", "state", "text")}
    i = 0
    for o in plan.to_dict()["objectives"]:
        for a in o.get("actions", []):
            progress = a.get("progress", [])
            latest = _latest(progress, as_of)
            rated = _latest(progress, as_of, "rating")
            recorded = rated["rating"] if rated else (a.get("recorded_rating") or {}).get("rating")
            rows["timescale"].append(a.get("timescale", ""))
            rows["state"].append(a.get("state"))
            rows["start"].append(_date(a.get("start")))
            rows["last_update"].append(_date(latest["date"]) if latest else None)
            rows["percent_complete"].append(latest.get("percent_complete") if latest else None)
            rows["recorded"].append(recorded)
            for s in a.get("sub_activities", []):
                subs["action"].append(i)
                subs["timescale"].append(s.get("timescale", ""))
                subs["state"].append(s.get("state"))
                subs["text"].append(s.get("text", ""))
            i += 1
    table = pa.table(
        {
            "timescale": pa.array(rows["timescale"], pa.string()),
            "state": pa.array(rows["state"], pa.string()),
            "start": pa.array(rows["start"], pa.date32()),
            "last_update": pa.array(rows["last_update"], pa.date32()),
            "percent_complete": pa.array(rows["percent_complete"], pa.float64()),
            "recorded": pa.array(rows["recorded"], pa.string()),
        }
    )
    sub_table = pa.table(
        {
            "action": pa.array(subs["action"], pa.int64()),
            "timescale": pa.array(subs["timescale"], pa.string()),
            "state": pa.array(subs["state"], pa.string()),
            "text": pa.array(subs["text"], pa.string()),
        }
    )
    return table, sub_table


def check_same(plan: lineofsight.Plan, as_of: datetime.date, rules: Any = None) -> None:
    table, subs = columns_of(plan, as_of)
    got = lineofsight.rate_actions(table, as_of=as_of, rules=rules, sub_activities=subs, reasons=True).to_pylist()
    ev = plan.evaluate(as_of=as_of, rules=rules or lineofsight.RuleSet())
    want = ev.actions.records()
    discrepant = {d["action_id"] for d in ev.discrepancies.records()}
    assert len(got) == len(want)
    sub_text = subs.column("text").to_pylist()
    for g, w in zip(got, want):
        at = f"{w['action_id']} as of {as_of}"
        assert g["rating"] == w["rating"], at
        assert g["computed"] == w["computed"], at
        assert g["reason_code"] == w["reason_code"], at
        assert g["reason"] == w["reason_message"], at
        assert g["due"] == w["due"], at
        assert g["recorded"] == w["recorded"], at
        assert g["overridden"] == w["overridden"], at
        assert g["discrepancy"] == (w["action_id"] in discrepant), at
        shown = sub_text[g["sub_activity"]] if g["sub_activity"] is not None else None
        assert shown == w.get("reason_sub_activity"), at


@pytest.mark.parametrize("name", lineofsight.builtin_plans())
def test_builtin_plans_agree_with_the_object_api(name: str) -> None:
    plan = lineofsight.Plan.builtin(name)
    for as_of in AS_OFS:
        check_same(plan, as_of)
    check_same(plan, AS_OFS[0], {"manual_override": "worse_only", "scale": "rag", "expected_progress": {"green_at_least": 0.9, "amber_at_least": 0.7}})


def synthetic_plan() -> lineofsight.Plan:
    forms = ["31/08/2019", "Dec-19", "Nov 18 – Nov 19", "Immediate and ongoing", "30th April 2020",
             "Mar 19 – ongoing quarterly", "Q3 2019/20", "2019/20", "Roll out Jan 19 Nov 19",
             "31/04/2019", "", "Achieved", "TBC", "01/03/2020 and ongoing"]
    states = ["in_progress", "not_started", "complete", "deferred", "cancelled", "in_progress"]
    ratings = [None, "green", "amber", "red", "blue", "amber_red", "not_rated"]
    actions = []
    for k in range(300):
        a: dict[str, Any] = {"id": f"a{k}", "text": "Synthetic", "timescale": forms[k % len(forms)], "state": states[k % len(states)]}
        if k % 2 == 0:
            a["progress"] = [{"date": f"2019-{1 + k % 12:02d}-01", "note": "", "percent_complete": float(k % 100),
                              **({"rating": ratings[k % 7]} if ratings[k % 7] else {})}]
        if k % 3 == 0 and ratings[(k // 3) % 7]:
            a["recorded_rating"] = {"rating": ratings[(k // 3) % 7]}
        if k % 5 == 0:
            a["start"] = "2019-01-01"
        if k % 4 == 0:
            a["sub_activities"] = [{"text": f"step {j}", "timescale": forms[(k + j) % len(forms)],
                                    **({"state": states[j]} if j % 2 else {})} for j in range(3)]
        actions.append(a)
    version = lineofsight.Plan.builtin(lineofsight.builtin_plans()[0]).to_dict()["schema_version"]
    doc = {"schema_version": version, "title": "Synthetic", "organisation": "Council",
           "objectives": [{"id": f"o{i}", "title": "Objective", "actions": actions[i * 30:(i + 1) * 30]} for i in range(10)]}
    import json
    return lineofsight.Plan.from_json(json.dumps(doc))


def test_synthetic_plan_agrees_with_the_object_api() -> None:
    plan = synthetic_plan()
    for as_of in [datetime.date(2019, 6, 30), *AS_OFS]:
        check_same(plan, as_of)
        check_same(plan, as_of, {"manual_override": "always", "due_soon_days": 14, "expected_progress": {"green_at_least": 0.9, "amber_at_least": 0.7}})


def test_polars_pandas_and_due_dates() -> None:
    plan = synthetic_plan()
    as_of = AS_OFS[0]
    table, _ = columns_of(plan, as_of)
    want = lineofsight.rate_actions(table, as_of=as_of)
    pl = pytest.importorskip("polars")
    assert lineofsight.rate_actions(pl.from_arrow(table), as_of=as_of).equals(want)
    pd = pytest.importorskip("pandas")
    frame = table.to_pandas()
    if hasattr(frame, "__arrow_c_stream__"):
        assert lineofsight.rate_actions(frame, as_of=as_of).equals(want)
    # Batches and a reader are rated batch by batch, in order.
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=7))
    # (Each batch's reason_code dictionary holds the codes it met, so compare values.)
    assert lineofsight.rate_actions(reader, as_of=as_of).to_pylist() == want.to_pylist()
    # Due dates instead of text: read as a timescale naming that one day.
    dues = pa.table({"due": pa.array([datetime.date(2019, 8, 31), None, datetime.date(2020, 1, 15)], pa.date32())})
    out = lineofsight.rate_actions(dues, as_of=as_of).to_pydict()
    assert out["rating"] == ["red", "no_data", "amber"]
    assert out["reason_code"] == ["overdue", "no_timescale", "due_soon"]
    assert want.schema.field("rating").type.ordered


def test_bad_columns_are_columns_errors() -> None:
    as_of = AS_OFS[0]
    with pytest.raises(lineofsight.ColumnsError) as e:
        lineofsight.rate_actions(pa.table({"when": ["Dec-19"]}), as_of=as_of)
    assert (e.value.kind, e.value.column, e.value.row) == ("missing_column", "timescale", None)
    with pytest.raises(lineofsight.ColumnsError) as e:
        lineofsight.rate_actions(pa.table({"timescale": ["Dec-19", "Jan-20"], "state": ["in_progress", "halfway"]}), as_of=as_of)
    assert (e.value.kind, e.value.column, e.value.row) == ("bad_value", "state", 1)
    with pytest.raises(lineofsight.ColumnsError) as e:
        lineofsight.rate_actions(pa.table({"timescale": ["Dec-19"], "recorded": ["purple"]}), as_of=as_of)
    assert (e.value.kind, e.value.column, e.value.row) == ("bad_value", "recorded", 0)
    with pytest.raises(lineofsight.ColumnsError) as e:
        lineofsight.rate_actions(pa.table({"timescale": ["Dec-19"], "last_update": [[1, 2]]}), as_of=as_of)
    assert (e.value.kind, e.value.column) == ("wrong_type", "last_update")
    subs = pa.table({"action": [3], "timescale": ["Dec-19"]})
    with pytest.raises(lineofsight.ColumnsError) as e:
        lineofsight.rate_actions(pa.table({"timescale": ["Dec-19"]}), as_of=as_of, sub_activities=subs)
    assert (e.value.kind, e.value.table, e.value.row) == ("no_such_action", "sub_activities", 0)
    with pytest.raises(TypeError):
        lineofsight.rate_actions([1, 2, 3], as_of=as_of)  # type: ignore[arg-type]
