"""Bad input raises the documented exceptions, never a panic or a bare
Exception: wrong types (TypeError), None, malformed text, 10 MB of garbage."""

from __future__ import annotations

import datetime
import json
import random
from typing import Any, Callable

import pytest
from conftest import REPO

import lineofsight
from lineofsight import (
    LineOfSightError,
    ParseError,
    Plan,
    PlanLoadError,
    RuleSet,
    TableImportError,
    ValidationError,
)

MINIMAL = {"schema_version": 1, "title": "T", "organisation": "O", "objectives": []}


def garbage(size: int, seed: int) -> str:
    rng = random.Random(seed)
    alphabet = "{}[]\":,0123456789abcdefxyz \n\t\\/-–£é\u0000\ufeff"
    return "".join(rng.choice(alphabet) for _ in range(size))


TEN_MB = 10 * 1024 * 1024


def test_error_hierarchy() -> None:
    for cls in (ParseError, ValidationError, lineofsight.UnsupportedVersionError,
                lineofsight.UnknownBuiltinError):
        assert issubclass(cls, PlanLoadError)
    for cls in (PlanLoadError, TableImportError, lineofsight.RatingParseError,
                lineofsight.TimescaleParseError, lineofsight.ValueParseError):
        assert issubclass(cls, LineOfSightError)
    assert issubclass(LineOfSightError, Exception)
    assert LineOfSightError is not Exception


def test_parse_error_names_path_line_column() -> None:
    text = '{\n  "schema_version": 1,\n  "title": 7,\n  "organisation": "O"\n}'
    with pytest.raises(ParseError) as err:
        Plan.from_json(text)
    e = err.value
    assert (e.what, e.path, e.line) == ("plan", "$.title", 3)
    assert e.column > 0 and "string" in e.message
    assert "$.title" in str(e)


def test_validation_error_names_path() -> None:
    plan = dict(MINIMAL, objectives=[{"id": "o1", "title": "x", "actions": [
        {"id": "a1", "text": "y", "leads": ["nobody"]}]}])
    with pytest.raises(ValidationError) as err:
        Plan.from_json(json.dumps(plan))
    assert err.value.path == "$.objectives[0].actions[0].leads[0]"
    assert "nobody" in err.value.reason


@pytest.mark.parametrize("colour", [
    'red" onload="alert(1)', "red;background:url(https://example.com/x)", "red", "#12345",
])
def test_hostile_colour_is_refused_with_its_path(colour: str) -> None:
    plan = dict(MINIMAL, style={"colours": {"red": colour}})
    with pytest.raises(ValidationError) as err:
        Plan.from_json(json.dumps(plan))
    assert err.value.path == "$.style.colours.red"
    assert colour in str(err.value) or json.dumps(colour) in err.value.reason
    assert Plan.from_json(json.dumps(dict(MINIMAL, style={"colours": {"red": "#f00"}})))


def test_unsupported_version_and_unknown_builtin() -> None:
    with pytest.raises(lineofsight.UnsupportedVersionError) as err:
        Plan.from_json(json.dumps(dict(MINIMAL, schema_version=99)))
    assert (err.value.found, err.value.supported) == (99, 1)
    with pytest.raises(lineofsight.UnknownBuiltinError) as err2:
        Plan.builtin("atlantis")
    assert err2.value.name == "atlantis" and "lancashire" in err2.value.known


@pytest.mark.parametrize("text", ["", " ", "null", "[]", "42", "{", "{}", '{"title": }',
                                  "\ufeff", "\u0000", '{"schema_version": -1}', "{" * 10_000,
                                  '{"schema_version": 1e400}', "\ud800" if False else "é"])
def test_malformed_plan_json(text: str) -> None:
    with pytest.raises(PlanLoadError):
        Plan.from_json(text)


@pytest.mark.parametrize("seed", range(3))
def test_ten_megabytes_of_garbage(seed: int) -> None:
    g = garbage(TEN_MB, seed)
    with pytest.raises(PlanLoadError):
        Plan.from_json(g)
    with pytest.raises(PlanLoadError):
        Plan.from_json("{" + g)
    with pytest.raises(PlanLoadError):
        RuleSet.from_json("{" + g)
    with pytest.raises(TableImportError):
        Plan.from_table(g.encode("utf-8", "surrogatepass"))
    # Lenient parsers take any text and say what they could not read.
    assert lineofsight.parse_timescale(g)["raw"] == g
    with pytest.raises(lineofsight.TimescaleParseError):
        lineofsight.parse_timescale(g, strict=True)
    with pytest.raises(lineofsight.RatingParseError):
        lineofsight.parse_rating(g)
    with pytest.raises(lineofsight.ValueParseError):
        lineofsight.parse_value(g)
    assert isinstance(lineofsight.parse_target(g), dict)


def test_garbage_bytes_as_a_workbook() -> None:
    with pytest.raises(TableImportError) as err:
        Plan.from_table(b"PK\x03\x04" + bytes(range(256)) * 1000)
    assert err.value.kind == "unreadable"
    with pytest.raises(TableImportError):
        Plan.from_table(b"just some words\nand more")


CALLS: list[tuple[str, Callable[[Any], Any]]] = [
    ("Plan.from_json", Plan.from_json),
    ("Plan.builtin", Plan.builtin),
    ("Plan.from_table", Plan.from_table),
    ("RuleSet.from_dict", RuleSet.from_dict),
    ("RuleSet.from_json", RuleSet.from_json),
    ("parse_timescale", lineofsight.parse_timescale),
    ("parse_rating", lineofsight.parse_rating),
    ("parse_target", lineofsight.parse_target),
    ("parse_value", lineofsight.parse_value),
    ("ref_covers", lineofsight.ref_covers),
    ("sort_refs", lineofsight.sort_refs),
    ("parse_timescales", lineofsight.parse_timescales),
    ("due_dates", lineofsight.due_dates),
]


@pytest.mark.parametrize("name,call", CALLS, ids=[c[0] for c in CALLS])
@pytest.mark.parametrize("arg", [None, 42, 3.5, b"\xff\xfe", object(), ["a"], {"a": 1}],
                         ids=["None", "int", "float", "bytes", "object", "list", "dict"])
def test_wrong_types_raise_type_error(name: str, call: Callable[[Any], Any], arg: Any) -> None:
    ok_types = {
        "Plan.from_table": (bytes,),
        "Plan.from_json": (bytes,),
        "RuleSet.from_dict": (dict,),
        "sort_refs": (list,),
        "parse_timescales": (list,),
        "due_dates": (list,),
    }.get(name, ())
    if isinstance(arg, ok_types):
        try:
            call(arg)
        except LineOfSightError:
            pass
        return
    with pytest.raises(TypeError):
        call(arg)


def test_evaluate_argument_types(lancashire: Plan) -> None:
    # An ISO string is a date; anything else that is not a date says what it was.
    assert lancashire.evaluate(as_of="2019-12-31").as_of == datetime.date(2019, 12, 31)
    with pytest.raises(ValueError, match="ISO date"):
        lancashire.evaluate(as_of="31/12/2019")
    with pytest.raises(TypeError, match="not int"):
        lancashire.evaluate(as_of=20191231)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lancashire.evaluate(rules="default")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        lancashire.evaluate(rules={"due_soon_days": 30, "rollup": {"method": "share",
                                   "red_at_least": 2.0, "amber_at_least": 0.5}})
    # datetime.datetime is a date: its day is used.
    ev = lancashire.evaluate(as_of=datetime.datetime(2019, 12, 31, 23, 59))
    assert ev.as_of == datetime.date(2019, 12, 31)
    assert lancashire.evaluate().as_of == datetime.date.today()


def test_rules_from_dict_validation() -> None:
    with pytest.raises(ParseError) as err:
        RuleSet.from_dict({"due_soon_days": -3})
    assert err.value.path == "$.due_soon_days" and err.value.what == "rule set"
    with pytest.raises(ParseError) as err:
        RuleSet.from_dict({"colour": "red"})
    assert "colour" in str(err.value)
    with pytest.raises(ValidationError):
        RuleSet.from_dict({"when": datetime.date(2019, 1, 1)})
    with pytest.raises(ParseError):
        RuleSet.from_dict({"due_soon_days": float("nan")})
    with pytest.raises(ParseError):
        RuleSet.from_dict({"due_soon_days": 10**30})


def test_table_import_error_names_row_and_column() -> None:
    mapping = {"columns": {"Who?": "lead"}}
    with pytest.raises(TableImportError) as err:
        Plan.from_table("Ref,Action\n1,Do it\n", mapping=mapping, name="plan.csv")
    e = err.value
    assert e.kind == "mapping" and e.input == "plan.csv" and e.column == "Who?"
    assert isinstance(e.row, int)
    with pytest.raises(TableImportError) as err:
        Plan.from_table("Ref,Action\n1,Do it\n", mapping={"colums": {}})
    assert err.value.kind == "mapping" and err.value.column.startswith("$")
    with pytest.raises(ValidationError):
        Plan.from_table("Ref,Action\n1,Do it\n", format="pdf")


def test_quartile_bands_bad_input() -> None:
    with pytest.raises(ValidationError) as err:
        lineofsight.quartile_bands([1.0, 2.0], [0], ["High", "High"])
    assert err.value.path == "groups"
    with pytest.raises(ValidationError):
        lineofsight.quartile_bands([1.0], [0], ["Sideways"])
    with pytest.raises(lineofsight.ValueParseError) as err2:
        lineofsight.quartile_bands(["about ten"], [0], ["High"])
    assert err2.value.text == "about ten"
    with pytest.raises(TypeError):
        lineofsight.quartile_bands([object()], [0], ["High"])
    with pytest.raises(ValidationError):
        lineofsight.parse_ratings(["Red"], errors="ignore")  # type: ignore[arg-type]


def test_missing_measure_and_file(evaluation: Any, tmp_path: Any) -> None:
    with pytest.raises(KeyError):
        evaluation.measure("no-such-measure")
    with pytest.raises(FileNotFoundError):
        Plan.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe{ not json")
    with pytest.raises(ParseError):
        Plan.load(bad)


def test_random_short_strings_never_panic() -> None:
    """Many short strings of awkward characters through every text entry point."""
    rng = random.Random(5)
    alphabet = ("abcdeiorstuvwxyz ABCDEIRGNO0123456789 .,;:%/-–—£€é\u0130\u00df\u2028"
                "\ufeff\t\n\"'<>&|#*()[]{}")
    words = ["of", "the", "there are", "is", "are", "below", "less than", "by", "March",
             "2019", "Dec-19", "Nov 18 – Nov 19", "per 10,000", "%", "to", "from", "Q3",
             "2019/20", "ongoing", "Red", "A/G", "5a-c", "1.10", "c", "x"]
    for _ in range(3000):
        parts = [rng.choice(words) if rng.random() < 0.6 else
                 "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(0, 8))]
        text = "".join(p + rng.choice(["", " ", "é", "-"]) for p in parts)
        lineofsight.parse_target(text)
        lineofsight.parse_timescale(text)
        lineofsight.ref_covers(text)
        for f in (lineofsight.parse_rating, lineofsight.parse_value):
            try:
                f(text)
            except LineOfSightError:
                pass
        for strict in (True,):
            try:
                lineofsight.parse_timescale(text, strict=strict)
            except LineOfSightError:
                pass
        try:
            Plan.from_table("Ref,Action,Lead,By when?,RAG\n" + text.replace("\n", " ") + "\n")
        except LineOfSightError:
            pass
    lineofsight.sort_refs([text for text in words])


def _xlsx_with_cell_at(cell: str) -> bytes:
    """A 1-2 KB xlsx: a Ref/Action header, one action, and a number at `cell`."""
    import io
    import zipfile

    row = "".join(ch for ch in cell if ch.isdigit())
    data = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Action</t></is></c></row>'
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Do it</t></is></c></row>'
        f'<row r="{row}"><c r="{cell}"><v>7</v></c></row>'
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{rels}"><Relationship Id="rId1" '
            f'Type="{office}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{office}"><sheets>'
            '<sheet name="Actions" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{rels}"><Relationship Id="rId1" '
            f'Type="{office}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><dimension ref="A1:{cell}"/>'
            f"<sheetData>{data}</sheetData></worksheet>"
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize("cell", ["XFD1048576", "XFD20000"])
def test_a_cell_at_the_far_end_of_a_sheet_is_refused_not_a_crash(cell: str) -> None:
    # Before the import limits this allocated the whole used range and the
    # process died (XFD1048576) or took minutes and 18 GB (XFD20000).
    data = _xlsx_with_cell_at(cell)
    assert len(data) < 2_000
    with pytest.raises(TableImportError) as err:
        Plan.from_table(data, name="hostile.xlsx")
    assert err.value.kind == "too_large"
    assert f"sheet Actions: cell {cell} is past the limit of 1,000 columns" in str(err.value)
    # A mapping can raise the limits: the reader then reads the sheet.
    wide = _xlsx_with_cell_at("ALM3")
    with pytest.raises(TableImportError):
        Plan.from_table(wide)
    plan = Plan.from_table(wide, mapping={"limits": {"max_columns": 1001}})
    assert plan is not None


HOSTILE_PLAN = REPO / "tests" / "fixtures" / "hostile-plan.json"


def test_hostile_plan_shows_every_attack_as_text_in_notebook_output() -> None:
    """The same file the Rust HTML report and the dashboard are tested with:
    markup, quotes, controls and an unclosed right-to-left isolate in every
    text field. Every HTML view escapes it; the SVG chart stays XML."""
    import xml.etree.ElementTree as ET

    plan = Plan.from_json(HOSTILE_PLAN.read_text(encoding="utf-8"))
    ev = plan.evaluate(as_of="2019-12-31")
    views = {
        "plan": plan._repr_html_(),
        "evaluation": ev._repr_html_(),
        "actions": ev.actions._repr_html_(),
        "measures": ev.measures._repr_html_(),
        "measure": ev.measure("m1")._repr_html_(),
        "report": ev.export("html"),
    }
    for name, html in views.items():
        assert isinstance(html, str)
        for markup in ("<script", "<img", "onerror=\"", "<b>"):
            assert markup not in html, f"{name}: {markup} reaches the page as markup"
        controls = [c for c in html if ord(c) < 0x20 and c not in "\n\r\t"]
        assert not controls, f"{name}: control characters {controls!r}"
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in views["evaluation"]
    ET.fromstring(ev.measure("m1").chart_svg())
    terminal = ev.export("terminal")
    assert isinstance(terminal, str)
    assert not [c for c in terminal if ord(c) < 0x20 and c != "\n"]


# Nothing changes without a word (issue 13, item 5): the same messages as
# tests/strict_input.rs and bindings-wasm/tests/errors.test.mjs.
PLAN_TEXT = (
    '{"schema_version": 1, "title": "T", "organisation": "O", "objectives": [{"id": "o1", '
    '"title": "x", "actions": [{"id": "a1", "text": "y", "evidance": "minutes"}]}]}'
)
LATIN1 = b'{"schema_version": 1, "title": "Caf\xe9", "organisation": "O"}'
LATIN1_MESSAGE = (
    "plan JSON is not UTF-8 at byte 35 (line 1, column 36): byte 0xE9 is not UTF-8; it looks "
    "like Windows-1252 (Latin-1) text, as older Excel and Notepad save: save the file as UTF-8"
)


def test_a_plan_that_is_not_utf8_is_refused_with_the_byte_offset(tmp_path: Any) -> None:
    with pytest.raises(ParseError) as e:
        Plan.from_json(LATIN1)
    assert str(e.value) == LATIN1_MESSAGE
    assert (e.value.offset, e.value.line, e.value.column) == (35, 1, 36)
    path = tmp_path / "latin1.json"
    path.write_bytes(LATIN1)
    with pytest.raises(ParseError) as e:
        Plan.load(path)
    assert str(e.value) == LATIN1_MESSAGE
    assert Plan.from_json(PLAN_TEXT.encode()).title == "T"


def test_data_after_the_plan_and_misspelt_fields() -> None:
    with pytest.raises(ParseError, match=r"more data after the plan's closing brace, from byte \d+: a file holds one plan"):
        Plan.from_json(PLAN_TEXT + "\n" + PLAN_TEXT)
    plan = Plan.from_json(PLAN_TEXT)
    assert plan.load_warnings() == [
        {
            "what": "plan",
            "path": "$.objectives[0].actions[0].evidance",
            "message": "unknown field, ignored (check its spelling; strict loading refuses it)",
        }
    ]
    with pytest.raises(ValidationError) as e:
        Plan.from_json(PLAN_TEXT, strict=True)
    assert str(e.value) == (
        "plan JSON at $.objectives[0].actions[0].evidance: unknown field (check its spelling; "
        "strict loading refuses fields this library does not read)"
    )
    deep = '{"schema_version": 1, "title": "T", "organisation": "O", "extra": {"x": ' + "[" * 1000 + "]" * 1000 + "}}"
    with pytest.raises(ValidationError, match="raise LoadOptions.limits.max_depth"):
        Plan.from_json(deep)


def warnings_of(csv: str) -> list[str]:
    plan = Plan.from_table(csv, format="csv")
    return [f"row {w['row']}, column {w['column']}: {w['message']}" for w in plan.import_warnings()]


def test_import_warnings_name_row_and_column() -> None:
    assert (
        "row 2, column Action: a quote opens this cell and never closes, so every line after it, "
        "to the end of the input, was read into this one cell"
    ) in warnings_of('Ref,Action,Lead\n1,"Do it,Alice\n2,More,Bob\n')
    tags = "Ref,Action,Lead\n1,a<b and c>d,Alice\n2,<b>Bold</b> text,Bob\n"
    assert warnings_of(tags) == [
        'row 3, column Action: markup removed from the cell: <b> </b> (the text reads "Bold text")'
    ]
    assert Plan.from_table(tags).to_dict()["objectives"][0]["actions"][0]["text"] == "a<b and c>d"
    assert warnings_of("Ref,Action,Lead\n1,Do it,#REF!\n")[:1] == [
        "row 2, column Lead: the cell holds the spreadsheet error #REF!, not a value; it is not "
        "read as a lead (check the formula in the source)"
    ]


def test_load_sniffs_a_workbook_named_csv(tmp_path: Any) -> None:
    text = "Ref\tAction\tLead\n1\tDo it\tAlice\n"
    path = tmp_path / "tracker.csv"
    path.write_text(text)
    # Tab-separated text named .csv: sniffed as the command line does.
    plan = Plan.load(path)
    assert plan.action_count == 1
