//! `Evaluation`: a plan rated as of a date, its tables and its board report.

use chrono::NaiveDate;
use lineofsight::rating::RatingStyle;
use pyo3::prelude::*;

use crate::convert::to_py;
use crate::errors;
use crate::html::{chip, escape};
use crate::measure::MeasureRating;
use crate::plan::Plan;
use crate::rating::code;
use crate::rules::RuleSet;
use crate::table::Table;

/// A plan rated as of a date.
#[pyclass(frozen, module = "lineofsight._native")]
pub(crate) struct Evaluation {
    pub(crate) inner: lineofsight::Evaluation,
    pub(crate) style: RatingStyle,
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

    /// Every action's rating, reason and due date, with the commentary to
    /// show (`commentary_note`, and `commentary_date`, null when undated).
    #[getter]
    fn actions(&self) -> Table {
        Table::from_rows("actions", &self.inner.actions, &[])
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
        Table::from_rows("discrepancies", &self.inner.discrepancies, &[])
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
                style: self.style.clone(),
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

    /// The board report (objectives with their rated rows, due soon,
    /// discrepancies) as a dict; needs the plan it came from.
    #[pyo3(signature = (plan, upcoming_days=90))]
    fn board_report<'py>(
        &self,
        py: Python<'py>,
        plan: &Plan,
        upcoming_days: u32,
    ) -> PyResult<Bound<'py, PyAny>> {
        let report = lineofsight::report::BoardReport::new(&plan.inner, &self.inner, upcoming_days);
        to_py(py, &report)
    }

    /// The board report in a format (`html`, `markdown`, `terminal`,
    /// `csv`, `json` as str; `xlsx` as bytes), exactly as the command line
    /// writes it. For a public website, export `plan.redacted()`'s
    /// evaluation. Raises ValueError for an unknown format, ExportError if a
    /// writer fails.
    #[pyo3(signature = (plan, format = "html", upcoming_days = 90))]
    fn export<'py>(
        &self,
        py: Python<'py>,
        plan: &Plan,
        format: &str,
        upcoming_days: u32,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (format, bytes) = self.render(py, plan, format, upcoming_days)?;
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
    /// names (`.html`, `.md`, `.txt`, `.csv`, `.json`, `.xlsx`) unless
    /// `format` is given. Raises ValueError, ExportError or OSError.
    #[pyo3(signature = (plan, path, format = None, upcoming_days = 90))]
    fn save(
        &self,
        py: Python<'_>,
        plan: &Plan,
        path: std::path::PathBuf,
        format: Option<&str>,
        upcoming_days: u32,
    ) -> PyResult<()> {
        let name = match format {
            Some(f) => f.to_string(),
            None => path
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        let (_, bytes) = self.render(py, plan, &name, upcoming_days)?;
        std::fs::write(&path, bytes)?;
        Ok(())
    }

    /// The whole evaluation as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// The whole evaluation as JSON text.
    fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.inner).unwrap_or_default()
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
            chip(e.plan.rating, &self.style),
            escape(&e.plan.reason.message),
        );
        out.push_str(
            "<table><thead><tr><th>Objective</th><th>Rating</th><th>Why</th></tr></thead><tbody>",
        );
        for o in e.objectives.iter().take(30) {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&o.title),
                chip(o.rating, &self.style),
                escape(&o.reason.message)
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
                    escape(d.reference.as_deref().unwrap_or(&d.action_id)),
                    chip(d.recorded, &self.style),
                    chip(d.computed, &self.style),
                    escape(&d.reason.message)
                ));
            }
            out.push_str("</tbody></table>");
        }
        out.push_str("</div>");
        out
    }
}

impl Evaluation {
    /// The board report in the format `name` names (a format or a file
    /// extension), through the core's one entry point `export::render`.
    fn render(
        &self,
        py: Python<'_>,
        plan: &Plan,
        name: &str,
        upcoming_days: u32,
    ) -> PyResult<(lineofsight::export::ReportFormat, Vec<u8>)> {
        let format: lineofsight::export::ReportFormat =
            name.parse().map_err(errors::unknown_format)?;
        let bytes = py
            .detach(|| lineofsight::export::render(&plan.inner, &self.inner, format, upcoming_days))
            .map_err(|e| errors::export_error(py, e))?;
        Ok((format, bytes))
    }
}
