//! Argument helpers shared by the classes and functions: the default date
//! and `str`-only arguments.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// Today's date from Python's clock: the only place a default date is made.
pub(crate) fn today(py: Python<'_>) -> PyResult<NaiveDate> {
    py.import("datetime")?
        .getattr("date")?
        .call_method0("today")?
        .extract()
}

/// The text of an argument that must be `str`.
pub(crate) fn text_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    obj.cast::<PyString>()
        .map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "{what} must be str, not {}",
                obj.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?
        .to_str()
        .map(str::to_string)
}
