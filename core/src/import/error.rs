//! Import errors and warnings: each names the input, and where it can, the
//! row and column.

use std::fmt;

/// Why a table or plan could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The bytes are not a table this library reads (a broken workbook,
    /// binary data, a malformed delimited file).
    #[error("{input}: cannot read the input as a table: {reason}")]
    Unreadable {
        /// The input's name, from [`ImportOptions::input_name`](super::ImportOptions::input_name).
        input: String,
        /// What went wrong.
        reason: String,
    },
    /// No row of the input looks like a header row.
    #[error("{input}: no header row found: {reason}")]
    NoHeader {
        /// The input's name.
        input: String,
        /// What was looked for.
        reason: String,
    },
    /// The explicit column mapping names a column the header does not have,
    /// or a mapping file is malformed.
    #[error("{input}: column {column}: {reason}")]
    Mapping {
        /// The input's name.
        input: String,
        /// The column as the mapping names it.
        column: String,
        /// What is wrong.
        reason: String,
    },
    /// A header was found but no row under it gave an action.
    #[error("{input}: header at row {row} but no actions: {reason}")]
    NoActions {
        /// The input's name.
        input: String,
        /// The header's row number (from 1, as a spreadsheet counts).
        row: usize,
        /// Why no row became an action.
        reason: String,
    },
    /// The plan built from the rows breaks one of the plan's invariants.
    #[error("{input}: row {row}, column {column}: the imported plan is invalid: {reason}")]
    Invalid {
        /// The input's name.
        input: String,
        /// The row the offending action came from (the header row when the
        /// problem is not one action's).
        row: usize,
        /// The column the offending value came from, or `-`.
        column: String,
        /// What is wrong.
        reason: String,
    },
    /// The input is past one of the [`Limits`](super::Limits): refused
    /// before the oversized part is read into memory.
    #[error("{input}: {at} is past the limit of {limit} (raise ImportOptions.limits.{setting} to read it)")]
    TooLarge {
        /// The input's name.
        input: String,
        /// Where: `sheet Actions: cell XFD1048576`, `row 3, column 2 (…
        /// characters)`, `the input (… bytes)`.
        at: String,
        /// The limit passed, e.g. `1,000 columns`.
        limit: String,
        /// The [`Limits`](super::Limits) field to raise, e.g. `max_columns`.
        setting: String,
    },
}

/// Something the importer did that a reader should check: a cell it could
/// not understand, text it kept somewhere other than expected.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportWarning {
    /// The row, numbered from 1 as in the input (line or sheet row).
    pub row: usize,
    /// The column's header (or `column N`, from 1).
    pub column: String,
    /// What happened, in plain English.
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {}, column {}: {}",
            self.row, self.column, self.message
        )
    }
}
