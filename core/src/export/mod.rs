//! Exports for people and other tools: native JSON, CSV, Excel workbooks,
//! Markdown for board papers, a self-contained, accessible HTML board
//! report, the Word board paper ([`docx`], feature `board-paper`) and the
//! leads' calendar of deadlines (.ics).
//!
//! Every board-report format is a pure function of one
//! [`BoardReport`](crate::report::BoardReport) (see [`render`]): no I/O, no
//! clock, nothing derived again. Text from a plan is escaped for the format
//! it goes into (see [`escape_html`]). For publishing,
//! [`ReportOptions::publish`](crate::report::ReportOptions::publish)
//! replaces named people among the leads with their role. The plan itself
//! and its evaluation are written as native JSON ([`plan_json`],
//! [`evaluation_json`]).
//!
//! # Flat tables (CSV and xlsx)
//!
//! [`actions_csv`] and the **Actions** sheet of [`workbook`] have one row
//! per action and the same columns ([`CSV_COLUMNS`]; the workbook's headers
//! are spelt for people, `Action id` for `action_id`). They carry every
//! field of an action a flat table can hold, and re-importing them through
//! [`import_plan`](crate::import::import_plan) (any options without a
//! column mapping of their own) gives back the same plan: see
//! `tests/lossless_export.rs` for exactly what "the same" covers.
//!
//! - **Read back:** `objective_id`, `objective_ref`, `objective`, `groups`
//!   (the objective's group and the groups it sits in, outermost first, one
//!   title a line), `ref`, `action_id`, `action`, `timescale` (as written),
//!   `start`, `leads` (names joined with `; `), `evidence`, `state`
//!   (`not started`, `in progress`, `complete`, `deferred`, `cancelled`),
//!   `recorded_rag` (the rating recorded without a date, by its standard
//!   name) and `recorded_rag_text` (the same rating's text exactly as
//!   written, `Amber/Green` or `On course`), `progress`, `sub_activities`,
//!   `source` (the id of the source document; a CSV read back lists each
//!   such id among the plan's sources, titled with its id), `history`, and
//!   an `extra: <key>` column for each key of the actions' extra fields.
//!   `state` and `timescale` are as of the table's date; where an action
//!   has a history, the last change of each says what it is now, and that
//!   is what is read back.
//! - **Output only**, worked out from the plan and the date and ignored on
//!   import: `group` (the innermost of `groups`), `due`,
//!   `latest_update_date` and `latest_update` (the commentary shown as of
//!   the date), `recorded_rating` (the rating recorded as of the date,
//!   which a dated update may give), `computed_rating`, `rating`,
//!   `overridden`, `reason_code` and `reason`.
//!
//! Cells that hold a list write one item a line:
//!
//! - `progress`: every update, `date | note | rating | percent% | by`, the
//!   date ISO 8601 or `undated`, `by` who recorded it, trailing empty
//!   fields left off: `2019-09-30 | Draft agreed. | Amber | 40%`,
//!   `undated | Awaiting sign-off.`, `2019-12-31 | Signed off. | | | Head of Service`
//! - `sub_activities`: `text | timescale | state`, trailing empty fields
//!   left off: `Review tenancy options | Jul-19 | complete`.
//! - `history`: every dated change of state or timescale, `date | state |
//!   from | to` or `date | timescale | from | to`:
//!   `2019-12-01 | state | in progress | complete`,
//!   `2019-11-15 | timescale | Mar-20 | Jun-20`.
//!
//! In a field of those cells (and in a lead's name or a group's title), `\`
//! is written `\\`, a line break `\n`, a carriage return `\r`, and the
//! cell's separator (`|`, or `;` between leads) `\|` or `\;`; the one space
//! on each side of ` | ` belongs to the separator.
//!
//! **Formulas.** A cell that starts with `=`, `+`, `-`, `@`, a tab, a
//! carriage return or `'` is written with one `'` in front, so a
//! spreadsheet never runs plan text as a formula (`-2+3+cmd|' /C calc'!A0`
//! is written `'-2+3+cmd|' /C calc'!A0`). On import of lineofsight's own
//! table exactly one leading `'` is taken off, and only when the character
//! after it is one of those seven: `'-2` reads as `-2`, `''a` as `'a`, and
//! `'a` (which the exporter never writes for `a`) stays `'a`. The rule is
//! the same in the CSV and the workbook, so a sheet saved as CSV by hand
//! reads back the same.
//!
//! # The whole plan in the workbook
//!
//! Beside **Actions** and **Summary** (for reading only), [`workbook`] has
//! outline sheets that hold everything else of the plan, so re-importing
//! the workbook gives back the whole plan, equal field for field (tested
//! over generated plans and every built-in plan):
//!
//! - **Measures**: every measure, one a row. First the columns for people
//!   (objective ref, measure id, measure, the target as read, latest
//!   value, period, rating, reason: output only), then the measure as data.
//! - **Groups**, **Objectives** (every objective, with or without
//!   actions: aim, motto, approach, impact, links one a line, group id,
//!   source) and **Leads** (id, name, kind, role).
//! - **Plan**: `Field | Value`, one row per field of the plan with no
//!   sheet of its own (title, organisation, period, sources, priorities,
//!   data sets, rules, rating style and key …), then one per extra field.
//!   A value longer than a cell holds (32,000 characters) continues on
//!   the next rows under the same field.
//!
//! Each column of the outline sheets holds one field of the [plan
//! JSON](crate::schema), named in its header: text as written (an empty
//! cell is no value), or, where the header says `(JSON)` and on the Plan
//! sheet for everything but text, the field's JSON. An object's extra
//! fields get an `extra: <key>` column each. The Actions sheet's
//! objectives, groups and leads join the outline's by id (leads by name).
//! On re-import, a cell that does not read (JSON that does not parse, a
//! word the field does not take) is kept in that object's extra fields
//! under its column's header, with a warning naming the sheet, row and
//! column; a column the workbook does not have is read as an extra field.
//! The CSV has one table only, so it gives back the actions and what rows
//! can carry (see above), not measures or objectives without actions.
//!
//! ```
//! use chrono::NaiveDate;
//! use lineofsight::export::{render_html, render_markdown};
//! use lineofsight::report::{BoardReport, ReportOptions};
//!
//! let plan = lineofsight::builtin("lancashire")?;
//! let options = ReportOptions::default().with_publish(true);
//! let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
//! let report = BoardReport::build(&plan, as_of, &plan.rules_or_default(), &options);
//! assert!(!report.names_people);
//! let html = render_html(&report, &[]);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(render_markdown(&report).contains("| Ref |"));
//! # Ok::<(), lineofsight::LoadError>(())
//! ```

#[cfg(feature = "calendar")]
mod calendar;
mod csv;
#[cfg(feature = "board-paper")]
#[cfg_attr(docsrs, doc(cfg(feature = "board-paper")))]
pub mod docx;
mod escape;
mod format;
mod html;
mod html_measures;
mod html_style;
mod html_summary;
mod json;
mod markdown;
#[cfg(feature = "xlsx")]
pub(crate) mod plan_sheets;
mod redact;
mod set;
pub(crate) mod table_cells;
#[cfg(feature = "xlsx")]
mod xlsx;
#[cfg(feature = "xlsx")]
mod xlsx_outline;

pub use self::csv::{actions_csv, CSV_COLUMNS};
#[cfg(feature = "calendar")]
pub use calendar::calendar_ics;
pub use escape::{escape_html, escape_terminal};
pub use format::{render, ReportFormat, UnknownFormat};
pub use html::{render_html, HtmlSection};
pub use json::{evaluation_json, plan_json, report_json, PlanExport};
pub use markdown::render_markdown;
pub use redact::{redact_people, NAMED_OFFICER};
pub use set::render_plans;
#[cfg(feature = "xlsx")]
pub use xlsx::workbook;

use crate::rules::ReasonCode;

/// The error a writer library reported (the CSV writer, `rust_xlsxwriter`,
/// docx-rs, zip), kept as the [`source`](std::error::Error::source) of an
/// [`ExportError`] so that a caller can inspect or downcast it.
pub type WriterError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why an export failed. Exports of well-formed data do not fail; these
/// come from the CSV, workbook and Word writers, from a value a workbook
/// cannot hold, or from a format this build leaves out.
///
/// Each message says which part of the export failed and ends with the
/// writer's own message; the writer's error itself is the error's
/// [`source`](std::error::Error::source).
///
/// # Example
///
/// ```
/// use std::error::Error as _;
/// use lineofsight::export::ExportError;
///
/// let disk_full = std::io::Error::other("disk full");
/// let e = ExportError::Xlsx { part: "the workbook file".into(), source: disk_full.into() };
/// assert_eq!(e.to_string(), "cannot write the workbook (the workbook file): disk full");
/// assert!(e.source().is_some_and(|s| s.is::<std::io::Error>()));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("cannot write CSV ({part}): {source}")]
    Csv {
        /// What was being written: `the header`, `a row`, `the output`.
        part: &'static str,
        /// The CSV writer's error.
        #[source]
        source: WriterError,
    },
    /// The workbook writer (`rust_xlsxwriter`) failed.
    #[error("cannot write the workbook ({part}): {source}")]
    Xlsx {
        /// What was being written, e.g. `the workbook file`.
        part: String,
        /// The workbook writer's error.
        #[source]
        source: WriterError,
    },
    /// A value a workbook cannot hold: a cell longer than Excel allows, or
    /// a date Excel cannot show.
    #[error("cannot write the workbook: {reason}")]
    DoesNotFit {
        /// Which sheet and cell, and why, e.g. `sheet "Actions", cell B2:
        /// 40000 characters, more than the 32767 an Excel cell holds`.
        reason: String,
    },
    /// The Word board paper could not be packed.
    #[error("cannot write the Word board paper ({part}): {source}")]
    Docx {
        /// What was being written: `the document`, `the compressed file`.
        part: &'static str,
        /// The Word writer's or zip's error.
        #[source]
        source: WriterError,
    },
    /// This build has no writer for the format: the core's Cargo feature
    /// for it is off (see the crate's Features section).
    #[error("cannot write {}: this build has no {} (the core's {feature} feature is off)", missing_what(*format), missing_writer(*format))]
    NotInThisBuild {
        /// The format asked for.
        format: ReportFormat,
        /// The Cargo feature that adds its writer: `xlsx`, `calendar`,
        /// `board-paper`.
        feature: &'static str,
    },
}

impl ExportError {
    /// The format that failed: `Csv`, `Xlsx`, `Docx`, or the one asked for
    /// that this build leaves out.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::export::{ExportError, ReportFormat};
    ///
    /// let e = ExportError::DoesNotFit { reason: "too long".into() };
    /// assert_eq!(e.format(), ReportFormat::Xlsx);
    /// ```
    pub fn format(&self) -> ReportFormat {
        match self {
            ExportError::Csv { .. } => ReportFormat::Csv,
            ExportError::Xlsx { .. } | ExportError::DoesNotFit { .. } => ReportFormat::Xlsx,
            ExportError::Docx { .. } => ReportFormat::Docx,
            ExportError::NotInThisBuild { format, .. } => *format,
        }
    }
}

/// What a missing writer would have written, in an error message.
fn missing_what(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Xlsx => "the workbook",
        ReportFormat::Calendar => "the calendar",
        ReportFormat::Docx => "the Word board paper",
        _ => "this format",
    }
}

/// The writer a build leaves out, in an error message.
fn missing_writer(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Xlsx => "workbook writer",
        ReportFormat::Calendar => "calendar writer",
        ReportFormat::Docx => "Word writer",
        _ => "writer for it",
    }
}

/// The machine-readable code of a reason, as in JSON (`overdue`,
/// `due_soon`).
///
/// # Example
///
/// ```
/// use lineofsight::export::reason_code;
/// use lineofsight::rules::ReasonCode;
///
/// assert_eq!(reason_code(ReasonCode::DueSoon), "due_soon");
/// ```
pub fn reason_code(code: ReasonCode) -> String {
    match serde_json::to_value(code) {
        Ok(serde_json::Value::String(s)) => s,
        _ => format!("{code:?}"),
    }
}

use crate::report::count_of;

/// `31/12/2019`, as board papers write dates.
fn uk_date(d: chrono::NaiveDate) -> String {
    crate::rules::reason::uk_date(d)
}
