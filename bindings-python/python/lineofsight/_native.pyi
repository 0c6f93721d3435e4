"""Type stubs for lineofsight._native, written by hand and checked with
``python -m mypy.stubtest lineofsight``."""

import datetime
import os
from collections.abc import Sequence
from typing import Any, Literal, Protocol, TypeAlias, final

# A date argument: datetime.date or datetime.datetime (pandas.Timestamp is
# one), or an ISO string; numpy.datetime64 is accepted at run time too.
_DateLike: TypeAlias = datetime.date | str

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
    """A plan or rule set could not be loaded."""

    what: str

class ParseError(PlanLoadError):
    """Malformed JSON, a value of the wrong type, data after the plan, or
    bytes that are not UTF-8 (then `offset` is the first bad byte's)."""

    path: str
    line: int
    column: int
    message: str
    offset: int

class ValidationError(PlanLoadError):
    """Well-formed input that breaks one of the plan's or rule set's rules."""

    path: str
    reason: str

class UnsupportedVersionError(PlanLoadError):
    """The plan was written by a newer version of the format."""

    found: int
    supported: int

class UnknownBuiltinError(PlanLoadError):
    """There is no built-in plan of that name."""

    name: str
    known: str

class TableImportError(LineOfSightError):
    """A table could not be imported as a plan."""

    kind: Literal["unreadable", "no_header", "mapping", "no_actions", "invalid", "too_large"]
    input: str
    row: int
    column: str
    reason: str

class RatingParseError(LineOfSightError):
    """Text that is not a RAG rating spelling lineofsight knows."""

    text: str

class TimescaleParseError(LineOfSightError):
    """A timescale that strict parsing rejects."""

    kind: Literal["impossible_date", "not_understood", "ignored"]
    raw: str
    fragment: str
    reason: str

class ValueParseError(LineOfSightError):
    """A published value that is neither a number nor a suppression symbol."""

    text: str

class ExportError(LineOfSightError):
    """A report writer (CSV or workbook) failed."""

    format: str

class PeriodParseError(LineOfSightError):
    """A period label lineofsight cannot read."""

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
    """Edits that could not be applied; the plan is unchanged."""

    kind: str
    edit: int | None
    id: str | None
    path: str | None
    reason: str

class EesReadError(LineOfSightError):
    """An Explore Education Statistics file that could not be read."""

    kind: str
    line: int
    column: str
    reason: str

# ---------------------------------------------------------------- classes

@final
class Table:
    """A table of rows: Arrow (``__arrow_c_stream__``), pandas, polars or dicts.

    Column types in Arrow: dates (``due``, ``commentary_date`` …) are
    ``date32``; ratings (``rating``, ``computed``, ``recorded``,
    ``latest_rating``) are an ordered ``dictionary`` whose values are the
    whole rating scale worst first (``red``, ``amber_red``, ``amber``,
    ``amber_green``, ``green``, ``blue``, ``not_rated``, ``no_data``);
    lists of text (an action's ``leads``) are ``list<utf8>``; other lists
    are JSON text."""

    @property
    def name(self) -> str:
        """The table's name (``actions``, ``objectives``, ``measures`` …)."""
    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
    def __len__(self) -> int: ...
    def __arrow_c_schema__(self) -> object: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...
    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts: dates as ``datetime.date``, ratings as their
        codes, lists of text as lists."""
    def to_pandas(self) -> Any:
        """A pandas DataFrame: dates as ``datetime64`` (so ``.dt`` works),
        ratings as an ordered ``Categorical`` of the whole scale (so
        ``sort_values`` sorts worst first), leads as list-likes for
        ``explode``."""
    def to_polars(self) -> Any:
        """A polars DataFrame: dates as ``Date``, ratings as an ``Enum`` of
        the whole scale (sorting sorts worst first), leads as
        ``List(String)``."""
    def _repr_html_(self) -> str: ...

@final
class RuleSet:
    """How actions are rated and ratings rolled up."""

    def __init__(self) -> None: ...
    @staticmethod
    def default() -> RuleSet: ...
    @staticmethod
    def from_dict(rules: dict[str, Any]) -> RuleSet: ...
    @staticmethod
    def from_json(json: str) -> RuleSet: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class Plan:
    """A corporate parenting plan."""

    @staticmethod
    def builtin(name: str) -> Plan: ...
    @staticmethod
    def from_json(json: str | bytes, *, strict: bool = False) -> Plan: ...
    @staticmethod
    def from_table(
        data: str | bytes,
        *,
        format: str = "auto",
        mapping: dict[str, Any] | str | os.PathLike[str] | None = None,
        sheet: str | None = None,
        name: str = "input",
    ) -> Plan: ...
    @staticmethod
    def load(
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        mapping: dict[str, Any] | str | os.PathLike[str] | None = None,
        sheet: str | None = None,
        strict: bool = False,
    ) -> Plan: ...
    def to_json(self) -> str: ...
    def apply(self, edits: dict[str, Any] | list[dict[str, Any]]) -> Plan:
        """A copy of the plan with ``edits`` applied, all or nothing: one
        edit dict or a list (``record_update``, ``set_state``,
        ``set_timescale``, ``add_action``, ``remove_action``). Dates may be
        ``datetime.date`` or ISO strings. Raises EditError naming the edit,
        or ParseError for an edit that does not read."""
    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the plan as native JSON (UTF-8); ``Plan.load`` reads it
        back. Raises OSError."""
    def redacted(self) -> Plan: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def title(self) -> str: ...
    @property
    def organisation(self) -> str: ...
    @property
    def period(self) -> str | None: ...
    @property
    def dates(self) -> tuple[datetime.date, datetime.date] | None: ...
    def status(self, as_of: _DateLike | None = None) -> Literal["not_yet_started", "current", "closed"]: ...
    @property
    def rules(self) -> RuleSet: ...
    @property
    def action_count(self) -> int: ...
    def warnings(self) -> list[dict[str, Any]]: ...
    def import_warnings(self) -> list[dict[str, Any]]: ...
    def load_warnings(self) -> list[dict[str, Any]]: ...
    def evaluate(
        self,
        as_of: _DateLike | None = None,
        rules: RuleSet | dict[str, Any] | None = None,
    ) -> Evaluation: ...
    def changes(
        self,
        from_: _DateLike,
        to: _DateLike,
        rules: RuleSet | dict[str, Any] | None = None,
    ) -> Table:
        """The actions whose rating changed between two dates: ``action_id``,
        ``ref``, ``from_date``, ``to_date``, the ratings ``from`` and ``to``
        (on the scale), and why at each date (``from_reason_code``,
        ``from_reason_message``, ``to_reason_code``, ``to_reason_message``).
        To compare with last quarter's version of the plan, pass it as
        ``previous`` to ``Evaluation.board_report``."""
    def _repr_html_(self) -> str: ...

@final
class Evaluation:
    """A plan rated as of a date."""

    @property
    def as_of(self) -> datetime.date: ...
    @property
    def rules(self) -> RuleSet: ...
    @property
    def rating(self) -> str: ...
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
        """Every measure of success's rating (``rating``, ``latest_rating``)."""
    @property
    def discrepancies(self) -> Table:
        """Actions whose ``recorded`` rating disagrees with the ``computed`` one."""
    def due_within(self, days: int) -> Table:
        """Open actions due from the as-of date up to ``days`` days after it,
        soonest first, with the columns of ``actions``. Raises ValueError
        for a negative number of days."""
    def plan_rollup(self) -> dict[str, Any]: ...
    def measure(self, id: str) -> MeasureRating: ...
    def measure_ids(self) -> list[str]: ...
    @property
    def plan(self) -> Plan:
        """The plan this evaluation rates: its reports are always of this plan."""
    def board_report(
        self,
        *,
        upcoming_days: int | None = None,
        since: _DateLike | None = None,
        previous: Plan | None = None,
        publish: bool = False,
        by_lead: bool = False,
        lead: str | None = None,
    ) -> dict[str, Any]:
        """The board report model on this evaluation's plan, date and rules.

        ``upcoming_days`` is how far ahead to list deadlines (None: the
        library's default, 90). ``since`` adds what changed since that date; ``previous`` (last
        quarter's plan) compares with an earlier version, matching actions by
        id or ref; ``publish`` replaces named people with their roles;
        ``by_lead`` lays actions out lead by lead; ``lead`` keeps one lead's
        actions. Lists of actions in it are positions in ``actions``."""
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def export(
        self,
        format: str = "html",
        *,
        upcoming_days: int | None = None,
        since: _DateLike | None = None,
        previous: Plan | None = None,
        publish: bool = False,
        by_lead: bool = False,
        lead: str | None = None,
        fonts: Sequence[bytes] | None = None,
    ) -> str | bytes:
        """The board report in a format: ``html``, ``markdown``, ``terminal``,
        ``csv``, ``json`` and ``ics`` as str; ``xlsx`` and ``docx`` as bytes.
        Options as for ``board_report``. The Word paper draws its charts
        with ``fonts`` (font files' bytes, e.g. Liberation Sans); without
        them it gives their figures as tables."""
    def save(
        self,
        path: str | os.PathLike[str],
        format: str | None = None,
        *,
        upcoming_days: int | None = None,
        since: _DateLike | None = None,
        previous: Plan | None = None,
        publish: bool = False,
        by_lead: bool = False,
        lead: str | None = None,
        fonts: Sequence[bytes] | None = None,
    ) -> None:
        """Writes the board report to ``path`` in the format its extension
        names, unless ``format`` is given. Options as for ``board_report``."""
    def _repr_html_(self) -> str: ...

@final
class MeasureRating:
    """One measure of success rated as of a date."""

    @property
    def measure_id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def rating(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def series(self) -> Table: ...
    @property
    def benchmarks(self) -> Table: ...
    def chart_svg(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def _repr_html_(self) -> str: ...

# ---------------------------------------------------------------- functions

def parse_timescale(text: str, *, strict: bool = False) -> dict[str, Any]:
    """A timescale parsed into a dict: ``raw``, ``kind`` and the dates of its
    kind, ``due`` (a date or None), ``problems`` (each with ``kind``:
    ``impossible_date``, ``not_understood`` or the warning ``ignored``,
    ``text`` and ``reason``) and ``unused`` (the words and numbers the parser
    did not read, e.g. ``["19"]`` for ``"Nov 18-19"``)."""
def parse_timescales(texts: Sequence[str]) -> list[dict[str, Any]]:
    """Many timescales at once, each as ``parse_timescale``."""
def due_dates(texts: Sequence[str]) -> list[datetime.date | None]: ...
def parse_rating(text: str) -> str: ...
def parse_ratings(
    texts: Sequence[str | None], *, errors: Literal["raise", "none"] = "raise"
) -> list[str | None]: ...
def parse_target(text: str) -> dict[str, Any]: ...
def parse_targets(texts: Sequence[str]) -> list[dict[str, Any]]: ...
def parse_value(text: str) -> float | None: ...
def parse_period(label: str, year_end: str = "december") -> dict[str, Any]: ...
def parse_ees_period(time_period: str, time_identifier: str) -> dict[str, Any]: ...
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
    ``values`` by period label). ``filters`` maps filter columns to the
    value each row must have; ``unit`` is ``"percent"``, ``"count"``
    (default), ``"days"``, ``"money"`` or ``{"unit": "rate", "per": 10000}``.
    Raises EesReadError naming the line and column."""
def derive_rate(
    id: str,
    title: str,
    numerator: dict[str, Any],
    denominator: dict[str, Any],
    per: int,
    lag_years: int = 0,
) -> dict[str, Any]:
    """A rate per ``per`` from two data set dicts, area by area: each
    numerator value over the denominator's value ``lag_years`` earlier. A
    suppressed, missing or zero denominator gives a suppressed value."""
def quartile_bands(
    values: Sequence[float | str | None],
    groups: Sequence[int | str],
    polarities: Sequence[str],
    in_quartiles: Sequence[bool] | None = None,
) -> list[Literal["A", "B", "C", "D"] | None]: ...
def sort_refs(refs: Sequence[str]) -> list[str]: ...
def ref_covers(reference: str) -> list[str]: ...
def rules_schema() -> dict[str, Any]: ...
def plan_schema() -> dict[str, Any]: ...
def builtin_plans() -> list[str]: ...

class _ArrowStream(Protocol):
    """Anything with the Arrow PyCapsule stream interface: a pyarrow Table
    or RecordBatchReader, a polars DataFrame, a pandas DataFrame (2.2+)."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

def rate_actions(
    table: _ArrowStream,
    as_of: _DateLike,
    rules: RuleSet | dict[str, Any] | None = None,
    *,
    sub_activities: _ArrowStream | None = None,
    reasons: bool = False,
) -> Any:
    """Rates a table of actions as of a date with the core's columnar path;
    returns a pyarrow.Table (columns: rating, computed, reason_code, due,
    recorded, overridden, discrepancy[, sub_activity][, reason])."""
