//! Plain data to Python: serde output becomes dicts, lists, str, int,
//! float, bool and None; ISO dates under date-named keys become
//! `datetime.date`.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::Serialize;
use serde_json::Value;

use crate::table::is_date_column;

/// Any serialisable value as Python objects.
pub fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let v = serde_json::to_value(value)
        .map_err(|e| crate::errors::invalid(py, "value", "$", &e.to_string()))?;
    value_to_py(py, &v, "")
}

/// A JSON value as Python objects; `key` is the name it sits under.
pub fn value_to_py<'py>(py: Python<'py>, v: &Value, key: &str) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_pyobject(py)?.into_any(),
            None => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => {
            let date = if is_date_column(key) {
                s.parse::<NaiveDate>().ok()
            } else {
                None
            };
            match date {
                Some(d) => d.into_pyobject(py)?.into_any(),
                None => s.into_pyobject(py)?.into_any(),
            }
        }
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(value_to_py(py, item, key)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let d = PyDict::new(py);
            for (k, item) in map {
                d.set_item(k, value_to_py(py, item, k)?)?;
            }
            d.into_any()
        }
    })
}

/// [`dumps`] where dates and datetimes inside `obj` are written as ISO
/// dates (`2019-12-31`), as the plan's JSON has them.
pub fn dumps_with_dates(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    // Only dates and datetimes; anything else JSON cannot write stays a
    // TypeError naming its type, as json.dumps says it.
    let iso = obj.py().eval(
        c"(lambda d: lambda v: v.date().isoformat() if isinstance(v, d.datetime) else v.isoformat() if isinstance(v, d.date) else (_ for _ in ()).throw(TypeError(f'Object of type {type(v).__name__} is not JSON serializable')))(__import__('datetime'))",
        None,
        None,
    )?;
    dumps_as(obj, what, Some(iso))
}

/// A Python object as JSON text, through the standard `json` module.
pub fn dumps(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    dumps_as(obj, what, None)
}

/// `json.dumps(obj, default=default)`, its failure a ValidationError.
fn dumps_as(
    obj: &Bound<'_, PyAny>,
    what: &str,
    default: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let py = obj.py();
    let json = py.import("json")?;
    let kwargs = pyo3::types::PyDict::new(py);
    if let Some(default) = default {
        kwargs.set_item("default", default)?;
    }
    match json.call_method("dumps", (obj,), Some(&kwargs)) {
        Ok(s) => s.extract::<String>(),
        Err(e) => Err(crate::errors::invalid(
            py,
            what,
            "$",
            &format!("cannot be written as JSON: {}", e.value(py)),
        )),
    }
}
