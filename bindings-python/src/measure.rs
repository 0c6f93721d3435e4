//! `MeasureRating`: one measure of success rated as of a date; and a
//! measure's words read as a target, and published values.

use lineofsight::measure::{
    derive_rate as derive_rate_core, measure_chart, parse_target as core_parse_target,
    read_ees as read_ees_core, Dataset, EesQuery, ObservedValue, Unit,
};
use lineofsight::rating::RatingStyle;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::args::text_arg;
use crate::convert::{dumps, to_py};
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
    fn reason(&self) -> String {
        self.inner.reason.to_string()
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
            self.inner.measure_id,
            self.inner.reason.message()
        )
    }

    fn _repr_html_(&self) -> String {
        let m = &self.inner;
        let mut out = format!(
            "<div class=\"lineofsight-measure\"><p><strong>{}</strong></p><p>{} {}</p>",
            escape(&m.text),
            chip(m.rating, &self.style),
            escape(&m.reason.message())
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

/// One indicator of an Explore Education Statistics CSV file (`data`, as
/// `str` or `bytes`) as a data set dict (`id`, `title`, `source`,
/// `polarity`, `unit`, `year_end`, `areas`: England, the regions and every
/// local authority with their `values` by period label), the form a plan's
/// `datasets` take. `value_column` is the indicator column
/// (`rate_per_10000`); `filters` maps filter columns to the value each row
/// must have. `polarity` is `"higher_is_better"`, `"lower_is_better"` or
/// `"none"`; `unit` is `"percent"`, `"count"`, `"days"`, `"money"` or a
/// dict such as `{"unit": "rate", "per": 10000}`. Raises EesReadError
/// naming the line and column, ValueError for an unknown polarity or unit.
#[pyfunction]
#[pyo3(signature = (data, *, id, value_column, filters=None, title=None, source="", polarity="none", unit=None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn read_ees<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    id: &str,
    value_column: &str,
    filters: Option<&Bound<'py, PyDict>>,
    title: Option<&str>,
    source: &str,
    polarity: &str,
    unit: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let bytes: Vec<u8> = crate::args::str_or_bytes(data, "data")?;
    let mut pairs = Vec::new();
    if let Some(f) = filters {
        for (k, v) in f.iter() {
            pairs.push((
                text_arg(&k, "a filter column")?,
                text_arg(&v, "a filter value")?,
            ));
        }
    }
    let query = {
        let mut built = EesQuery::new("", "", "", "");
        built.id = id.to_string();
        built.title = title.unwrap_or(id).to_string();
        built.source = source.to_string();
        built.value_column = value_column.to_string();
        built.filters = pairs;
        built.polarity = serde_json::from_value(serde_json::Value::String(polarity.to_string()))
            .map_err(|_| {
                pyo3::exceptions::PyValueError::new_err(format!(
                    "polarity must be \"higher_is_better\", \"lower_is_better\" or \"none\", not {polarity:?}"
                ))
            })?;
        built.unit = unit_arg(unit)?;
        built
    };
    let dataset = py
        .detach(|| read_ees_core(&bytes, &query))
        .map_err(|e| errors::ees_error(py, e))?;
    to_py(py, &dataset)
}

/// A `unit` argument: a unit's name, a dict as a data set writes it, or
/// None for a count.
fn unit_arg(unit: Option<&Bound<'_, PyAny>>) -> PyResult<Unit> {
    let Some(u) = unit else {
        return Ok(Unit::Count);
    };
    let value = if let Ok(s) = u.cast::<PyString>() {
        serde_json::json!({ "unit": s.to_str()? })
    } else if u.is_instance_of::<PyDict>() {
        serde_json::from_str(&dumps(u, "unit")?)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "unit must be str or dict, not {}",
            u.get_type().name()?
        )));
    };
    serde_json::from_value(value.clone()).map_err(|_| {
        pyo3::exceptions::PyValueError::new_err(format!(
            "unit must be \"percent\", \"count\", \"days\", \"money\" or {{\"unit\": \"rate\", \"per\": 10000}}, not {value}"
        ))
    })
}

/// A data set dict (as `read_ees` gives) as the core's data set.
fn dataset_arg(py: Python<'_>, obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Dataset> {
    if !obj.is_instance_of::<PyDict>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{what} must be a dict, not {}",
            obj.get_type().name()?
        )));
    }
    serde_json::from_str(&dumps(obj, what)?)
        .map_err(|e| errors::invalid(py, what, "$", &e.to_string()))
}

/// A rate per `per` from two data set dicts (as `read_ees` gives), area by
/// area: each numerator value over the denominator's value `lag_years`
/// earlier (a mid-year population is a year behind). A suppressed,
/// missing or zero denominator gives a suppressed value. Returns a data
/// set dict. Raises ValidationError for a dict that is not a data set.
#[pyfunction]
#[pyo3(signature = (id, title, numerator, denominator, per, lag_years=0))]
pub(crate) fn derive_rate<'py>(
    py: Python<'py>,
    id: &str,
    title: &str,
    numerator: &Bound<'py, PyAny>,
    denominator: &Bound<'py, PyAny>,
    per: u32,
    lag_years: i32,
) -> PyResult<Bound<'py, PyAny>> {
    let numerator = dataset_arg(py, numerator, "numerator")?;
    let denominator = dataset_arg(py, denominator, "denominator")?;
    let rate = py.detach(|| derive_rate_core(id, title, &numerator, &denominator, per, lag_years));
    to_py(py, &rate)
}
