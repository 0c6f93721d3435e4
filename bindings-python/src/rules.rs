//! `RuleSet`: how actions are rated and ratings rolled up, and its schema.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{self, dumps, to_py};
use crate::errors;

/// A rule set: how actions are rated and ratings rolled up.
#[pyclass(frozen, eq, module = "lineofsight._native")]
#[derive(Clone, PartialEq)]
pub(crate) struct RuleSet {
    pub(crate) inner: lineofsight::RuleSet,
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
    pub(crate) fn from_dict(py: Python<'_>, rules: &Bound<'_, PyAny>) -> PyResult<Self> {
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

/// A `rules` argument: a RuleSet or a dict shaped as `rules_schema()`.
pub(crate) fn rules_arg(py: Python<'_>, r: &Bound<'_, PyAny>) -> PyResult<lineofsight::RuleSet> {
    if let Ok(r) = r.cast::<RuleSet>() {
        Ok(r.get().inner.clone())
    } else if r.is_instance_of::<PyDict>() {
        Ok(RuleSet::from_dict(py, r)?.inner)
    } else {
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "rules must be a RuleSet or a dict, not {}",
            r.get_type().name()?
        )))
    }
}

/// The JSON Schema of a rule set, as a dict.
#[pyfunction]
pub(crate) fn rules_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let v: serde_json::Value =
        serde_json::from_str(&lineofsight::schema::rules_schema()).unwrap_or_default();
    convert::value_to_py(py, &v, "")
}
