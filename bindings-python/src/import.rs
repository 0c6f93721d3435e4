//! Table import options from Python arguments: the format by name and the
//! mapping as a dict or a path to JSON.

use lineofsight::import::{ImportOptions, TableFormat};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::dumps;
use crate::errors;

fn table_format(py: Python<'_>, name: &str) -> PyResult<TableFormat> {
    name.parse::<TableFormat>()
        .map_err(|e| errors::invalid(py, "import options", "$.format", &e.to_string()))
}

pub(crate) fn import_options(
    py: Python<'_>,
    input_name: &str,
    format: Option<&str>,
    mapping: Option<&Bound<'_, PyAny>>,
    sheet: Option<String>,
) -> PyResult<ImportOptions> {
    let mut options = match mapping {
        None => ImportOptions::default(),
        Some(m) if m.is_instance_of::<PyDict>() => {
            ImportOptions::from_json(&dumps(m, "import mapping")?)
                .map_err(|e| errors::import_error(py, e))?
        }
        Some(m) => {
            let path: std::path::PathBuf = m.extract()?;
            let text = std::fs::read_to_string(&path)?;
            ImportOptions::from_json(&text).map_err(|e| errors::import_error(py, e))?
        }
    };
    options.input_name = input_name.to_string();
    if let Some(f) = format {
        options.format = table_format(py, f)?;
    }
    if sheet.is_some() {
        options.sheet = sheet;
    }
    Ok(options)
}
