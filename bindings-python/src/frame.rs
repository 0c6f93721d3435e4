//! `Plan.from_arrow` and `Plan.from_frame`: a plan from a table (pyarrow,
//! polars, pandas, DuckDB: anything with `__arrow_c_stream__`) with the
//! columns of the plan's own CSV export, or any tracker's columns, without
//! JSON or CSV text in between. Each Arrow column is written out as the
//! text cells the core's importer reads (`import::import_cells`): text as
//! it is, dates (date32, date64, timestamps) as ISO 8601 days, numbers and
//! booleans as Arrow writes them, nulls as empty cells; a list, struct or
//! map column is refused. Nothing is inferred here.

use arrow_array::{Array, ArrayRef, StringArray};
use arrow_schema::DataType;
use lineofsight::import::ImportOptions;
use pyo3::prelude::*;
use pyo3_arrow::PyRecordBatchReader;

use crate::errors::ColumnProblem;

/// The column as text, one cell a row: dates as ISO days.
fn text_column(array: &ArrayRef, name: &str) -> Result<StringArray, ColumnProblem> {
    let wrong = |reason: String| ColumnProblem::WrongType {
        table: "table",
        column: name.to_string(),
        found: array.data_type().to_string(),
        expected: "text (utf8), a date or a number".into(),
        reason,
    };
    // Arrow would write a list or a struct as one text (`[a, b]`), which
    // no column of a plan's table holds.
    if array.data_type().is_nested() {
        return Err(wrong("a list, struct or map is not one cell's text".into()));
    }
    let dated;
    let source = match array.data_type() {
        DataType::Timestamp(..) | DataType::Date64 => {
            dated = arrow_cast::cast(array, &DataType::Date32).map_err(|e| wrong(e.to_string()))?;
            &dated
        }
        _ => array,
    };
    let text = arrow_cast::cast(source, &DataType::Utf8).map_err(|e| wrong(e.to_string()))?;
    text.as_any()
        .downcast_ref::<StringArray>()
        .cloned()
        .ok_or_else(|| wrong("not text".into()))
}

/// The header and the rows of cells of every batch of the stream.
fn cells(
    reader: Box<dyn arrow_array::RecordBatchReader + Send>,
) -> Result<(Vec<String>, Vec<Vec<String>>), ColumnProblem> {
    let header: Vec<String> = reader
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for batch in reader {
        let batch = batch.map_err(ColumnProblem::unreadable_stream)?;
        let columns = batch
            .columns()
            .iter()
            .zip(&header)
            .map(|(a, name)| text_column(a, name))
            .collect::<Result<Vec<_>, _>>()?;
        rows.reserve(batch.num_rows());
        for r in 0..batch.num_rows() {
            rows.push(
                columns
                    .iter()
                    .map(|c| {
                        if c.is_valid(r) {
                            c.value(r).to_string()
                        } else {
                            String::new()
                        }
                    })
                    .collect(),
            );
        }
    }
    Ok((header, rows))
}

/// The plan the table's rows make, with the import report's warnings.
pub(crate) fn import(
    py: Python<'_>,
    table: &Bound<'_, PyAny>,
    options: &ImportOptions,
) -> PyResult<(lineofsight::Plan, lineofsight::import::ImportReport)> {
    let stream: PyRecordBatchReader = crate::columnar::stream_arg(table, "table")?.extract()?;
    let reader = stream.into_reader()?;
    let (header, rows) = py
        .detach(|| cells(reader))
        .map_err(|p| crate::errors::column_error(py, p))?;
    py.detach(|| lineofsight::import::import_cells(header, rows, options))
        .map_err(|e| crate::errors::import_error(py, e))
}
