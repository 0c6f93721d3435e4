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

/// A date argument: `datetime.date`, `datetime.datetime` (its date),
/// an ISO string (`"2019-12-31"`), `pandas.Timestamp` or
/// `numpy.datetime64`. Anything else is a TypeError naming what was given;
/// a string that is not an ISO date is a ValueError.
pub(crate) fn date_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDate> {
    let py = obj.py();
    let datetime = py.import("datetime")?;
    if obj.is_instance(&datetime.getattr("datetime")?)? {
        return obj.call_method0("date")?.extract();
    }
    if obj.is_instance(&datetime.getattr("date")?)? {
        return obj.extract();
    }
    let iso = |text: &str| {
        let day = text.trim().get(..10).unwrap_or(text.trim());
        NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
            pyo3::exceptions::PyValueError::new_err(format!(
                "{what} must be an ISO date like \"2019-12-31\", not {text:?}"
            ))
        })
    };
    if let Ok(s) = obj.cast::<PyString>() {
        return iso(s.to_str()?);
    }
    let type_name = obj.get_type().name()?.to_string();
    match type_name.as_str() {
        // pandas.Timestamp is a datetime subclass (handled above); NaT is not.
        "datetime64" => iso(&obj.str()?.to_string()),
        _ => Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{what} must be a date, datetime, ISO string, pandas.Timestamp or numpy.datetime64, not {type_name}"
        ))),
    }
}

/// The bytes of a `str` (as UTF-8) or `bytes` argument; anything else is a
/// TypeError naming the argument and what was given.
pub(crate) fn str_or_bytes(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u8>> {
    if let Ok(s) = obj.cast::<PyString>() {
        Ok(s.to_str()?.as_bytes().to_vec())
    } else if let Ok(b) = obj.cast::<pyo3::types::PyBytes>() {
        Ok(b.as_bytes().to_vec())
    } else {
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{what} must be str or bytes, not {}",
            obj.get_type().name()?
        )))
    }
}
