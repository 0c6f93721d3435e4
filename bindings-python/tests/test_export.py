"""Saving the board report from Python gives the same bytes as the command
line's formats; a publish-safe copy names no person."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import lineofsight

AS_OF = datetime.date(2019, 12, 31)


@pytest.fixture(scope="module")
def plan() -> lineofsight.Plan:
    return lineofsight.Plan.builtin("lancashire")


def test_every_format(plan: lineofsight.Plan, tmp_path: Path) -> None:
    ev = plan.evaluate(as_of=AS_OF)
    html = ev.export("html")
    assert isinstance(html, str) and html.startswith("<!DOCTYPE html>")
    assert "Measures of success" in html and "<svg" in html
    assert "| Measure |" in ev.export("markdown")
    assert ev.export("csv").startswith("objective_ref,")
    assert '"as_of": "2019-12-31"' in ev.export("json")
    xlsx = ev.export("xlsx")
    assert isinstance(xlsx, bytes) and xlsx[:2] == b"PK"
    ev.save(tmp_path / "board.html")
    assert (tmp_path / "board.html").read_text(encoding="utf-8") == html
    ev.save(tmp_path / "board.xlsx")
    assert (tmp_path / "board.xlsx").read_bytes()[:2] == b"PK"


def test_unknown_format_is_a_value_error(plan: lineofsight.Plan, tmp_path: Path) -> None:
    ev = plan.evaluate(as_of=AS_OF)
    with pytest.raises(ValueError, match="not a report format"):
        ev.export("pdf")
    with pytest.raises(ValueError):
        ev.save(tmp_path / "board.pdf")


def test_export_options_and_previous_version(plan: lineofsight.Plan) -> None:
    ev = plan.evaluate(as_of=AS_OF)
    public = ev.export("html", publish=True)
    assert "some leads are named people" not in public
    text = ev.export("terminal", since=datetime.date(2019, 9, 30))
    assert "30/09/2019" in text
    # Last quarter's version of the plan: nothing re-baselined in the same file.
    report = ev.board_report(previous=plan, since=datetime.date(2019, 9, 30))
    assert report["changes"]["moved_deadlines"] == []


def test_publish_safe_copy(plan: lineofsight.Plan) -> None:
    named = [lead for lead in plan.to_dict()["leads"] if lead.get("kind") == "person"]
    assert named, "the built-in plan names a person"
    public = plan.redacted()
    html = public.evaluate(as_of=AS_OF).export("html")
    for lead in named:
        assert lead["name"] not in html
    assert "some leads are named people" not in html


def test_word_paper_and_calendar(plan: lineofsight.Plan) -> None:
    import io
    import zipfile

    ev = plan.evaluate(as_of=AS_OF)
    paper = ev.export("docx")
    assert isinstance(paper, bytes) and paper[:2] == b"PK"
    parts = zipfile.ZipFile(io.BytesIO(paper)).namelist()
    assert "word/document.xml" in parts
    # Without fonts the charts' figures are tables: no pictures.
    assert not any(p.startswith("word/media/") for p in parts)
    calendar = ev.export("ics")
    assert isinstance(calendar, str) and "BEGIN:VEVENT" in calendar


def test_word_paper_draws_charts_with_the_fonts_given(plan: lineofsight.Plan) -> None:
    fonts = sorted(Path("/usr/share/fonts").rglob("LiberationSans-Regular.ttf"))
    if not fonts:
        pytest.skip("no Liberation Sans under /usr/share/fonts to draw charts with")
    import io
    import zipfile

    paper = plan.evaluate(as_of=AS_OF).export("docx", fonts=[fonts[0].read_bytes()])
    assert isinstance(paper, bytes)
    parts = zipfile.ZipFile(io.BytesIO(paper)).namelist()
    assert any(p.startswith("word/media/") and p.endswith(".png") for p in parts)


def test_csv_export_reads_back_as_the_same_actions(plan: lineofsight.Plan) -> None:
    csv = plan.evaluate(as_of=AS_OF).export("csv")
    back = lineofsight.Plan.from_table(csv, format="csv")

    def actions(p: lineofsight.Plan) -> list[tuple[object, ...]]:
        return [
            (a["id"], a["text"], a["state"], a.get("recorded_rating"), a.get("progress", []),
             a.get("sub_activities", []), {k: v for k, v in a.get("extra", {}).items() if v})
            for o in p.to_dict()["objectives"]
            for a in o["actions"]
        ]

    assert actions(back) == actions(plan)


@pytest.mark.parametrize("name", ["lancashire", "lancashire-cip-2017"])
def test_the_workbook_gives_the_whole_plan_back(name: str, tmp_path: Path) -> None:
    """The xlsx export is the whole plan: objectives, measures, leads with
    their ids and kinds, data sets; re-importing it gives the same plan."""
    plan = lineofsight.Plan.builtin(name)
    plan.evaluate(as_of=AS_OF).save(tmp_path / "plan.xlsx")
    back = lineofsight.Plan.load(tmp_path / "plan.xlsx")
    assert back.import_warnings() == []
    assert back.to_dict() == plan.to_dict()
