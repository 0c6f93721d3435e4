"""lineofsight: corporate parenting plans, timescales and RAG ratings.

Rate every action of a plan as of any date, with a reason for every rating::

    import datetime
    import lineofsight

    plan = lineofsight.Plan.builtin("lancashire")
    ev = plan.evaluate(as_of=datetime.date(2019, 12, 31))
    ev.discrepancies.to_pandas()

Everything is computed by the Rust core; this package is a thin layer over
it. Errors are subclasses of :class:`LineOfSightError`; arguments of the
wrong type raise :class:`TypeError`.

Every date argument (``as_of``, ``since``, ``from_``, ``to``) is a
:data:`DateLike`: a ``datetime.date`` or ``datetime.datetime`` (its date), an
ISO string such as ``"2019-12-31"``, a ``pandas.Timestamp`` or a
``numpy.datetime64``.
"""

import datetime
from typing import TYPE_CHECKING, TypeAlias, Union

if TYPE_CHECKING:
    # For the types only: the package imports neither at run time.
    import numpy
    import pandas

DateLike: TypeAlias = Union[
    datetime.date, datetime.datetime, str, "pandas.Timestamp", "numpy.datetime64"
]
"""What every date argument takes: a date, a datetime (its date is used), an
ISO date string, a ``pandas.Timestamp`` or a ``numpy.datetime64``. Anything
else raises TypeError naming the type given; a string that is not an ISO
date raises ValueError."""

from lineofsight._native import (
    Evaluation,
    LineOfSightError,
    MeasureRating,
    ParseError,
    Plan,
    PlanLoadError,
    RatingParseError,
    RuleSet,
    Table,
    TableImportError,
    TimescaleParseError,
    UnknownBuiltinError,
    UnsupportedVersionError,
    ValidationError,
    ValueParseError,
    PeriodParseError,
    ExportError,
    EditError,
    EesReadError,
    ColumnsError,
    __version__,
    builtin_plans,
    due_dates,
    parse_rating,
    parse_ratings,
    parse_target,
    parse_period,
    parse_ees_period,
    read_ees,
    derive_rate,
    parse_targets,
    parse_timescale,
    parse_timescales,
    parse_value,
    plan_schema,
    quartile_bands,
    rate_actions,
    ref_covers,
    rules_schema,
    sort_refs,
)

__all__ = [
    "DateLike",
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
