"""What Python has because Rust has it: changes between dates, actions due
within N days, reading EES files and deriving rates; and every Python name
in the parity list (tests/api_parity.json) exists (issue 12)."""

from __future__ import annotations

import datetime

import pytest

import lineofsight
from lineofsight import Plan

EES = (
    "time_period,time_identifier,geographic_level,country_code,region_code,"
    "old_la_code,la_name,region_name,country_name,population_type,rate_per_10000\n"
    "2019,Reporting year,Local authority,E92000001,E12000002,888,Lancashire,"
    "North West,England,Children looked after on 31 March each year,85\n"
    "2019,Reporting year,Local authority,E92000001,E12000002,889,"
    "Blackburn with Darwen,North West,England,"
    "Children looked after on 31 March each year,c\n"
)
FILTERS = {"population_type": "Children looked after on 31 March each year"}


def test_changes_between_dates_match_rust() -> None:
    plan = Plan.builtin("lancashire")
    t = plan.changes("2019-09-30", datetime.date(2019, 12, 31))
    rows = t.records()
    assert rows, "the built-in plan has actions that change rating"
    assert any(r["to"] == "red" for r in rows)  # as the core's doctest says
    first = rows[0]
    assert first["from"] != first["to"]
    assert first["from_date"] == datetime.date(2019, 9, 30)
    assert first["to_date"] == datetime.date(2019, 12, 31)
    assert {"action_id", "ref", "from_reason_code", "to_reason_message"} <= set(first)
    # Ratings are on the scale, as in the other tables.
    pa = pytest.importorskip("pyarrow")
    assert pa.types.is_dictionary(pa.table(t).schema.field("to").type)


def test_changes_takes_rules_and_checks_dates() -> None:
    plan = Plan.builtin("lancashire")
    same = plan.changes("2019-12-31", "2019-12-31", rules=lineofsight.RuleSet.default())
    assert same.records() == []
    with pytest.raises(TypeError, match="from_"):
        plan.changes(20190930, "2019-12-31")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO date"):
        plan.changes("2019-09-30", "31/12/2019")
    with pytest.raises(TypeError, match="rules"):
        plan.changes("2019-09-30", "2019-12-31", rules=3)  # type: ignore[arg-type]


def test_due_within_is_the_cores_order_with_the_actions_columns() -> None:
    ev = Plan.builtin("lancashire").evaluate("2019-12-31")
    due = ev.due_within(90).records()
    assert due
    dates = [r["due"] for r in due]
    assert dates == sorted(dates)
    assert all(ev.as_of <= d <= ev.as_of + datetime.timedelta(days=90) for d in dates)
    assert all(r["open"] for r in due)
    # Columns come from the rows, so an optional field only some actions have
    # may be absent.
    assert set(ev.due_within(90).columns) <= set(ev.actions.columns)
    assert "text" in due[0] and "leads" in due[0]
    assert ev.due_within(0).records() == [r for r in due if r["due"] == ev.as_of]
    with pytest.raises(ValueError, match="days must be a whole number of days from 0"):
        ev.due_within(-1)
    with pytest.raises(TypeError):
        ev.due_within("90")  # type: ignore[arg-type]


def test_read_ees_gives_a_data_set_dict() -> None:
    ds = lineofsight.read_ees(
        EES,
        id="cla-rate",
        title="CLA per 10,000",
        source="DfE",
        value_column="rate_per_10000",
        filters=FILTERS,
        unit={"unit": "rate", "per": 10000},
    )
    assert ds["id"] == "cla-rate"
    assert ds["unit"] == {"unit": "rate", "per": 10000}
    areas = {a["code"]: a for a in ds["areas"]}
    assert areas["888"]["values"]["2019"] == 85.0
    assert areas["889"]["values"]["2019"] != 85.0  # suppressed ("c")
    assert lineofsight.read_ees(EES.encode(), id="x", value_column="rate_per_10000") == {
        **lineofsight.read_ees(EES, id="x", value_column="rate_per_10000")
    }


def test_read_ees_errors() -> None:
    with pytest.raises(lineofsight.EesReadError) as e:
        lineofsight.read_ees(EES, id="x", value_column="rate_per_100")
    assert e.value.kind == "missing_column"
    assert e.value.column == "rate_per_100"
    assert isinstance(e.value, lineofsight.LineOfSightError)
    with pytest.raises(lineofsight.EesReadError) as e:
        lineofsight.read_ees(
            EES, id="x", value_column="rate_per_10000", filters={"population_type": "none"}
        )
    assert e.value.kind == "no_rows"
    bad = EES.replace(",85\n", ",eighty\n")
    with pytest.raises(lineofsight.EesReadError) as e:
        lineofsight.read_ees(bad, id="x", value_column="rate_per_10000")
    assert (e.value.kind, e.value.line) == ("bad_value", 2)
    with pytest.raises(ValueError, match="polarity"):
        lineofsight.read_ees(EES, id="x", value_column="rate_per_10000", polarity="up")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unit"):
        lineofsight.read_ees(EES, id="x", value_column="rate_per_10000", unit="rate")
    with pytest.raises(TypeError):
        lineofsight.read_ees(3, id="x", value_column="rate_per_10000")  # type: ignore[arg-type]


def test_derive_rate() -> None:
    def one(label: str, value: float) -> dict[str, object]:
        return {
            "id": "d",
            "title": "d",
            "source": "DfE",
            "unit": {"unit": "count"},
            "areas": [
                {
                    "code": "888",
                    "name": "Lancashire",
                    "level": "local_authority",
                    "values": {label: value},
                }
            ],
        }

    rate = lineofsight.derive_rate(
        "referral-rate", "Referrals per 10,000", one("2025", 7948), one("2024", 261392), 10000, 1
    )
    assert rate["id"] == "referral-rate"
    assert abs(rate["areas"][0]["values"]["2025"] - 304.06) < 0.01
    with pytest.raises(lineofsight.ValidationError):
        lineofsight.derive_rate("r", "r", {"id": 1}, one("2024", 1), 10000)
    with pytest.raises(TypeError):
        lineofsight.derive_rate("r", "r", [], one("2024", 1), 10000)  # type: ignore[arg-type]


def test_every_python_name_in_the_parity_list_exists() -> None:
    """tests/api_parity.json maps each public Rust function to its Python
    name (or a deliberate reason); each name must be on the package."""
    import json
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[2] / "tests" / "api_parity.json"
    listed = json.loads(path.read_text(encoding="utf-8"))["functions"]
    missing = []
    for key, entry in listed.items():
        name = entry["python"]
        if name.startswith("deliberate: "):
            continue
        obj: object = lineofsight
        for part in name.split("."):
            if not hasattr(obj, part):
                missing.append(f"{key} -> {name}")
                break
            obj = getattr(obj, part)
    assert not missing, f"names in tests/api_parity.json not in lineofsight: {missing}"
