//! LAIT quartile bands for a long table of values.

use lineofsight::measure::{
    quartile_bands as core_quartile_bands, BandInput, ObservedValue, Polarity,
};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::errors;

/// A group key: an int or a str.
#[derive(Hash, PartialEq, Eq)]
enum Key {
    Int(i64),
    Text(String),
}

/// The items of a list or tuple (or any sequence), without copying them.
fn items<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{what} must be a sequence of values, not {}",
            obj.get_type().name()?
        )));
    }
    obj.try_iter()?.collect()
}

fn type_error(what: &str, i: usize, v: &Bound<'_, PyAny>) -> PyErr {
    pyo3::exceptions::PyTypeError::new_err(format!(
        "{what}[{i}] must be a number, str or None, not {}",
        v.get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default()
    ))
}

fn polarity_of(py: Python<'_>, text: &str, at: usize) -> PyResult<Polarity> {
    Polarity::from_lait(text)
        .or_else(|| text.parse().ok())
        .ok_or_else(|| {
            errors::invalid(
                py,
                "argument",
                &format!("polarities[{at}]"),
                &format!("unknown polarity {text:?} (High, Low, -, higher_is_better, lower_is_better, none)"),
            )
        })
}

/// LAIT quartile bands (`A` best … `D`) for a long table of values: each
/// group's (indicator and period's) quartiles come from its values with
/// `in_quartiles` true (default: all), and every value is banded under its
/// polarity (`High`, `Low`, `-`). Suppressed or missing values, values
/// without polarity and groups with nothing counted give None. Values may be
/// floats or published text (`1,699`, `c`); other text raises
/// ValueParseError; lists of different lengths raise ValidationError.
#[pyfunction]
#[pyo3(signature = (values, groups, polarities, in_quartiles=None))]
pub(crate) fn quartile_bands(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    groups: &Bound<'_, PyAny>,
    polarities: &Bound<'_, PyAny>,
    in_quartiles: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Option<&'static str>>> {
    let values = items(values, "values")?;
    let groups = items(groups, "groups")?;
    let polarities = items(polarities, "polarities")?;
    let in_quartiles = in_quartiles.map(|q| items(q, "in_quartiles")).transpose()?;
    let n = values.len();
    let lengths = [
        ("groups", groups.len()),
        ("polarities", polarities.len()),
        ("in_quartiles", in_quartiles.as_ref().map_or(n, Vec::len)),
    ];
    for (name, len) in lengths {
        if len != n {
            return Err(errors::invalid(
                py,
                "argument",
                name,
                &format!("has {len} items but values has {n}"),
            ));
        }
    }
    let mut ids: std::collections::HashMap<Key, u32> = Default::default();
    let mut known: std::collections::HashMap<String, Polarity> = Default::default();
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let v = &values[i];
        let value = if v.is_none() {
            f64::NAN
        } else if let Ok(s) = v.cast::<PyString>() {
            ObservedValue::parse(s.to_str()?)
                .map_err(|e| errors::value_error(py, e))?
                .number()
                .unwrap_or(f64::NAN)
        } else if v.is_instance_of::<pyo3::types::PyFloat>()
            || v.is_instance_of::<pyo3::types::PyInt>()
        {
            v.extract::<f64>()?
        } else {
            return Err(type_error("values", i, v));
        };
        let g = &groups[i];
        let key = if let Ok(s) = g.cast::<PyString>() {
            Key::Text(s.to_str()?.to_string())
        } else if g.is_instance_of::<pyo3::types::PyInt>() {
            Key::Int(g.extract()?)
        } else {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "groups[{i}] must be an int or str, not {}",
                g.get_type().name()?
            )));
        };
        let next = ids.len() as u32;
        let group = *ids.entry(key).or_insert(next);
        let p = polarities[i].cast::<PyString>().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!("polarities[{i}] must be str"))
        })?;
        let p = p.to_str()?;
        let polarity = match known.get(p) {
            Some(x) => *x,
            None => {
                let x = polarity_of(py, p, i)?;
                known.insert(p.to_string(), x);
                x
            }
        };
        let counted = match &in_quartiles {
            None => true,
            Some(q) => q[i].is_truthy()?,
        };
        rows.push(BandInput {
            value,
            group,
            polarity,
            in_quartiles: counted,
        });
    }
    let bands = py.detach(|| core_quartile_bands(&rows));
    Ok(bands
        .into_iter()
        .map(|b| {
            b.map(|b| match b {
                lineofsight::measure::QuartileBand::A => "A",
                lineofsight::measure::QuartileBand::B => "B",
                lineofsight::measure::QuartileBand::C => "C",
                lineofsight::measure::QuartileBand::D => "D",
            })
        })
        .collect())
}
