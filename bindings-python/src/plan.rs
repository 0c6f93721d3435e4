//! `Plan`: a corporate parenting plan, loaded, imported or built in; its
//! schema and the names of the built-in plans.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use lineofsight::import::{import_plan, ImportOptions};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use crate::args::{date_arg, text_arg, today};
use crate::convert::{self, to_py};
use crate::errors;
use crate::evaluation::Evaluation;
use crate::html::escape;
use crate::import::import_options;
use crate::rules::RuleSet;
use crate::table::Table;

/// A corporate parenting plan.
#[pyclass(frozen, module = "lineofsight._native")]
pub(crate) struct Plan {
    /// Shared with every evaluation made from it (the plan is frozen), so
    /// an evaluation renders its own plan and no other.
    pub(crate) inner: Arc<lineofsight::Plan>,
    import_warnings: Vec<(usize, String, String)>,
    load_warnings: Vec<lineofsight::LoadWarning>,
}

impl Plan {
    /// The Python object for a plan an evaluation already shares.
    pub(crate) fn shared(inner: Arc<lineofsight::Plan>) -> Plan {
        Plan {
            inner,
            import_warnings: Vec::new(),
            load_warnings: Vec::new(),
        }
    }

    /// A plan loaded from JSON, with the fields the loader did not read.
    fn loaded(
        py: Python<'_>,
        loaded: Result<(lineofsight::Plan, Vec<lineofsight::LoadWarning>), lineofsight::LoadError>,
    ) -> PyResult<Plan> {
        let (inner, load_warnings) = loaded.map_err(|e| errors::load_error(py, e))?;
        Ok(Plan {
            inner: Arc::new(inner),
            import_warnings: Vec::new(),
            load_warnings,
        })
    }

    fn from_table_bytes(py: Python<'_>, bytes: &[u8], options: &ImportOptions) -> PyResult<Plan> {
        let (inner, report) = py
            .detach(|| import_plan(bytes, options))
            .map_err(|e| errors::import_error(py, e))?;
        Ok(Plan::imported(inner, report))
    }

    /// A plan the importer made, with its warnings.
    fn imported(inner: lineofsight::Plan, report: lineofsight::import::ImportReport) -> Plan {
        Plan {
            inner: Arc::new(inner),
            import_warnings: report
                .warnings
                .into_iter()
                .map(|w| (w.row, w.column, w.message))
                .collect(),
            load_warnings: Vec::new(),
        }
    }
}

/// The loader's options from Python's keyword arguments: `strict`, and
/// the JSON limits to raise or lower (the defaults where not given).
fn load_options(
    strict: bool,
    max_bytes: Option<usize>,
    max_depth: Option<usize>,
    max_groups: Option<usize>,
) -> lineofsight::LoadOptions {
    let mut limits = lineofsight::JsonLimits::default();
    if let Some(b) = max_bytes {
        limits.max_bytes = b;
    }
    if let Some(d) = max_depth {
        limits.max_depth = d;
    }
    if let Some(g) = max_groups {
        limits.max_groups = g;
    }
    lineofsight::LoadOptions::default()
        .with_strict(strict)
        .with_limits(limits)
}

impl Plan {
    /// A `rules` argument: a RuleSet, a dict, or None for the plan's own
    /// (else the default rules).
    fn rules_arg(
        &self,
        py: Python<'_>,
        rules: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<lineofsight::RuleSet> {
        match rules {
            Some(r) => crate::rules::rules_arg(py, r),
            None => Ok(self.inner.rules_or_default()),
        }
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
            .map(|inner| Plan::shared(Arc::new(inner)))
            .map_err(|e| errors::load_error(py, e))
    }

    /// A plan from its native JSON, as `str` or as `bytes` (which must be
    /// UTF-8: anything else raises ParseError naming the first bad byte's
    /// offset). A field the library does not read (a misspelling) is listed
    /// by `load_warnings()`, or with `strict=True` raises ValidationError.
    /// `max_bytes` (default 100,000,000), `max_depth` (64) and `max_groups`
    /// (100,000) raise or lower the loader's limits, as core's
    /// `LoadOptions.limits`: a plan of a million actions (about 470 MB of
    /// JSON) loads with `max_bytes=500_000_000`.
    /// Raises ParseError (also for data after the plan), ValidationError
    /// (also past the size limits, naming the one to raise) or
    /// UnsupportedVersionError.
    #[staticmethod]
    #[pyo3(signature = (json, *, strict=false, max_bytes=None, max_depth=None, max_groups=None))]
    fn from_json(
        py: Python<'_>,
        json: &Bound<'_, PyAny>,
        strict: bool,
        max_bytes: Option<usize>,
        max_depth: Option<usize>,
        max_groups: Option<usize>,
    ) -> PyResult<Plan> {
        let options = load_options(strict, max_bytes, max_depth, max_groups);
        if let Ok(b) = json.cast::<PyBytes>() {
            let bytes = b.as_bytes().to_vec();
            return Plan::loaded(
                py,
                py.detach(|| lineofsight::Plan::from_json_bytes(&bytes, &options)),
            );
        }
        let json = text_arg(json, "json")?;
        Plan::loaded(
            py,
            py.detach(|| lineofsight::Plan::from_json_with(&json, &options)),
        )
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
        let bytes: Vec<u8> = crate::args::str_or_bytes(data, "data")?;
        let options = import_options(py, name, Some(format), mapping, sheet)?;
        Plan::from_table_bytes(py, &bytes, &options)
    }

    /// A plan from a table with the columns of its own CSV export
    /// (`Evaluation.export("csv")`: `objective_ref` … `history`, and an
    /// `extra: <key>` column per extra field), read back as the same plan
    /// (what a table of actions carries of it), or from any tracker's
    /// columns, read as `from_table` reads a CSV. `table` is anything with
    /// `__arrow_c_stream__`: a pyarrow Table or RecordBatchReader, a polars
    /// or pandas DataFrame, a DuckDB result. Each column is read as text:
    /// text as it is, dates (date32, date64, timestamps) as ISO days,
    /// numbers and booleans as Arrow writes them, nulls as empty cells.
    /// `mapping` and `name` as in `from_table`. Raises ColumnsError for a
    /// column that cannot be read as text (a list), TableImportError, and
    /// TypeError when `table` has no `__arrow_c_stream__`.
    #[staticmethod]
    #[pyo3(signature = (table, *, mapping=None, name="table"))]
    fn from_arrow(
        py: Python<'_>,
        table: &Bound<'_, PyAny>,
        mapping: Option<&Bound<'_, PyAny>>,
        name: &str,
    ) -> PyResult<Plan> {
        let options = import_options(py, name, None, mapping, None)?;
        let (inner, report) = crate::frame::import(py, table, &options)?;
        Ok(Plan::imported(inner, report))
    }

    /// `from_arrow` for a data frame: a polars or pandas DataFrame (a
    /// pandas one older than 2.2, which has no `__arrow_c_stream__`, goes
    /// through `pyarrow.Table.from_pandas`), or anything `from_arrow`
    /// takes. Raises as `from_arrow`.
    #[staticmethod]
    #[pyo3(signature = (frame, *, mapping=None, name="frame"))]
    fn from_frame(
        py: Python<'_>,
        frame: &Bound<'_, PyAny>,
        mapping: Option<&Bound<'_, PyAny>>,
        name: &str,
    ) -> PyResult<Plan> {
        let options = import_options(py, name, None, mapping, None)?;
        let is_pandas = frame
            .get_type()
            .module()
            .is_ok_and(|m| m.to_string().starts_with("pandas"));
        let (inner, report) = if !frame.hasattr("__arrow_c_stream__")? && is_pandas {
            let pa = crate::table::need(py, "pyarrow", "Plan.from_frame() of this pandas")?;
            let table = pa.getattr("Table")?.call_method1("from_pandas", (frame,))?;
            crate::frame::import(py, &table, &options)?
        } else {
            crate::frame::import(py, frame, &options)?
        };
        Ok(Plan::imported(inner, report))
    }

    /// A plan from a file: `.json` is the native format (read as bytes, as
    /// `from_json` reads them); any other file is imported as a table (see
    /// `from_table`) whose format is worked out from its content, as the
    /// command line does, so a workbook saved as `.csv` still reads;
    /// `format` forces one. Raises the errors of `from_json` or
    /// `from_table`, and OSError when the file cannot be read. `max_bytes`,
    /// `max_depth` and `max_groups` are `from_json`'s, for JSON.
    #[staticmethod]
    #[pyo3(signature = (path, *, format=None, mapping=None, sheet=None, strict=false, max_bytes=None, max_depth=None, max_groups=None))]
    #[allow(clippy::too_many_arguments)]
    fn load(
        py: Python<'_>,
        path: std::path::PathBuf,
        format: Option<&str>,
        mapping: Option<&Bound<'_, PyAny>>,
        sheet: Option<String>,
        strict: bool,
        max_bytes: Option<usize>,
        max_depth: Option<usize>,
        max_groups: Option<usize>,
    ) -> PyResult<Plan> {
        let bytes = std::fs::read(&path)?;
        let is_json = format.map_or_else(
            || lineofsight::import::is_plan_json(&path.to_string_lossy()),
            |f| f.eq_ignore_ascii_case("json"),
        );
        if is_json {
            let options = load_options(strict, max_bytes, max_depth, max_groups);
            return Plan::loaded(
                py,
                py.detach(|| lineofsight::Plan::from_json_bytes(&bytes, &options)),
            );
        }
        let name = Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "input".to_string());
        let options = import_options(py, &name, format, mapping, sheet)?;
        Plan::from_table_bytes(py, &bytes, &options)
    }

    /// A copy of the plan with `edits` applied: one edit (a dict such as
    /// `{"edit": "record_update", "action": "a1", "update": {"date":
    /// "2019-12-31", "note": "...", "by": "..."}}`) or a list of them,
    /// applied all or nothing (the edit kinds are `record_update`,
    /// `set_state`, `set_timescale`, `add_action` and `remove_action`).
    /// Dates may be `datetime.date` or ISO strings. The plan itself is not
    /// changed (plans are immutable). Raises EditError naming the edit, or
    /// ParseError for an edit that does not read.
    fn apply(&self, py: Python<'_>, edits: &Bound<'_, PyAny>) -> PyResult<Plan> {
        let json = convert::dumps_with_dates(edits, "edits")?;
        let edits = lineofsight::plan::Edit::list_from_json(&json)
            .map_err(|e| errors::load_error(py, e))?;
        let mut plan = (*self.inner).clone();
        py.detach(|| plan.apply_all(&edits))
            .map_err(|e| errors::edit_error(py, e))?;
        Ok(Plan {
            inner: Arc::new(plan),
            import_warnings: self.import_warnings.clone(),
            load_warnings: self.load_warnings.clone(),
        })
    }

    /// Writes the plan as native JSON (UTF-8) to `path`, which
    /// `Plan.load(path)` reads back. Raises OSError when it cannot be
    /// written.
    fn save(&self, path: std::path::PathBuf) -> PyResult<()> {
        std::fs::write(path, self.inner.to_json())?;
        Ok(())
    }

    /// A publish-safe copy: named people among the leads replaced by their
    /// role (or "Named officer"), for reports that go on a public website.
    fn redacted(&self) -> Plan {
        Plan {
            inner: Arc::new(lineofsight::export::redact_people(&self.inner)),
            import_warnings: self.import_warnings.clone(),
            load_warnings: self.load_warnings.clone(),
        }
    }

    /// The plan as pretty-printed native JSON.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The plan as a dict (the native JSON's structure).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.inner)
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
    fn status(&self, py: Python<'_>, as_of: Option<&Bound<'_, PyAny>>) -> PyResult<&'static str> {
        let as_of = match as_of {
            Some(d) => date_arg(d, "as_of")?,
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

    /// What the JSON loader did not read (`what`, `path`, `message`): a
    /// field this library does not know, often a misspelling; empty for a
    /// plan not loaded from JSON or loaded with `strict=True`.
    fn load_warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for w in &self.load_warnings {
            let d = PyDict::new(py);
            d.set_item("what", w.what)?;
            d.set_item("path", &w.path)?;
            d.set_item("message", &w.message)?;
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
        as_of: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Evaluation> {
        let as_of = match as_of {
            Some(d) => date_arg(d, "as_of")?,
            None => today(py)?,
        };
        let rules = self.rules_arg(py, rules)?;
        let inner = py.detach(|| self.inner.evaluate(as_of, &rules));
        Ok(Evaluation {
            inner,
            plan: Arc::clone(&self.inner),
        })
    }

    /// The actions whose rating changed between two dates (each a date,
    /// datetime, ISO string, `pandas.Timestamp` or `numpy.datetime64`), by
    /// `rules` (default: the plan's own, else the default rules), as a
    /// Table: `action_id`, `ref`, `from_date`, `to_date`, the ratings
    /// `from` and `to`, and why at each date (`from_reason_code`,
    /// `from_reason_message`, `to_reason_code`, `to_reason_message`). To
    /// compare with last quarter's version of the plan instead, pass it as
    /// `previous` to `Evaluation.board_report`.
    #[pyo3(signature = (from_, to, rules=None))]
    fn changes(
        &self,
        py: Python<'_>,
        from_: &Bound<'_, PyAny>,
        to: &Bound<'_, PyAny>,
        rules: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Table> {
        let from = date_arg(from_, "from_")?;
        let to = date_arg(to, "to")?;
        let rules = self.rules_arg(py, rules)?;
        let changes = py.detach(|| self.inner.changes(from, to, &rules));
        Ok(Table::from_rows("changes", &changes, &[]))
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

/// The JSON Schema of the plan format, as a dict.
#[pyfunction]
pub(crate) fn plan_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let v: serde_json::Value =
        serde_json::from_str(&lineofsight::schema::plan_schema()).unwrap_or_default();
    convert::value_to_py(py, &v, "")
}

/// The names of the built-in plans.
#[pyfunction]
pub(crate) fn builtin_plans() -> Vec<&'static str> {
    lineofsight::BUILTIN_PLANS.to_vec()
}
