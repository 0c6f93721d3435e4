//! Tables of plain rows for Python: Arrow (the PyCapsule stream interface),
//! pandas, polars and lists of dicts. A table is one Arrow record batch;
//! the actions table is built column by column straight into it
//! ([`crate::action_table`]), every other table from its rows as below.
//!
//! Rows arrive as the core's serde output. Nested objects are flattened
//! with `_` (`reason.code` becomes `reason_code`), lists of text become
//! Arrow `list<utf8>` (an action's leads), other lists are kept as JSON
//! text, and each column takes one Arrow type: boolean, int64, float64,
//! date32 (for ISO dates in a column whose name says it holds dates), an
//! ordered dictionary of the whole rating scale (for rating codes in a
//! column whose name says it holds ratings), list<utf8> or utf8; a column
//! with no values is typed by its name. Nothing is computed here.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, Int8Builder, ListBuilder,
    StringBuilder,
};
use arrow_array::types::Int8Type;
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, DictionaryArray, Float64Array, Int64Array,
    Int8Array, ListArray, RecordBatch, StringArray, StructArray,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::{Datelike, NaiveDate};
use lineofsight::Rating;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList};
use serde::Serialize;

use crate::columns::{Leaf, RawCol, Sink};
use crate::html;

/// One column's values.
enum Column {
    Bool(Vec<Option<bool>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Date(Vec<Option<NaiveDate>>),
    /// Ratings, as positions in [`Rating::ALL`].
    Rating(Vec<Option<i8>>),
    /// Lists of text, e.g. an action's leads.
    List(ListCol),
    Str(StrCol),
}

/// List cells: runs of items, each a span of one buffer.
struct ListCol {
    text: String,
    items: Vec<(usize, usize)>,
    rows: Vec<Option<(usize, usize)>>,
}

impl ListCol {
    fn get(&self, row: usize) -> Option<impl Iterator<Item = &str> + '_> {
        let (start, end) = self.rows[row]?;
        Some(
            self.items
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .map(|&(s, e)| self.text.get(s..e).unwrap_or_default()),
        )
    }
}

/// Text cells: spans of one buffer.
struct StrCol {
    text: String,
    spans: Vec<Option<(usize, usize)>>,
}

impl StrCol {
    fn get(&self, row: usize) -> Option<&str> {
        self.spans[row].and_then(|(s, e)| self.text.get(s..e))
    }
}

/// A table of rows, e.g. an evaluation's actions: one Arrow record batch.
#[pyclass(frozen, module = "lineofsight._native")]
pub struct Table {
    name: String,
    batch: RecordBatch,
}

/// A column of the batch, read as the type it was built as.
enum View<'a> {
    Bool(&'a BooleanArray),
    Int(&'a Int64Array),
    Float(&'a Float64Array),
    Date(&'a Date32Array),
    /// Ratings: keys into the scale's codes.
    Rating(&'a Int8Array, &'a StringArray),
    List(&'a ListArray),
    Str(&'a StringArray),
    /// A type no table is built with; read as nulls.
    Other,
}

impl<'a> View<'a> {
    fn of(array: &'a ArrayRef) -> View<'a> {
        let any = array.as_any();
        if let Some(a) = any.downcast_ref::<BooleanArray>() {
            View::Bool(a)
        } else if let Some(a) = any.downcast_ref::<Int64Array>() {
            View::Int(a)
        } else if let Some(a) = any.downcast_ref::<Float64Array>() {
            View::Float(a)
        } else if let Some(a) = any.downcast_ref::<Date32Array>() {
            View::Date(a)
        } else if let Some(a) = any.downcast_ref::<DictionaryArray<Int8Type>>() {
            match a.values().as_any().downcast_ref::<StringArray>() {
                Some(values) => View::Rating(a.keys(), values),
                None => View::Other,
            }
        } else if let Some(a) = any.downcast_ref::<ListArray>() {
            View::List(a)
        } else if let Some(a) = any.downcast_ref::<StringArray>() {
            View::Str(a)
        } else {
            View::Other
        }
    }

    fn bool(&self, row: usize) -> Option<bool> {
        match self {
            View::Bool(a) if a.is_valid(row) => Some(a.value(row)),
            _ => None,
        }
    }

    fn int(&self, row: usize) -> Option<i64> {
        match self {
            View::Int(a) if a.is_valid(row) => Some(a.value(row)),
            _ => None,
        }
    }

    fn float(&self, row: usize) -> Option<f64> {
        match self {
            View::Float(a) if a.is_valid(row) => Some(a.value(row)),
            _ => None,
        }
    }

    fn date(&self, row: usize) -> Option<NaiveDate> {
        match self {
            View::Date(a) if a.is_valid(row) => a.value_as_date(row),
            _ => None,
        }
    }

    fn rating(&self, row: usize) -> Option<&'a str> {
        match self {
            View::Rating(keys, values) if keys.is_valid(row) => usize::try_from(keys.value(row))
                .ok()
                .filter(|k| *k < values.len())
                .map(|k| values.value(k)),
            _ => None,
        }
    }

    fn list(&self, row: usize) -> Option<Vec<&'a str>> {
        match self {
            View::List(a) if a.is_valid(row) => {
                let offsets = a.value_offsets();
                let (start, end) = (offsets[row], offsets[row + 1]);
                let values = a.values().as_any().downcast_ref::<StringArray>()?;
                let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
                Some(
                    (start..end)
                        .map(|i| {
                            if values.is_valid(i) {
                                values.value(i)
                            } else {
                                ""
                            }
                        })
                        .collect(),
                )
            }
            _ => None,
        }
    }

    fn str(&self, row: usize) -> Option<&'a str> {
        match self {
            View::Str(a) if a.is_valid(row) => Some(a.value(row)),
            _ => None,
        }
    }

    /// The cell as a Python value: dates as `datetime.date`, ratings as
    /// their codes, lists of text as lists.
    fn to_py<'py>(&self, py: Python<'py>, row: usize) -> PyResult<Bound<'py, PyAny>> {
        Ok(match self {
            View::Bool(_) => self.bool(row).into_pyobject(py)?.to_owned().into_any(),
            View::Int(_) => self.int(row).into_pyobject(py)?.into_any(),
            View::Float(_) => self.float(row).into_pyobject(py)?.into_any(),
            View::Date(_) => self.date(row).into_pyobject(py)?.into_any(),
            View::Rating(..) => self.rating(row).into_pyobject(py)?.into_any(),
            View::List(_) => self.list(row).into_pyobject(py)?.into_any(),
            View::Str(_) => self.str(row).into_pyobject(py)?.into_any(),
            View::Other => py.None().into_bound(py),
        })
    }

    /// The text of a cell, for display.
    fn text(&self, row: usize) -> Option<String> {
        match self {
            View::Bool(_) => self
                .bool(row)
                .map(|b| if b { "True" } else { "False" }.to_string()),
            View::Int(_) => self.int(row).map(|x| x.to_string()),
            View::Float(_) => self.float(row).map(|x| x.to_string()),
            View::Date(_) => self.date(row).map(|d| d.to_string()),
            View::Rating(..) => self.rating(row).map(str::to_string),
            View::List(_) => self.list(row).map(|items| items.join("; ")),
            View::Str(_) => self.str(row).map(str::to_string),
            View::Other => None,
        }
    }
}

/// Whether a column of this name holds dates (`due`, `as_of`,
/// `latest_end`, a report's `since`).
pub fn is_date_column(name: &str) -> bool {
    let last = name.rsplit('_').next().unwrap_or(name);
    matches!(
        last,
        "due" | "date" | "end" | "ended" | "start" | "of" | "on" | "published" | "since"
    )
}

/// Whether a column of this name holds ratings (`rating`, `computed`,
/// `recorded`, a measure's `latest_rating`, a change's `from` and `to`).
pub fn is_rating_column(name: &str) -> bool {
    matches!(name, "rating" | "computed" | "recorded" | "from" | "to") || name.ends_with("_rating")
}

/// A rating code's position on the scale, [`Rating::ALL`] order.
fn scale_position(code: &str) -> Option<i8> {
    Rating::ALL
        .iter()
        .position(|r| r.code() == code)
        .and_then(|i| i8::try_from(i).ok())
}

/// The codes of the whole scale, worst first: a rating column's categories.
pub fn rating_codes() -> Vec<&'static str> {
    Rating::ALL.iter().map(|r| r.code()).collect()
}

fn days_since_epoch(d: NaiveDate) -> i32 {
    d.num_days_from_ce() - 719_163
}

impl Table {
    /// A table of `rows`, dropping the top-level fields named in `skip`.
    pub fn from_rows<T: Serialize>(name: &str, rows: &[T], skip: &'static [&'static str]) -> Table {
        Table::from_rows_led(name, rows, skip, &[])
    }

    /// A table of `rows` as [`Table::from_rows`] makes it, with the columns
    /// named in `first` moved to the front in that order (the others keep
    /// theirs).
    pub fn from_rows_led<T: Serialize>(
        name: &str,
        rows: &[T],
        skip: &'static [&'static str],
        first: &[&str],
    ) -> Table {
        let mut sink = Sink::default();
        for row in rows {
            sink.push(row, skip);
        }
        let (names, cols, n) = sink.finish();
        let mut led: Vec<(String, RawCol)> = names.into_iter().zip(cols).collect();
        led.sort_by_key(|(n, _)| first.iter().position(|f| f == n).unwrap_or(first.len()));
        let (names, cols): (Vec<String>, Vec<RawCol>) = led.into_iter().unzip();
        let columns: Vec<Column> = cols
            .into_iter()
            .zip(&names)
            .map(|(col, name)| typed(name, col))
            .collect();
        Table::new(name, &names, &columns, n)
    }

    fn new(name: &str, names: &[String], columns: &[Column], rows: usize) -> Table {
        let mut fields = Vec::with_capacity(columns.len());
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(columns.len());
        for (name, col) in names.iter().zip(columns) {
            let (dt, array): (DataType, ArrayRef) = match col {
                Column::Bool(v) => {
                    let mut b = BooleanBuilder::with_capacity(v.len());
                    v.iter().for_each(|x| b.append_option(*x));
                    (DataType::Boolean, Arc::new(b.finish()))
                }
                Column::Int(v) => {
                    let mut b = Int64Builder::with_capacity(v.len());
                    v.iter().for_each(|x| b.append_option(*x));
                    (DataType::Int64, Arc::new(b.finish()))
                }
                Column::Float(v) => {
                    let mut b = Float64Builder::with_capacity(v.len());
                    v.iter().for_each(|x| b.append_option(*x));
                    (DataType::Float64, Arc::new(b.finish()))
                }
                Column::Date(v) => {
                    let mut b = Date32Builder::with_capacity(v.len());
                    v.iter()
                        .for_each(|x| b.append_option(x.map(days_since_epoch)));
                    (DataType::Date32, Arc::new(b.finish()))
                }
                Column::Str(v) => {
                    let mut b = StringBuilder::with_capacity(v.spans.len(), v.text.len());
                    (0..v.spans.len()).for_each(|i| b.append_option(v.get(i)));
                    (DataType::Utf8, Arc::new(b.finish()))
                }
                Column::Rating(v) => {
                    let mut keys = Int8Builder::with_capacity(v.len());
                    v.iter().for_each(|x| keys.append_option(*x));
                    let scale: ArrayRef = Arc::new(StringArray::from(rating_codes()));
                    let dt =
                        DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8));
                    match DictionaryArray::<Int8Type>::try_new(keys.finish(), scale) {
                        Ok(a) => (dt, Arc::new(a)),
                        // Every key is a position in the scale, so this is
                        // not reached; the column is then left empty.
                        Err(_) => (
                            DataType::Utf8,
                            Arc::new(StringArray::from(vec![None::<&str>; v.len()])),
                        ),
                    }
                }
                Column::List(v) => {
                    let mut b = ListBuilder::with_capacity(
                        StringBuilder::with_capacity(v.items.len(), v.text.len()),
                        v.rows.len(),
                    );
                    for row in 0..v.rows.len() {
                        match v.get(row) {
                            Some(items) => {
                                items.for_each(|t| b.values().append_value(t));
                                b.append(true);
                            }
                            None => b.append(false),
                        }
                    }
                    let array = b.finish();
                    (
                        arrow_array::Array::data_type(&array).clone(),
                        Arc::new(array),
                    )
                }
            };
            let ordered = matches!(dt, DataType::Dictionary(..));
            fields.push(Field::new(name, dt, true).with_dict_is_ordered(ordered));
            arrays.push(array);
        }
        let schema: SchemaRef = Arc::new(Schema::new(fields));
        let options = arrow_array::RecordBatchOptions::new().with_row_count(Some(rows));
        let batch = RecordBatch::try_new_with_options(schema.clone(), arrays, &options)
            .unwrap_or_else(|_| RecordBatch::new_empty(schema));
        Table::from_batch(name, batch)
    }

    /// A table of a record batch built column by column (see
    /// [`crate::action_table`]).
    pub fn from_batch(name: &str, batch: RecordBatch) -> Table {
        Table {
            name: name.to_string(),
            batch,
        }
    }

    /// The column names, in order.
    fn names(&self) -> Vec<String> {
        self.batch
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// Each column, read as its type.
    fn views(&self) -> Vec<View<'_>> {
        self.batch.columns().iter().map(View::of).collect()
    }
}

/// The one type for a column of cells.
fn typed(name: &str, raw: RawCol) -> Column {
    let RawCol {
        cells,
        mut text,
        items,
    } = raw;
    let non_null = || cells.iter().filter(|v| **v != Leaf::Null);
    // A column with no values at all (no action has commentary yet) is
    // typed by its name, as a date or text, not as whatever comes first.
    if non_null().next().is_none() {
        return if is_date_column(name) {
            Column::Date(vec![None; cells.len()])
        } else if is_rating_column(name) {
            Column::Rating(vec![None; cells.len()])
        } else {
            Column::Str(StrCol {
                text,
                spans: vec![None; cells.len()],
            })
        };
    }
    if non_null().all(|v| matches!(v, Leaf::Bool(_))) {
        return Column::Bool(
            cells
                .iter()
                .map(|v| match v {
                    Leaf::Bool(b) => Some(*b),
                    _ => None,
                })
                .collect(),
        );
    }
    if non_null().all(|v| matches!(v, Leaf::Int(_))) {
        return Column::Int(
            cells
                .iter()
                .map(|v| match v {
                    Leaf::Int(i) => Some(*i),
                    _ => None,
                })
                .collect(),
        );
    }
    if non_null().all(|v| matches!(v, Leaf::Int(_) | Leaf::Float(_))) {
        return Column::Float(
            cells
                .iter()
                .map(|v| match v {
                    Leaf::Int(i) => Some(*i as f64),
                    Leaf::Float(f) => Some(*f),
                    _ => None,
                })
                .collect(),
        );
    }
    let date = |v: &Leaf| match v {
        Leaf::Str(s, e) => text.get(*s..*e).and_then(|t| t.parse::<NaiveDate>().ok()),
        _ => None,
    };
    if is_date_column(name) && non_null().all(|v| date(v).is_some()) {
        return Column::Date(cells.iter().map(date).collect());
    }
    let rating = |v: &Leaf| match v {
        Leaf::Str(s, e) => text.get(*s..*e).and_then(scale_position),
        _ => None,
    };
    if is_rating_column(name) && non_null().all(|v| rating(v).is_some()) {
        return Column::Rating(cells.iter().map(rating).collect());
    }
    if non_null().all(|v| matches!(v, Leaf::List(..))) {
        let rows = cells
            .iter()
            .map(|v| match v {
                Leaf::List(s, e) => Some((*s, *e)),
                _ => None,
            })
            .collect();
        return Column::List(ListCol { text, items, rows });
    }
    let mut spans = Vec::with_capacity(cells.len());
    for v in &cells {
        let shown = match v {
            Leaf::Null => None,
            Leaf::Str(s, e) => Some((*s, *e)),
            Leaf::Bool(b) => Some(append(&mut text, &b.to_string())),
            Leaf::Int(i) => Some(append(&mut text, &i.to_string())),
            Leaf::Float(f) => Some(append(&mut text, &f.to_string())),
            Leaf::List(s, e) => {
                let json = {
                    let list: Vec<&str> = items
                        .get(*s..*e)
                        .unwrap_or_default()
                        .iter()
                        .map(|&(s, e)| text.get(s..e).unwrap_or_default())
                        .collect();
                    serde_json::to_string(&list).unwrap_or_default()
                };
                Some(append(&mut text, &json))
            }
        };
        spans.push(shown);
    }
    Column::Str(StrCol { text, spans })
}

fn append(text: &mut String, s: &str) -> (usize, usize) {
    let start = text.len();
    text.push_str(s);
    (start, text.len())
}

/// Imports an optional module, with a message naming what to install.
pub(crate) fn need<'py>(
    py: Python<'py>,
    module: &str,
    for_what: &str,
) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|_| {
        PyImportError::new_err(format!(
            "{for_what} needs the {module} package, which is not installed: pip install {module}"
        ))
    })
}

#[pymethods]
impl Table {
    /// The table's name (`actions`, `objectives`, `measures`, `discrepancies`).
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// The column names, in order.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.names()
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        let names = self.names();
        let shown: Vec<&str> = names.iter().take(8).map(String::as_str).collect();
        let more = if names.len() > 8 { ", …" } else { "" };
        format!(
            "<lineofsight.Table {} {}×{}: {}{more}>",
            self.name,
            self.batch.num_rows(),
            names.len(),
            shown.join(", ")
        )
    }

    /// The Arrow schema, as an Arrow PyCapsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        Ok(pyo3_arrow::ffi::to_schema_pycapsule(
            py,
            self.batch.schema_ref().as_ref(),
        )?)
    }

    /// The rows as an Arrow C stream (the Arrow PyCapsule interface), for
    /// pyarrow, polars, pandas, duckdb and others.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let batch = self.batch.clone();
        let field = Arc::new(Field::new_struct(
            "",
            self.batch.schema_ref().fields().clone(),
            false,
        ));
        let arrays = std::iter::once(Ok(Arc::new(StructArray::from(batch)) as ArrayRef));
        let reader = Box::new(pyo3_arrow::ffi::ArrayIterator::new(arrays, field));
        Ok(pyo3_arrow::ffi::to_stream_pycapsule(
            py,
            reader,
            requested_schema,
        )?)
    }

    /// The rows as a list of dicts (dates as `datetime.date`, ratings as
    /// their codes, lists of text as lists).
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let keys: Vec<Bound<'py, PyAny>> = self
            .names()
            .iter()
            .map(|n| pyo3::types::PyString::intern(py, n).into_any())
            .collect();
        let views = self.views();
        let list = PyList::empty(py);
        for row in 0..self.batch.num_rows() {
            let d = PyDict::new(py);
            for (key, view) in keys.iter().zip(&views) {
                d.set_item(key, view.to_py(py, row)?)?;
            }
            list.append(d)?;
        }
        Ok(list)
    }

    /// The table as a `pyarrow.Table` (through the Arrow stream), with the
    /// column types of the stream: dates `date32`, ratings ordered
    /// dictionaries of the whole scale, lists of text `list<utf8>`.
    fn to_arrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        need(slf.py(), "pyarrow", "Table.to_arrow()")?.call_method1("table", (slf,))
    }

    /// The table as a pandas DataFrame (through pyarrow when it is
    /// installed, else from the records): dates as `datetime64`, so `.dt`
    /// works; ratings as an ordered `Categorical` of the whole scale, worst
    /// first, so sorting sorts by severity; lists of text (an action's
    /// leads) as list-likes that `explode` takes apart.
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let pandas = need(py, "pandas", "Table.to_pandas()")?;
        if let Ok(pa) = py.import("pyarrow") {
            let kwargs = PyDict::new(py);
            kwargs.set_item("date_as_object", false)?;
            return pa
                .call_method1("table", (slf,))?
                .call_method("to_pandas", (), Some(&kwargs));
        }
        let this = slf.get();
        let names = this.names();
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", names.clone())?;
        let df = pandas.call_method("DataFrame", (this.records(py)?,), Some(&kwargs))?;
        let typed_columns = PyDict::new(py);
        for (name, view) in names.iter().zip(this.views()) {
            let values = df.get_item(name)?;
            let typed = match view {
                View::Date(_) => pandas.call_method1("to_datetime", (values,))?,
                View::Rating(..) => {
                    let kwargs = PyDict::new(py);
                    kwargs.set_item("categories", rating_codes())?;
                    kwargs.set_item("ordered", true)?;
                    pandas.call_method("Categorical", (values,), Some(&kwargs))?
                }
                _ => continue,
            };
            typed_columns.set_item(name, typed)?;
        }
        df.call_method("assign", (), Some(&typed_columns))
    }

    /// The table as a polars DataFrame (through the Arrow stream): dates
    /// as `Date`, ratings as an `Enum` of the whole scale, worst first, so
    /// sorting sorts by severity; lists of text as `List(String)`.
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let polars = need(slf.py(), "polars", "Table.to_polars()")?;
        let df = polars.call_method1("DataFrame", (slf,))?;
        let this = slf.get();
        let names = this.names();
        let ratings: Vec<&String> = names
            .iter()
            .zip(this.views())
            .filter(|(_, v)| matches!(v, View::Rating(..)))
            .map(|(n, _)| n)
            .collect();
        if ratings.is_empty() {
            return Ok(df);
        }
        let scale = polars.call_method1("Enum", (rating_codes(),))?;
        let casts = PyDict::new(slf.py());
        for name in ratings {
            let col = polars.call_method1("col", (name,))?;
            casts.set_item(name, col.call_method1("cast", (&scale,))?)?;
        }
        df.call_method("with_columns", (), Some(&casts))
    }

    /// An HTML table of the first rows, ratings shown as chips.
    fn _repr_html_(&self) -> String {
        let limit = 20;
        let rows = self.batch.num_rows();
        let mut out = format!(
            "<div class=\"lineofsight-table\"><p><strong>{}</strong>: {} rows</p><table><thead><tr>",
            html::escape(&self.name),
            rows
        );
        let views = self.views();
        for n in &self.names() {
            out.push_str(&format!("<th>{}</th>", html::escape(n)));
        }
        out.push_str("</tr></thead><tbody>");
        for row in 0..rows.min(limit) {
            out.push_str("<tr>");
            for view in &views {
                let text = view.text(row).unwrap_or_default();
                let is_rating = matches!(view, View::Rating(..));
                let cell = if is_rating && !text.is_empty() {
                    html::chip_for_code(&text)
                } else {
                    html::escape(&text)
                };
                out.push_str(&format!("<td>{cell}</td>"));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
        if rows > limit {
            out.push_str(&format!("<p>… {} more rows</p>", rows - limit));
        }
        out.push_str("</div>");
        out
    }
}
