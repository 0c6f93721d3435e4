//! Timescales as written (`Nov 18 – Nov 19`, `Dec-19`) and their due dates.

use chrono::NaiveDate;
use lineofsight::timescale::{ParsedTimescale, Timescale};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::args::text_arg;
use crate::convert::to_py;
use crate::errors;

/// A timescale as written (`Nov 18 – Nov 19`, `Dec-19`) parsed into a dict:
/// `raw`, `kind`, the dates of its kind, `due` (a date or None),
/// `problems` and `unused` (the words and numbers not read, e.g. `["19"]`
/// for `Nov 18-19`; one that looks like part of a date is also a problem of
/// kind `ignored`, a warning). With `strict=True`, raises
/// TimescaleParseError when the text is not understood, names an impossible
/// date or has date text that was not read.
#[pyfunction]
#[pyo3(signature = (text, *, strict=false))]
pub(crate) fn parse_timescale<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    strict: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    let t = if strict {
        Timescale::parse_strict(&text).map_err(|e| errors::timescale_error(py, e))?
    } else {
        Timescale::parse(&text)
    };
    to_py(py, &ParsedTimescale::from(&t))
}

/// Many timescales at once: a list of dicts, as `parse_timescale`.
#[pyfunction]
pub(crate) fn parse_timescales<'py>(
    py: Python<'py>,
    texts: Vec<String>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for t in &texts {
        list.append(to_py(py, &ParsedTimescale::from(&Timescale::parse(t)))?)?;
    }
    Ok(list)
}

/// The due date of each timescale (None where there is none).
#[pyfunction]
pub(crate) fn due_dates(py: Python<'_>, texts: Vec<String>) -> Vec<Option<NaiveDate>> {
    py.detach(|| texts.iter().map(|t| Timescale::parse(t).due()).collect())
}
