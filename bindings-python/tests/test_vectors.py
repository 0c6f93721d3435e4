"""The shared test vectors in tests/vectors/, run through Python: the
answers must be the ones the Rust suite checks (tests/vectors.rs)."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import lineofsight
from conftest import VECTORS, plain, vectors

RATING_CASES = vectors("ratings.json")["cases"]


def check_fields(case: str, what: str, want: dict[str, Any], got: dict[str, Any]) -> None:
    """Every expected field equals the table's; nested objects (counts) are
    compared with the table's flattened columns (counts_red, …)."""
    for key, value in want.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                assert got[f"{key}_{sub}"] == v, f"case {case}: {what}: {key}.{sub}"
        else:
            assert key in got, f"case {case}: {what}: no column {key}"
            assert got[key] == value, f"case {case}: {what}: field {key}"


@pytest.mark.parametrize("case", RATING_CASES, ids=[c["name"] for c in RATING_CASES])
def test_ratings(case: dict[str, Any]) -> None:
    name = case["name"]
    plan = lineofsight.Plan.from_json(json.dumps(case["plan"]))
    rules = lineofsight.RuleSet.from_dict(case["rules"]) if "rules" in case else plan.rules
    ev = plan.evaluate(as_of=datetime.date.fromisoformat(case["as_of"]), rules=rules)
    expected = case["expected"]
    actions = {r["action_id"]: plain(r) for r in ev.actions.records()}
    for want in expected["actions"]:
        check_fields(name, want["action_id"], want, actions[want["action_id"]])
    for key in ("objectives", "groups", "priorities"):
        rows = {r["id"]: plain(r) for r in getattr(ev, key).records()}
        for want in expected.get(key, []):
            check_fields(name, want["id"], want, rows[want["id"]])
    if "plan_rollup" in expected:
        rollup = ev.plan_rollup()
        got = {"rating": rollup["rating"], "reason_message": rollup["reason"]["message"]}
        got.update({f"counts_{k}": v for k, v in rollup["counts"].items()})
        check_fields(name, "plan", expected["plan_rollup"], got)
    if "discrepancies" in expected:
        got_d = [
            {k: r[k] for k in ("action_id", "recorded", "computed", "direction")}
            for r in ev.discrepancies.records()
        ]
        assert got_d == expected["discrepancies"], f"case {name}: discrepancies"


def test_ratings_cover_enough_cases() -> None:
    assert len(RATING_CASES) >= 20


@pytest.mark.parametrize(
    "case", vectors("rating_spellings.json")["cases"], ids=lambda c: repr(c["text"])
)
def test_rating_spellings(case: dict[str, Any]) -> None:
    if case.get("error"):
        with pytest.raises(lineofsight.RatingParseError) as err:
            lineofsight.parse_rating(case["text"])
        assert err.value.text == case["text"]
    else:
        assert lineofsight.parse_rating(case["text"]) == case["rating"]


def test_rating_spellings_vectorised() -> None:
    cases = vectors("rating_spellings.json")["cases"]
    got = lineofsight.parse_ratings([c["text"] for c in cases], errors="none")
    assert got == [c.get("rating") for c in cases]


def test_refs() -> None:
    file = vectors("refs.json")
    assert lineofsight.sort_refs(file["sort"]["input"]) == file["sort"]["expected"]
    for case in file["covers"]:
        assert lineofsight.ref_covers(case["ref"]) == case["covers"], case["ref"]


TIMESCALE_CASES = vectors("timescales.json")["cases"]


@pytest.mark.parametrize("case", TIMESCALE_CASES, ids=[repr(c["raw"]) for c in TIMESCALE_CASES])
def test_timescales(case: dict[str, Any]) -> None:
    assert plain(lineofsight.parse_timescale(case["raw"])) == case["expected"]


def test_timescales_vectorised() -> None:
    raws = [c["raw"] for c in TIMESCALE_CASES]
    assert len(raws) >= 40
    assert plain(lineofsight.parse_timescales(raws)) == [c["expected"] for c in TIMESCALE_CASES]
    dues = lineofsight.due_dates(raws)
    assert [d.isoformat() if d else None for d in dues] == [
        c["expected"]["due"] for c in TIMESCALE_CASES
    ]


MEASURE_CASES = vectors("measures.json")["cases"]


def as_json(value: Any) -> Any:
    """Python values as the vectors write them: dates as ISO strings."""
    return json.loads(json.dumps(value, default=lambda d: d.isoformat()))


@pytest.mark.parametrize("case", MEASURE_CASES, ids=[c["name"] for c in MEASURE_CASES])
def test_measures(case: dict[str, Any]) -> None:
    name = case["name"]
    plan = lineofsight.Plan.from_json(json.dumps(case["plan"]))
    rules = lineofsight.RuleSet.from_dict(case["rules"]) if "rules" in case else plan.rules
    ev = plan.evaluate(as_of=datetime.date.fromisoformat(case["as_of"]), rules=rules)
    for want in case["expected"]["measures"]:
        got = as_json(ev.measure(want["measure_id"]).to_dict())
        got["reason_code"] = got["reason"]["code"]
        got["reason_message"] = got["reason"]["message"]
        latest = (got.get("latest") or {}).get("period")
        got["latest_benchmark"] = next((b for b in reversed(got.get("benchmarks", [])) if b["period"] == latest), None)
        for key, value in want.items():
            assert got.get(key) == value, f"case {name}: {want['measure_id']}: field {key}"
    rows = {r["id"]: plain(r) for r in ev.objectives.records()}
    for want in case["expected"].get("objectives", []):
        check_fields(name, want["id"], want, rows[want["id"]])


def test_measures_cover_enough_cases() -> None:
    assert len(MEASURE_CASES) >= 20


@pytest.mark.parametrize("case", vectors("targets.json")["cases"], ids=lambda c: c["text"][:40])
def test_targets(case: dict[str, Any]) -> None:
    assert as_json(lineofsight.parse_target(case["text"])) == case["expected"]


@pytest.mark.parametrize("case", vectors("periods.json")["cases"])
def test_periods(case: dict[str, Any]) -> None:
    want = case["expected"]
    def read() -> dict[str, Any]:
        if "label" in case:
            return lineofsight.parse_period(case["label"], case["year_end"])
        return lineofsight.parse_ees_period(case["time_period"], case["time_identifier"])
    if "error" in want:
        with pytest.raises(lineofsight.PeriodParseError) as e:
            read()
        assert str(e.value) == want["error"]
    else:
        assert as_json(read()) == want


@pytest.mark.parametrize("case", vectors("values.json")["cases"], ids=lambda c: repr(c["text"]))
def test_values(case: dict[str, Any]) -> None:
    want = case["expected"]
    if isinstance(want, dict):
        with pytest.raises(lineofsight.ValueParseError) as e:
            lineofsight.parse_value(case["text"])
        assert str(e.value) == want["error"]
    elif isinstance(want, str):
        assert lineofsight.parse_value(case["text"]) is None  # a suppression symbol: a state, no number
    else:
        assert lineofsight.parse_value(case["text"]) == want


REPORT_CASES = vectors("reports.json")["cases"]


def check_subset(case: str, path: str, want: Any, got: Any) -> None:
    """Objects match field by field (a subset); lists and values exactly."""
    if isinstance(want, dict):
        for key, value in want.items():
            check_subset(case, f"{path}.{key}", value, (got or {}).get(key))
    elif isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), f"case {case}: {path}: {got}"
        for i, (w, g) in enumerate(zip(want, got)):
            check_subset(case, f"{path}[{i}]", w, g)
    else:
        assert got == want, f"case {case}: {path}"


@pytest.mark.parametrize("case", REPORT_CASES, ids=[c["name"] for c in REPORT_CASES])
def test_reports(case: dict[str, Any]) -> None:
    plan = lineofsight.Plan.from_json(json.dumps(case["plan"]))
    ev = plan.evaluate(as_of=case["as_of"])
    previous = lineofsight.Plan.from_json(json.dumps(case["previous"])) if "previous" in case else None
    given = case["options"]
    report = json.loads(
        ev.export(
            "json",
            since=given.get("since"),
            by_lead=given.get("by_lead", False),
            lead=given.get("lead"),
            previous=previous,
        )
    )
    check_subset(case["name"], "$", case["expected"], report)


EDIT_CASES = vectors("edits.json")["cases"]


@pytest.mark.parametrize("case", EDIT_CASES, ids=[c["name"] for c in EDIT_CASES])
def test_edits(case: dict[str, Any], tmp_path: Any) -> None:
    name = case["name"]
    plan = lineofsight.Plan.from_json(json.dumps(case["plan"]))
    if "expected_error" in case:
        want = case["expected_error"]
        with pytest.raises(lineofsight.EditError) as caught:
            plan.apply(case["edits"])
        e = caught.value
        assert e.kind == want["kind"], f"case {name}"
        if "edit" in want:
            assert e.edit == want["edit"], f"case {name}"
        if "id" in want:
            assert e.id == want["id"], f"case {name}"
        if "path" in want:
            assert e.path == want["path"], f"case {name}: {e.reason}"
        return
    edited = plan.apply(case["edits"])
    expected = case["expected"]
    data = plain(edited.to_dict())
    ids = [a["id"] for o in data["objectives"] for a in o["actions"]]
    assert ids == expected["action_ids"], f"case {name}"
    assert data.get("reported_on") == expected["reported_on"], f"case {name}"
    ev = edited.evaluate(as_of=case["as_of"])
    actions = {r["action_id"]: plain(r) for r in ev.actions.records()}
    for want in expected["actions"]:
        got = dict(actions[want["action_id"]])
        got["reason_code"] = got.get("reason_code")
        for key, value in want.items():
            assert got[key] == value, f"case {name}: {want['action_id']}: {key}"
    for action_id, updates in expected.get("progress", {}).items():
        action = next(a for o in data["objectives"] for a in o["actions"] if a["id"] == action_id)
        assert action["progress"] == updates, f"case {name}: progress"
    # Saved and loaded back, the edited plan is the same plan.
    edited.save(tmp_path / "plan.json")
    assert lineofsight.Plan.load(tmp_path / "plan.json").to_dict() == edited.to_dict()


def test_edits_take_python_dates() -> None:
    plan = lineofsight.Plan.from_json(json.dumps(EDIT_CASES[0]["plan"]))
    update = {"date": datetime.date(2019, 12, 20), "note": "Drafted", "by": "Participation Lead"}
    edited = plan.apply({"edit": "record_update", "action": "a2", "update": update})
    ev = edited.evaluate(as_of=datetime.date(2019, 12, 31))
    row = next(r for r in ev.actions.records() if r["action_id"] == "a2")
    assert row["commentary_note"] == "Drafted"
    with pytest.raises(lineofsight.ParseError, match="unknown field `stat`"):
        plan.apply({"edit": "set_state", "action": "a1", "stat": "complete"})
    # A misspelt field inside the update is refused too, not dropped.
    with pytest.raises(lineofsight.LineOfSightError, match=r"\$\[0\]\.update\.rateing"):
        plan.apply([{"edit": "record_update", "action": "a1", "update": {"note": "n", "rateing": "green"}}])
    # Only dates are written for JSON; anything else is a TypeError-like refusal.
    with pytest.raises(lineofsight.LineOfSightError, match="set is not JSON serializable"):
        plan.apply({"edit": "set_timescale", "action": "a1", "timescale": {1}})
