//! The one place where errors become Python exceptions.
//!
//! ```text
//! LineOfSightError                 every error this package raises itself
//! ├── PlanLoadError                a plan or rule set could not be loaded (.what)
//! │   ├── ParseError               malformed JSON, a wrong value, data after the plan, or bytes
//! │   │                            that are not UTF-8 (.path, .line, .column, .message; .offset for bytes)
//! │   ├── ValidationError          well-formed but breaks a rule, an unknown field when strict,
//! │   │                            or past a limit (.path, .reason; .setting for limits)
//! │   ├── UnsupportedVersionError  written by a newer format (.found, .supported)
//! │   └── UnknownBuiltinError      no built-in plan of that name (.name, .known)
//! ├── TableImportError             a table could not be imported (.kind, .input, .row, .column, .reason)
//! ├── RatingParseError             not a RAG spelling lineofsight knows (.text)
//! ├── TimescaleParseError          strict timescale parsing failed (.kind, .raw, .fragment, .reason)
//! ├── ValueParseError              neither a number nor a suppression symbol (.text)
//! ├── PeriodParseError             not a period label lineofsight knows (.label, .reason)
//! ├── EesReadError                 an EES file could not be read (.kind, .line, .column, .reason)
//! ├── ExportError                  a report writer failed (.format)
//! └── ColumnsError                 rate_actions could not read a column (.kind, .table, .column, .row, .reason)
//! ```
//!
//! Every exception's message is the core error's message, and its attributes
//! are the core error's fields. Arguments of the wrong Python type raise
//! `TypeError`, as any Python function does.

use lineofsight::import::ImportError;
use lineofsight::measure::{EesError, PeriodError, ValueError};
use lineofsight::rating::RatingError;
use lineofsight::timescale::TimescaleError;
use lineofsight::LoadError;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyType;

create_exception!(
    _native,
    LineOfSightError,
    PyException,
    "Base class of every error lineofsight raises."
);
create_exception!(
    _native,
    PlanLoadError,
    LineOfSightError,
    "A plan or rule set could not be loaded. `what` is 'plan' or 'rule set'."
);
create_exception!(
    _native,
    ParseError,
    PlanLoadError,
    "Malformed JSON or a value of the wrong type: `path` (JSON path), `line`, `column` (from 1), `message`."
);
create_exception!(
    _native,
    ValidationError,
    PlanLoadError,
    "Well-formed input that breaks one of the plan's or rule set's rules: `path`, `reason`."
);
create_exception!(
    _native,
    UnsupportedVersionError,
    PlanLoadError,
    "The plan was written by a newer version of the format: `found`, `supported`."
);
create_exception!(
    _native,
    UnknownBuiltinError,
    PlanLoadError,
    "There is no built-in plan of that name: `name`, `known`."
);
create_exception!(
    _native,
    TableImportError,
    LineOfSightError,
    "A table could not be imported as a plan: `kind`, `input`, `row` (from 1; 0 when unknown), `column`, `reason`."
);
create_exception!(
    _native,
    RatingParseError,
    LineOfSightError,
    "Text that is not a RAG rating spelling lineofsight knows: `text`."
);
create_exception!(
    _native,
    TimescaleParseError,
    LineOfSightError,
    "A timescale that strict parsing rejects: `kind` ('impossible_date', 'not_understood' or 'ignored'), `raw`, `fragment`, `reason`."
);
create_exception!(
    _native,
    ValueParseError,
    LineOfSightError,
    "A published value that is neither a number nor a suppression symbol: `text`."
);

create_exception!(
    _native,
    PeriodParseError,
    LineOfSightError,
    "A period label lineofsight cannot read: `label`, `reason`."
);

create_exception!(
    _native,
    EesReadError,
    LineOfSightError,
    "An Explore Education Statistics file that could not be read: `kind` ('csv', 'missing_column', 'bad_value', 'bad_period' or 'no_rows'), `line` (1 is the header; 0 when none), `column` ('-' when none), `reason`."
);

create_exception!(
    _native,
    EditError,
    LineOfSightError,
    "Edits that could not be applied (the plan is unchanged): `kind` ('unknown_action', 'unknown_objective', 'duplicate_action' or 'invalid'), `edit` (the edit's position from 0; None for 'invalid', which is about the plan as a whole), `id` (None for 'invalid'), `path` (for 'invalid': the JSON path in the edited plan), `reason`."
);

create_exception!(
    _native,
    ExportError,
    LineOfSightError,
    "A report writer (CSV or workbook) failed: `format`."
);

create_exception!(
    _native,
    ColumnsError,
    LineOfSightError,
    "rate_actions could not read its input: `kind` ('missing_column', 'wrong_type', 'bad_value', 'length' or 'no_such_action'), `table` ('table' or 'sub_activities'), `column`, `row` (from 0; None when not about one row), `reason`."
);

/// What `rate_actions` could not read, before it becomes a [`ColumnsError`].
pub enum ColumnProblem {
    /// A needed column is absent.
    Missing {
        table: &'static str,
        column: String,
        reason: String,
    },
    /// A column of a type that cannot be read as the one needed.
    WrongType {
        table: &'static str,
        column: String,
        found: String,
        expected: String,
        reason: String,
    },
    /// A cell that is not a value of its column (an unknown state or rating).
    BadValue {
        table: &'static str,
        column: String,
        row: usize,
        value: String,
    },
    /// The core refused the columns together.
    Core(lineofsight::rules::columns::ColumnError),
}

impl ColumnProblem {
    /// An Arrow stream that failed to give its next record batch.
    pub fn unreadable_stream(e: impl std::fmt::Display) -> ColumnProblem {
        ColumnProblem::WrongType {
            table: "table",
            column: "-".into(),
            found: "stream".into(),
            expected: "record batches".into(),
            reason: e.to_string(),
        }
    }
}

/// A [`ColumnProblem`] as a Python [`ColumnsError`].
pub fn column_error(py: Python<'_>, p: ColumnProblem) -> PyErr {
    use lineofsight::rules::columns::ColumnError;
    let none = || py.None().into_bound(py);
    let (kind, table, column, row, reason) = match p {
        ColumnProblem::Missing {
            table,
            column,
            reason,
        } => ("missing_column", table, column, None, reason),
        ColumnProblem::WrongType {
            table,
            column,
            found,
            expected,
            reason,
        } => (
            "wrong_type",
            table,
            column,
            None,
            format!("{found} cannot be read as {expected}: {reason}"),
        ),
        ColumnProblem::BadValue {
            table,
            column,
            row,
            value,
        } => (
            "bad_value",
            table,
            column.clone(),
            Some(row),
            format!("{value:?} is not a {column} lineofsight knows"),
        ),
        ColumnProblem::Core(e) => {
            let reason = e.to_string();
            match e {
                ColumnError::Length { column, .. } => {
                    ("length", "table", column.to_string(), None, reason)
                }
                ColumnError::Key { column, row, .. } => {
                    ("bad_value", "table", column.to_string(), Some(row), reason)
                }
                ColumnError::NoSuchAction { row, .. } => (
                    "no_such_action",
                    "sub_activities",
                    "action".to_string(),
                    Some(row),
                    reason,
                ),
                _ => ("bad_value", "table", "-".to_string(), None, reason),
            }
        }
    };
    let at = row.map_or_else(String::new, |r| format!(" row {r}"));
    raise(
        py.get_type::<ColumnsError>(),
        format!("{table} column {column}{at}: {reason}"),
        vec![
            ("kind", s(py, kind)),
            ("table", s(py, table)),
            ("column", s(py, &column)),
            ("row", row.map_or_else(none, |r| n(py, r))),
            ("reason", s(py, &reason)),
        ],
    )
}

/// Adds the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("LineOfSightError", py.get_type::<LineOfSightError>())?;
    m.add("PlanLoadError", py.get_type::<PlanLoadError>())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add("ValidationError", py.get_type::<ValidationError>())?;
    m.add(
        "UnsupportedVersionError",
        py.get_type::<UnsupportedVersionError>(),
    )?;
    m.add("UnknownBuiltinError", py.get_type::<UnknownBuiltinError>())?;
    m.add("TableImportError", py.get_type::<TableImportError>())?;
    m.add("RatingParseError", py.get_type::<RatingParseError>())?;
    m.add("TimescaleParseError", py.get_type::<TimescaleParseError>())?;
    m.add("ValueParseError", py.get_type::<ValueParseError>())?;
    m.add("PeriodParseError", py.get_type::<PeriodParseError>())?;
    m.add("EesReadError", py.get_type::<EesReadError>())?;
    m.add("ExportError", py.get_type::<ExportError>())?;
    m.add("EditError", py.get_type::<EditError>())?;
    m.add("ColumnsError", py.get_type::<ColumnsError>())?;
    Ok(())
}

/// An exception of class `T` with `message`, and `attrs` set on it.
fn raise<'py>(
    class: Bound<'py, PyType>,
    message: String,
    attrs: Vec<(&str, Bound<'py, PyAny>)>,
) -> PyErr {
    let made = class.call1((message.clone(),)).and_then(|exc| {
        for (name, value) in attrs {
            exc.setattr(name, value)?;
        }
        Ok(exc)
    });
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => LineOfSightError::new_err(format!("{message} ({e})")),
    }
}

fn s<'py>(py: Python<'py>, v: &str) -> Bound<'py, PyAny> {
    pyo3::types::PyString::new(py, v).into_any()
}

fn n<'py>(py: Python<'py>, v: usize) -> Bound<'py, PyAny> {
    pyo3::types::PyInt::new(py, v).into_any()
}

/// A core [`LoadError`] as a Python exception.
pub fn load_error(py: Python<'_>, e: LoadError) -> PyErr {
    let message = e.to_string();
    match e {
        LoadError::Json {
            what,
            path,
            line,
            column,
            message: detail,
        } => raise(
            py.get_type::<ParseError>(),
            message,
            vec![
                ("what", s(py, what)),
                ("path", s(py, &path)),
                ("line", n(py, line)),
                ("column", n(py, column)),
                ("message", s(py, &detail)),
            ],
        ),
        LoadError::Invalid { what, path, reason } => raise(
            py.get_type::<ValidationError>(),
            message,
            vec![
                ("what", s(py, what)),
                ("path", s(py, &path)),
                ("reason", s(py, &reason)),
            ],
        ),
        LoadError::UnsupportedVersion { found, supported } => raise(
            py.get_type::<UnsupportedVersionError>(),
            message,
            vec![
                ("what", s(py, "plan")),
                ("found", n(py, found as usize)),
                ("supported", n(py, supported as usize)),
            ],
        ),
        LoadError::UnknownField { what, path } => raise(
            py.get_type::<ValidationError>(),
            message,
            vec![
                ("what", s(py, what)),
                ("path", s(py, &path)),
                ("reason", s(py, "unknown field")),
            ],
        ),
        LoadError::TooLarge {
            what,
            path,
            limit,
            setting,
        } => raise(
            py.get_type::<ValidationError>(),
            message,
            vec![
                ("what", s(py, what)),
                ("path", s(py, &path)),
                ("reason", s(py, &format!("past the limit of {limit}"))),
                ("setting", s(py, &setting)),
            ],
        ),
        LoadError::NotUtf8 {
            what,
            offset,
            line,
            column,
            reason,
        } => raise(
            py.get_type::<ParseError>(),
            message,
            vec![
                ("what", s(py, what)),
                ("path", s(py, "$")),
                ("line", n(py, line)),
                ("column", n(py, column)),
                ("offset", n(py, offset)),
                ("message", s(py, &reason)),
            ],
        ),
        LoadError::UnknownBuiltin { name, known } => raise(
            py.get_type::<UnknownBuiltinError>(),
            message,
            vec![
                ("what", s(py, "plan")),
                ("name", s(py, &name)),
                ("known", s(py, &known)),
            ],
        ),
        // A kind of load error a newer core adds (the enum is
        // non_exhaustive): the base class, with the message.
        _ => raise(py.get_type::<PlanLoadError>(), message, vec![]),
    }
}

/// Input that the binding rejects before it reaches the core (a value that
/// cannot be written as JSON, lists of different lengths), as a
/// [`ValidationError`] at `path`.
pub fn invalid(py: Python<'_>, what: &str, path: &str, reason: &str) -> PyErr {
    raise(
        py.get_type::<ValidationError>(),
        format!("{what} at {path}: {reason}"),
        vec![
            ("what", s(py, what)),
            ("path", s(py, path)),
            ("reason", s(py, reason)),
        ],
    )
}

/// A core [`ImportError`] as a Python [`TableImportError`].
pub fn import_error(py: Python<'_>, e: ImportError) -> PyErr {
    let message = e.to_string();
    let (kind, input, row, column, reason) = match e {
        ImportError::Unreadable { input, reason } => ("unreadable", input, 0, "-".into(), reason),
        ImportError::NoHeader { input, reason } => ("no_header", input, 0, "-".into(), reason),
        ImportError::Mapping {
            input,
            column,
            reason,
        } => ("mapping", input, 0, column, reason),
        ImportError::NoActions { input, row, reason } => {
            ("no_actions", input, row, "-".into(), reason)
        }
        ImportError::Invalid {
            input,
            row,
            column,
            reason,
        } => ("invalid", input, row, column, reason),
        ImportError::TooLarge {
            input,
            at,
            limit,
            setting,
        } => (
            "too_large",
            input,
            0,
            "-".into(),
            format!("{at} is past the limit of {limit} (raise limits.{setting})"),
        ),
        // A kind a newer core adds (the enum is non_exhaustive).
        _ => ("other", String::new(), 0, "-".into(), message.clone()),
    };
    raise(
        py.get_type::<TableImportError>(),
        message,
        vec![
            ("kind", s(py, kind)),
            ("input", s(py, &input)),
            ("row", n(py, row)),
            ("column", s(py, &column)),
            ("reason", s(py, &reason)),
        ],
    )
}

/// A core [`RatingError`] as a Python [`RatingParseError`].
pub fn rating_error(py: Python<'_>, e: RatingError) -> PyErr {
    raise(
        py.get_type::<RatingParseError>(),
        e.to_string(),
        vec![("text", s(py, &e.text))],
    )
}

/// A core [`TimescaleError`] as a Python [`TimescaleParseError`].
pub fn timescale_error(py: Python<'_>, e: TimescaleError) -> PyErr {
    let message = e.to_string();
    let (kind, raw, fragment, reason) = match e {
        TimescaleError::ImpossibleDate {
            raw,
            fragment,
            reason,
        } => ("impossible_date", raw, fragment, reason),
        TimescaleError::Ignored {
            raw,
            fragment,
            reason,
        } => ("ignored", raw, fragment, reason),
        TimescaleError::NotUnderstood { raw, reason } => {
            ("not_understood", raw.clone(), raw, reason)
        }
        // A kind a newer core adds (the enum is non_exhaustive).
        _ => ("other", String::new(), String::new(), message.clone()),
    };
    raise(
        py.get_type::<TimescaleParseError>(),
        message,
        vec![
            ("kind", s(py, kind)),
            ("raw", s(py, &raw)),
            ("fragment", s(py, &fragment)),
            ("reason", s(py, &reason)),
        ],
    )
}

/// A core [`ValueError`] as a Python [`ValueParseError`].
pub fn value_error(py: Python<'_>, e: ValueError) -> PyErr {
    raise(
        py.get_type::<ValueParseError>(),
        e.to_string(),
        vec![("text", s(py, &e.text))],
    )
}

/// A core [`PeriodError`] as a Python [`PeriodParseError`].
pub fn period_error(py: Python<'_>, e: PeriodError) -> PyErr {
    raise(
        py.get_type::<PeriodParseError>(),
        e.to_string(),
        vec![("label", s(py, &e.label)), ("reason", s(py, &e.reason))],
    )
}

/// A core [`EesError`] as a Python [`EesReadError`].
pub fn ees_error(py: Python<'_>, e: EesError) -> PyErr {
    let message = e.to_string();
    let (kind, line, column, reason) = match e {
        EesError::Csv { line, message } => ("csv", line, "-".to_string(), message),
        EesError::MissingColumn { column, found } => (
            "missing_column",
            0,
            column,
            format!("no such column (columns: {found})"),
        ),
        EesError::BadValue { line, column, text } => (
            "bad_value",
            line,
            column,
            format!("{text:?} is neither a number nor a suppression symbol"),
        ),
        EesError::BadPeriod { line, source } => (
            "bad_period",
            line,
            "time_period".to_string(),
            source.to_string(),
        ),
        EesError::NoRows { filters } => (
            "no_rows",
            0,
            "-".to_string(),
            format!("no rows where {filters}"),
        ),
        // A kind a newer core adds (the enum is non_exhaustive).
        _ => ("other", 0, "-".to_string(), message.clone()),
    };
    raise(
        py.get_type::<EesReadError>(),
        message,
        vec![
            ("kind", s(py, kind)),
            ("line", n(py, usize::try_from(line).unwrap_or(usize::MAX))),
            ("column", s(py, &column)),
            ("reason", s(py, &reason)),
        ],
    )
}

/// A core export error as a Python [`ExportError`].
pub fn export_error(py: Python<'_>, e: lineofsight::export::ExportError) -> PyErr {
    // The format's file extension: csv, xlsx, docx, ics.
    let format = e.format().extension();
    raise(
        py.get_type::<ExportError>(),
        e.to_string(),
        vec![("format", s(py, format))],
    )
}

/// A format name lineofsight does not write, as a Python `ValueError`.
pub fn unknown_format(e: lineofsight::export::UnknownFormat) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(e.to_string())
}

/// A core [`EditError`](lineofsight::plan::EditError) as a Python exception.
pub fn edit_error(py: Python<'_>, e: lineofsight::plan::EditError) -> PyErr {
    use lineofsight::plan::EditError as E;
    let message = e.to_string();
    let none = || py.None().into_bound(py);
    let (kind, edit, id, path, reason) = match e {
        E::UnknownAction { edit, id } => (
            "unknown_action",
            Some(edit),
            Some(id),
            None,
            message.clone(),
        ),
        E::UnknownObjective { edit, id } => (
            "unknown_objective",
            Some(edit),
            Some(id),
            None,
            message.clone(),
        ),
        E::DuplicateAction { edit, id } => (
            "duplicate_action",
            Some(edit),
            Some(id),
            None,
            message.clone(),
        ),
        E::Invalid {
            edit,
            error: LoadError::Invalid { path, reason, .. },
        } => ("invalid", edit, None, Some(path), reason),
        E::Invalid { edit, error } => ("invalid", edit, None, None, error.to_string()),
        _ => ("invalid", None, None, None, message.clone()),
    };
    raise(
        py.get_type::<EditError>(),
        message,
        vec![
            ("kind", s(py, kind)),
            ("edit", edit.map_or_else(none, |n_| n(py, n_))),
            ("id", id.map_or_else(none, |i| s(py, &i))),
            ("path", path.map_or_else(none, |p| s(py, &p))),
            ("reason", s(py, &reason)),
        ],
    )
}
