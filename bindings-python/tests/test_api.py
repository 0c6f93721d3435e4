"""The Python API: loading, tables (Arrow, pandas, polars, records), rules,
parsing helpers, rich display."""

from __future__ import annotations

import datetime
import json
import pathlib
import zipfile
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pytest

import lineofsight
from lineofsight import Evaluation, Plan, RuleSet

from conftest import without_pyarrow

AS_OF = datetime.date(2019, 12, 31)
CSV = (
    "Lancashire action plan\n"
    "Ref,Action,Lead,By when?,RAG\n"
    "1,Launch Mind of My Own,Participation Team,Dec-19,Green\n"
    "2,Review PEPs,Virtual School Head,31/08/2019,Green\n"
)


def write_xlsx(path: pathlib.Path, rows: list[list[str]]) -> None:
    """A minimal xlsx workbook with inline strings, written with zipfile."""

    def col(i: int) -> str:
        return chr(ord("A") + i)

    cells = "".join(
        f'<row r="{r + 1}">'
        + "".join(
            f'<c r="{col(c)}{r + 1}" t="inlineStr"><is><t>{xml_escape(v)}</t></is></c>'
            for c, v in enumerate(row)
        )
        + "</row>"
        for r, row in enumerate(rows)
    )
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="{rel}">'
            '<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{cells}</sheetData></worksheet>'
        ),
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)


def test_builtin_and_json_round_trip(lancashire: Plan) -> None:
    assert lineofsight.builtin_plans() == ["lancashire", "lancashire-cla-2014-17", "lancashire-cip-2017", "lancashire-cps-2018-20"]
    assert lancashire.organisation == "Lancashire County Council"
    again = Plan.from_json(lancashire.to_json())
    assert again.to_json() == lancashire.to_json()
    assert lancashire.to_dict()["schema_version"] == 1
    assert any("31/04/2019" in w["message"] for w in lancashire.warnings())
    assert "Plan" in repr(lancashire) and "actions" in repr(lancashire)


@pytest.mark.parametrize("suffix", ["json", "csv", "tsv", "xlsx"])
def test_load_each_format(tmp_path: pathlib.Path, suffix: str, lancashire: Plan) -> None:
    path = tmp_path / f"plan.{suffix}"
    if suffix == "json":
        path.write_text(lancashire.to_json(), encoding="utf-8")
    elif suffix == "csv":
        path.write_text(CSV, encoding="utf-8")
    elif suffix == "tsv":
        path.write_text(CSV.replace(",", "\t"), encoding="utf-8")
    else:
        write_xlsx(path, [line.split(",") for line in CSV.strip().split("\n")])
    plan = Plan.load(path)
    if suffix == "json":
        assert plan.action_count == lancashire.action_count
        return
    assert plan.action_count == 2
    ev = plan.evaluate(as_of=AS_OF)
    rows = {r["ref"]: r for r in ev.actions.records()}
    assert rows["2"]["rating"] == "red" and rows["2"]["due"] == datetime.date(2019, 8, 31)
    assert rows["2"]["reason_message"] == "Red: due 31/08/2019, 122 days ago, not complete"
    assert [d["ref"] for d in ev.discrepancies.records()] == ["1", "2"]  # Dec-19 is due today: Amber
    assert plan.import_warnings() == [] or all("row" in w for w in plan.import_warnings())


def test_load_with_mapping(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("No.,What,Who?,When\n1,Do it,Team,Dec-19\n", encoding="utf-8")
    mapping = {"columns": {"No.": "ref", "What": "action", "Who?": "lead", "When": "timescale"}}
    plan = Plan.load(path, mapping=mapping)
    (row,) = plan.evaluate(as_of=AS_OF).actions.records()
    assert row["due"] == datetime.date(2019, 12, 31)
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(json.dumps(mapping), encoding="utf-8")
    assert Plan.load(path, mapping=mapping_file).action_count == 1


def test_tables(evaluation: Evaluation, lancashire: Plan) -> None:
    actions = evaluation.actions
    assert len(actions) == lancashire.action_count
    assert actions.columns[:3] == ["action_id", "objective_id", "ref"]
    recs = actions.records()
    assert isinstance(recs[0], dict) and set(recs[0]) == set(actions.columns)
    assert all(r["due"] is None or isinstance(r["due"], datetime.date) for r in recs)
    for name in ("actions", "objectives", "measures", "discrepancies", "groups", "priorities"):
        t = getattr(evaluation, name)
        assert t.name == name and name in repr(t)
        assert hasattr(t, "__arrow_c_stream__")


def test_arrow_pandas_polars(evaluation: Evaluation) -> None:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    t = pa.table(evaluation.actions)
    assert t.num_rows == len(evaluation.actions)
    assert t.schema.field("due").type == pa.date32()
    assert t.schema.field("overridden").type == pa.bool_()
    assert pa.schema(evaluation.actions) == t.schema  # __arrow_c_schema__
    df = evaluation.discrepancies.to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == len(evaluation.discrepancies)
    assert set(df["direction"]) <= {"optimistic", "pessimistic"}
    pdf = evaluation.objectives.to_polars()
    assert isinstance(pdf, pl.DataFrame) and pdf.height == len(evaluation.objectives)
    assert pl.DataFrame(evaluation.measures).height == len(evaluation.measures)
    # Stream as many times as asked.
    assert pa.table(evaluation.actions).equals(t)


def test_to_arrow_is_the_arrow_stream_as_a_pyarrow_table(evaluation: Evaluation) -> None:
    pa = pytest.importorskip("pyarrow")
    t = evaluation.actions.to_arrow()
    assert isinstance(t, pa.Table)
    assert t.equals(pa.table(evaluation.actions))
    assert t.schema.field("due").type == pa.date32()


def test_to_pandas_without_pyarrow() -> None:
    without_pyarrow(
        "import datetime, lineofsight\n"
        "ev = lineofsight.Plan.builtin('lancashire').evaluate(as_of=datetime.date(2019, 12, 31))\n"
        "assert list(ev.actions.to_pandas().columns) == ev.actions.columns\n"
    )


def test_missing_optional_packages_say_what_to_install(
    evaluation: Evaluation, monkeypatch: Any
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match="pip install polars"):
        evaluation.actions.to_polars()
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match="pip install pyarrow"):
        evaluation.actions.to_arrow()
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        evaluation.actions.to_pandas()


def test_package_imports_without_pyarrow_or_pandas() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "for m in ('pyarrow', 'pandas', 'polars', 'numpy'): sys.modules[m] = None\n"
        "import datetime, lineofsight\n"
        "ev = lineofsight.Plan.builtin('lancashire').evaluate(as_of=datetime.date(2019, 12, 31))\n"
        "assert len(ev.actions.records()) > 0\n"
        "ev.actions.__arrow_c_stream__()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_package_does_not_import_pandas_until_asked() -> None:
    # The stubs name pandas, polars and pyarrow for their types only.
    import subprocess
    import sys

    code = (
        "import sys, lineofsight\n"
        "ev = lineofsight.Plan.builtin('lancashire').evaluate(as_of='2019-12-31')\n"
        "ev.actions.records()\n"
        "loaded = {'pyarrow', 'pandas', 'polars', 'numpy'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_rules(lancashire: Plan) -> None:
    schema = lineofsight.rules_schema()
    assert "due_soon_days" in schema["properties"]
    assert "schema_version" in lineofsight.plan_schema()["properties"]
    rules = RuleSet.from_dict({"due_soon_days": 60})
    assert rules.to_dict()["due_soon_days"] == 60 and rules != RuleSet()
    assert RuleSet.from_json(rules.to_json()) == rules
    assert RuleSet.default() == RuleSet() and "due_soon_days=30" in repr(RuleSet())
    strict = lancashire.evaluate(as_of=AS_OF, rules={"due_soon_days": 60})
    default = lancashire.evaluate(as_of=AS_OF)
    assert strict.rules == rules
    count = lambda ev, r: sum(1 for a in ev.actions.records() if a["rating"] == r)  # noqa: E731
    assert count(strict, "amber") >= count(default, "amber")


def test_parsing_helpers() -> None:
    t = lineofsight.parse_timescale("Nov 18 – Nov 19")
    assert t["kind"] == "range" and t["due"] == datetime.date(2019, 11, 30)
    with pytest.raises(lineofsight.TimescaleParseError) as err:
        lineofsight.parse_timescale("31/04/2019", strict=True)
    assert err.value.kind == "impossible_date" and err.value.fragment == "31/04/2019"
    assert lineofsight.due_dates(["Dec-19", "Immediate and ongoing"]) == [
        datetime.date(2019, 12, 31), None]
    assert lineofsight.parse_rating("Amber/Green") == "amber_green"
    assert lineofsight.parse_ratings(["R", None, "Purple"], errors="none") == ["red", None, None]
    target = lineofsight.parse_target("There are less than 64 CLA per 10,000 of the population")
    assert target["kind"] == "target" and target["target"]["value"] == 64.0
    assert [x["kind"] for x in lineofsight.parse_targets(["", "50% by 2020"])][0] != "target"
    assert lineofsight.parse_value("1,699") == 1699.0 and lineofsight.parse_value("c") is None
    assert lineofsight.quartile_bands([1, 2, 3, 4, 5, "c", None], ["x"] * 7, ["Low"] * 7) == [
        "A", "A", "B", "C", "D", None, None]


def test_vectorised_over_pandas_series() -> None:
    import pandas as pd

    s = pd.Series(["Dec-19", "31/08/2019"])
    assert lineofsight.due_dates(s.tolist())[1] == datetime.date(2019, 8, 31)
    assert lineofsight.parse_ratings(pd.Series(["G", "A"]).tolist()) == ["green", "amber"]


def test_measure_rating(evaluation: Evaluation) -> None:
    m = evaluation.measure("cip-4.5-m1")
    assert m.rating == "red" and m.reason.startswith("Red:")
    assert "cip-4.5-m1" in repr(m)
    assert len(m.series) >= 1 and m.series.columns[:2] == ["period", "end"]
    assert isinstance(m.chart_svg(), str)
    assert m.to_dict()["measure_id"] == "cip-4.5-m1"
    assert "cip-4.5-m1" in evaluation.measure_ids()


def test_html_is_escaped_and_shows_text_and_shape() -> None:
    plan = Plan.from_json(json.dumps({
        "schema_version": 1, "title": "<script>alert(1)</script>", "organisation": "A & B",
        "objectives": [{"id": "o1", "title": "<b>bold</b>", "actions": [
            {"id": "a1", "text": "x", "timescale": "31/08/2019",
             "recorded": [{"rating": "Green", "date": "2019-12-01"}]}]}]}))
    for html in (plan._repr_html_(), plan.evaluate(as_of=AS_OF)._repr_html_()):
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert "<b>bold</b>" not in html
    ev_html = plan.evaluate(as_of=AS_OF)._repr_html_()
    assert "✖" in ev_html and "Red" in ev_html  # a shape and a word, not colour alone
    t_html = plan.evaluate(as_of=AS_OF).actions._repr_html_()
    assert "✖</span> Red" in t_html
    assert "As of" in repr(plan.evaluate(as_of=AS_OF)).title() or "as of" in repr(
        plan.evaluate(as_of=AS_OF))


def test_board_report(evaluation: Evaluation, lancashire: Plan) -> None:
    report = evaluation.board_report(upcoming_days=60)
    assert report["options"]["look_ahead_days"] == 60 and report["as_of"] == AS_OF
    assert len(report["actions"]) == len(evaluation.actions)
    # The evaluation keeps its plan: reports never mix two plans.
    assert evaluation.plan.to_json() == lancashire.to_json()


def test_board_report_changes_since_and_per_lead(evaluation: Evaluation) -> None:
    import datetime

    import pandas

    for since in (datetime.date(2019, 9, 30), "2019-09-30", pandas.Timestamp("2019-09-30")):
        report = evaluation.board_report(since=since)
        assert report["changes"]["since"] == datetime.date(2019, 9, 30)
        assert report["changes"]["ratings"], "some ratings moved in the quarter"
    with pytest.raises(TypeError, match="since must be a date"):
        evaluation.board_report(since=20190930)
    with pytest.raises(ValueError, match="ISO date"):
        evaluation.board_report(since="30/09/2019")
    lead = evaluation.board_report()["leads"][0]["name"]
    theirs = evaluation.board_report(lead=lead)
    assert theirs["lead"] == lead
    assert all(lead in row["leads"] for row in theirs["actions"])


def test_builtin_plans_have_periods():
    import datetime

    import lineofsight

    names = lineofsight.builtin_plans()
    assert names[0] == "lancashire"
    assert "lancashire-cla-2014-17" in names
    cla = lineofsight.Plan.builtin("lancashire-cla-2014-17")
    assert cla.dates == (datetime.date(2014, 4, 1), datetime.date(2017, 3, 31))
    assert cla.period == "2014–17"
    assert cla.status(datetime.date(2016, 6, 30)) == "current"
    assert cla.status(datetime.date(2019, 12, 31)) == "closed"
    assert lineofsight.Plan.builtin("lancashire").dates is None
