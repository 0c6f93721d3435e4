//! The report on a set of plans with periods, each judged on the date.

use std::fmt::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::{ExportError, HtmlSection, ReportFormat};
use crate::plan::{Plan, PlanStatus};
use crate::report::{
    closed_plans_text, plans_as_of, plans_index_text, render_terminal, BoardReport, PlanEntry,
    ReportOptions,
};
use crate::rules::reason::uk_date;
use crate::rules::RuleSet;

/// The board report on a set of plans as of `as_of` (each rated with
/// `rules`, or else its own rules): the plans current on the date in full,
/// in the order given, and each closed plan as a short entry with its
/// final position (counts of complete and open actions and the ratings as
/// at its last day), never as a page of overdue actions.
///
/// Terminal and Markdown: a list of the plans and their statuses, each
/// current plan's report, then the closed plans' final positions. JSON:
/// `{"as_of", "plans": [{"name", "title", "period", "status", "closed",
/// "report"}]}` with a board report for each current plan. HTML, xlsx,
/// CSV and the calendar are one document about one plan: the first current plan (or, when
/// none is current, the plan that closed last, rated at its end); an HTML
/// page adds a section listing every plan's status and final position.
///
/// # Errors
///
/// [`ExportError`] when the CSV or workbook writer fails, or for xlsx in a
/// build without the `xlsx` feature.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::{render_plans, ReportFormat};
/// use lineofsight::report::ReportOptions;
///
/// let plans = lineofsight::BUILTIN_SEPARATE_PLANS
///     .iter()
///     .map(|n| Ok((n.to_string(), lineofsight::builtin(n)?)))
///     .collect::<Result<Vec<_>, lineofsight::LoadError>>()?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let options = ReportOptions::default();
/// let text = String::from_utf8(render_plans(&plans, as_of, None, ReportFormat::Terminal, &options).unwrap()).unwrap();
/// assert!(text.contains("CLOSED PLAN, FINAL POSITION: Children Looked After Strategic Action Plan 2014-17"));
/// assert!(text.contains("Board report for Lancashire County Council, as of 31/12/2019"));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn render_plans(
    plans: &[(String, Plan)],
    as_of: NaiveDate,
    rules: Option<&RuleSet>,
    format: ReportFormat,
    options: &ReportOptions,
) -> Result<Vec<u8>, ExportError> {
    let entries = plans_as_of(plans, as_of, rules);
    let rules_for = |plan: &Plan| rules.cloned().unwrap_or_else(|| plan.rules_or_default());
    let report_on = |plan: &Plan| BoardReport::build(plan, as_of, &rules_for(plan), options);
    let current: Vec<&Plan> = plans
        .iter()
        .zip(&entries)
        .filter(|(_, e)| e.status == PlanStatus::Current)
        .map(|((_, p), _)| p)
        .collect();
    match format {
        ReportFormat::Terminal => {
            let mut out = plans_index_text(&entries, as_of);
            for plan in &current {
                out.push('\n');
                out.push_str(&render_terminal(&report_on(plan)));
            }
            let closed = closed_plans_text(&entries);
            if !closed.is_empty() {
                out.push('\n');
                out.push_str(&closed);
            }
            Ok(out.into_bytes())
        }
        ReportFormat::Markdown => {
            let mut out = format!("# Plans as of {}\n\n", uk_date(as_of));
            for e in &entries {
                let _ = writeln!(out, "- {}", super::markdown::md(&e.index_line()));
            }
            for plan in &current {
                out.push('\n');
                out.push_str(&super::render_markdown(&report_on(plan)));
            }
            for e in &entries {
                let Some(closed) = &e.closed else { continue };
                let _ = writeln!(
                    out,
                    "\n# Closed plan, final position: {}\n",
                    super::markdown::md(&e.title)
                );
                for s in closed.sentences() {
                    let _ = writeln!(out, "{}\n", super::markdown::md(&s));
                }
            }
            Ok(out.into_bytes())
        }
        ReportFormat::Json => {
            #[derive(Serialize)]
            struct Entry<'a> {
                #[serde(flatten)]
                entry: &'a PlanEntry,
                report: Option<BoardReport>,
            }
            #[derive(Serialize)]
            struct Set<'a> {
                as_of: NaiveDate,
                plans: Vec<Entry<'a>>,
            }
            let set = Set {
                as_of,
                plans: plans
                    .iter()
                    .zip(&entries)
                    .map(|((_, plan), entry)| Entry {
                        entry,
                        report: (entry.status == PlanStatus::Current).then(|| report_on(plan)),
                    })
                    .collect(),
            };
            Ok(super::json::pretty(&set).into_bytes())
        }
        ReportFormat::Html
        | ReportFormat::Xlsx
        | ReportFormat::Csv
        | ReportFormat::Calendar
        | ReportFormat::Docx => {
            let Some(plan) = main_plan(plans, &entries) else {
                return Ok(Vec::new());
            };
            let report = report_on(plan);
            let mut html = String::from("<ul>\n");
            for e in &entries {
                let _ = write!(html, "<li>{}", super::escape_html(&e.index_line()));
                if let Some(closed) = &e.closed {
                    html.push_str("<ul>");
                    for s in closed.sentences() {
                        let _ = write!(html, "<li>{}</li>", super::escape_html(&s));
                    }
                    html.push_str("</ul>");
                }
                html.push_str("</li>\n");
            }
            html.push_str("</ul>\n");
            let heading = format!("Plans as of {}", uk_date(as_of));
            super::format::render_with(&report, format, &[HtmlSection::new(heading, html)])
        }
    }
}

/// The plan a one-report format (HTML, a workbook, CSV, the Word paper)
/// shows for a set: the first current on the date, else the last to close,
/// else the first.
fn main_plan<'a>(plans: &'a [(String, Plan)], entries: &[PlanEntry]) -> Option<&'a Plan> {
    plans
        .iter()
        .zip(entries)
        .find(|(_, e)| e.status == PlanStatus::Current)
        .map(|((_, p), _)| p)
        .or_else(|| {
            plans
                .iter()
                .zip(entries)
                .filter_map(|((_, p), e)| match e.status {
                    PlanStatus::Closed { ended } => Some((ended, p)),
                    _ => None,
                })
                .max_by_key(|(ended, _)| *ended)
                .map(|(_, p)| p)
        })
        .or_else(|| plans.first().map(|(_, p)| p))
}

/// The report a one-report format shows for a set of plans (see
/// [`render_plans`]).
#[cfg_attr(not(feature = "board-paper"), allow(dead_code))]
pub(super) fn main_report(
    plans: &[(String, Plan)],
    as_of: NaiveDate,
    rules: Option<&RuleSet>,
    options: &ReportOptions,
) -> Option<BoardReport> {
    let entries = plans_as_of(plans, as_of, rules);
    let plan = main_plan(plans, &entries)?;
    let rules = rules.cloned().unwrap_or_else(|| plan.rules_or_default());
    Some(BoardReport::build(plan, as_of, &rules, options))
}
