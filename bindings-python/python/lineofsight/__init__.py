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
"""

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
