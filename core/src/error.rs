//! Errors from loading plans and rule sets.

/// Why a plan or rule set could not be loaded.
///
/// Every variant names where the problem is: a JSON path such as
/// `$.objectives[2].actions[4].leads[0]`, and for malformed JSON the line and
/// column too.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The JSON is malformed, or a value has the wrong type or an unknown
    /// spelling.
    #[error("{what} JSON at {path} (line {line}, column {column}): {message}")]
    Json {
        /// What was being loaded: `plan` or `rule set`.
        what: &'static str,
        /// The JSON path to the value, e.g. `$.objectives[0].actions[3].state`.
        path: String,
        /// The line of the input, from 1.
        line: usize,
        /// The column of the input, from 1.
        column: usize,
        /// What serde said was wrong.
        message: String,
    },
    /// The JSON is well formed but breaks one of the plan's rules (unknown
    /// lead id, duplicate id, an update dated impossibly).
    #[error("{what} at {path}: {reason}")]
    Invalid {
        /// What was being loaded: `plan` or `rule set`.
        what: &'static str,
        /// The JSON path to the offending value.
        path: String,
        /// What is wrong, in plain English.
        reason: String,
    },
    /// The plan was written by a newer version of the format.
    #[error("plan schema_version {found} is newer than this library reads (up to {supported})")]
    UnsupportedVersion {
        /// The version in the file.
        found: u32,
        /// The newest version this library reads.
        supported: u32,
    },
    /// A field this library does not read, refused because the load was
    /// strict ([`LoadOptions::strict`](crate::LoadOptions::strict));
    /// otherwise it is a [`LoadWarning`](crate::LoadWarning).
    #[error("{what} JSON at {path}: unknown field (check its spelling; strict loading refuses fields this library does not read)")]
    UnknownField {
        /// What was being loaded: `plan` or `rule set`.
        what: &'static str,
        /// The field's JSON path, e.g. `$.objectives[0].actions[2].evidance`.
        path: String,
    },
    /// The input is past one of the [`JsonLimits`](crate::JsonLimits):
    /// refused before the plan is checked.
    #[error("{what} JSON at {path} is past the limit of {limit} (raise LoadOptions.limits.{setting} to read it)")]
    TooLarge {
        /// What was being loaded: `plan` or `rule set`.
        what: &'static str,
        /// Where: a JSON path, with the line and column for nesting
        /// (`$.extra.a (line 1, column 18)`).
        path: String,
        /// The limit passed, e.g. `64 levels of nesting`.
        limit: String,
        /// The [`JsonLimits`](crate::JsonLimits) field to raise, e.g. `max_depth`.
        setting: String,
    },
    /// The bytes are not UTF-8 text.
    #[error("{what} JSON is not UTF-8 at byte {offset} (line {line}, column {column}): {reason}")]
    NotUtf8 {
        /// What was being loaded: `plan` or `rule set`.
        what: &'static str,
        /// The first byte that is not UTF-8, from 0.
        offset: usize,
        /// Its line, from 1.
        line: usize,
        /// Its column in bytes, from 1.
        column: usize,
        /// What the byte is and what the file looks like instead.
        reason: String,
    },
    /// No built-in plan has that name.
    #[error("there is no built-in plan called {name:?} (built-in plans: {known})")]
    UnknownBuiltin {
        /// The name asked for.
        name: String,
        /// The names that exist, comma-separated.
        known: String,
    },
}

/// Any error from this crate, so that `?` works across loading, importing,
/// rating and exporting in one function. Each variant keeps the domain
/// error whole: its message is the domain error's, and
/// [`source`](std::error::Error::source) continues from there (an export's
/// writer error, for instance).
///
/// Match on the variants to tell the domains apart; the enum is
/// `#[non_exhaustive]`, so a `_` arm is needed (a new domain error is not a
/// breaking change).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::{render, ReportFormat};
/// use lineofsight::report::{BoardReport, ReportOptions};
///
/// fn board_paper(json: &str, format: &str) -> Result<Vec<u8>, lineofsight::Error> {
///     let plan = lineofsight::Plan::from_json(json)?; // LoadError
///     let format: ReportFormat = format.parse()?; // UnknownFormat
///     let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap_or_default();
///     let report = BoardReport::build(&plan, as_of, &plan.rules_or_default(), &ReportOptions::default());
///     Ok(render(&report, format)?) // ExportError
/// }
///
/// let err = board_paper("{}", "html").unwrap_err();
/// assert!(matches!(err, lineofsight::Error::Load(_)));
/// assert!(err.to_string().starts_with("plan JSON at $"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A plan or rule set could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A table could not be imported.
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    /// A report could not be written.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// A format name is not one lineofsight writes.
    #[error(transparent)]
    UnknownFormat(#[from] crate::export::UnknownFormat),
    /// Edits to a plan could not be applied.
    #[error(transparent)]
    Edit(#[from] crate::plan::EditError),
    /// A timescale could not be read strictly.
    #[error(transparent)]
    Timescale(#[from] crate::timescale::TimescaleError),
    /// A rating or status word is not known.
    #[error(transparent)]
    Rating(#[from] crate::rating::RatingError),
    /// A word (a state, a format, a lead kind …) is not known.
    #[error(transparent)]
    UnknownWord(#[from] crate::UnknownWord),
    /// A cell is neither a number nor a suppression symbol.
    #[error(transparent)]
    Value(#[from] crate::measure::ValueError),
    /// A period could not be read.
    #[error(transparent)]
    Period(#[from] crate::measure::PeriodError),
    /// An EES file could not be read.
    #[error(transparent)]
    Ees(#[from] crate::measure::EesError),
}
