//! Period labels (`2019/20`, `Q3 2019/20`) and Explore Education
//! Statistics periods.

use pyo3::prelude::*;

use crate::args::text_arg;
use crate::convert::to_py;
use crate::errors;

/// A period label (`2019/20`, `Q3 2019/20`, `2018 (Rev)`) as a dict with its
/// `kind`, `start`, `end` and `status`; a bare year ends in March or
/// December as `year_end` says. Raises PeriodParseError.
#[pyfunction]
#[pyo3(signature = (label, year_end = "december"))]
pub(crate) fn parse_period<'py>(
    py: Python<'py>,
    label: &Bound<'py, PyAny>,
    year_end: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let label = text_arg(label, "label")?;
    let year_end: lineofsight::measure::YearEnd =
        year_end.parse().map_err(|e: lineofsight::UnknownWord| {
            pyo3::exceptions::PyValueError::new_err(e.to_string())
        })?;
    let period = lineofsight::measure::Period::parse(&label, year_end)
        .map_err(|e| errors::period_error(py, e))?;
    to_py(py, &period)
}

/// An Explore Education Statistics `time_period` and `time_identifier`
/// (`201920`, `Financial year`) as a period dict. Raises PeriodParseError.
#[pyfunction]
pub(crate) fn parse_ees_period<'py>(
    py: Python<'py>,
    time_period: &Bound<'py, PyAny>,
    time_identifier: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = text_arg(time_period, "time_period")?;
    let ti = text_arg(time_identifier, "time_identifier")?;
    let period = lineofsight::measure::Period::from_ees(&tp, &ti)
        .map_err(|e| errors::period_error(py, e))?;
    to_py(py, &period)
}
