//! `lineofsight._native`: a thin pyo3 layer over the `lineofsight` core.
//!
//! No rating logic lives here: every answer comes from the core, and plain
//! data crosses to Python through serde. The Python package
//! (`python/lineofsight/`) re-exports what is defined here.

#![forbid(unsafe_code)]

mod args;
mod columns;
mod convert;
mod errors;
mod html;
mod period;
mod quartiles;
mod rating;
mod refs;
mod table;
mod timescale;

use std::path::Path;

use chrono::NaiveDate;
use lineofsight::import::{import_plan, ImportOptions, TableFormat};
use lineofsight::measure::{measure_chart, parse_target as core_parse_target, ObservedValue};
use lineofsight::rating::RatingStyle;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::args::{text_arg, today};
use crate::convert::{dumps, to_py};
use crate::html::{chip, escape};
use crate::rating::code;
use crate::table::Table;

// ---------------------------------------------------------------- RuleSet

/// A rule set: how actions are rated and ratings rolled up.
#[pyclass(frozen, eq, module = "lineofsight._native")]
#[derive(Clone, PartialEq)]
pub struct RuleSet {
    inner: lineofsight::RuleSet,
}

#[pymethods]
impl RuleSet {
    /// The default rules.
    #[new]
    fn new() -> Self {
        RuleSet {
            inner: lineofsight::RuleSet::default(),
        }
    }

    /// The default rules (same as `RuleSet()`).
    #[staticmethod]
    fn default() -> Self {
        Self::new()
    }

    /// A rule set from a dict shaped as `rules_schema()`; absent fields take
    /// their defaults. Raises ParseError or ValidationError.
    #[staticmethod]
    fn from_dict(py: Python<'_>, rules: &Bound<'_, PyAny>) -> PyResult<Self> {
        if !rules.is_instance_of::<PyDict>() {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "rules must be a dict, not {}",
                rules.get_type().name()?
            )));
        }
        let json = dumps(rules, "rule set")?;
        Self::from_json(py, &json)
    }

    /// A rule set from JSON text. Raises ParseError or ValidationError.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &str) -> PyResult<Self> {
        lineofsight::RuleSet::from_json(json)
            .map(|inner| RuleSet { inner })
            .map_err(|e| errors::load_error(py, e))
    }

    /// The rule set as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// The rule set as JSON text.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn __repr__(&self) -> String {
        format!(
            "RuleSet(scale={}, due_soon_days={}, review_period_days={}, rollup={}, manual_override={})",
            serde_json::to_string(&self.inner.scale).unwrap_or_default(),
            self.inner.due_soon_days,
            self.inner.review_period_days,
            serde_json::to_value(self.inner.rollup)
                .ok()
                .and_then(|v| v.get("method").cloned())
                .map(|v| v.to_string())
                .unwrap_or_default(),
            serde_json::to_string(&self.inner.manual_override).unwrap_or_default(),
        )
    }
}

// ---------------------------------------------------------------- Plan

/// A corporate parenting plan.
#[pyclass(frozen, module = "lineofsight._native")]
pub struct Plan {
    inner: lineofsight::Plan,
    import_warnings: Vec<(usize, String, String)>,
}

fn table_format(py: Python<'_>, name: &str) -> PyResult<TableFormat> {
    serde_json::from_value(serde_json::Value::String(name.to_ascii_lowercase())).map_err(|_| {
        errors::invalid(
            py,
            "import options",
            "$.format",
            &format!("unknown table format {name:?} (auto, csv, tsv, markdown, xlsx)"),
        )
    })
}

fn import_options(
    py: Python<'_>,
    input_name: &str,
    format: Option<&str>,
    mapping: Option<&Bound<'_, PyAny>>,
    sheet: Option<String>,
) -> PyResult<ImportOptions> {
    let mut options = match mapping {
        None => ImportOptions::default(),
        Some(m) if m.is_instance_of::<PyDict>() => {
            ImportOptions::from_json(&dumps(m, "import mapping")?)
                .map_err(|e| errors::import_error(py, e))?
        }
        Some(m) => {
            let path: std::path::PathBuf = m.extract()?;
            let text = std::fs::read_to_string(&path)?;
            ImportOptions::from_json(&text).map_err(|e| errors::import_error(py, e))?
        }
    };
    options.input_name = input_name.to_string();
    if let Some(f) = format {
        options.format = table_format(py, f)?;
    }
    if sheet.is_some() {
        options.sheet = sheet;
    }
    Ok(options)
}

impl Plan {
    fn from_table_bytes(py: Python<'_>, bytes: &[u8], options: &ImportOptions) -> PyResult<Plan> {
        let (inner, report) = py
            .detach(|| import_plan(bytes, options))
            .map_err(|e| errors::import_error(py, e))?;
        Ok(Plan {
            inner,
            import_warnings: report
                .warnings
                .into_iter()
                .map(|w| (w.row, w.column, w.message))
                .collect(),
        })
    }
}

#[pymethods]
impl Plan {
    /// A plan built into the library, e.g. `Plan.builtin("lancashire")` (the
    /// combined set) or one of its plans, `"lancashire-cla-2014-17"`,
    /// `"lancashire-cip-2017"`, `"lancashire-cps-2018-20"` (see
    /// `builtin_plans()`).
    /// Raises UnknownBuiltinError.
    #[staticmethod]
    fn builtin(py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<Plan> {
        let name = text_arg(name, "name")?;
        lineofsight::builtin(&name)
            .map(|inner| Plan {
                inner,
                import_warnings: Vec::new(),
            })
            .map_err(|e| errors::load_error(py, e))
    }

    /// A plan from its native JSON. Raises ParseError, ValidationError or
    /// UnsupportedVersionError.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &Bound<'_, PyAny>) -> PyResult<Plan> {
        let json = text_arg(json, "json")?;
        py.detach(|| lineofsight::Plan::from_json(&json))
            .map(|inner| Plan {
                inner,
                import_warnings: Vec::new(),
            })
            .map_err(|e| errors::load_error(py, e))
    }

    /// A plan imported from a table (CSV, TSV, markdown text or workbook
    /// bytes). `mapping` is an import mapping (dict or path to JSON).
    /// Raises TableImportError.
    #[staticmethod]
    #[pyo3(signature = (data, *, format="auto", mapping=None, sheet=None, name="input"))]
    fn from_table(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        format: &str,
        mapping: Option<&Bound<'_, PyAny>>,
        sheet: Option<String>,
        name: &str,
    ) -> PyResult<Plan> {
        let bytes: Vec<u8> = if let Ok(s) = data.cast::<PyString>() {
            s.to_str()?.as_bytes().to_vec()
        } else if let Ok(b) = data.cast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "data must be str or bytes, not {}",
                data.get_type().name()?
            )));
        };
        let options = import_options(py, name, Some(format), mapping, sheet)?;
        Plan::from_table_bytes(py, &bytes, &options)
    }

    /// A plan from a file: `.json` is the native format; `.csv`, `.tsv`,
    /// `.txt`, `.md`, `.xlsx`, `.xlsm`, `.xls` and `.ods` are imported as
    /// tables (see `from_table`). Raises the errors of `from_json` or
    /// `from_table`, and OSError when the file cannot be read.
    #[staticmethod]
    #[pyo3(signature = (path, *, format=None, mapping=None, sheet=None))]
    fn load(
        py: Python<'_>,
        path: std::path::PathBuf,
        format: Option<&str>,
        mapping: Option<&Bound<'_, PyAny>>,
        sheet: Option<String>,
    ) -> PyResult<Plan> {
        let bytes = std::fs::read(&path)?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let is_json = format.map_or(ext == "json", |f| f.eq_ignore_ascii_case("json"));
        if is_json {
            let text = String::from_utf8_lossy(&bytes);
            return py
                .detach(|| lineofsight::Plan::from_json(&text))
                .map(|inner| Plan {
                    inner,
                    import_warnings: Vec::new(),
                })
                .map_err(|e| errors::load_error(py, e));
        }
        let format = format.or(match ext.as_str() {
            "csv" => Some("csv"),
            "tsv" | "tab" => Some("tsv"),
            "md" | "markdown" => Some("markdown"),
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some("xlsx"),
            _ => None,
        });
        let name = Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "input".to_string());
        let options = import_options(py, &name, format, mapping, sheet)?;
        Plan::from_table_bytes(py, &bytes, &options)
    }

    /// A publish-safe copy: named people among the leads replaced by their
    /// role (or "Named officer"), for reports that go on a public website.
    fn redacted(&self) -> Plan {
        Plan {
            inner: lineofsight::export::redact_people(&self.inner),
            import_warnings: self.import_warnings.clone(),
        }
    }

    /// The plan as pretty-printed native JSON.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The plan as a dict (the native JSON's structure).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// The plan's title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The council or partnership that owns the plan.
    #[getter]
    fn organisation(&self) -> &str {
        &self.inner.organisation
    }

    /// The period the plan covers, as written (`2014–17`), or None.
    #[getter]
    fn period(&self) -> Option<&str> {
        self.inner.period.as_deref()
    }

    /// The dates the plan runs from and to, both inclusive, as a
    /// `(start, end)` pair of `datetime.date`, or None.
    #[getter]
    fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.inner.dates.map(|d| (d.start, d.end))
    }

    /// Where a date (default: today) falls against the plan's dates:
    /// `"not_yet_started"`, `"current"` or `"closed"`. A plan without
    /// dates is always current.
    #[pyo3(signature = (as_of=None))]
    fn status(&self, py: Python<'_>, as_of: Option<NaiveDate>) -> PyResult<&'static str> {
        let as_of = match as_of {
            Some(d) => d,
            None => today(py)?,
        };
        Ok(self.inner.status(as_of).name())
    }

    /// The plan's own rule set, or the default.
    #[getter]
    fn rules(&self) -> RuleSet {
        RuleSet {
            inner: self.inner.rules_or_default(),
        }
    }

    /// How many actions the plan has.
    #[getter]
    fn action_count(&self) -> usize {
        self.inner.actions().count()
    }

    /// Things worth a reader's check that did not stop the plan loading,
    /// as dicts (`kind`, `path`, `message`, …).
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.warnings())
    }

    /// What the table importer warned about (`row`, `column`, `message`);
    /// empty for a plan not imported from a table.
    fn import_warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for (row, column, message) in &self.import_warnings {
            let d = PyDict::new(py);
            d.set_item("row", row)?;
            d.set_item("column", column)?;
            d.set_item("message", message)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// Rates the plan as of a date (default: today) with a rule set
    /// (default: the plan's own, else the default rules).
    #[pyo3(signature = (as_of=None, rules=None))]
    fn evaluate(
        &self,
        py: Python<'_>,
        as_of: Option<NaiveDate>,
        rules: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Evaluation> {
        let as_of = match as_of {
            Some(d) => d,
            None => today(py)?,
        };
        let rules = match rules {
            None => self.inner.rules_or_default(),
            Some(r) => {
                if let Ok(r) = r.cast::<RuleSet>() {
                    r.get().inner.clone()
                } else if r.is_instance_of::<PyDict>() {
                    RuleSet::from_dict(py, r)?.inner
                } else {
                    return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                        "rules must be a RuleSet or a dict, not {}",
                        r.get_type().name()?
                    )));
                }
            }
        };
        let inner = py.detach(|| self.inner.evaluate(as_of, &rules));
        Ok(Evaluation {
            inner,
            style: self.inner.style.clone(),
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<lineofsight.Plan {:?} ({}): {} objectives, {} actions, {} measures>",
            self.inner.title,
            self.inner.organisation,
            self.inner.objectives.len(),
            self.inner.actions().count(),
            self.inner.measures().count()
        )
    }

    fn _repr_html_(&self) -> String {
        let p = &self.inner;
        let mut out = format!(
            "<div class=\"lineofsight-plan\"><h3>{}</h3><p>{}{}</p>\
             <p>{} objectives, {} actions, {} measures of success, {} leads</p>\
             <table><thead><tr><th>Objective</th><th>Actions</th><th>Measures</th></tr></thead><tbody>",
            escape(&p.title),
            escape(&p.organisation),
            p.period
                .as_deref()
                .map(|x| format!(", {}", escape(x)))
                .unwrap_or_default(),
            p.objectives.len(),
            p.actions().count(),
            p.measures().count(),
            p.leads.len(),
        );
        for o in p.objectives.iter().take(30) {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&o.title),
                o.actions.len(),
                o.measures.len()
            ));
        }
        out.push_str("</tbody></table>");
        if p.objectives.len() > 30 {
            out.push_str(&format!(
                "<p>… {} more objectives</p>",
                p.objectives.len() - 30
            ));
        }
        out.push_str("</div>");
        out
    }
}

// ---------------------------------------------------------------- Evaluation

/// A plan rated as of a date.
#[pyclass(frozen, module = "lineofsight._native")]
pub struct Evaluation {
    inner: lineofsight::Evaluation,
    style: RatingStyle,
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

// ---------------------------------------------------------------- MeasureRating

/// One measure of success rated as of a date.
#[pyclass(frozen, module = "lineofsight._native")]
pub struct MeasureRating {
    inner: lineofsight::measure::MeasureRating,
    style: RatingStyle,
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

#[pymethods]
impl MeasureRating {
    /// The measure's id.
    #[getter]
    fn measure_id(&self) -> &str {
        &self.inner.measure_id
    }

    /// The measure as written.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The rating code (`red`, `amber`, `green`, …).
    #[getter]
    fn rating(&self) -> String {
        code(self.inner.rating)
    }

    /// Why, in words.
    #[getter]
    fn reason(&self) -> &str {
        &self.inner.reason.message
    }

    /// The periods, oldest first, each rated.
    #[getter]
    fn series(&self) -> Table {
        Table::from_rows("series", &self.inner.series, &[])
    }

    /// The benchmarks for each period.
    #[getter]
    fn benchmarks(&self) -> Table {
        Table::from_rows("benchmarks", &self.inner.benchmarks, &[])
    }

    /// The measure's chart as SVG, drawn by the core (empty when the core
    /// draws none).
    fn chart_svg(&self) -> String {
        measure_chart(&self.inner, &self.style)
    }

    /// The rating as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "<lineofsight.MeasureRating {}: {}>",
            self.inner.measure_id, self.inner.reason.message
        )
    }

    fn _repr_html_(&self) -> String {
        let m = &self.inner;
        let mut out = format!(
            "<div class=\"lineofsight-measure\"><p><strong>{}</strong></p><p>{} {}</p>",
            escape(&m.text),
            chip(m.rating, &self.style),
            escape(&m.reason.message)
        );
        let svg = measure_chart(m, &self.style);
        if svg.trim_start().starts_with("<svg") {
            // The core's SVG escapes its own text.
            out.push_str(&svg);
        }
        if !m.series.is_empty() {
            out.push_str("<table><thead><tr><th>Period</th><th>Value</th><th>Expected</th><th>Rating</th></tr></thead><tbody>");
            for p in &m.series {
                let value = match p.value {
                    ObservedValue::Number(v) => v.to_string(),
                    ObservedValue::Suppressed(s) => s.symbol().to_string(),
                };
                out.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(&p.period),
                    escape(&value),
                    p.expected.map(|v| v.to_string()).unwrap_or_default(),
                    chip(p.rating, &self.style)
                ));
            }
            out.push_str("</tbody></table>");
        }
        out.push_str("</div>");
        out
    }
}

/// A measure of success's words read as a target, as a dict (`kind`:
/// `target`, `direction_only` or `not_understood`, with the target's parts).
#[pyfunction]
fn parse_target<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    to_py(py, &core_parse_target(&text))
}

/// Many measures' words at once, as `parse_target`.
#[pyfunction]
fn parse_targets<'py>(py: Python<'py>, texts: Vec<String>) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for t in &texts {
        list.append(to_py(py, &core_parse_target(t))?)?;
    }
    Ok(list)
}

/// A published value (`1,699`, `45%`, `c`, `x`) as a float, or None when
/// suppressed. Raises ValueParseError.
#[pyfunction]
fn parse_value(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
    let text = text_arg(text, "text")?;
    ObservedValue::parse(&text)
        .map(ObservedValue::number)
        .map_err(|e| errors::value_error(py, e))
}

/// The JSON Schema of a rule set, as a dict.
#[pyfunction]
fn rules_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let v: serde_json::Value =
        serde_json::from_str(&lineofsight::schema::rules_schema()).unwrap_or_default();
    convert::value_to_py(py, &v, "")
}

/// The JSON Schema of the plan format, as a dict.
#[pyfunction]
fn plan_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let v: serde_json::Value =
        serde_json::from_str(&lineofsight::schema::plan_schema()).unwrap_or_default();
    convert::value_to_py(py, &v, "")
}

/// The names of the built-in plans.
#[pyfunction]
fn builtin_plans() -> Vec<&'static str> {
    lineofsight::BUILTIN_PLANS.to_vec()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<Plan>()?;
    m.add_class::<Evaluation>()?;
    m.add_class::<RuleSet>()?;
    m.add_class::<MeasureRating>()?;
    m.add_class::<Table>()?;
    m.add_function(wrap_pyfunction!(timescale::parse_timescale, m)?)?;
    m.add_function(wrap_pyfunction!(timescale::parse_timescales, m)?)?;
    m.add_function(wrap_pyfunction!(timescale::due_dates, m)?)?;
    m.add_function(wrap_pyfunction!(rating::parse_rating, m)?)?;
    m.add_function(wrap_pyfunction!(rating::parse_ratings, m)?)?;
    m.add_function(wrap_pyfunction!(parse_target, m)?)?;
    m.add_function(wrap_pyfunction!(parse_targets, m)?)?;
    m.add_function(wrap_pyfunction!(parse_value, m)?)?;
    m.add_function(wrap_pyfunction!(period::parse_period, m)?)?;
    m.add_function(wrap_pyfunction!(period::parse_ees_period, m)?)?;
    m.add_function(wrap_pyfunction!(quartiles::quartile_bands, m)?)?;
    m.add_function(wrap_pyfunction!(refs::sort_refs, m)?)?;
    m.add_function(wrap_pyfunction!(refs::ref_covers, m)?)?;
    m.add_function(wrap_pyfunction!(rules_schema, m)?)?;
    m.add_function(wrap_pyfunction!(plan_schema, m)?)?;
    m.add_function(wrap_pyfunction!(builtin_plans, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
