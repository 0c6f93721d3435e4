#!/usr/bin/env python3
"""Writes the importer's exam: council action trackers in tests/corpus/,
each with the plan a careful human would read from it.

Every tracker is defined once below as Python data. From that one
definition the script renders the source file (CSV, TSV, Markdown, xlsx or
docx) and its `<name>.expected.json`, so the two cannot drift. All councils,
people and content are invented.

Run: python3 tools/corpus/build_corpus.py   (needs openpyxl and python-docx;
see tools/corpus/README.md)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "corpus"

# --------------------------------------------------------------------------
# The conventions: what each written value means (see tests/corpus.rs and
# tools/corpus/README.md). Every timescale, rating and status used below must
# be listed here; the script stops if one is missing.

DUE = {
    "": None,
    "Dec-19": "2019-12-31",
    "Sep-19": "2019-09-30",
    "Oct-19": "2019-10-31",
    "Jun-19": "2019-06-30",
    "Mar-19": "2019-03-31",
    "Apr-18": "2018-04-30",
    "Jan-20": "2020-01-31",
    "Mar-20": "2020-03-31",
    "Dec-20": "2020-12-31",
    "Apr-21": "2021-04-30",
    "Feb-22": "2022-02-28",
    "31/03/2020": "2020-03-31",
    "31/12/2019": "2019-12-31",
    "30/09/2019": "2019-09-30",
    "30/06/2021": "2021-06-30",
    "31/03/2021": "2021-03-31",
    "31/12/2021": "2021-12-31",
    "31/03/2022": "2022-03-31",
    "31/03/2023": "2023-03-31",
    "30/09/2022": "2022-09-30",
    "31/04/2019": None,  # April has 30 days: an impossible date is no date
    "March 2020": "2020-03-31",
    "March 2021": "2021-03-31",
    "March 2022": "2022-03-31",
    "April 2020": "2020-04-30",
    "December 2020": "2020-12-31",
    "September 2021": "2021-09-30",
    "July 2022": "2022-07-31",
    "December 2022": "2022-12-31",
    "October 2023": "2023-10-31",
    "Sept 2021": "2021-09-30",
    "Dec 2021": "2021-12-31",
    "June 2023": "2023-06-30",
    "Q1 2020/21": "2020-06-30",
    "Q3 2019/20": "2019-12-31",
    "Q4 2019/20": "2020-03-31",
    "Q3 2020/21": "2020-12-31",
    "Q4 2020/21": "2021-03-31",
    "Q1 2021/22": "2021-06-30",
    "Q2 2021/22": "2021-09-30",
    "Q3 2021/22": "2021-12-31",
    "Q4 2021/22": "2022-03-31",
    "Q2 2022/23": "2022-09-30",
    "Quarter One 2020/21": "2020-06-30",
    "Quarter Two 2020/21": "2020-09-30",
    "Quarter Three 2020/21": "2020-12-31",
    "Quarter Two 2021/22": "2021-09-30",
    "second quarter of 2021/22": "2021-09-30",
    "21/22 Q3": "2021-12-31",
    "19/20": "2020-03-31",
    "20/21": "2021-03-31",
    "2021/22": "2022-03-31",
    "2021-22": "2022-03-31",
    "2022-23": "2023-03-31",
    "2023-24": "2024-03-31",
    "2021 to 22": "2022-03-31",
    "2021 to 2022": "2022-12-31",
    "2018-21": "2021-12-31",
    "2019-21": "2021-12-31",
    "Nov 18 – Nov 19": "2019-11-30",
    "Stage 3 Jun 2021": "2021-06-30",
    "12March 2021": "2021-03-12",
    "31st July 2021": "2021-07-31",
    "From Sept 22": None,
    "Starting April 2024": None,
    "Commencing 1/5/23": None,
    "Ongoing": None,
    "Immediate and ongoing": None,
    "Quarterly": None,
    "TBC": None,
}

RATING = {
    "Red": "red",
    "Amber": "amber",
    "Green": "green",
    "Blue": "blue",
    "R": "red",
    "A": "amber",
    "G": "green",
    "Amber/Red": "amber_red",
    "Amber/Green": "amber_green",
    "Complete": "blue",
    "Yellow": "amber_green",  # only in a four-level key (Red, Amber, Yellow, Green)
    "On track": "green",
    "On course": "green",
    "Ahead": "green",
    "Good progress (green)": "green",
    "Some progress (amber)": "amber",
    "Limited progress (red)": "red",
    "Slippage": "amber",
    "Some slippage": "amber",
    "At risk": "amber",
    "Off track": "red",
    "No progress": "red",
    "Not yet assessed": "not_rated",
    "Data not available": "no_data",
    "N/A": "no_data",  # only where the key says N/A is data not available
}

# Fill colours of RAG cells that carry no text.
FILL = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "blue": "0070C0"}

STATE = {
    "Not started": "not_started",
    "In progress": "in_progress",
    "Ongoing": "in_progress",
    "On hold": "deferred",
    "Deferred": "deferred",
    "Complete": "complete",
    "Completed": "complete",
    "Closed": "complete",
    "Cancelled": "cancelled",
    "Superseded": "cancelled",
}

# Words a progress cell may open with that say where the action is.
OPENING_STATE = [
    ("not started", "not_started"),
    ("completed", "complete"),
    ("complete", "complete"),
    ("closed", "complete"),
    ("on hold", "deferred"),
    ("deferred", "deferred"),
    ("cancelled", "cancelled"),
    ("superseded", "cancelled"),
    ("in progress", "in_progress"),
]


def collapse(text: str) -> str:
    return " ".join(text.split())


def due_of(value) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    return DUE[value or ""]


def day_of(value) -> str | None:
    """A "Last updated" cell: a date cell or dd/mm/yyyy text."""
    if not value:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    d, m, y = (int(x) for x in value.split("/"))
    return dt.date(y, m, d).isoformat()


def state_of(status: str) -> str:
    if status.startswith("Merged into"):
        return "cancelled"
    return STATE[status]


def opening_state(note: str) -> str | None:
    low = note.strip().lower()
    for word, state in OPENING_STATE:
        if re.match(re.escape(word) + r"\b", low):
            return state
    return None


# --------------------------------------------------------------------------
# The model of a tracker.


@dataclass
class Col:
    header: str
    # ref, text, leads, due, rag, status, update, on (date of update),
    # objective, or extra (kept, not scored)
    role: str = "extra"
    date: str | None = None  # an update column's date, from its header


@dataclass
class A:
    """An action: one row (or one list item)."""

    ref: str | None
    text: str
    leads: list[str] = field(default_factory=list)
    due: object = ""  # text as written, or a dt.date for a spreadsheet date cell
    rag: str = ""  # as written; for fill-only trackers a FILL colour name
    st: str = ""  # Status column
    up: list[str] = field(default_factory=list)  # one per update column
    on: object = ""  # "Last updated" cell
    extra: dict = field(default_factory=dict)  # header -> text or list of lines
    split: tuple | None = None  # markdown: (words of text before the page break, header variant)
    cont: dict | None = None  # docx: continuation row under a merged ref: {"leads": [...], "up": [...]}
    x: dict = field(default_factory=dict)  # expected values that differ from the rules


@dataclass
class L:
    """A row whose action cell is only a list; each item is an action.
    Items carry their own text (and ref when numbered), leads and due; the
    rest of the row is shared."""

    ref: str | None
    items: list[A]
    style: str = "bullet"  # bullet (•), dash (-) or numref (items start with their ref)
    rag: str = ""
    st: str = ""
    up: list[str] = field(default_factory=list)
    on: object = ""
    shared_leads: list[str] | None = None  # one lead cell for every item
    shared_due: object = None  # one date cell for every item


@dataclass
class H:
    """A heading row (an objective or section), not an action."""

    text: str
    ref: str | None = None


@dataclass
class O:
    """Starts an objective: fills the objective column of the rows below,
    or (docx "tables" layout) is the heading above a new table."""

    text: str


@dataclass
class PB:
    """Markdown: a page break, with the header repeated ("full"), cut short
    ("cut") or ending in an ellipsis ("ellipsis")."""

    variant: str = "full"


@dataclass
class Tracker:
    name: str
    fmt: str  # csv, tsv, md, xlsx, docx
    description: str
    title: list[str]
    cols: list[Col]
    body: list
    lead_sep: str = "; "
    fill_rag: bool = False  # RAG cells carry only a fill colour
    objective: str = "repeat"  # repeat, first, merge (xlsx/docx vertical merge), tables (docx)
    bom: bool = False
    md_br: str = " "  # how a markdown cell shows a line break
    footer: str = ""  # markdown page footer text
    docx_breaks: str = "para"  # para or break: how a docx cell's lines are written
    sheet: str = "Sheet1"


# --------------------------------------------------------------------------
# Expected plans.


def expected_action(t: Tracker, a: A, row: L | None = None) -> dict:
    src = row or a
    rag = src.rag
    if not rag:
        rating = None
    elif t.fill_rag:
        rating = {"red": "red", "amber": "amber", "green": "green", "blue": "blue"}[rag]
    else:
        rating = RATING[rag]
    if row is None:
        leads, due = list(a.leads), a.due
    else:
        leads = list(row.shared_leads) if row.shared_leads is not None else list(a.leads)
        due = row.shared_due if row.shared_due is not None else a.due
    updates = [c for c in t.cols if c.role == "update"]
    has_on = any(c.role == "on" for c in t.cols)
    notes = []
    for rows_up, extra_leads in [(src.up, [])] + (
        [(a.cont.get("up", []), a.cont.get("leads", []))] if row is None and a.cont else []
    ):
        leads += extra_leads
        for col, note in zip(updates, rows_up):
            if note.strip():
                date = col.date or (day_of(src.on) if has_on else None)
                notes.append({"date": date, "note": collapse(note)})
    has_status = any(c.role == "status" for c in t.cols)
    if has_status and src.st:
        state = state_of(src.st)
    elif rating == "blue":
        state = "complete"
    elif not has_status and notes and opening_state(notes[-1]["note"]):
        state = opening_state(notes[-1]["note"])
    else:
        state = "in_progress"
    has_due = any(c.role == "due" for c in t.cols)
    out = {
        "ref": a.ref if (row is None or row.style == "numref") else None,
        "text": collapse(a.text),
        "leads": leads,
        "due": due_of(due) if (has_due or a.due) else None,
        "rating": rating,
        "state": state,
        "commentary": notes,
    }
    if out["ref"] is not None:
        out["ref"] = re.sub(r"\.?\s*\(.*\)$", "", out["ref"]).strip()
    out.update(a.x)
    return out


def expected(t: Tracker) -> dict:
    actions = []
    for item in t.body:
        if isinstance(item, A):
            actions.append(expected_action(t, item))
        elif isinstance(item, L):
            actions.extend(expected_action(t, it, item) for it in item.items)
    return {"description": t.description, "actions": actions}


# --------------------------------------------------------------------------
# Rows of cells (CSV, TSV, Markdown, xlsx).

BULLET = {"bullet": "• ", "dash": "- "}


@dataclass
class Row:
    cells: list  # str or dt.date
    kind: str  # action, heading, list
    fill: str | None = None  # RAG fill colour name
    group: int = 0  # objective group, for merging
    item: object = None


def cell_text(value) -> str:
    if isinstance(value, list):
        return "\n".join(f"{i}. {v}" for i, v in enumerate(value, 1))
    return value


def action_cells(t: Tracker, a, objective: str, row: L | None = None) -> list:
    cells, k = [], 0
    for c in t.cols:
        if c.role == "ref":
            v = a.ref or ""
        elif c.role == "text":
            if row is None:
                v = a.text
            else:
                v = "\n".join(
                    (f"{it.ref} " if row.style == "numref" else BULLET[row.style]) + it.text
                    for it in row.items
                )
        elif c.role == "leads":
            if row is None:
                v = t.lead_sep.join(a.leads)
            elif row.shared_leads is not None:
                v = t.lead_sep.join(row.shared_leads)
            else:
                # A markdown cell copied from a PDF has no line breaks: each
                # item's lead keeps the list's bullet so the items stay apart.
                mark = BULLET.get(row.style, "") if t.fmt == "md" and t.md_br == " " else ""
                v = "\n".join(mark + t.lead_sep.join(it.leads) for it in row.items)
        elif c.role == "due":
            if row is None:
                v = a.due
            elif row.shared_due is not None:
                v = row.shared_due
            else:
                v = "\n".join(it.due for it in row.items)
        elif c.role == "rag":
            v = "" if t.fill_rag else a.rag
        elif c.role == "status":
            v = a.st
        elif c.role == "update":
            v = a.up[k] if k < len(a.up) else ""
            k += 1
        elif c.role == "on":
            v = a.on
        elif c.role == "objective":
            v = objective
        else:
            v = cell_text(a.extra.get(c.header, "")) if row is None else ""
        cells.append(v)
    return cells


def heading_cells(t: Tracker, h: H) -> list:
    cells = [""] * len(t.cols)
    roles = [c.role for c in t.cols]
    if h.ref is not None and "ref" in roles:
        cells[roles.index("ref")] = h.ref
        cells[roles.index("text")] = h.text
    else:
        cells[0] = h.text
    return cells


def rows_of(t: Tracker) -> list[Row]:
    rows, objective, group, fresh = [], "", 0, False
    for item in t.body:
        if isinstance(item, O):
            objective, group, fresh = item.text, group + 1, True
        elif isinstance(item, H):
            rows.append(Row(heading_cells(t, item), "heading", group=group))
        elif isinstance(item, PB):
            rows.append(Row([], "page", item=item))
        elif isinstance(item, (A, L)):
            shown = objective if (t.objective == "repeat" or fresh) else ""
            fresh = False
            row = item if isinstance(item, L) else None
            cells = action_cells(t, item, shown, row)
            fill = item.rag if t.fill_rag and item.rag else None
            rows.append(Row(cells, "list" if row else "action", fill, group, item))
    return rows


def write_csv(t: Tracker, path: Path) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    width = len(t.cols)
    for line in t.title:
        w.writerow([line] + [""] * (width - 1))
    w.writerow([c.header for c in t.cols])
    for r in rows_of(t):
        w.writerow(r.cells)
    data = buf.getvalue().encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if t.bom else b"") + data)


def write_tsv(t: Tracker, path: Path) -> None:
    def line(cells):
        return "\t".join(" ".join(str(c).split("\n")) for c in cells)

    lines = [line([x] + [""] * (len(t.cols) - 1)) for x in t.title]
    lines.append(line(c.header for c in t.cols))
    lines += [line(r.cells) for r in rows_of(t)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def md_row(cells, br: str) -> str:
    return "| " + " | ".join(br.join(str(c).split("\n")) for c in cells) + " |"


def md_header(t: Tracker, variant: str) -> list[str]:
    heads = [c.header for c in t.cols]
    if variant == "cut":
        heads = heads[:-2] + ["", ""]
    elif variant == "ellipsis":
        last = heads[-1]
        heads = heads[:-1] + [last[: max(4, len(last) // 2)] + "…"]
    return [md_row(heads, " "), "|" + "---|" * len(heads)]


def page_break(t: Tracker, variant: str, page: list[int]) -> list[str]:
    page[0] += 1
    return ["", f"{t.footer}    Page {page[0] - 1}", "", *md_header(t, variant)]


def write_md(t: Tracker, path: Path) -> None:
    out = list(t.title) + [""] + md_header(t, "full")
    page = [1]
    for r in rows_of(t):
        if r.kind == "page":
            out += page_break(t, r.item.variant, page)
        elif r.kind == "action" and r.item.split:
            words, variant = r.item.split
            a, k = r.item, 0
            first, rest = list(r.cells), [""] * len(r.cells)
            for i, c in enumerate(t.cols):
                if c.role == "text":
                    w = a.text.split()
                    first[i], rest[i] = " ".join(w[:words]), " ".join(w[words:])
                elif c.role == "update":
                    w = (a.up[k] if k < len(a.up) else "").split()
                    half = (len(w) + 1) // 2
                    first[i], rest[i] = " ".join(w[:half]), " ".join(w[half:])
                    k += 1
            out.append(md_row(first, t.md_br))
            out += page_break(t, variant, page)
            out.append(md_row(rest, t.md_br))
        else:
            out.append(md_row(r.cells, t.md_br))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_xlsx(t: Tracker, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = t.sheet
    wrap = Alignment(wrap_text=True, vertical="top")
    for line in t.title:
        ws.append([line])
        ws.cell(ws.max_row, 1).font = Font(bold=True, size=14 if ws.max_row == 1 else 11)
    ws.append([c.header for c in t.cols])
    hr = ws.max_row
    for i in range(1, len(t.cols) + 1):
        ws.cell(hr, i).font = Font(bold=True, color="FFFFFF")
        ws.cell(hr, i).fill = PatternFill("solid", start_color="1F4E78")
        ws.cell(hr, i).alignment = wrap
    roles = [c.role for c in t.cols]
    groups: dict[int, list[int]] = {}
    for r in rows_of(t):
        ws.append(r.cells)
        n = ws.max_row
        for i, v in enumerate(r.cells, 1):
            cell = ws.cell(n, i)
            cell.alignment = wrap
            if isinstance(v, dt.date):
                cell.number_format = "dd/mm/yyyy"
        if r.kind == "heading":
            ws.cell(n, 1).font = Font(bold=True)
            for i in range(1, len(t.cols) + 1):
                ws.cell(n, i).fill = PatternFill("solid", start_color="D9E1F2")
        if r.fill and "rag" in roles:
            ws.cell(n, roles.index("rag") + 1).fill = PatternFill(
                "solid", start_color=FILL[r.fill]
            )
        if r.kind != "heading":
            groups.setdefault(r.group, []).append(n)
    if t.objective == "merge" and "objective" in roles:
        col = roles.index("objective") + 1
        for rows in groups.values():
            if len(rows) > 1 and rows[-1] - rows[0] == len(rows) - 1:
                ws.merge_cells(
                    start_row=rows[0], start_column=col, end_row=rows[-1], end_column=col
                )
    for i, c in enumerate(t.cols, 1):
        width = 50 if c.role in ("text", "update", "objective") else 18
        ws.column_dimensions[ws.cell(hr, i).column_letter].width = width
    if t.fill_rag:
        key = wb.create_sheet("Key")
        key.append(["RAG key"])
        for colour in ("red", "amber", "green", "blue"):
            key.append([colour.capitalize()])
            key.cell(key.max_row, 1).fill = PatternFill("solid", start_color=FILL[colour])
    wb.properties.creator = "Performance and Intelligence"
    wb.save(path)


def write_docx(t: Tracker, path: Path) -> None:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.author = "Children's Services"
    doc.core_properties.created = dt.datetime(2021, 1, 1)
    for i, line in enumerate(t.title):
        if i == 0:
            doc.add_heading(line, level=1)
        else:
            doc.add_paragraph(line)

    cols = [c for c in t.cols if not (t.objective == "tables" and c.role == "objective")]
    roles = [c.role for c in cols]

    def shade(cell, hex_colour):
        tc_pr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), hex_colour)
        tc_pr.append(shd)

    def put(cell, value, style=None):
        """Writes text into a cell: lines as paragraphs or line breaks; a
        list as a numbered list."""
        if isinstance(value, list):
            lines, style = value, "List Number"
        else:
            lines = str(value).split("\n") if value else []
        first = cell.paragraphs[0]
        if t.docx_breaks == "break" and style is None and len(lines) > 1:
            run = first.add_run(lines[0])
            for line in lines[1:]:
                run.add_break()
                run = first.add_run(line)
            return
        for i, line in enumerate(lines):
            p = first if i == 0 else cell.add_paragraph()
            p.add_run(line)
            if style:
                p.style = doc.styles[style]

    state = {"table": None, "group_start": None}

    def new_table():
        table = doc.add_table(rows=1, cols=len(cols))
        table.style = doc.styles["Table Grid"]
        for cell, c in zip(table.rows[0].cells, cols):
            cell.text = ""
            run = cell.paragraphs[0].add_run(c.header)
            run.bold = True
            shade(cell, "D9E1F2")
        state["table"] = table
        state["group_start"] = None
        return table

    def close_group():
        table, start = state["table"], state["group_start"]
        if table is None or start is None or "objective" not in roles:
            return
        col = roles.index("objective")
        end = len(table.rows) - 1
        if end > start:
            top = table.cell(start, col)
            top.merge(table.cell(end, col))
        state["group_start"] = None

    objective = ""
    if t.objective != "tables":
        new_table()
    for item in t.body:
        if isinstance(item, O):
            close_group()
            objective = item.text
            if t.objective == "tables":
                doc.add_heading(item.text, level=2)
                new_table()
            continue
        table = state["table"]
        if isinstance(item, H):
            close_group()
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            merged.text = ""
            run = merged.paragraphs[0].add_run(
                f"{item.ref} {item.text}" if item.ref else item.text
            )
            run.bold = True
            shade(merged, "FBE4D5")
            continue
        if not isinstance(item, (A, L)):
            continue
        row = table.add_row()
        index = len(table.rows) - 1
        if state["group_start"] is None:
            state["group_start"] = index
        k = 0
        for cell, c in zip(row.cells, cols):
            if c.role == "text" and isinstance(item, L):
                for i, it in enumerate(item.items):
                    p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                    if item.style == "numref":
                        p.add_run(f"{it.ref} {it.text}")
                    else:
                        p.add_run(it.text)
                        p.style = doc.styles["List Bullet"]
                continue
            if c.role == "leads" and isinstance(item, L) and item.shared_leads is None:
                value = "\n".join(t.lead_sep.join(it.leads) for it in item.items)
            elif c.role == "due" and isinstance(item, L) and item.shared_due is None:
                value = "\n".join(it.due for it in item.items)
            elif c.role == "leads" and isinstance(item, L):
                value = t.lead_sep.join(item.shared_leads)
            elif c.role == "due" and isinstance(item, L):
                value = item.shared_due
            elif c.role == "objective":
                value = objective if index == state["group_start"] else ""
            elif c.role == "update":
                value = item.up[k] if k < len(item.up) else ""
                k += 1
            else:
                value = {
                    "ref": item.ref or "",
                    "text": getattr(item, "text", ""),
                    "leads": t.lead_sep.join(getattr(item, "leads", [])),
                    "due": getattr(item, "due", ""),
                    "rag": "" if t.fill_rag else item.rag,
                    "status": item.st,
                    "on": item.on,
                }.get(c.role)
                if value is None:
                    value = getattr(item, "extra", {}).get(c.header, "")
            if isinstance(value, dt.date):
                value = value.strftime("%d/%m/%Y")
            put(cell, value)
            if c.role == "rag" and t.fill_rag and item.rag:
                shade(cell, FILL[item.rag])
        if isinstance(item, A) and item.cont:
            more = table.add_row()
            k = 0
            for i, c in enumerate(cols):
                if c.role == "leads":
                    put(more.cells[i], t.lead_sep.join(item.cont.get("leads", [])))
                elif c.role == "update":
                    ups = item.cont.get("up", [])
                    put(more.cells[i], ups[k] if k < len(ups) else "")
                    k += 1
                elif c.role != "objective":
                    table.cell(index, i).merge(more.cells[i])
    close_group()
    for p in doc.paragraphs:
        for run in p.runs:
            run.font.size = Pt(11)
    doc.save(path)


WRITERS = {"csv": write_csv, "tsv": write_tsv, "md": write_md, "xlsx": write_xlsx, "docx": write_docx}


def build(trackers: list[Tracker]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    names = [t.name for t in trackers]
    assert len(names) == len(set(names)), "tracker names must be unique"
    counts: dict[str, list[int]] = {}
    for t in trackers:
        WRITERS[t.fmt](t, OUT / f"{t.name}.{t.fmt}")
        exp = expected(t)
        (OUT / f"{t.name}.expected.json").write_text(
            json.dumps(exp, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        c = counts.setdefault(t.fmt, [0, 0])
        c[0] += 1
        c[1] += len(exp["actions"])
    for fmt, (files, actions) in sorted(counts.items()):
        print(f"{fmt:5} {files:3} trackers {actions:4} actions")
    total = sum(c[1] for c in counts.values())
    print(f"total {len(trackers):3} trackers {total:4} actions")


# --------------------------------------------------------------------------
# The trackers.

HoS_CLA = "Head of Service Children Looked After"
VSH = "Virtual School Head"
LCTM = "Leaving Care Team Manager"
SMF = "Service Manager Fostering"
NURSE = "Designated Nurse CLA"

TRACKERS: list[Tracker] = []


def tracker(**kw) -> None:
    TRACKERS.append(Tracker(**kw))


# 1. CSV, CRLF, BOM: parent-ref heading rows, quoted cells with line breaks.
tracker(
    name="northmere_corporate_parenting_2019",
    fmt="csv",
    bom=True,
    description="Corporate parenting action plan as Excel CSV (CRLF, BOM): title rows, parent-ref objective rows, quoted cells with line breaks, progress opening with a status word, an impossible date",
    title=[
        "Northmere Borough Council",
        "Corporate Parenting Action Plan 2019-20 – progress report to the Corporate Parenting Board, October 2019",
        "",
    ],
    cols=[
        Col("Ref", "ref"),
        Col("Action", "text"),
        Col("Lead Officer(s)", "leads"),
        Col("Timescale", "due"),
        Col("RAG status", "rag"),
        Col("Progress update", "update"),
    ],
    lead_sep="\n",
    body=[
        H("Children in care are safe and live in stable homes", ref="1"),
        A("1.1", "Review the placement stability protocol so that every child with two moves in a year has a stability meeting within 10 working days.",
          [HoS_CLA, "IRO Service Manager"], "Dec-19", "Amber",
          up=["Draft protocol written; stability meetings held for 14 of 19 children identified in Q2.\nTraining for IROs booked for November."]),
        A("1.2", "Recruit 20 additional in-house foster carers, with a focus on carers for sibling groups and teenagers.",
          [SMF], "31/03/2020", "Green", up=["11 households approved since April; 6 assessments under way."]),
        A("1.3", "Launch a 24/7 out-of-hours support line for foster carers.", [SMF], "Q3 2019/20", "Red",
          up=["Not started – the funding bid was not approved by Cabinet in September. Re-submitting in January."]),
        A("1.4", "Audit all placements made with unregistered providers and report the findings to the Board.",
          ["Head of Quality Assurance"], "31/04/2019", "Green",
          up=["Completed. Audit report presented to the Board on 12 July 2019."]),
        H("Children in care do well at school", ref="2"),
        A("2.1", "Every child looked after of school age to have a Personal Education Plan (PEP) reviewed each term.",
          [VSH], "Ongoing", "Green", up=["97% of PEPs completed in the summer term (target 95%)."]),
        A("2.2", "Introduce an ePEP system and train designated teachers in its use.", [VSH, "Head of Education ICT"],
          "Jan-20", "Amber",
          up=["In progress – supplier selected; training for designated teachers planned for the spring term."]),
        A("2.3", "Provide tutoring for Year 11 children looked after who are below expected progress in English or maths.",
          [VSH], "Q4 2019/20", "Green", up=["32 young people referred; tutoring in place for 29."]),
        H("Care leavers have a home, a job and someone to turn to", ref="3"),
        A("3.1", "Agree council tax exemption for care leavers up to age 25 with the Revenues team.",
          [LCTM, "Head of Revenues and Benefits"], "Sep-19", "Green",
          up=["Completed. Exemption agreed by Cabinet on 18 September 2019, in place from 1 October."]),
        A("3.2", "Ring-fence ten council apprenticeships a year for care leavers.", ["Head of HR"], "31/03/2020", "Amber",
          up=["4 apprenticeships ring-fenced so far.\nWorking with HR on a guaranteed interview scheme."]),
        A("3.3", "Set up a drop-in hub for care leavers in the town centre, co-designed with the Care Leavers' Forum.",
          ["Participation Lead", LCTM], "March 2021", "Green", up=[""]),
    ],
)

# 2. CSV, CRLF: Ofsted improvement plan, objective column shown once, Status + RAG, dated update columns.
tracker(
    name="ashcombe_ofsted_improvement_plan",
    fmt="csv",
    description="Ofsted (ILACS) improvement plan as CSV (CRLF): Recommendation column filled on the first row only, Key actions, Status separate from RAG, two 'Update as at dd/mm/yyyy' columns, merged and cancelled actions",
    title=[
        "Ashcombe County Council – Children's Services Improvement Plan",
        "Response to the Ofsted ILACS inspection, June 2019",
    ],
    objective="first",
    cols=[
        Col("Recommendation", "objective"),
        Col("Ref", "ref"),
        Col("Key actions", "text"),
        Col("Responsible officer", "leads"),
        Col("Completion date", "due"),
        Col("Status", "status"),
        Col("RAG", "rag"),
        Col("Update as at 30/09/2019", "update", "2019-09-30"),
        Col("Update as at 31/12/2019", "update", "2019-12-31"),
    ],
    lead_sep=" / ",
    body=[
        O("1. Improve the quality and timeliness of assessments for children in need"),
        A("1a", "Introduce a single assessment template with a clear analysis section.", ["Principal Social Worker"],
          "Oct-19", "G", st="Completed",
          up=["Template launched 2 September.", "Template in use; audit shows 78% of assessments now include analysis."]),
        A("1b", "Monthly audit of 10% of assessments by team managers, moderated by the Quality Assurance team.",
          ["Head of Quality Assurance", "Team Managers"], "Ongoing", "A", st="In progress",
          up=["Audit tool agreed; first round completed in September.",
              "Moderation shows team managers rate more generously than QA; workshop held 4 December."]),
        A("1c", "Reduce the number of assessments that exceed 45 working days to below 10%.", ["Head of Children in Need"],
          "31/03/2020", "R", st="In progress", up=["31% exceeded 45 days in Q1.", "22% in Q2 – improving, but well above target."]),
        O("2. Strengthen management oversight and supervision"),
        A("2a", "All social workers receive supervision at least every four weeks, recorded on the child's file.",
          ["Assistant Director Safeguarding"], "Dec-19", "A", st="In progress", up=["Supervision compliance 71%.", ""]),
        A("2b", "Deliver a management development programme for all first-line managers.", ["Workforce Development Manager"],
          "Q4 2019/20", "A", st="Not started",
          up=["Programme commissioned; first cohort starts February 2020.", "Provider confirmed."]),
        A("2c", "Replace the supervision recording form.", ["Principal Social Worker"], "Sep-19", "", st="Merged into 2a",
          up=["Merged into action 2a at the September Improvement Board.", ""]),
        O("3. Improve the sufficiency and stability of placements"),
        A("3a", "Publish a refreshed Sufficiency Strategy with an action plan agreed by the Corporate Parenting Panel.",
          ["Head of Commissioning"], "31/12/2019", "Blue", st="Complete",
          up=["Draft out to consultation.", "Strategy approved by Cabinet on 10 December 2019."]),
        A("3b", "Open a four-bed children's home within the county.", ["Head of Commissioning", "Head of Residential Services"],
          "2021-22", "A", st="On hold", up=["Site identified.", "On hold pending the capital programme review."]),
        A("3c", "Commission a placement-finding team jointly with a neighbouring authority.", ["Head of Commissioning"],
          "Q3 2019/20", "", st="Cancelled", up=["", "Cancelled – the neighbouring authority withdrew; covered by action 3a."]),
        A("3d", 'Review "Staying Put" allowances so that carers are paid the same as fostering allowances.', [HoS_CLA],
          "April 2020", "G", st="In progress",
          up=["Benchmarking with six neighbouring authorities under way.", "Proposal to go to Cabinet in March 2020."]),
    ],
)

# 3. CSV, CRLF: youth justice tracker, Confidence ratings, Date of update column.
tracker(
    name="kelbrook_youth_justice_tracker",
    fmt="csv",
    description="Youth justice plan delivery tracker as CSV (CRLF): No., Priority repeated on every row, Accountable, By when?, Confidence (On track / Some slippage / Off track), Commentary dated by a 'Date of update' column",
    title=[
        "Kelbrook Youth Justice Service",
        "Youth Justice Plan 2021-22: delivery tracker",
        "Confidence key: On track / Some slippage / Off track",
        "",
    ],
    cols=[
        Col("No.", "ref"),
        Col("Priority", "objective"),
        Col("Action", "text"),
        Col("Accountable", "leads"),
        Col("By when?", "due"),
        Col("Confidence", "rag"),
        Col("Commentary", "update"),
        Col("Date of update", "on"),
    ],
    body=[
        O("Reduce first-time entrants"),
        A("1", "Extend the Turnaround diversion scheme to all 10-13 year olds arrested for a first offence.",
          ["YJS Head of Service", "Police Inspector (Prevention)"], "Quarter Two 2021/22", "On track",
          up=["Scheme live in the north and east localities; south locality from October."], on="04/10/2021"),
        A("2", "Agree a joint decision-making panel protocol with the police for out-of-court disposals.",
          ["YJS Head of Service"], "30/06/2021", "On track",
          up=["Completed. Protocol signed by the Chief Inspector on 21 June 2021."], on="04/10/2021"),
        A("3", "Deliver knife crime awareness sessions in every secondary school.",
          ["YJS Prevention Manager", "Community Safety Partnership"], "21/22 Q3", "Some slippage",
          up=["Sessions delivered in 9 of 14 schools. Two schools have not responded."], on="04/10/2021"),
        O("Reduce reoffending"),
        A("4", "Embed the AssetPlus quality assurance framework, with monthly case audits.", ["YJS Operations Manager"],
          "Ongoing", "On track", up=["Monthly audits in place since May."], on="01/10/2021"),
        A("5", "Commission a speech, language and communication screening service for all young people on court orders.",
          ["YJS Head of Service", "Designated Clinical Officer"], "second quarter of 2021/22", "Off track",
          up=["No progress – CCG funding not yet agreed. Escalated to the Management Board."], on="01/10/2021"),
        A("6", "Review the reoffending tracker tool and report live data to each Management Board.",
          ["Performance & Intelligence Manager"], "Quarterly", "On track",
          up=["Live tracker presented at the July and September Boards."], on="28/09/2021"),
        O("Reduce the use of custody"),
        A("7", "Develop a bail and remand strategy with the courts and the Youth Custody Service.", ["YJS Operations Manager"],
          "March 2022", "Some slippage",
          up=["In progress – first draft circulated to partners on 15 September. The court user group will comment in November."],
          on="28/09/2021"),
        A("8", "Ensure every child remanded has a resettlement plan within 10 days of entering custody.",
          ["YJS Operations Manager", HoS_CLA], "Immediate and ongoing", "On track"),
        A("9", "Review the overnight police detention of children (PACE transfers) with the Emergency Duty Team.",
          ["Emergency Duty Team Manager", "Police Custody Inspector"], "TBC", "Off track",
          up=["Meeting with the custody lead cancelled twice."], on="15/09/2021"),
    ],
)

# 4. CSV, CRLF: care leavers local offer, worded ratings with a colour in brackets.
tracker(
    name="stanfield_care_leavers_local_offer",
    fmt="csv",
    description="Care leavers local offer action plan as CSV (CRLF): Desired outcome shown once per group, Current status holding lifecycle words, ratings like 'Good progress (green)', Position statement dated by 'Last updated', leads split by ' / '",
    title=[
        "Stanfield City Council",
        "Care Leavers Local Offer – Action Plan 2020-2022",
        "Progress key: Good progress (green), Some progress (amber), Limited progress (red)",
    ],
    objective="first",
    lead_sep=" / ",
    cols=[
        Col("Desired outcome", "objective"),
        Col("Ref", "ref"),
        Col("What we will do", "text"),
        Col("Lead", "leads"),
        Col("Deadline", "due"),
        Col("Current status", "status"),
        Col("RAG", "rag"),
        Col("Position statement", "update"),
        Col("Last updated", "on"),
    ],
    body=[
        O("Care leavers have somewhere safe and affordable to live"),
        A("H1", "Agree a housing protocol with the district councils giving care leavers priority banding.",
          ["Head of Housing Options", LCTM], "December 2020", "Good progress (green)", st="Complete",
          up=["Protocol signed by all four district councils in November 2020."], on="11/01/2021"),
        A("H2", "Pay a rent deposit and the first month's rent for every care leaver taking a tenancy.", [LCTM], "Ongoing",
          "Good progress (green)", st="In progress", up=["23 care leavers helped since April 2020."], on="11/01/2021"),
        A("H3", "Develop six supported lodgings places for 18-21 year olds.", ["Commissioning Manager"], "2021 to 22",
          "Some progress (amber)", st="In progress",
          up=["3 hosts approved; recruitment campaign relaunched after lockdown."], on="11/01/2021"),
        O("Care leavers are in education, employment or training"),
        A("E1", "Guarantee an interview for council jobs to care leavers who meet the essential criteria.", ["Head of HR"],
          "Q1 2020/21", "Good progress (green)", st="Completed",
          up=["Guaranteed interview scheme live from 1 June 2020."], on="11/01/2021"),
        A("E2", "Set up a bursary for care leavers going to university, including help in the holidays.", [VSH, LCTM],
          "September 2021", "Limited progress (red)", st="Not started",
          up=["Not started. Awaiting a decision on the 2021/22 budget."], on="11/01/2021"),
        A("E3", "Work with the DWP to give every care leaver a named work coach.", [LCTM, "DWP Partnership Manager"],
          "Quarter Two 2020/21", "", st="Deferred",
          up=["Deferred by the Board in October 2020 – DWP work coaches were redeployed during the pandemic."],
          on="11/01/2021"),
        O("Care leavers are healthy"),
        A("W1", "Give care leavers a summary of their health history when they leave care.", [NURSE], "31/03/2021",
          "Some progress (amber)", st="In progress",
          up=["Template agreed with the care leavers' forum; 40% of 18 year olds have received one."], on="08/01/2021"),
        A("W2", "Free gym membership for care leavers aged 18-25 at council leisure centres.", ["Head of Leisure"], "Dec-20",
          "Good progress (green)", st="Closed",
          up=["Closed – offer live since 1 September 2020; 31 care leavers registered."], on="08/01/2021"),
        A("W3", "Fund a dedicated emotional health worker in the leaving care team.", [NURSE, "CAMHS Service Manager"],
          "2021-22", "Limited progress (red)", st="In progress", up=["Post advertised twice without success."],
          on="08/01/2021"),
    ],
)

# 5. CSV, CRLF: virtual school plan, BRAG, one update column per quarter, leads on separate lines.
tracker(
    name="hollinford_virtual_school_plan",
    fmt="csv",
    description="Virtual school and SEND improvement plan as CSV (CRLF): Action ref, Key actions, parent-ref objective rows, leads on separate lines in quoted cells, BRAG with Blue for complete, 'Q1 update 2021/22' and 'Q2 update 2021/22' columns",
    title=["Hollinford Council – Virtual School Improvement Plan 2021/22", "BRAG: Blue = complete; Red; Amber; Green", ""],
    lead_sep="\n",
    cols=[
        Col("Action ref", "ref"),
        Col("Key actions", "text"),
        Col("Lead officer(s)", "leads"),
        Col("Target completion", "due"),
        Col("BRAG", "rag"),
        Col("Q1 update 2021/22", "update", "2021-06-30"),
        Col("Q2 update 2021/22", "update", "2021-09-30"),
    ],
    body=[
        H("Improve the attendance of children looked after", ref="1"),
        A("1.1", "Track daily attendance for every child looked after through a commissioned attendance service.", [VSH],
          "Apr-21", "Blue", up=["Contract started 6 April.", "Daily data now shared with social workers."]),
        A("1.2", "Hold an attendance clinic each half term with designated teachers for children with attendance under 90%.",
          ["Deputy Virtual School Head", "Education Welfare Manager"], "Ongoing", "Green",
          up=["First clinic held in June.", "Clinics held in July and September; 12 children discussed."]),
        A("1.3", "Reduce fixed-term exclusions of children looked after by 25%.", [VSH], "2021/22", "Amber",
          up=["Exclusions up 5% on the same quarter last year.", "Working with the three secondary schools with the most exclusions."]),
        H("Improve outcomes for children looked after with SEND", ref="2"),
        A("2.1", "Review every EHC plan of a child looked after alongside the PEP.", ["Head of SEND", VSH], "Q3 2021/22",
          "Amber", up=["Joint reviews in 60% of cases.", ""]),
        A("2.2", "Train designated teachers in trauma-informed practice.", ["Educational Psychologist (Virtual School)"],
          "31/12/2021", "Green", up=["", "Two sessions held; 41 designated teachers trained."]),
        A("2.3", "Commission an autism assessment pathway for children looked after placed out of area.",
          ["Designated Clinical Officer", "Head of SEND"], "21/22 Q3", "Red",
          up=["Commissioning paused – no provider bid.", "Re-tendering in October."]),
        H("Post-16", ref="3"),
        A("3.1", "Every young person in Year 11 to have a post-16 plan agreed by the February half term.", ["Post-16 Adviser"],
          "Feb-22", "Green", up=["", "Careers guidance sessions booked for all 38 Year 11 students."]),
        A("3.2", "Track young people aged 16-18 who are NEET every week and offer each a key worker.",
          ["Post-16 Adviser", LCTM], "Immediate and ongoing", "Amber", up=["NEET rate 19%.", "NEET rate 17%."]),
    ],
)

# 6. TSV: placement sufficiency milestones under quarter headings (no date column).
tracker(
    name="wexley_sufficiency_milestones",
    fmt="tsv",
    description="Placement sufficiency milestone list as TSV: no date column, milestones grouped under 'Milestones to be delivered in Quarter One 2020/21' headings that give their due dates, Status and RAG columns",
    title=["Wexley Council Placement Sufficiency Strategy 2020-23", "Year 1 milestones", ""],
    lead_sep=" / ",
    cols=[
        Col("Ref", "ref"),
        Col("Milestone", "text"),
        Col("Lead", "leads"),
        Col("Status", "status"),
        Col("RAG", "rag"),
        Col("Update", "update"),
    ],
    body=[
        H("Milestones to be delivered in Quarter One 2020/21"),
        A("M1", "Map current in-house and external placement capacity by type and location.", ["Commissioning Manager"],
          "Quarter One 2020/21", "Green", st="Complete", up=["Mapping completed and shared with the Sufficiency Board in June."]),
        A("M2", "Agree a sufficiency dashboard with the Performance team.", ["Performance and Intelligence Manager"],
          "Quarter One 2020/21", "Green", st="Complete", up=["Dashboard live."]),
        A("M3", "Launch a foster carer recruitment campaign aimed at carers for teenagers.", [SMF], "Quarter One 2020/21",
          "Amber", st="In progress", up=["Campaign delayed by COVID-19; launched online in July."]),
        H("Milestones to be delivered in Quarter Two 2020/21"),
        A("M4", "Complete the business case for two small children's homes.", ["Head of Residential Services"],
          "Quarter Two 2020/21", "Amber", st="In progress", up=["Business case drafted; awaiting finance review."]),
        A("M5", "Join the regional framework for independent fostering agencies.", ["Commissioning Manager"],
          "Quarter Two 2020/21", "Green", st="Complete", up=["Joined on 1 August 2020."]),
        A("M6", "Review the use of parent and child assessment placements.", [HoS_CLA], "Quarter Two 2020/21", "Red",
          st="Not started"),
        H("Milestones to be delivered in Quarter Three 2020/21"),
        A("M7", "Open an emergency bed for children waiting for a long-term home.", ["Head of Residential Services"],
          "Quarter Three 2020/21", "", st="On hold", up=["On hold: Ofsted registration paused."]),
        A("M8", "Agree a joint-funding protocol for children with complex needs with the CCG.",
          ["Head of Commissioning", "CCG Designated Nurse"], "Quarter Three 2020/21", "Amber", st="In progress",
          up=["Draft protocol with CCG finance colleagues."]),
    ],
)

# 7. TSV: corporate parenting tracker, refs with cross-references, financial-year timescales.
tracker(
    name="brackley_corporate_parenting_tracker",
    fmt="tsv",
    description="Corporate parenting tracker as TSV: Objective repeated on each row, refs with cross-references like '3. (7, 15)', financial-year and quarter timescales in many spellings, Not yet assessed / Data not available ratings, Comments dated by 'Last updated'",
    title=["Brackley District Council – Corporate Parenting Tracker", "Key: Data not available = no data yet", ""],
    cols=[
        Col("Ref", "ref"),
        Col("Objective", "objective"),
        Col("Action", "text"),
        Col("Lead", "leads"),
        Col("Timescale", "due"),
        Col("RAG", "rag"),
        Col("Comments", "update"),
        Col("Last updated", "on"),
    ],
    body=[
        O("Listen to children and young people"),
        A("1", "Relaunch the Children in Care Council with sessions in each locality.", ["Participation Lead"], "19/20",
          "Green", up=["Completed. Sessions now run monthly in all three localities."], on="14/04/2020"),
        A("2", "Roll out Mind of My Own to all children looked after aged 8 and over.", ["Participation Lead", HoS_CLA],
          "Quarter Two 2020/21", "Amber", up=["Licences bought; 40% of social workers trained."], on="02/10/2020"),
        A("3. (7, 15)", "Children to chair or co-chair their own reviews where they wish to.", ["IRO Service Manager"],
          "2021-22", "Green", up=["14 children co-chaired their reviews in the last quarter."], on="02/10/2020"),
        O("Keep children healthy"),
        A("4", "Complete initial health assessments within 20 working days of a child entering care.", [NURSE, HoS_CLA],
          "Ongoing", "Red", up=["Performance 46% (target 85%). Consent forms are reaching health late."], on="02/10/2020"),
        A("5", "Catch up on dental checks for children looked after after the pandemic.", [NURSE],
          "second quarter of 2021/22", "Amber", up=["Dental practices reopening; 58% of checks up to date."], on="02/10/2020"),
        A("6. (22)", "Complete a Strengths and Difficulties Questionnaire every year and use it in care planning.",
          [VSH, "CAMHS Service Manager"], "21/22 Q3", "Not yet assessed"),
        O("Prepare for adulthood"),
        A("7", "Write a pathway plan with every 16 and 17 year old.", [LCTM], "2021 to 22", "Green",
          up=["92% have a pathway plan."], on="30/09/2020"),
        A("8", "Deliver an independent living skills programme with the housing association.",
          [LCTM, "Housing Association Partnership Officer"], "Nov 18 – Nov 19", "Blue",
          up=["Programme finished in November 2019; evaluation report available."], on="30/09/2020"),
        A("9", "Explore a Staying Close pilot for young people leaving residential care.", ["Head of Residential Services"],
          "TBC", "Data not available", up=["Awaiting the DfE funding decision."], on="30/09/2020"),
    ],
)

# 8. TSV: youth justice strategic plan, Key future actions, Stage column, no RAG.
tracker(
    name="durrington_youth_justice_plan",
    fmt="tsv",
    description="Youth justice strategic plan as TSV: priority heading rows with no ref, Key future actions, Expected outcome, Stage holding lifecycle words (Superseded, Ongoing), Monitoring and progress, no RAG column, leads separated by commas",
    title=["Durrington Youth Offending Service", "Youth Justice Strategic Plan 2019-2021 – key future actions", ""],
    lead_sep=", ",
    cols=[
        Col("Ref", "ref"),
        Col("Key future actions", "text"),
        Col("Expected outcome"),
        Col("Lead", "leads"),
        Col("Target date", "due"),
        Col("Stage", "status"),
        Col("Monitoring and progress", "update"),
    ],
    body=[
        H("Priority 1: Prevention and diversion"),
        A("P1.1", "Develop a prevention offer with Early Help for children at risk of exploitation.",
          ["YOS Manager", "Early Help Service Manager"], "2019-21", st="In progress",
          up=["Joint screening tool agreed; first referrals in January 2020."],
          extra={"Expected outcome": "Fewer first-time entrants"}),
        A("P1.2", "Run a summer diversionary activities programme with the Community Safety Partnership.",
          ["Community Safety Manager"], "31st July 2021", st="Complete",
          up=["86 young people attended over six weeks."], extra={"Expected outcome": "Less anti-social behaviour in the summer"}),
        H("Priority 2: Reducing reoffending"),
        A("P2.1", "Roll out the Trauma Recovery Model in three stages across all YOS teams.",
          ["YOS Manager", "Clinical Psychologist"], "Stage 3 Jun 2021", st="In progress",
          up=["Stages 1 and 2 complete; stage 3 training booked for May 2021."],
          extra={"Expected outcome": "Interventions matched to each child's developmental stage"}),
        A("P2.2", "Offer a restorative justice conference to every victim who wants one.",
          ["Restorative Justice Coordinator"], "12March 2021", st="Not started",
          up=["Not started – the coordinator post is vacant until February."]),
        A("P2.3", "Set up an education, training and employment panel for young people who are NEET.",
          ["YOS Education Officer", "Post-16 Adviser"], "Quarterly", st="In progress",
          up=["Panel meets monthly; nine young people placed in training."]),
        H("Priority 3: Public protection and safety"),
        A("P3.1", "Review the terms of reference of the risk management panel.", ["YOS Operations Manager"], "30/09/2019",
          st="Superseded", up=["Superseded by the new risk and safety panel (P3.2)."]),
        A("P3.2", "Establish a risk and safety panel aligned with MAPPA, chaired by the YOS Manager.", ["YOS Manager"],
          "Dec-19", st="Complete", up=["Panel established October 2019."]),
        A("P3.3", "Quality assure all high-risk cases every month.", ["YOS Operations Manager"], "Immediate and ongoing",
          st="Ongoing", up=["Monthly audit continuing."]),
    ],
)

# 9. TSV: SEND and virtual school plan with a four-level key (Yellow), start-dated timescales.
tracker(
    name="fairhaven_send_virtual_school",
    fmt="tsv",
    description="SEND and virtual school action plan as TSV: four-level RAG key with Yellow, No., Success criteria, Responsible, 'From Sept 22' / 'Commencing 1/5/23' / 'Starting April 2024' timescales, Current position dated by 'Date of update', leads split by '/'",
    title=[
        "Fairhaven Council – SEND and Virtual School Action Plan 2022-23",
        "RAG key: Red = not on track; Amber = risk to delivery; Yellow = minor issues, on track; Green = on track or complete",
        "",
    ],
    lead_sep="/",
    cols=[
        Col("No.", "ref"),
        Col("Success criteria"),
        Col("Actions", "text"),
        Col("Responsible", "leads"),
        Col("By when", "due"),
        Col("RAG status", "rag"),
        Col("Current position", "update"),
        Col("Date of update", "on"),
    ],
    body=[
        A("1", "Reflect the EHCP outcomes of every child looked after with SEND in their PEP targets.", [VSH, "Head of SEND"],
          "From Sept 22", "Yellow", up=["PEP template updated; termly check shows 70% alignment."], on="12/01/2023",
          extra={"Success criteria": "Every PEP of a child with an EHCP includes the EHCP outcomes"}),
        A("2", "Reduce the time taken to issue EHCPs for children looked after to 20 weeks.", ["Head of SEND"],
          "31/03/2023", "Red", up=["Average 27 weeks. Educational psychology capacity is the main delay."], on="12/01/2023",
          extra={"Success criteria": "EHCPs issued within 20 weeks"}),
        A("3", "Run a training programme for foster carers on supporting learning at home.", [VSH, SMF], "Q2 2022/23",
          "Green", up=["Completed. 64 foster carers attended the four sessions."], on="12/01/2023"),
        A("4", "Appoint an Early Years Virtual School teacher.", [VSH], "Commencing 1/5/23", "Amber",
          up=["Job description agreed; funding confirmed only to March 2024."], on="12/01/2023"),
        A("5", "Extend the Virtual School's role to all children with a social worker.", [VSH, "Head of Children in Need"],
          "2022-23", "Yellow", up=["Strategy agreed; data sharing agreement with schools in draft."], on="09/01/2023"),
        A("6", "Offer sensory processing assessments to children in residential care.", ["Occupational Therapy Lead"], "TBC",
          "Red", up=["No progress – no occupational therapy capacity."], on="09/01/2023"),
        A("7", "Publish a SEND Local Offer page for care-experienced young people.", ["SEND Information Officer"],
          "Starting April 2024", "Amber"),
        A("8", "Review every alternative provision placement of a child looked after each half term.",
          ["Deputy Virtual School Head"], "Ongoing", "Green", up=["Reviews held in October and December."], on="09/01/2023"),
    ],
)

# 10. Markdown from a PDF: page breaks with the header repeated (in full, cut short), rows split over a page.
tracker(
    name="oakleigh_corporate_parenting_2018_21",
    fmt="md",
    description="Corporate parenting strategy action plan copied from a PDF as Markdown: title lines, page footers, header repeated after each page break (once cut short), rows split across page breaks, <br> line breaks, parent-ref heading rows",
    title=["Oakleigh Metropolitan Borough Council", "", "Corporate Parenting Strategy 2018–21: Action Plan", "", "Appendix B"],
    footer="Oakleigh MBC – Corporate Parenting Strategy 2018–21",
    md_br="<br>",
    lead_sep="\n",
    cols=[
        Col("Ref", "ref"),
        Col("Action", "text"),
        Col("Lead officer", "leads"),
        Col("Timescale", "due"),
        Col("RAG", "rag"),
        Col("Progress", "update"),
    ],
    body=[
        H("Health and wellbeing", ref="1"),
        A("1.1", "Introduce an annual health check for care leavers up to age 21, run by the looked after children nursing team.",
          [NURSE], "Mar-19", "Green", up=["Clinic runs monthly at the leaving care hub."]),
        A("1.2", "Provide CAMHS consultation to every children's home each fortnight.", ["CAMHS Service Manager"], "Ongoing",
          "Amber", up=["Consultation in place for 3 of the 5 homes."]),
        A("1.3", "Review the health passport with young people and make it available on the care leavers' app.",
          [NURSE, "Participation Lead"], "2018-21", "Green",
          up=["Passport redesigned with the Children in Care Council; app version in testing."], split=(10, "full")),
        H("Education", ref="2"),
        A("2.1", "Increase the proportion of children looked after attending good or outstanding schools to 90%.", [VSH],
          "Mar-20", "Amber", up=["86% at the end of the summer term."]),
        A("2.2", "Make sure every child has a PEP within 20 school days of entering care.", [VSH], "Immediate and ongoing",
          "Green", up=["94% within timescale."]),
        A("2.3", "Offer every care leaver at university a mentor from the council's graduate scheme.", [VSH, "Head of HR"],
          "Sep-19", "Red", up=["Only 3 mentors recruited; relaunch with the university in October."],
          split=(12, "cut")),
        H("Leaving care", ref="3"),
        A("3.1", "Provide a personal adviser to every care leaver up to 25 who asks for one.", [LCTM], "Apr-18", "Blue",
          up=["Completed April 2018."]),
        A("3.2", "Agree with the district housing teams that no care leaver is found intentionally homeless.",
          [LCTM, "Head of Housing Options"], "Nov 18 – Nov 19", "Red",
          up=["Agreed with 2 of the 5 districts; the other three have raised legal concerns and the matter has gone to the Chief Executives' group."]),
        PB("full"),
        A("3.3", "Set up a care leavers' forum that meets at least every quarter.", ["Participation Lead"], "Quarterly",
          "Green", up=["Forum met in March, June and September."]),
    ],
)

# 11. Markdown: Ofsted improvement plan with Area for improvement, a header ending in "…" after a page break.
tracker(
    name="marshfield_ofsted_improvement_plan",
    fmt="md",
    description="Ofsted improvement plan as Markdown: headings above the table, Area for improvement shown once per group, Status and RAG, 'Update (Q3 2019/20)' column, repeated header ending in '…' after a page break, <br> in lead cells",
    title=[
        "# Marshfield City Council",
        "## Children's Services Improvement Plan (after the ILACS inspection, March 2019)",
        "Version 4 – for the Improvement Board",
    ],
    objective="first",
    footer="Marshfield City Council – Improvement Plan v4",
    md_br="<br>",
    lead_sep="\n",
    cols=[
        Col("No.", "ref"),
        Col("Area for improvement", "objective"),
        Col("Actions", "text"),
        Col("Lead", "leads"),
        Col("Deadline", "due"),
        Col("Status", "status"),
        Col("RAG", "rag"),
        Col("Update (Q3 2019/20)", "update", "2019-12-31"),
    ],
    body=[
        O("Area 1: The quality of practice at the front door"),
        A("1.1", "Review MASH thresholds with partners and publish a revised threshold document.",
          ["Head of MASH", "LSCP Business Manager"], "Jun-19", "Green", st="Complete",
          up=["Threshold document published in June 2019; briefings delivered to 400 partner staff."]),
        A("1.2", "Hold a daily MASH meeting with police, health and education.", ["Head of MASH"], "Immediate and ongoing",
          "Green", st="In progress", up=["In place since April; education attends 80% of meetings."]),
        A("1.3", "Audit repeat referrals and report the themes every quarter.", ["Head of Quality Assurance"], "Quarterly",
          "Amber", st="In progress", up=["First audit done; the second was delayed by staff absence."]),
        O("Area 2: Permanence planning"),
        A("2.1", "Agree a permanence plan for every child by their second review.", ["IRO Service Manager", HoS_CLA],
          "31/12/2019", "Amber", st="In progress", up=["71% of children had a permanence plan at the second review."]),
        A("2.2", "Track children placed with parents and discharge care orders where it is safe to do so.",
          [HoS_CLA, "Legal Services Manager"], "Q4 2019/20", "Red", st="Not started",
          up=["Tracker agreed but there is no legal capacity yet."]),
        PB("ellipsis"),
        A("2.3", "Reduce drift in special guardianship assessments.", ["Service Manager Permanence"], "March 2020", "Amber",
          st="In progress", up=["Twelve assessments allocated to the new team."]),
        A("2.4", "Appoint a permanence champion in each team.", ["Service Manager Permanence"], "Oct-19", "",
          st="Cancelled", up=["Replaced by the permanence tracking panel in action 2.2."]),
        O("Area 3: Workforce"),
        A("3.1", "Reduce the share of agency social workers to below 15%.", ["Head of Workforce"], "2018-21", "Red",
          st="In progress", up=["Agency rate 27%."]),
        A("3.2", "Launch an ASYE academy with a protected caseload for newly qualified social workers.",
          ["Principal Social Worker"], "Sep-19", "Blue", st="Complete", up=["First cohort of 14 started in September."]),
    ],
)

# 12. Markdown: care leavers plan with cross-referenced refs and an inline bullet-list cell.
tracker(
    name="penbury_care_leavers_plan",
    fmt="md",
    description="Care leavers strategy delivery plan copied from a PDF as Markdown: refs like '12. (40, 112)', a cell of inline bullets (two actions lined up with two leads and two dates), a row split across a page break whose continuation starts with a capital, mixed rating words",
    title=[
        "Penbury Council",
        "Care Leavers Strategy Delivery Plan 2022–24",
        "Numbers in brackets cross-refer to the Ofsted recommendations and the Corporate Parenting Strategy.",
    ],
    footer="Penbury Council",
    lead_sep=" / ",
    cols=[
        Col("Ref", "ref"),
        Col("Action", "text"),
        Col("Lead", "leads"),
        Col("By when?", "due"),
        Col("RAG", "rag"),
        Col("Progress update", "update"),
    ],
    body=[
        A("10. (4)", "Hold an annual celebration event for care leavers with the Mayor.", ["Participation Lead"],
          "From Sept 22", "Green", up=["The 2022 event was held on 14 October with 120 guests."]),
        A("11. (4, 19)", "Give care leavers free travel on local buses until age 25.", ["Head of Transport", LCTM],
          "31/03/2023", "Amber", up=["Operators agreed in principle; cost being negotiated."]),
        A("12. (40, 112)", "Extend personal adviser support to care leavers in custody.", [LCTM], "Commencing 1/5/23",
          "Not yet assessed"),
        L("13. (41)", [
            A(None, "Review the tenancy sustainment offer", ["Head of Housing Options"], "July 2022"),
            A(None, "Pilot a staying close flat for two care leavers", [LCTM], "December 2022"),
        ], rag="Amber", up=["Review started; pilot flat identified."]),
        A("14. (42)", "Publish the local offer on a website designed with care leavers.", ["Participation Lead", "Web Team Manager"],
          "2021 to 2022", "Blue", up=["Website launched in March 2022."]),
        A("15", "Offer every care leaver a free TV licence and broadband until age 21.", [LCTM], "Starting April 2024", "",
          up=["Costed; decision in the 2024/25 budget."]),
        A("16. (112)", "Agree a protocol with the Probation Service and HM Prison Service for care leavers leaving custody.",
          [LCTM, "Probation Head of Service"], "30/09/2022", "Red",
          up=["First meeting held; the prison service has not yet nominated a lead."], split=(8, "full")),
        A("17", "Extend the council tax exemption to care leavers living outside the county.",
          ["Head of Revenues and Benefits"], "2022-23", "Green", up=["Completed. Agreed by Cabinet in February 2023."]),
    ],
)

# 13. Markdown: youth justice tracker with worded ratings and two dated update columns.
tracker(
    name="greywater_youth_justice_tracker",
    fmt="md",
    description="Youth justice plan tracker as Markdown: ratings Ahead / On course / Slippage / At risk / Off track / No progress / Not yet assessed, 'Update June 2021' and 'Update Sept 2021' columns, a page break with the header repeated",
    title=[
        "Greywater Youth Justice Partnership Board",
        "Youth Justice Plan 2021/22 – action tracker",
        "Status key: Ahead, On course, Slippage, At risk, Off track, No progress",
    ],
    footer="Greywater YJ Partnership – OFFICIAL",
    lead_sep=" / ",
    cols=[
        Col("Ref", "ref"),
        Col("Action", "text"),
        Col("Lead", "leads"),
        Col("Due", "due"),
        Col("Rating", "rag"),
        Col("Update June 2021", "update", "2021-06-30"),
        Col("Update Sept 2021", "update", "2021-09-30"),
    ],
    body=[
        A("GY1", "Agree a Child First strategy with the Partnership Board.", ["Head of Youth Justice"], "30/06/2021", "Ahead",
          up=["Strategy agreed at the May Board.", "Completed."]),
        A("GY2", "Give every child on an order a trauma-informed assessment.", ["Clinical Lead", "YJS Operations Manager"],
          "2021/22", "On course", up=["Clinical lead in post.", "48% of children assessed."]),
        A("GY3", "Set up an out-of-court disposal scrutiny panel with magistrates.", ["YJS Operations Manager"], "Sept 2021",
          "Slippage", up=["Magistrates' bench approached.", "First panel postponed to November."]),
        A("GY4", "Reduce the number of children remanded to custody.", ["Head of Youth Justice"], "Q4 2021/22", "At risk",
          up=["3 remands in Q1.", "5 remands in Q2; two linked to county lines."]),
        PB("full"),
        A("GY5", "Have a speech and language therapist screen every new case.", ["Head of Youth Justice", "NHS Commissioner"],
          "Dec 2021", "Off track", up=["Funding bid submitted.", "Bid rejected; other funding being sought."]),
        A("GY6", "Launch a mentoring scheme with the local football club's foundation.", ["Prevention Team Leader"],
          "31/03/2022", "No progress"),
        A("GY7", "Report disproportionality data to every Board meeting.", ["Youth Justice Information Officer"], "Quarterly",
          "On course", up=["Data on ethnicity and care status reported in June.", "Reported again in September."]),
        A("GY8", "Review the accessibility of the service's premises.", ["Head of Youth Justice"], "TBC", "Not yet assessed"),
    ],
)

# 14. Markdown: sufficiency delivery plan, numbered list cell with lined-up leads and dates, no RAG.
tracker(
    name="thornbury_sufficiency_delivery_plan",
    fmt="md",
    description="Sufficiency strategy delivery plan as Markdown: no RAG column, Current status with lifecycle words, a cell listing three numbered actions (2.1-2.3) with leads and dates on matching lines, start-dated timescales",
    title=["Thornbury Council", "Sufficiency Strategy 2023–2026 – Delivery Plan"],
    footer="Thornbury Council – Sufficiency Strategy",
    md_br="<br>",
    cols=[
        Col("Ref", "ref"),
        Col("Key actions", "text"),
        Col("Responsible officer", "leads"),
        Col("Completion date", "due"),
        Col("Current status", "status"),
        Col("Comments", "update"),
    ],
    body=[
        H("More foster carers of our own", ref="1"),
        A("1.1", "Raise fostering allowances to the national minimum plus 10%.", ["Head of Fostering"], "Starting April 2024",
          st="Not started", up=["Agreed in the budget; the new rates are paid from April 2024."]),
        A("1.2", "Set up a Mockingbird constellation for carers of teenagers.", ["Head of Fostering"], "Commencing 1/5/23",
          st="In progress", up=["Hub carer recruited; constellation launched in May 2023."]),
        L("2", [
            A("2.1", "Buy a property for a two-bed children's home", ["Head of Property"], "June 2023"),
            A("2.2", "Register the home with Ofsted", ["Head of Residential Services"], "October 2023"),
            A("2.3", "Recruit the staff team", ["Registered Manager"], "2023-24"),
        ], style="numref", st="In progress", up=["Property bought in May; registration submitted."]),
        A("3", "Use the regional commissioning framework for all external residential placements.", ["Commissioning Manager"],
          "2021 to 2022", st="Complete", up=["Framework in use since January 2022."]),
        H("Supported accommodation", ref="4"),
        A("4.1", "Make sure all supported accommodation providers are registered with Ofsted by the national deadline.",
          ["Commissioning Manager"], "October 2023", st="In progress", up=["18 of 22 providers registered."]),
        A("4.2", "Stop placing 16 and 17 year olds in unregistered provision.", [HoS_CLA], "Immediate and ongoing",
          st="In progress", up=["No new unregistered placements since June."]),
        A("4.3", "Commission a floating support service for young people aged 16 and over.", ["Commissioning Manager"], "TBC",
          st="On hold", up=["On hold until the 2024/25 budget is set."]),
    ],
)

D = dt.date

# 15. xlsx: an analyst's own 20-row tracker: fill-only RAG, real date cells, a Key sheet.
tracker(
    name="analyst_cpb_action_tracker",
    fmt="xlsx",
    sheet="Tracker",
    fill_rag=True,
    description="An analyst's own 20-row Excel tracker of Corporate Parenting Board actions: title rows, RAG cells with only a fill colour, Due and 'Date of update' as real date cells (some text), Owner, Status, Alt+Enter line breaks, a Key sheet",
    title=["Corporate Parenting Board – action tracker (analyst copy)", "Refreshed 06/07/2021 – do not circulate", ""],
    lead_sep="\n",
    cols=[
        Col("Action ref", "ref"),
        Col("Action", "text"),
        Col("Owner", "leads"),
        Col("Due", "due"),
        Col("RAG", "rag"),
        Col("Status", "status"),
        Col("Progress", "update"),
        Col("Date of update", "on"),
    ],
    body=[
        A("CPB01", "Report placement stability figures to every Board meeting.", ["Performance and Intelligence Manager"],
          "Quarterly", "green", st="Ongoing", up=["Reported in April and June."], on=D(2021, 6, 30)),
        A("CPB02", "Present the annual report of the Independent Reviewing Officers.", ["IRO Service Manager"],
          D(2021, 7, 31), "green", st="In progress", up=["Draft written."], on=D(2021, 6, 30)),
        A("CPB03", "Arrange for Board members to visit two children's homes.", ["Democratic Services Officer"],
          D(2021, 9, 30), "amber", st="Not started", up=["Visits paused while COVID-19 restrictions apply."],
          on=D(2021, 6, 30)),
        A("CPB04", "Circulate the Children in Care Council's pledge for sign-off.", ["Participation Lead"], D(2021, 3, 31),
          "blue", st="Complete", up=["Signed off at the March Board."], on=D(2021, 4, 9)),
        A("CPB05", "Bring a report on the sufficiency of foster placements for teenagers.", [SMF, "Commissioning Manager"],
          D(2021, 6, 30), "red", st="In progress", up=["Report delayed: data on independent fostering agency costs awaited.\nNow due in September."],
          on=D(2021, 6, 30)),
        A("CPB06", "Add a care leavers' representative to the Board.", ["Chair of the Board"], "TBC", "amber",
          st="In progress", up=["Two care leavers interested; terms of reference to be changed."], on=D(2021, 6, 21)),
        A("CPB07", "Report the outcome of the health assessment audit.", [NURSE], D(2021, 5, 31), "green",
          st="Complete", up=["Presented in May."], on=D(2021, 5, 27)),
        A("CPB08", "Cost a Staying Put allowance at fostering rates.", [HoS_CLA, "Finance Business Partner"],
          D(2021, 9, 30), "amber", st="In progress", up=["Costing done; options paper being written."], on=D(2021, 6, 30)),
        A("CPB09", "Invite the Virtual School Head to present the attainment results.", [VSH], D(2021, 11, 30), "green",
          st="Not started", on=""),
        A("CPB10", "Write to the district councils about care leavers' council tax.", ["Chair of the Board"], D(2021, 4, 30),
          "blue", st="Closed", up=["Letters sent; all four districts have replied."], on=D(2021, 5, 14)),
        A("CPB11", "Agree a Board development session on exploitation.", ["Head of Safeguarding"], D(2021, 10, 31),
          "green", st="In progress", up=["Date agreed: 12 October."], on=D(2021, 6, 30)),
        A("CPB12", "Review the terms of reference of the Board.", ["Democratic Services Officer"], D(2021, 3, 31), "",
          st="Superseded", up=["Superseded by the governance review (CPB16)."], on=D(2021, 4, 9)),
        A("CPB13", "Report the number of children placed more than 20 miles from home.", ["Performance and Intelligence Manager"],
          "Quarterly", "red", st="In progress", up=["Data not yet reported: the placement system upgrade broke the distance field."],
          on=D(2021, 6, 30)),
        A("CPB14", "Agree the care leavers' local offer refresh.", [LCTM], "Q2 2021/22", "amber", st="In progress",
          up=["Consultation with care leavers closes in July."], on=D(2021, 6, 30)),
        A("CPB15", "Present the fostering service annual report.", [SMF], D(2021, 9, 30), "green", st="Not started",
          on=""),
        A("CPB16", "Carry out a review of corporate parenting governance.", ["Assistant Director Children's Services"],
          D(2021, 12, 31), "amber", st="In progress", up=["Scoping agreed with the Lead Member."], on=D(2021, 6, 30)),
        A("CPB17", "Share children's feedback from Mind of My Own at each Board.", ["Participation Lead"], "Ongoing",
          "green", st="Ongoing", up=["Feedback shared in June."], on=D(2021, 6, 30)),
        A("CPB18", "Report on the use of unregistered placements.", [HoS_CLA], D(2021, 6, 30), "red", st="In progress",
          up=["Four children in unregistered placements; plans in place for each."], on=D(2021, 6, 30)),
        A("CPB19", "Hold a joint Board meeting with the Health and Wellbeing Board.", ["Chair of the Board"], "TBC", "",
          st="On hold", up=["On hold until the autumn."], on=D(2021, 6, 30)),
        A("CPB20", "Report apprenticeships taken up by care leavers.", ["Head of HR"], D(2021, 7, 31), "amber",
          st="In progress", up=["3 of 10 ring-fenced apprenticeships filled."], on=D(2021, 6, 30)),
    ],
)

# 16. xlsx: corporate parenting plan with a merged Priority column, Alt+Enter leads, a list-of-actions cell, BRAG words.
tracker(
    name="riverside_corporate_parenting_plan",
    fmt="xlsx",
    sheet="Action plan",
    objective="merge",
    description="Corporate parenting action plan in Excel: two title rows, Priority merged down its rows, leads on separate lines (Alt+Enter), a Milestones column with lines, a cell of bulleted actions lined up with their leads and dates, RAG status with 'Complete' for done",
    title=["Riverside Unitary Authority", "Corporate Parenting Plan 2021–2023 – Action Plan (updated September 2021)"],
    lead_sep="\n",
    cols=[
        Col("Priority", "objective"),
        Col("Ref", "ref"),
        Col("Action", "text"),
        Col("Lead officer(s)", "leads"),
        Col("Milestones"),
        Col("Target completion", "due"),
        Col("RAG status", "rag"),
        Col("Progress", "update"),
    ],
    body=[
        O("1. Our children feel heard"),
        A("1.1", "Co-produce a new pledge with the Children in Care Council.", ["Participation Lead", HoS_CLA],
          "September 2021", "Complete", up=["Pledge launched at the summer celebration event."],
          extra={"Milestones": "Jun 2021 – draft pledge\nSept 2021 – launch"}),
        A("1.2", "Give every child in care the name and number of their Independent Reviewing Officer.",
          ["IRO Service Manager"], "Immediate and ongoing", "Green", up=["Included in the welcome pack since April."]),
        A("1.3", "Run an annual survey of children in care and care leavers and report the results to the Board.",
          ["Participation Lead", "Performance and Intelligence Manager"], "March 2022", "Amber",
          up=["Survey designed with young people; fieldwork in October and November."],
          extra={"Milestones": "Oct 2021 – survey open\nFeb 2022 – results to the Board"}),
        O("2. Our children live in stable, loving homes"),
        A("2.1", "Recruit 15 new fostering households each year.", [SMF], "2021-22", "Amber",
          up=["7 households approved to September.\nMarketing refreshed with foster carers' stories."]),
        A("2.2", "Introduce a placement stability panel for children at risk of breakdown.", [HoS_CLA, "Principal Social Worker"],
          "Dec 2021", "Green", up=["Panel meets fortnightly; 16 children discussed so far."]),
        L("2.3", [
            A(None, "Review the fostering allowances", ["Finance Business Partner"], "Dec 2021"),
            A(None, "Introduce a foster carer loyalty payment", [SMF], "31/03/2022"),
        ], style="bullet", rag="Amber", up=["Allowance benchmarking complete; proposal to Cabinet in November."]),
        O("3. Our care leavers thrive"),
        A("3.1", "Offer a personal adviser to every care leaver up to 25.", [LCTM], "Ongoing", "Green",
          up=["98% of care leavers have a personal adviser."]),
        A("3.2", "Exempt care leavers from council tax until they are 25.", ["Head of Revenues and Benefits", LCTM],
          "April 2020", "Complete", up=["In place since April 2020."]),
        A("3.3", "Create a care leavers' hub with housing, health and DWP surgeries.", [LCTM, "Head of Housing Options",
          "DWP Partnership Manager"], "2021 to 22", "Red", up=["Preferred site withdrawn; looking for another."]),
    ],
)

# 17. xlsx: Ofsted improvement plan with parent-ref rows, Status words separate from RAG, quarter update columns.
tracker(
    name="hartwell_ofsted_improvement_plan",
    fmt="xlsx",
    sheet="Improvement plan",
    description="Ofsted improvement plan in Excel: title rows, parent-ref recommendation rows over their actions, Status (Merged into 3.2, Superseded, Deferred) separate from R/A/G letters, 'Update (Q2 2019/20)' and 'Update (Q3 2019/20)' columns with Alt+Enter line breaks",
    title=["Hartwell Borough Council", "Children's Services Improvement Plan 2019-20", "Improvement Board – December 2019"],
    lead_sep="\n",
    cols=[
        Col("Ref", "ref"),
        Col("Action", "text"),
        Col("Responsible officer", "leads"),
        Col("Deadline", "due"),
        Col("Status", "status"),
        Col("RAG", "rag"),
        Col("Update (Q2 2019/20)", "update", "2019-09-30"),
        Col("Update (Q3 2019/20)", "update", "2019-12-31"),
    ],
    body=[
        H("Recommendation 1: Children who go missing have timely return home interviews", ref="1"),
        A("1.1", "Offer every child who returns from missing a return home interview within 72 hours.",
          ["Head of Early Help", "Missing Coordinator"], "Immediate and ongoing", "A", st="In progress",
          up=["Offered within 72 hours in 68% of episodes.", "76% offered within 72 hours.\nTake-up 54%."]),
        A("1.2", "Share missing episode information with the police every day.", ["Missing Coordinator"], "Sep-19", "G",
          st="Complete", up=["Daily sharing in place.", ""]),
        H("Recommendation 2: Plans for children are clear and reviewed", ref="2"),
        A("2.1", "Train all social workers in writing SMART plans.", ["Principal Social Worker"], "Q3 2019/20", "G",
          st="In progress", up=["Training dates published.", "82% of social workers trained."]),
        A("2.2", "IROs to escalate plans that are not SMART through the dispute resolution process.", ["IRO Service Manager"],
          "Oct-19", "R", st="In progress", up=["Escalations not yet recorded consistently.", "Recording form changed; 11 escalations logged."]),
        A("2.3", "Audit 20 plans a month.", ["Head of Quality Assurance"], "Q4 2019/20", "", st="Merged into 3.2",
          up=["", "Merged into the audit programme (3.2)."]),
        H("Recommendation 3: Leaders have a clear view of practice", ref="3"),
        A("3.1", "Publish a monthly performance scorecard to the leadership team.", ["Performance and Intelligence Manager"],
          "Dec-19", "A", st="In progress", up=["Scorecard drafted.", "First scorecard published in December; some measures still missing."]),
        A("3.2", "Set up a single audit programme covering all teams.", ["Head of Quality Assurance"], "31/03/2020", "A",
          st="In progress", up=["Audit tool agreed.", "Programme running; takes over the plan audits from 2.3."]),
        A("3.3", "Quarterly practice week for senior leaders.", ["Director of Children's Services"], "Quarterly", "",
          st="Deferred", up=["First practice week planned for November.", "Deferred to 2020 because of the general election."]),
        A("3.4", "Replace the case management system.", ["Head of Business Support"], "2021-22", "", st="Superseded",
          up=["Superseded: the council-wide system replacement now covers this."]),
    ],
)

# 18. xlsx: SEND plan with a five-point scale and Not yet assessed / N/A (data not available).
tracker(
    name="larkfield_send_improvement_plan",
    fmt="xlsx",
    sheet="SEND WSoA",
    description="SEND written statement of action tracker in Excel: five-point ratings (Amber/Red, Amber/Green), Not yet assessed and N/A (key: data not available), 'Update as at 31/03/2021', '12March 2021' and '31st July 2021' timescales, Area for improvement column filled on every row, Alt+Enter leads",
    title=["Larkfield Council and Larkfield CCG", "SEND Written Statement of Action – progress tracker",
           "Key: Green; Amber/Green; Amber; Amber/Red; Red; N/A = data not available; Not yet assessed"],
    lead_sep="\n",
    cols=[
        Col("Area for improvement", "objective"),
        Col("Ref", "ref"),
        Col("Actions", "text"),
        Col("Lead", "leads"),
        Col("By when?", "due"),
        Col("RAG rating", "rag"),
        Col("Update as at 31/03/2021", "update", "2021-03-31"),
    ],
    body=[
        O("1. Quality and timeliness of EHC plans"),
        A("1.1", "Issue 60% of new EHC plans within 20 weeks.", ["Head of SEND"], "31st July 2021", "Amber/Red",
          up=["38% within 20 weeks in the last quarter."]),
        A("1.2", "Introduce a quality assurance framework for EHC plans, with multi-agency audits.",
          ["Head of SEND", "Designated Clinical Officer"], "12March 2021", "Green",
          up=["Completed. Framework agreed; the first multi-agency audit took place in February."]),
        A("1.3", "Train SEND caseworkers in writing outcomes with children and families.", ["SEND Service Manager"],
          "Q1 2021/22", "Amber/Green", up=["Two of three training sessions delivered."]),
        O("2. Joint commissioning"),
        A("2.1", "Agree a joint commissioning strategy for SEND between the council and the CCG.",
          ["Head of Commissioning", "CCG Head of Children's Commissioning"], "September 2021", "Amber",
          up=["Draft strategy shared with the parent carer forum."]),
        A("2.2", "Reduce waiting times for neurodevelopmental assessments to 18 weeks.", ["CCG Head of Children's Commissioning"],
          "March 2022", "N/A", up=["Provider data not yet available for Q4."]),
        A("2.3", "Commission a short breaks service for children with complex health needs.", ["Head of Commissioning"],
          "2021-22", "Not yet assessed"),
        O("3. Co-production with parents and carers"),
        A("3.1", "Co-produce the Local Offer website with the parent carer forum.", ["SEND Information Officer",
          "Parent Carer Forum Chair"], "30/06/2021", "Green", up=["Website redesign in testing with 20 families."]),
        A("3.2", "Hold termly SEND surgeries for parents in each locality.", ["SEND Service Manager"], "Ongoing", "Red",
          up=["No surgeries held this term – venues unavailable."]),
    ],
)

# 19. xlsx: corporate parenting plan with one update column per quarter, Status and RAG, text RAG with matching fill.
tracker(
    name="elmstead_corporate_parenting_updates",
    fmt="xlsx",
    sheet="2020-21",
    description="Corporate parenting action plan in Excel with one update column per quarter ('Q1 update 2020/21' … 'Q3 update 2020/21'), Current status with lifecycle words, RAG text, Alt+Enter in updates and leads, Desired outcome merged down its rows",
    title=["Elmstead County Council – Corporate Parenting Action Plan 2020-21", ""],
    objective="merge",
    lead_sep="\n",
    cols=[
        Col("Desired outcome", "objective"),
        Col("No.", "ref"),
        Col("Action", "text"),
        Col("Lead officer", "leads"),
        Col("Target date", "due"),
        Col("Current status", "status"),
        Col("RAG", "rag"),
        Col("Q1 update 2020/21", "update", "2020-06-30"),
        Col("Q2 update 2020/21", "update", "2020-09-30"),
        Col("Q3 update 2020/21", "update", "2020-12-31"),
    ],
    body=[
        O("Children are safe and feel safe where they live"),
        A("1", "Run a return interview service for children who go missing from care placed out of county.",
          ["Missing Coordinator"], "Quarter Two 2020/21", "Green", st="Complete",
          up=["Service specification agreed.", "Service live from 1 September.", ""]),
        A("2", "Train all foster carers in recognising exploitation.", [SMF, "Exploitation Lead"], "31/03/2021", "Amber",
          st="In progress", up=["Training moved online.", "48% of carers trained.", "63% of carers trained.\nTwo extra sessions added in February."]),
        A("3", "Review every placement of a child more than 20 miles from home.", [HoS_CLA], "Q3 2020/21", "Red",
          st="In progress", up=["Reviews delayed by COVID-19.", "Half of the reviews done.", "Reviews for 12 children outstanding."]),
        O("Children are healthy"),
        A("4", "Give every child looked after a named health practitioner.", [NURSE], "20/21", "Green",
          st="In progress", up=["", "Allocations complete in two localities.", "Allocations complete in all three localities."]),
        A("5", "Offer counselling to children looked after through the school nursing service.", [NURSE, "School Nursing Lead"],
          "Quarter Three 2020/21", "", st="Cancelled", up=["School nursing redeployed to COVID-19 work.", "Cancelled; see action 6.", ""]),
        A("6", "Commission an online counselling service for children looked after.", ["Commissioning Manager"],
          "Q4 2020/21", "Green", st="Complete", up=["Commissioned; 34 young people registered.", "", ""]),
        O("Children achieve"),
        A("7", "Provide a laptop and internet access to every child looked after of school age.", [VSH], "Q1 2020/21",
          "Blue", st="Completed", up=["Laptops issued to 212 children.", "", ""]),
        A("8", "Hold a celebration of achievement event.", ["Participation Lead", VSH], "Dec-20", "", st="Deferred",
          up=["", "", "Deferred to summer 2021 because of restrictions."]),
    ],
)

# 20. docx: one table per objective under a heading, RAG fill only, soft line breaks between leads.
tracker(
    name="coldharbour_corporate_parenting_plan",
    fmt="docx",
    objective="tables",
    fill_rag=True,
    docx_breaks="break",
    description="Corporate parenting action plan in Word: one table per objective with the objective as a heading above it, RAG cells with only a fill colour (blue for complete), several leads in one cell on separate lines (line breaks), progress opening with a status word",
    title=["Coldharbour Council", "Corporate Parenting Action Plan 2022-23", "Progress to the Corporate Parenting Committee, March 2023"],
    lead_sep="\n",
    cols=[
        Col("Objective", "objective"),
        Col("Ref", "ref"),
        Col("Action", "text"),
        Col("Lead", "leads"),
        Col("Timescale", "due"),
        Col("RAG", "rag"),
        Col("Progress", "update"),
    ],
    body=[
        O("Objective 1: Children in care have a say in decisions about their lives"),
        A("1.1", "Children in care to help recruit senior staff in children's services.", ["Participation Lead", "Head of HR"],
          "2022-23", "green", up=["Young people sat on the panels for two Heads of Service."]),
        A("1.2", "Produce a children's guide to the complaints process, written with the Children in Care Council.",
          ["Complaints Manager"], "30/09/2022", "blue", up=["Guide published in September 2022."]),
        A("1.3", "Report what children tell us through their reviews to every Committee.", ["IRO Service Manager"], "Quarterly",
          "amber", up=["Reported in December; the March report was not ready."]),
        O("Objective 2: Children in care are healthy"),
        A("2.1", "Complete review health assessments on time for 90% of children.", [NURSE, HoS_CLA], "31/03/2023", "red",
          up=["On time for 71%. Two nurse vacancies."]),
        A("2.2", "Offer every child in care aged 11 and over a session on healthy relationships.", [NURSE, "School Nursing Lead"],
          "Dec-20", "green", up=["Completed. Sessions delivered in all secondary schools."]),
        A("2.3", "Give children in care free access to leisure centres with a carer.", ["Head of Leisure"], "Ongoing", "green",
          up=["146 children have a leisure card."]),
        O("Objective 3: Care leavers are ready for adult life"),
        A("3.1", "Every care leaver aged 17 to have a bank account and a copy of their birth certificate and passport.", [LCTM],
          "Immediate and ongoing", "amber", up=["91% have a bank account; 64% have a passport."]),
        A("3.2", "Develop a care leavers' covenant with local employers.", [LCTM, "Economic Development Manager"],
          "2023-24", "", up=["Not started. Planned for 2023-24."]),
        A("3.3", "Set up a staying close scheme for young people leaving our children's homes.",
          ["Head of Residential Services", LCTM], "June 2023", "amber",
          up=["In progress – two flats leased; support provider being procured."]),
    ],
)

# 21. docx: one table, full-width section rows, Objective merged down its rows, a bulleted list of actions in one cell.
tracker(
    name="westbury_ofsted_improvement_plan",
    fmt="docx",
    objective="merge",
    description="Ofsted improvement plan in Word: one table with full-width merged section rows, an Objective column merged down over its actions, a cell holding a bulleted list of actions lined up with leads and dates on separate paragraphs, RAG words, Commentary",
    title=["Westbury City Council", "Improvement Plan following the Ofsted focused visit, November 2021"],
    lead_sep="\n",
    cols=[
        Col("Objective", "objective"),
        Col("Ref", "ref"),
        Col("Action", "text"),
        Col("Lead", "leads"),
        Col("By when?", "due"),
        Col("RAG", "rag"),
        Col("Commentary", "update"),
    ],
    body=[
        H("Priority 1: Children in need of help and protection"),
        O("Strategy discussions are timely and include all agencies"),
        A("1.1", "Agree a strategy discussion protocol with the police and health.", ["Head of MASH", "Police Detective Inspector"],
          "March 2022", "Green", up=["Protocol signed in February."]),
        A("1.2", "Audit 20 strategy discussions each quarter.", ["Head of Quality Assurance"], "Quarterly", "Amber",
          up=["First audit found health were missing from 40% of discussions."]),
        O("Child protection plans are specific and reviewed"),
        A("1.3", "Introduce a new child protection plan template with outcomes for the child.", ["Principal Social Worker"],
          "31/03/2022", "Green", up=["Template launched in January."]),
        L("1.4", [
            A(None, "Train child protection chairs to challenge drift", ["Child Protection Chair Manager"], "Dec 2021"),
            A(None, "Track the plans of children on a plan for more than 15 months", ["Performance and Intelligence Manager"],
              "March 2022"),
            A(None, "Report plans over 15 months to the Improvement Board", ["Head of Safeguarding"], "Quarterly"),
        ], rag="Amber", up=["Training done in December; tracker built; first Board report due in April."]),
        H("Priority 2: Children in care"),
        O("Children in care live in homes that meet their needs"),
        A("2.1", "Match every child in residential care to a family placement where their plan says so.", [HoS_CLA],
          "2021 to 2022", "Red", up=["Six children matched; 14 still waiting."]),
        A("2.2", "Open two new children's homes in the city.", ["Head of Residential Services"], "2023-24", "Amber",
          up=["Planning permission granted for the first home."]),
        A("2.3", "Review the fostering recruitment offer.", [SMF], "Dec 2021", "Complete",
          up=["Review complete; new offer launched in January."]),
    ],
)

# 22. docx: continuation row under a merged ref, numbered list of success criteria, section rows, Status column.
tracker(
    name="millbrook_care_leavers_plan",
    fmt="docx",
    docx_breaks="break",
    description="Care leavers action plan in Word: full-width section rows, a continuation row under a merged Ref and Action (a second lead and a second update), Success criteria as a numbered list, Status holding lifecycle words, 'Update as at 30/09/2021', leads on separate lines",
    title=["Millbrook Council", "Care Leavers Action Plan 2021-22"],
    lead_sep="\n",
    cols=[
        Col("Ref", "ref"),
        Col("Action", "text"),
        Col("Success criteria"),
        Col("Lead officer(s)", "leads"),
        Col("Deadline", "due"),
        Col("Status", "status"),
        Col("Update as at 30/09/2021", "update", "2021-09-30"),
    ],
    body=[
        H("Section A: Homes"),
        A("A1", "Set up a housing panel for care leavers with the district councils.", [LCTM],
          "September 2021", st="Complete", up=["Panel met for the first time in August."],
          cont={"leads": ["Housing Options Team Leader"], "up": ["District councils have each nominated a housing officer."]},
          extra={"Success criteria": ["Panel meets monthly", "No care leaver placed in bed and breakfast"]}),
        A("A2", "Provide furniture and white goods to every care leaver moving into their first home.", [LCTM],
          "Ongoing", st="In progress", up=["Setting up home allowance raised to £2,500."]),
        A("A3", "Explore shared housing for care leavers aged 18 to 21.", ["Head of Housing Options", LCTM],
          "Q4 2021/22", st="Not started", extra={"Success criteria": ["Options paper to the Board"]}),
        H("Section B: Work and money"),
        A("B1", "Offer every care leaver a financial capability session before they turn 18.", ["Money Advice Team Leader"],
          "31/12/2021", st="In progress", up=["Sessions delivered to 22 young people."],
          cont={"leads": [LCTM], "up": ["Young people asked for sessions in the evening; two evening sessions added."]}),
        A("B2", "Ring-fence supported internships for care leavers across council services.", ["Head of HR"], "March 2022",
          st="On hold", up=["On hold until the recruitment freeze ends."]),
        A("B3", "Agree a protocol with the DWP for care leavers' Universal Credit claims.", [LCTM, "DWP Partnership Manager"],
          "30/06/2021", st="Completed", up=["Protocol signed in June."],
          extra={"Success criteria": ["Advance payments made within 5 days", "No sanctions without the personal adviser being told"]}),
    ],
)

# 23. docx: youth justice plan, a table per priority, Status plus fill-only RAG, a list cell sharing one lead and date.
tracker(
    name="ravensworth_youth_justice_plan",
    fmt="docx",
    objective="tables",
    fill_rag=True,
    description="Youth justice plan in Word: a table per priority under its heading, Status words separate from a RAG column with fill colour only, a cell with a bulleted list of actions sharing one lead and one date, 'Update as at 31/03/2022'",
    title=["Ravensworth Youth Justice Service", "Youth Justice Plan 2021-22 – year-end review"],
    lead_sep="; ",
    cols=[
        Col("Priority", "objective"),
        Col("No.", "ref"),
        Col("Key actions", "text"),
        Col("Lead", "leads"),
        Col("Target completion", "due"),
        Col("Status", "status"),
        Col("RAG", "rag"),
        Col("Update as at 31/03/2022", "update", "2022-03-31"),
    ],
    body=[
        O("Priority 1: Prevention"),
        A("1", "Open a prevention service for children at risk of entering the youth justice system.", ["YJS Head of Service"],
          "Q3 2021/22", "green", st="Complete", up=["Service opened in October; 41 referrals."]),
        A("2", "Agree referral pathways with schools and Early Help.", ["Prevention Team Leader", "Early Help Service Manager"],
          "31/12/2021", "amber", st="In progress", up=["Agreed with Early Help; schools pathway in draft."]),
        L("3", [
            A(None, "Map the youth provision in each ward", []),
            A(None, "Share the map with the police neighbourhood teams", []),
        ], rag="red", st="Not started", shared_leads=["Community Safety Manager"], shared_due="March 2022",
            up=["Not started because of staff absence."]),
        O("Priority 2: Education, training and employment"),
        A("4", "Every child of school age known to the service to be in full-time education.",
          ["YJS Education Officer", VSH], "Ongoing", "amber", st="In progress", up=["78% in full-time education."]),
        A("5", "Agree a work experience scheme with the council's contractors.", ["YJS Education Officer"], "2021/22", "",
          st="Cancelled", up=["Cancelled: contractors could not offer placements to under-16s."]),
        O("Priority 3: Serious youth violence"),
        A("6", "Carry out a serious youth violence needs assessment with the Violence Reduction Unit.",
          ["YJS Head of Service", "Violence Reduction Unit Lead"], "Sept 2021", "blue", st="Complete",
          up=["Needs assessment published in September."]),
        A("7", "Deliver the Violence Reduction Unit's custody navigator programme.", ["YJS Operations Manager"],
          "From Sept 22", "green", st="Not started", up=["Funding agreed to start in September 2022."]),
    ],
)


if __name__ == "__main__":
    sys.exit(build(TRACKERS))
