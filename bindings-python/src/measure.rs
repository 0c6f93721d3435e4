//! `MeasureRating`: one measure of success rated as of a date; and a
//! measure's words read as a target, and published values.

use lineofsight::measure::{measure_chart, parse_target as core_parse_target, ObservedValue};
use lineofsight::rating::RatingStyle;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::args::text_arg;
use crate::convert::to_py;
use crate::errors;
use crate::html::{chip, escape};
use crate::rating::code;
use crate::table::Table;

/// One measure of success rated as of a date.
#[pyclass(frozen, module = "lineofsight._native")]
pub(crate) struct MeasureRating {
    pub(crate) inner: lineofsight::measure::MeasureRating,
    pub(crate) style: RatingStyle,
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
pub(crate) fn parse_target<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    to_py(py, &core_parse_target(&text))
}

/// Many measures' words at once, as `parse_target`.
#[pyfunction]
pub(crate) fn parse_targets<'py>(
    py: Python<'py>,
    texts: Vec<String>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for t in &texts {
        list.append(to_py(py, &core_parse_target(t))?)?;
    }
    Ok(list)
}

/// A published value (`1,699`, `45%`, `c`, `x`) as a float, or None when
/// suppressed. Raises ValueParseError.
#[pyfunction]
pub(crate) fn parse_value(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
    let text = text_arg(text, "text")?;
    ObservedValue::parse(&text)
        .map(ObservedValue::number)
        .map_err(|e| errors::value_error(py, e))
}
