"""Type stubs for lineofsight._native, written by hand and checked with
``python -m mypy.stubtest lineofsight``; ``bindings-python/tests/test_typing.py``
runs ``mypy --strict`` and ``pyright`` on the README's and the notebook's code
against them.

pandas, polars and pyarrow are imported here for their types only: a stub is
never run, so the package itself imports none of them until a table is
converted."""

import datetime
import os
from collections.abc import Sequence
from typing import Any, Literal, Protocol, TypeAlias, final, overload

import pandas
import polars
# pyarrow has no types of its own (pyarrow-stubs adds them); without them
# ``to_arrow`` is typed Any.
import pyarrow  # type: ignore[import-untyped, unused-ignore]

from lineofsight import DateLike

# A rating's code, on the scale worst first (see ``Table``).
_RatingCode: TypeAlias = Literal[
    "red", "amber_red", "amber", "amber_green", "green", "blue", "not_rated", "no_data"
]
# The report formats ``Evaluation.export`` gives as text, and as bytes. Any
# case and a leading dot are accepted too (``"XLSX"``, ``".md"``); such a
# spelling is typed ``str | bytes``.
_TextFormat: TypeAlias = Literal[
    "html",
    "htm",
    "markdown",
    "md",
    "terminal",
    "text",
    "txt",
    "csv",
    "json",
    "ics",
    "ical",
    "calendar",
]
_BinaryFormat: TypeAlias = Literal["xlsx", "excel", "docx", "word"]
# A file path.
_Path: TypeAlias = str | os.PathLike[str]
# An import mapping: a dict, or the path of a JSON file holding one.
_Mapping: TypeAlias = dict[str, Any] | str | os.PathLike[str]

__version__: str
__all__ = [
    "Evaluation",
    "LineOfSightError",
    "MeasureRating",
    "ParseError",
    "Plan",
    "PlanLoadError",
    "RatingParseError",
    "RuleSet",
    "Table",
    "TableImportError",
    "TimescaleParseError",
    "UnknownBuiltinError",
    "UnsupportedVersionError",
    "ValidationError",
    "ValueParseError",
    "PeriodParseError",
    "ExportError",
    "EditError",
    "EesReadError",
    "ColumnsError",
    "__version__",
    "builtin_plans",
    "due_dates",
    "parse_rating",
    "parse_ratings",
    "parse_target",
    "parse_period",
    "parse_ees_period",
    "read_ees",
    "derive_rate",
    "parse_targets",
    "parse_timescale",
    "parse_timescales",
    "parse_value",
    "plan_schema",
    "quartile_bands",
    "rate_actions",
    "ref_covers",
    "rules_schema",
    "sort_refs",
]

# ---------------------------------------------------------------- errors

class LineOfSightError(Exception):
    """Base class of every error lineofsight raises."""

class PlanLoadError(LineOfSightError):
    """A plan or rule set could not be loaded: ``what`` is ``"plan"`` or
    ``"rule set"``."""

    what: str

class ParseError(PlanLoadError):
    """Malformed JSON, a value of the wrong type, data after the plan, or
    bytes that are not UTF-8 (then ``offset`` is the first bad byte's):
    ``path`` (the JSON path, e.g. ``$.title``), ``line`` and ``column``
    (from 1), ``message``."""

    path: str
    line: int
    column: int
    message: str
    offset: int

class ValidationError(PlanLoadError):
    """Well-formed input that breaks one of the plan's or rule set's rules:
    ``path`` (the JSON path), ``reason``."""

    path: str
    reason: str

class UnsupportedVersionError(PlanLoadError):
    """The plan was written by a newer version of the format: ``found`` and
    ``supported`` are schema versions."""

    found: int
    supported: int

class UnknownBuiltinError(PlanLoadError):
    """There is no built-in plan of that name: ``name``, and the ``known``
    names."""

    name: str
    known: str

class TableImportError(LineOfSightError):
    """A table could not be imported as a plan: ``kind``, ``input`` (its
    name), ``row`` (from 1; 0 when unknown), ``column``, ``reason``."""

    kind: Literal["unreadable", "no_header", "mapping", "no_actions", "invalid", "too_large"]
    input: str
    row: int
    column: str
    reason: str

class RatingParseError(LineOfSightError):
    """Text that is not a RAG rating spelling lineofsight knows: ``text``."""

    text: str

class TimescaleParseError(LineOfSightError):
    """A timescale that strict parsing rejects: ``kind``, ``raw`` (the whole
    timescale), ``fragment`` (the part at fault), ``reason``."""

    kind: Literal["impossible_date", "not_understood", "ignored"]
    raw: str
    fragment: str
    reason: str

class ValueParseError(LineOfSightError):
    """A published value that is neither a number nor a suppression symbol:
    ``text``."""

    text: str

class ExportError(LineOfSightError):
    """A report writer (CSV, workbook, Word paper, calendar) failed:
    ``format``."""

    format: str

class PeriodParseError(LineOfSightError):
    """A period label lineofsight cannot read: ``label``, ``reason``."""

    label: str
    reason: str

class ColumnsError(LineOfSightError):
    """rate_actions could not read its input."""

    kind: Literal["missing_column", "wrong_type", "bad_value", "length", "no_such_action"]
    table: Literal["table", "sub_activities"]
    column: str
    row: int | None
    reason: str

class EditError(LineOfSightError):
    """Edits that could not be applied; the plan is unchanged. ``kind``
    (``unknown_action``, ``unknown_objective``, ``duplicate_action`` or
    ``invalid``), ``edit`` (the edit's position from 0; None for
    ``invalid``), ``id`` (None for ``invalid``), ``path`` (for ``invalid``:
    the JSON path in the edited plan), ``reason``."""

    kind: str
    edit: int | None
    id: str | None
    path: str | None
    reason: str

class EesReadError(LineOfSightError):
    """An Explore Education Statistics file that could not be read: ``kind``
    (``csv``, ``missing_column``, ``bad_value``, ``bad_period`` or
    ``no_rows``), ``line`` (1 is the header; 0 when none), ``column``
    (``-`` when none), ``reason``."""

    kind: str
    line: int
    column: str
    reason: str

# ---------------------------------------------------------------- classes

@final
class Table:
    """A table of rows, e.g. an evaluation's actions: Arrow
    (``__arrow_c_stream__``, so pyarrow, polars and duckdb read it), pandas,
    polars or a list of dicts.

    Column types in Arrow: dates (``due``, ``commentary_date`` …) are
    ``date32``; ratings (``rating``, ``computed``, ``recorded``,
    ``latest_rating``) are an ordered ``dictionary`` whose values are the
    whole rating scale worst first (``red``, ``amber_red``, ``amber``,
    ``amber_green``, ``green``, ``blue``, ``not_rated``, ``no_data``);
    lists of text (an action's ``leads``) are ``list<utf8>``; other lists
    are JSON text."""

    @property
    def name(self) -> str:
        """The table's name (``actions``, ``objectives``, ``measures``,
        ``discrepancies`` …)."""
    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
    def __len__(self) -> int:
        """How many rows the table has."""
    def __arrow_c_schema__(self) -> object:
        """The Arrow schema as a PyCapsule (the Arrow PyCapsule interface)."""
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The rows as an Arrow C stream PyCapsule (the Arrow PyCapsule
        interface), cast to ``requested_schema`` when one is asked for."""
    def records(self) -> list[dict[str, Any]]:
        """The rows as a list of dicts: dates as ``datetime.date``, ratings
        as their codes, lists of text as lists."""
    def to_arrow(self) -> pyarrow.Table:
        """The table as a ``pyarrow.Table``, with the column types above.
        Raises ImportError naming pyarrow when it is not installed."""
    def to_pandas(self) -> pandas.DataFrame:
        """The table as a pandas DataFrame: dates as ``datetime64`` (so
        ``.dt`` works), ratings as an ordered ``Categorical`` of the whole
        scale (so ``sort_values`` sorts worst first), lists of text (an
        action's leads) as list-likes for ``explode``. Raises ImportError
        naming pandas when it is not installed."""
    def to_polars(self) -> polars.DataFrame:
        """The table as a polars DataFrame: dates as ``Date``, ratings as an
        ``Enum`` of the whole scale (sorting sorts worst first), lists of
        text as ``List(String)``. Raises ImportError naming polars when it
        is not installed."""
    def _repr_html_(self) -> str:
        """An HTML table of the first rows, ratings shown as chips (Jupyter's
        rich display)."""

@final
class RuleSet:
    """A rule set: how actions are rated and ratings rolled up."""

    def __init__(self) -> None:
        """The default rules."""
    @staticmethod
    def default() -> RuleSet:
        """The default rules (the same as ``RuleSet()``)."""
    @staticmethod
    def from_dict(rules: dict[str, Any]) -> RuleSet:
        """A rule set from a dict shaped as ``rules_schema()``; absent fields
        take their defaults. Raises ParseError or ValidationError."""
    @staticmethod
    def from_json(json: str) -> RuleSet:
        """A rule set from JSON text. Raises ParseError or ValidationError."""
    def to_dict(self) -> dict[str, Any]:
        """The rule set as a dict."""
    def to_json(self) -> str:
        """The rule set as JSON text."""
    def __eq__(self, value: object, /) -> bool:
        """Whether two rule sets rate alike (the same rules)."""
    def __ne__(self, value: object, /) -> bool:
        """Whether two rule sets differ."""

@final
class Plan:
    """A corporate parenting plan: objectives, actions with their leads and
    timescales, measures of success. Plans are immutable: ``apply`` returns
    a new one."""

    @staticmethod
    def builtin(name: str) -> Plan:
        """A plan built into the library, e.g. ``Plan.builtin("lancashire")``
        (the combined set) or one of ``builtin_plans()``. Raises
        UnknownBuiltinError."""
    @staticmethod
    def from_json(
        json: str | bytes,
        *,
        strict: bool = False,
        max_bytes: int | None = None,
        max_depth: int | None = None,
        max_groups: int | None = None,
    ) -> Plan:
        """A plan from its native JSON, as ``str`` or UTF-8 ``bytes``. A
        field the library does not read (a misspelling) is listed by
        ``load_warnings()``, or with ``strict=True`` raises ValidationError.
        ``max_bytes`` (default 100,000,000), ``max_depth`` (64) and
        ``max_groups`` (100,000) raise or lower the loader's limits: a plan
        of a million actions (about 470 MB) loads with
        ``max_bytes=500_000_000``. Raises ParseError (with the JSON path,
        line and column), ValidationError (also past a limit, naming it) or
        UnsupportedVersionError."""
    @staticmethod
    def from_arrow(table: _ArrowStream, *, mapping: _Mapping | None = None, name: str = "table") -> Plan:
        """A plan from a table with the columns of its own CSV export
        (``Evaluation.export("csv")``), read back as the same plan (what a
        table of actions carries of it), or from any tracker's columns, read
        as ``from_table`` reads a CSV. ``table`` is anything with
        ``__arrow_c_stream__`` (a pyarrow Table or RecordBatchReader, a
        polars or pandas DataFrame, a DuckDB result); each column is read
        as text, dates as ISO days, nulls as empty cells. Raises
        ColumnsError for a column that cannot be read as text,
        TableImportError, or TypeError."""
    @staticmethod
    def from_frame(frame: _ArrowStream | pandas.DataFrame, *, mapping: _Mapping | None = None, name: str = "frame") -> Plan:
        """``from_arrow`` for a polars or pandas DataFrame (an older pandas
        one goes through ``pyarrow.Table.from_pandas``). Raises as
        ``from_arrow``."""
    @staticmethod
    def from_table(
        data: str | bytes,
        *,
        format: str = "auto",
        mapping: _Mapping | None = None,
        sheet: str | None = None,
        name: str = "input",
    ) -> Plan:
        """A plan imported from a tracker table: CSV, TSV or markdown text,
        or workbook bytes (``format="auto"`` works it out from the content).
        ``mapping`` is an import mapping (a dict, or the path of a JSON
        file); ``sheet`` picks a workbook's sheet; ``name`` is what errors
        call the input. Raises TableImportError."""
    @staticmethod
    def load(
        path: _Path,
        *,
        format: str | None = None,
        mapping: _Mapping | None = None,
        sheet: str | None = None,
        strict: bool = False,
        max_bytes: int | None = None,
        max_depth: int | None = None,
        max_groups: int | None = None,
    ) -> Plan:
        """A plan from a file: ``.json`` is the native format (as
        ``from_json``); any other file is imported as a table (as
        ``from_table``) whose format is worked out from its content unless
        ``format`` is given. Raises the errors of ``from_json`` or
        ``from_table``, and OSError when the file cannot be read."""
    def to_json(self) -> str:
        """The plan as pretty-printed native JSON."""
    def apply(self, edits: dict[str, Any] | list[dict[str, Any]]) -> Plan:
        """A copy of the plan with ``edits`` applied, all or nothing: one
        edit dict or a list (``record_update``, ``set_state``,
        ``set_timescale``, ``add_action``, ``remove_action``). Dates may be
        ``datetime.date`` or ISO strings. This plan is not changed. Raises
        EditError naming the edit, or ParseError for an edit that does not
        read."""
    def save(self, path: _Path) -> None:
        """Writes the plan as native JSON (UTF-8); ``Plan.load`` reads it
        back. Raises OSError when it cannot be written."""
    def redacted(self) -> Plan:
        """A publish-safe copy: named people among the leads replaced by
        their role (or "Named officer"), for reports on a public website."""
    def to_dict(self) -> dict[str, Any]:
        """The plan as a dict (the native JSON's structure)."""
    @property
    def title(self) -> str:
        """The plan's title."""
    @property
    def organisation(self) -> str:
        """The council or partnership that owns the plan."""
    @property
    def period(self) -> str | None:
        """The period the plan covers, as written (``2014–17``), or None."""
    @property
    def dates(self) -> tuple[datetime.date, datetime.date] | None:
        """The dates the plan runs from and to, both inclusive, as a
        ``(start, end)`` pair, or None."""
    def status(self, as_of: DateLike | None = None) -> Literal["not_yet_started", "current", "closed"]:
        """Where a date (default: today) falls against the plan's dates. A
        plan without dates is always ``"current"``. Raises TypeError or
        ValueError for a date it cannot read."""
    @property
    def rules(self) -> RuleSet:
        """The plan's own rule set, or the default rules."""
    @property
    def action_count(self) -> int:
        """How many actions the plan has."""
    def warnings(self) -> list[dict[str, Any]]:
        """Things worth a reader's check that did not stop the plan loading,
        as dicts (``kind``, ``path``, ``message`` …)."""
    def import_warnings(self) -> list[dict[str, Any]]:
        """What the table importer warned about (``row``, ``column``,
        ``message``); empty for a plan not imported from a table."""
    def load_warnings(self) -> list[dict[str, Any]]:
        """What the JSON loader did not read (``what``, ``path``,
        ``message``), often a misspelt field; empty for a plan not loaded
        from JSON or loaded with ``strict=True``."""
    def evaluate(
        self,
        as_of: DateLike | None = None,
        rules: RuleSet | dict[str, Any] | None = None,
    ) -> Evaluation:
        """Rates every action, objective and measure as of a date (default:
        today) with a rule set (default: the plan's own, else the default
        rules). Raises TypeError or ValueError for a date it cannot read,
        ParseError or ValidationError for a rules dict."""
    def changes(
        self,
        from_: DateLike,
        to: DateLike,
        rules: RuleSet | dict[str, Any] | None = None,
    ) -> Table:
        """The actions whose rating changed between two dates: ``action_id``,
        ``ref``, ``from_date``, ``to_date``, the ratings ``from`` and ``to``
        (on the scale), and why at each date (``from_reason_code``,
        ``from_reason_message``, ``to_reason_code``, ``to_reason_message``).
        To compare with last quarter's version of the plan, pass it as
        ``previous`` to ``Evaluation.board_report``. Raises TypeError or
        ValueError for a date it cannot read."""
    def _repr_html_(self) -> str:
        """The plan's title, owner, size and objectives as HTML (Jupyter's
        rich display)."""

@final
class Evaluation:
    """A plan rated as of a date. It keeps the plan it was made from, so its
    reports are always of that plan."""

    @property
    def as_of(self) -> datetime.date:
        """The date everything was rated as of."""
    @property
    def rules(self) -> RuleSet:
        """The rules used."""
    @property
    def rating(self) -> _RatingCode:
        """The whole plan's rating code (``red``, ``amber`` …)."""
    @property
    def actions(self) -> Table:
        """Every action, in plan order: what the plan says (``ref``,
        ``text``, ``objective`` and ``objective_ref``, ``group``, ``leads``
        as a list of names, ``timescale`` as written, ``evidence``,
        ``state``) beside how it is rated (``rating``, ``computed`` and
        ``recorded`` as ratings on the scale, ``overridden``,
        ``reason_code``, ``reason_message``, ``open``, ``due`` as a date)
        and the commentary to show: ``commentary_note`` (str or None) and
        ``commentary_date`` (a date, None when undated)."""
    @property
    def objectives(self) -> Table:
        """Every objective's roll-up: ``rating`` on the scale, reason, counts."""
    @property
    def groups(self) -> Table:
        """Every group's roll-up."""
    @property
    def priorities(self) -> Table:
        """Every priority's roll-up."""
    @property
    def measures(self) -> Table:
        """Every measure of success's rating (``rating``, ``latest_rating``);
        its series and benchmarks are on ``measure(id)``."""
    @property
    def discrepancies(self) -> Table:
        """Actions whose ``recorded`` rating disagrees with the ``computed``
        one, with the ``direction`` (``optimistic`` or ``pessimistic``)."""
    def due_within(self, days: int) -> Table:
        """Open actions due from the as-of date up to ``days`` days after it,
        soonest first, with the columns of ``actions``. Raises ValueError
        for a negative number of days."""
    def plan_rollup(self) -> dict[str, Any]:
        """The whole plan's roll-up as a dict (rating, reason, counts)."""
    def measure(self, id: str) -> MeasureRating:
        """The rating of one measure of success, by id. Raises KeyError for
        an unknown id."""
    def measure_ids(self) -> list[str]:
        """The ids of the measures of success, in plan order."""
    @property
    def plan(self) -> Plan:
        """The plan this evaluation rates: its reports are always of this plan."""
    def board_report(
        self,
        *,
        upcoming_days: int | None = None,
        since: DateLike | None = None,
        previous: Plan | None = None,
        publish: bool = False,
        by_lead: bool = False,
        lead: str | None = None,
    ) -> dict[str, Any]:
        """The board report model as a dict, on this evaluation's plan, date
        and rules (every format renders it; see
        ``core/schema/report.schema.json``).

        ``upcoming_days`` is how far ahead to list deadlines (None: the
        library's default, 90). ``since`` adds what changed since that
        date; ``previous`` (last quarter's plan) compares with an earlier
        version, matching actions by id or ref; ``publish`` replaces named
        people with their roles; ``by_lead`` lays actions out lead by lead;
        ``lead`` keeps one lead's actions. Lists of actions in it are
        positions in ``actions``. Raises TypeError or ValueError for a
        ``since`` it cannot read."""
    def to_dict(self) -> dict[str, Any]:
        """The whole evaluation as a dict."""
    def to_json(self) -> str:
        """The whole evaluation as JSON text."""
    @overload
    def export(
        self,
        format: _TextFormat = "html",
        *,
        upcoming_days: int | None = None,
        since: DateLike | None = None,
        previous: Plan | None = None,
        publish: bool = False,
        by_lead: bool = False,
        lead: str | None = None,
        fonts: Sequence[bytes] | None = None,
    ) -> str:
        """The board report as text: ``html`` (the default), ``markdown``,
        ``terminal``, ``csv``, ``json`` or ``ics``, exactly as the command
        line writes it. Options as for ``board_report``. Raises ExportError
        if a writer fails."""
    @overload
    def export(
        self,
        format: _BinaryFormat,
        *,
        upcoming_days: int | None = None,
        since: DateLike | None = None,
        previous: Plan | None = None,
        publish: bool = False,
        by_lead: bool = False,
        lead: str | None = None,
        fonts: Sequence[bytes] | None = None,
    ) -> bytes:
        """The board report as a file's bytes: ``xlsx`` (a workbook) or
        ``docx`` (the Word board paper, which draws its charts with
        ``fonts``, font files' bytes such as Liberation Sans; without them
        it gives their figures as tables). Options as for
        ``board_report``. Raises ExportError if a writer fails."""
    @overload
    def export(
        self,
        format: str,
        *,
        upcoming_days: int | None = None,
        since: DateLike | None = None,
        previous: Plan | None = None,
        publish: bool = False,
        by_lead: bool = False,
        lead: str | None = None,
        fonts: Sequence[bytes] | None = None,
    ) -> str | bytes:
        """The board report in a format named at run time: str for the text
        formats, bytes for ``xlsx`` and ``docx``. Raises ValueError for an
        unknown format, ExportError if a writer fails."""
    def save(
        self,
        path: _Path,
        format: str | None = None,
        *,
        upcoming_days: int | None = None,
        since: DateLike | None = None,
        previous: Plan | None = None,
        publish: bool = False,
        by_lead: bool = False,
        lead: str | None = None,
        fonts: Sequence[bytes] | None = None,
    ) -> None:
        """Writes the board report to ``path`` in the format its extension
        names (``.html``, ``.md``, ``.txt``, ``.csv``, ``.json``, ``.xlsx``,
        ``.docx``, ``.ics``) unless ``format`` is given. Options as for
        ``export``. Raises ValueError for an unknown format, ExportError
        or OSError."""
    def _repr_html_(self) -> str:
        """The plan's and each objective's rating with why, and the
        discrepancies, as HTML (Jupyter's rich display)."""

@final
class MeasureRating:
    """One measure of success rated as of a date."""

    @property
    def measure_id(self) -> str:
        """The measure's id."""
    @property
    def text(self) -> str:
        """The measure as written in the plan."""
    @property
    def rating(self) -> _RatingCode:
        """The rating code (``red``, ``amber``, ``green`` …)."""
    @property
    def reason(self) -> str:
        """Why it has that rating, in words."""
    @property
    def series(self) -> Table:
        """The measure's periods, oldest first, each rated."""
    @property
    def benchmarks(self) -> Table:
        """The benchmarks (quartiles, England, region, statistical
        neighbours) for each period."""
    def chart_svg(self) -> str:
        """The measure's chart as SVG, drawn by the core (empty when the core
        draws none)."""
    def to_dict(self) -> dict[str, Any]:
        """The rating as a dict."""
    def _repr_html_(self) -> str:
        """The rating, reason and chart as HTML (Jupyter's rich display)."""

# ---------------------------------------------------------------- functions

def parse_timescale(text: str, *, strict: bool = False) -> dict[str, Any]:
    """A timescale as written (``Nov 18 – Nov 19``, ``Dec-19``) parsed into a
    dict: ``raw``, ``kind`` and the dates of its kind, ``due`` (a date or
    None), ``problems`` (each with ``kind``: ``impossible_date``,
    ``not_understood`` or the warning ``ignored``, ``text`` and ``reason``)
    and ``unused`` (the words and numbers the parser did not read, e.g.
    ``["19"]`` for ``"Nov 18-19"``). With ``strict=True``, raises
    TimescaleParseError for a problem instead."""
def parse_timescales(texts: Sequence[str]) -> list[dict[str, Any]]:
    """Many timescales at once, each as ``parse_timescale``."""
def due_dates(texts: Sequence[str]) -> list[datetime.date | None]:
    """The due date of each timescale (None where there is none)."""
def parse_rating(text: str) -> _RatingCode:
    """A recorded rating as councils write it (``Amber/Green``, ``R``,
    ``Complete``) as its code (``amber_green``, ``red``, ``blue``). Raises
    RatingParseError."""
@overload
def parse_ratings(texts: Sequence[str], *, errors: Literal["raise"] = "raise") -> list[str]:
    """Many recorded ratings at once, as their codes. Raises
    RatingParseError at the first unknown spelling."""
@overload
def parse_ratings(
    texts: Sequence[str | None], *, errors: Literal["raise", "none"] = "raise"
) -> list[str | None]:
    """Many recorded ratings at once, as their codes; None stays None, and
    with ``errors="none"`` an unknown spelling gives None instead of
    raising RatingParseError."""
def parse_target(text: str) -> dict[str, Any]:
    """A measure of success's words read as a target, as a dict (``kind``:
    ``target``, ``direction_only`` or ``not_understood``, with the target's
    parts)."""
def parse_targets(texts: Sequence[str]) -> list[dict[str, Any]]:
    """Many measures' words at once, each as ``parse_target``."""
def parse_value(text: str) -> float | None:
    """A published value (``1,699``, ``45%``, ``c``, ``x``) as a float, or
    None when suppressed. Raises ValueParseError."""
def parse_period(label: str, year_end: str = "december") -> dict[str, Any]:
    """A period label (``2019/20``, ``Q3 2019/20``, ``2018 (Rev)``) as a dict
    with its ``kind``, ``start``, ``end`` and ``status``; a bare year ends
    in March or December as ``year_end`` says. Raises PeriodParseError."""
def parse_ees_period(time_period: str, time_identifier: str) -> dict[str, Any]:
    """An Explore Education Statistics ``time_period`` and
    ``time_identifier`` (``201920``, ``Financial year``) as a period dict,
    as ``parse_period``. Raises PeriodParseError."""
def read_ees(
    data: str | bytes,
    *,
    id: str,
    value_column: str,
    filters: dict[str, str] | None = None,
    title: str | None = None,
    source: str = "",
    polarity: Literal["higher_is_better", "lower_is_better", "none"] = "none",
    unit: str | dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One indicator of an Explore Education Statistics CSV file as a data
    set dict (England, the regions and every local authority, with their
    ``values`` by period label), the form a plan's ``datasets`` take.
    ``filters`` maps filter columns to the value each row must have;
    ``unit`` is ``"percent"``, ``"count"`` (default), ``"days"``,
    ``"money"`` or ``{"unit": "rate", "per": 10000}``. Raises EesReadError
    naming the line and column, ValueError for an unknown polarity or
    unit."""
def derive_rate(
    id: str,
    title: str,
    numerator: dict[str, Any],
    denominator: dict[str, Any],
    per: int,
    lag_years: int = 0,
) -> dict[str, Any]:
    """A rate per ``per`` from two data set dicts (as ``read_ees`` gives),
    area by area: each numerator value over the denominator's value
    ``lag_years`` earlier. A suppressed, missing or zero denominator gives a
    suppressed value. Returns a data set dict. Raises ValidationError for a
    dict that is not a data set."""
def quartile_bands(
    values: Sequence[float | str | None],
    groups: Sequence[int | str],
    polarities: Sequence[str],
    in_quartiles: Sequence[bool] | None = None,
) -> list[Literal["A", "B", "C", "D"] | None]:
    """LAIT quartile bands (``A`` best … ``D``) for a long table of values:
    each group's (indicator and period's) quartiles come from its values
    with ``in_quartiles`` true (default: all), and every value is banded
    under its polarity (``High``, ``Low``, ``-``). Suppressed or missing
    values, values without polarity and groups with nothing counted give
    None. Raises ValueParseError for text that is not a value,
    ValidationError for lists of different lengths."""
def sort_refs(refs: Sequence[str]) -> list[str]:
    """References sorted naturally (``1``, ``1.2``, ``1.10``, ``2``,
    ``5a2``, ``5a10``)."""
def ref_covers(reference: str) -> list[str]:
    """The references a range covers (``5a-c`` gives ``5a``, ``5b``,
    ``5c``)."""
def rules_schema() -> dict[str, Any]:
    """The JSON Schema of a rule set, as a dict."""
def plan_schema() -> dict[str, Any]:
    """The JSON Schema of the plan format, as a dict."""
def builtin_plans() -> list[str]:
    """The names of the plans built into the library (for ``Plan.builtin``)."""

class _ArrowStream(Protocol):
    """Anything with the Arrow PyCapsule stream interface: a pyarrow Table
    or RecordBatchReader, a polars DataFrame, a pandas DataFrame (2.2+)."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

def rate_actions(
    table: _ArrowStream,
    as_of: DateLike,
    rules: RuleSet | dict[str, Any] | None = None,
    *,
    sub_activities: _ArrowStream | None = None,
    reasons: bool = False,
) -> pyarrow.Table:
    """Rates a table of actions as of a date with the core's columnar path;
    returns a pyarrow.Table (columns: rating, computed, reason_code, due,
    recorded, overridden, discrepancy[, sub_activity][, reason])."""
