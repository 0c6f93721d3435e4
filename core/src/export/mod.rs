//! Exports for people and other tools: native JSON, CSV, Excel workbooks,
//! Markdown for board papers and a self-contained, accessible HTML board
//! report.
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
//! ```
//! use chrono::NaiveDate;
//! use lineofsight::export::{render_html, render_markdown};
//! use lineofsight::report::{BoardReport, ReportOptions};
//!
//! let plan = lineofsight::builtin("lancashire")?;
//! let options = ReportOptions { publish: true, ..ReportOptions::default() };
//! let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
//! let report = BoardReport::build(&plan, as_of, &plan.rules_or_default(), &options);
//! assert!(!report.names_people);
//! let html = render_html(&report, &[]);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(render_markdown(&report).contains("| Ref |"));
//! # Ok::<(), lineofsight::LoadError>(())
//! ```

mod csv;
mod escape;
mod format;
mod html;
mod html_measures;
mod html_style;
mod html_summary;
mod json;
mod markdown;
mod redact;
mod set;
#[cfg(feature = "xlsx")]
mod xlsx;

use std::borrow::Cow;

pub use self::csv::{actions_csv, CSV_COLUMNS};
pub use escape::{escape_html, escape_terminal};
pub use format::{render, ReportFormat, UnknownFormat};
pub use html::{render_html, HtmlSection};
pub use json::{evaluation_json, plan_json, report_json, PlanExport};
pub use markdown::render_markdown;
pub use redact::{redact_people, NAMED_OFFICER};
pub use set::render_plans;
#[cfg(feature = "xlsx")]
pub use xlsx::workbook;

use crate::plan::Plan;
use crate::rules::ReasonCode;

/// Choices that apply to every export.
///
/// # Example
///
/// ```
/// use lineofsight::export::ExportOptions;
///
/// assert!(!ExportOptions::default().redact_people);
/// let publish = ExportOptions::publish();
/// assert!(publish.redact_people);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Replace named people among the leads with their role (or
    /// [`NAMED_OFFICER`]), for reports that will be published.
    pub redact_people: bool,
}

impl ExportOptions {
    /// The options for a report that will be published: named people are
    /// replaced by their roles.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::export::ExportOptions;
    ///
    /// assert_eq!(ExportOptions::publish(), ExportOptions { redact_people: true });
    /// ```
    pub fn publish() -> ExportOptions {
        ExportOptions {
            redact_people: true,
        }
    }

    /// The plan to export under these options: the plan itself, or a
    /// redacted copy (see [`redact_people`]).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::export::ExportOptions;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// assert!(ExportOptions::default().apply(&plan).names_people());
    /// assert!(!ExportOptions::publish().apply(&plan).names_people());
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn apply<'a>(&self, plan: &'a Plan) -> Cow<'a, Plan> {
        if self.redact_people {
            Cow::Owned(redact_people(plan))
        } else {
            Cow::Borrowed(plan)
        }
    }
}

/// Why an export failed. Exports of well-formed data do not fail; these
/// come from the CSV and workbook writers.
///
/// # Example
///
/// ```
/// use lineofsight::export::ExportError;
///
/// let e = ExportError::Xlsx("disk full".into());
/// assert_eq!(e.to_string(), "cannot write the workbook: disk full");
/// ```
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(String),
    /// The workbook writer failed.
    #[error("cannot write the workbook: {0}")]
    Xlsx(String),
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

/// `1 open action`, `2 open actions`.
fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `31/12/2019`, as board papers write dates.
fn uk_date(d: chrono::NaiveDate) -> String {
    crate::rules::reason::uk_date(d)
}
