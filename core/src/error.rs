//! Errors from loading plans and rule sets.

/// Why a plan or rule set could not be loaded.
///
/// Every variant names where the problem is: a JSON path such as
/// `$.objectives[2].actions[4].leads[0]`, and for malformed JSON the line and
/// column too.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
