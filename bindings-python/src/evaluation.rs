//! `Evaluation`: a plan rated as of a date, its tables and its board report.

use std::sync::Arc;

use chrono::NaiveDate;
use lineofsight::report::{BoardReport, ReportOptions, ReportRow, DEFAULT_LOOK_AHEAD_DAYS};
use pyo3::prelude::*;

use crate::action_table;
use crate::args::date_arg;
use crate::convert::to_py;
use crate::errors;
use crate::html::{chip, escape};
use crate::measure::MeasureRating;
use crate::plan::Plan;
use crate::rating::code;
use crate::rules::RuleSet;
use crate::table::Table;

/// A plan rated as of a date. It keeps the plan it was made from, so its
/// reports are always of that plan.
#[pyclass(frozen, module = "lineofsight._native")]
pub(crate) struct Evaluation {
    pub(crate) inner: lineofsight::Evaluation,
    pub(crate) plan: Arc<lineofsight::Plan>,
}

#[pymethods]
impl Evaluation {
    /// The date everything was rated as of.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.inner.as_of
    }

    /// The rules used.
    #[getter]
    fn rules(&self) -> RuleSet {
        RuleSet {
            inner: self.inner.rules.clone(),
        }
    }

    /// The whole plan's rating code (`red`, `amber`, …).
    #[getter]
    fn rating(&self) -> String {
        code(self.inner.plan.rating)
    }

    /// Every action, in plan order: what the plan says (`ref`, `text`,
    /// `objective` and `objective_ref`, `group`, `leads` as a list of
    /// names, `timescale` as written, `evidence`, `state`) beside how it is
    /// rated (`rating`, `computed`, `recorded`, `overridden`,
    /// `reason_code`, `reason_message`, `open`, `due`) and the commentary
    /// to show (`commentary_note`, and `commentary_date`, null when
    /// undated). The rows are the core's `ReportRow`s.
    #[getter]
    fn actions(&self) -> Table {
        let rows = ReportRow::of_evaluation(&self.plan, &self.inner);
        action_table::actions("actions", &rows)
    }

    /// Open actions due from the as-of date up to `days` days after it,
    /// soonest first, as a Table with the columns of `actions`. Raises
    /// ValueError for a negative number of days.
    fn due_within(&self, days: i64) -> PyResult<Table> {
        let days = u32::try_from(days).map_err(|_| {
            pyo3::exceptions::PyValueError::new_err(format!(
                "days must be a whole number of days from 0 to {}, not {days}",
                u32::MAX
            ))
        })?;
        let rows = ReportRow::due_within(&self.plan, &self.inner, days);
        Ok(action_table::actions("due", &rows))
    }

    /// Every objective's roll-up.
    #[getter]
    fn objectives(&self) -> Table {
        Table::from_rows("objectives", &self.inner.objectives, &[])
    }

    /// Every group's roll-up.
    #[getter]
    fn groups(&self) -> Table {
        Table::from_rows("groups", &self.inner.groups, &[])
    }

    /// Every priority's roll-up.
    #[getter]
    fn priorities(&self) -> Table {
        Table::from_rows("priorities", &self.inner.priorities, &[])
    }

    /// Every measure of success's rating (its series and benchmarks are on
    /// `measure(id)`).
    #[getter]
    fn measures(&self) -> Table {
        Table::from_rows(
            "measures",
            &self.inner.measures,
            &["series", "benchmarks", "reading"],
        )
    }

    /// Actions whose recorded rating disagrees with the rules.
    #[getter]
    fn discrepancies(&self) -> Table {
        let rows: Vec<_> = self
            .inner
            .discrepancies
            .iter()
            .map(|d| d.record(&self.plan, &self.inner))
            .collect();
        Table::from_rows("discrepancies", &rows, &[])
    }

    /// The whole plan's roll-up as a dict.
    fn plan_rollup<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.plan)
    }

    /// The rating of one measure, by id. Raises KeyError.
    fn measure(&self, id: &str) -> PyResult<MeasureRating> {
        self.inner
            .measure(id)
            .map(|m| MeasureRating {
                inner: m.clone(),
                style: self.plan.style.clone(),
            })
            .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(id.to_string()))
    }

    /// The ids of the measures, in plan order.
    fn measure_ids(&self) -> Vec<String> {
        self.inner
            .measures
            .iter()
            .map(|m| m.measure_id.clone())
            .collect()
    }

    /// The plan this evaluation rates.
    #[getter]
    fn plan(&self) -> Plan {
        Plan::shared(Arc::clone(&self.plan))
    }

    /// The board report on this evaluation's plan, as of its date and by
    /// its rules, as a dict: the report model every format renders (see
    /// `core/schema/report.schema.json`). `since` adds what changed since
    /// that date; `previous` (last quarter's `Plan`) compares with an
    /// earlier version of the plan instead, matching actions by id or ref;
    /// `publish` replaces named people with their roles; `by_lead` lays the
    /// actions out lead by lead; `lead` keeps only one lead's actions.
    #[pyo3(signature = (*, upcoming_days=None, since=None, previous=None, publish=false, by_lead=false, lead=None))]
    #[allow(clippy::too_many_arguments)]
    fn board_report<'py>(
        &self,
        py: Python<'py>,
        upcoming_days: Option<u32>,
        since: Option<&Bound<'py, PyAny>>,
        previous: Option<&Plan>,
        publish: bool,
        by_lead: bool,
        lead: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = report_options(upcoming_days, since, publish, by_lead)?;
        let report = self.report(py, &options, previous, lead);
        to_py(py, &report)
    }

    /// The board report in a format (`html`, `markdown`, `terminal`, `csv`,
    /// `json`, `ics` as str; `xlsx`, `docx` as bytes), exactly as the
    /// command line writes it, with the options of `board_report`. The Word
    /// paper draws its charts with `fonts` (a list of font files' bytes,
    /// e.g. Liberation Sans); without them it gives their figures as
    /// tables. Raises ValueError for an unknown format, ExportError if a
    /// writer fails.
    #[pyo3(signature = (format = "html", *, upcoming_days=None, since=None, previous=None, publish=false, by_lead=false, lead=None, fonts=None))]
    #[allow(clippy::too_many_arguments)]
    fn export<'py>(
        &self,
        py: Python<'py>,
        format: &str,
        upcoming_days: Option<u32>,
        since: Option<&Bound<'py, PyAny>>,
        previous: Option<&Plan>,
        publish: bool,
        by_lead: bool,
        lead: Option<&str>,
        fonts: Option<Vec<Vec<u8>>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = report_options(upcoming_days, since, publish, by_lead)?;
        let target = Target {
            previous,
            lead,
            fonts: fonts.as_deref(),
        };
        let (format, bytes) = self.render(py, format, &options, &target)?;
        if format.is_text() {
            Ok(String::from_utf8_lossy(&bytes)
                .into_owned()
                .into_pyobject(py)?
                .into_any())
        } else {
            Ok(pyo3::types::PyBytes::new(py, &bytes).into_any())
        }
    }

    /// Writes the board report to `path`, in the format its extension
    /// names (`.html`, `.md`, `.txt`, `.csv`, `.json`, `.xlsx`, `.docx`,
    /// `.ics`) unless `format` is given, with the options of
    /// `board_report`. Raises ValueError, ExportError or OSError.
    #[pyo3(signature = (path, format = None, *, upcoming_days=None, since=None, previous=None, publish=false, by_lead=false, lead=None, fonts=None))]
    #[allow(clippy::too_many_arguments)]
    fn save<'py>(
        &self,
        py: Python<'py>,
        path: std::path::PathBuf,
        format: Option<&str>,
        upcoming_days: Option<u32>,
        since: Option<&Bound<'py, PyAny>>,
        previous: Option<&Plan>,
        publish: bool,
        by_lead: bool,
        lead: Option<&str>,
        fonts: Option<Vec<Vec<u8>>>,
    ) -> PyResult<()> {
        let name = match format {
            Some(f) => f.to_string(),
            None => path
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        let options = report_options(upcoming_days, since, publish, by_lead)?;
        let target = Target {
            previous,
            lead,
            fonts: fonts.as_deref(),
        };
        let (_, bytes) = self.render(py, &name, &options, &target)?;
        std::fs::write(&path, bytes)?;
        Ok(())
    }

    /// The whole evaluation as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.record(&self.plan))
    }

    /// The whole evaluation as JSON text.
    fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.inner.record(&self.plan)).unwrap_or_default()
    }

    fn __repr__(&self) -> String {
        let c = &self.inner.plan.counts;
        format!(
            "<lineofsight.Evaluation as of {}: plan {}; {} actions (red {}, amber {}, green {}, blue {}); {} discrepancies; {} measures>",
            self.inner.as_of,
            self.inner.plan.rating.name(),
            self.inner.actions.len(),
            c.red,
            c.amber,
            c.green,
            c.blue,
            self.inner.discrepancies.len(),
            self.inner.measures.len()
        )
    }

    fn _repr_html_(&self) -> String {
        let e = &self.inner;
        let mut out = format!(
            "<div class=\"lineofsight-evaluation\"><h3>{} as of {}</h3><p>Plan: {} {}</p>",
            escape(&e.plan.title),
            e.as_of.format("%d/%m/%Y"),
            chip(e.plan.rating, &self.plan.style),
            escape(&e.plan.reason.message()),
        );
        out.push_str(
            "<table><thead><tr><th>Objective</th><th>Rating</th><th>Why</th></tr></thead><tbody>",
        );
        for o in e.objectives.iter().take(30) {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&o.title),
                chip(o.rating, &self.plan.style),
                escape(&o.reason.message())
            ));
        }
        out.push_str("</tbody></table>");
        out.push_str(&format!(
            "<p>{} actions, {} discrepancies between recorded and computed ratings, {} measures.</p>",
            e.actions.len(),
            e.discrepancies.len(),
            e.measures.len()
        ));
        if !e.discrepancies.is_empty() {
            out.push_str("<table><thead><tr><th>Ref</th><th>Recorded</th><th>Computed</th><th>Why</th></tr></thead><tbody>");
            for d in e.discrepancies.iter().take(10) {
                out.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(
                        d.reference(&self.plan)
                            .or_else(|| d.action_id(&self.plan))
                            .unwrap_or_default()
                    ),
                    chip(d.recorded, &self.plan.style),
                    chip(d.computed, &self.plan.style),
                    escape(&d.reason(e).map(|r| r.message()).unwrap_or_default())
                ));
            }
            out.push_str("</tbody></table>");
        }
        out.push_str("</div>");
        out
    }
}

/// What a report is of besides its options: last quarter's plan, one
/// lead, and the fonts for the Word paper's charts.
struct Target<'a> {
    previous: Option<&'a Plan>,
    lead: Option<&'a str>,
    fonts: Option<&'a [Vec<u8>]>,
}

/// The report options from Python's keyword arguments.
fn report_options(
    upcoming_days: Option<u32>,
    since: Option<&Bound<'_, PyAny>>,
    publish: bool,
    by_lead: bool,
) -> PyResult<ReportOptions> {
    Ok({
        let mut built = ReportOptions::default();
        built.look_ahead_days = upcoming_days.unwrap_or(DEFAULT_LOOK_AHEAD_DAYS);
        built.since = since.map(|d| date_arg(d, "since")).transpose()?;
        built.publish = publish;
        built.by_lead = by_lead;
        built
    })
}

impl Evaluation {
    /// The report model on this evaluation's own plan, date and rules.
    fn report(
        &self,
        py: Python<'_>,
        options: &ReportOptions,
        previous: Option<&Plan>,
        lead: Option<&str>,
    ) -> BoardReport {
        let (plan, as_of, rules) = (&*self.plan, self.inner.as_of, &self.inner.rules);
        py.detach(|| {
            let report = match previous {
                Some(p) => BoardReport::build_compared(&p.inner, plan, as_of, rules, options),
                None => BoardReport::build(plan, as_of, rules, options),
            };
            match lead {
                Some(l) => report.for_lead(l),
                None => report,
            }
        })
    }

    /// The board report in the format `name` names (a format or a file
    /// extension), through the core's one entry point `export::render`.
    /// The Word paper draws its charts with `fonts` when given (font file
    /// bytes); every other format is the core's `export::render`.
    fn render(
        &self,
        py: Python<'_>,
        name: &str,
        options: &ReportOptions,
        target: &Target<'_>,
    ) -> PyResult<(lineofsight::export::ReportFormat, Vec<u8>)> {
        use lineofsight::export::{docx::BoardPaper, render, ReportFormat};
        let format: ReportFormat = name.parse().map_err(errors::unknown_format)?;
        let report = self.report(py, options, target.previous, target.lead);
        let bytes = py
            .detach(|| match (format, target.fonts) {
                (ReportFormat::Docx, Some(fonts)) => BoardPaper::new(fonts).render(&report),
                _ => render(&report, format),
            })
            .map_err(|e| errors::export_error(py, e))?;
        Ok((format, bytes))
    }
}
