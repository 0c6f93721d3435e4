//! Ratings as councils write them (`Amber/Green`, `R`, `Complete`) and the
//! codes Python sees (`amber_green`, `red`, `blue`).

use lineofsight::rating::Rating;
use pyo3::prelude::*;

use crate::args::text_arg;
use crate::errors;

pub(crate) fn code(r: Rating) -> String {
    r.code().to_string()
}

/// A recorded rating as councils write it (`Amber/Green`, `R`, `Complete`)
/// as its code (`amber_green`, `red`, `blue`). Raises RatingParseError.
#[pyfunction]
pub(crate) fn parse_rating(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = text_arg(text, "text")?;
    Rating::parse(&text)
        .map(code)
        .map_err(|e| errors::rating_error(py, e))
}

/// Many recorded ratings at once. `errors="raise"` raises RatingParseError
/// at the first unknown spelling; `errors="none"` gives None for it.
#[pyfunction]
#[pyo3(signature = (texts, *, errors="raise"))]
pub(crate) fn parse_ratings(
    py: Python<'_>,
    texts: Vec<Option<String>>,
    errors: &str,
) -> PyResult<Vec<Option<String>>> {
    let raise = match errors {
        "raise" => true,
        "none" => false,
        other => {
            return Err(errors::invalid(
                py,
                "argument",
                "errors",
                &format!("must be \"raise\" or \"none\", not {other:?}"),
            ))
        }
    };
    texts
        .iter()
        .map(|t| match t {
            None => Ok(None),
            Some(t) => match Rating::parse(t) {
                Ok(r) => Ok(Some(code(r))),
                Err(e) if raise => Err(errors::rating_error(py, e)),
                Err(_) => Ok(None),
            },
        })
        .collect()
}
