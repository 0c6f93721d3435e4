//! `rate_actions`: the core's columnar rating (`lineofsight::rules::columns`)
//! over Arrow tables, in and out through the Arrow PyCapsule interface, with
//! no Python object per row.
//!
//! Input: anything with `__arrow_c_stream__` (a pyarrow Table or
//! RecordBatchReader, a polars DataFrame, a pandas DataFrame on pandas
//! 2.2+, a DuckDB relation's `.arrow()`). Columns, by name (others are
//! ignored; every one but the timescale may be absent):
//!
//! | column | Arrow type | meaning |
//! |---|---|---|
//! | `timescale` | utf8 (any string or dictionary-of-string type) | the timescale as written; each distinct text is parsed once |
//! | `due` | date32 (or anything castable to it) | instead of `timescale`: a due date |
//! | `state` | utf8: `not_started`, `in_progress`, `complete`, `deferred`, `cancelled` | null: in progress |
//! | `start` | date32 | when work started (expected-progress rule) |
//! | `last_update` | date32 | the latest dated progress update on or before `as_of` |
//! | `percent_complete` | float64 (or integer) | reported with that update |
//! | `recorded` | utf8, any rating spelling (`G`, `Amber-Red`, `green`) | the rating recorded as of the date |
//!
//! Sub-activities, when given, are a second table: `action` (integer: the
//! row of the action in the first table, from 0), `timescale` or `due`,
//! `state` (null: follows its action), `text` (for the reason only).
//!
//! Output, one row per input row in the same order: `rating`, `computed`,
//! `recorded` (dictionaries over the whole rating scale, ordered worst
//! first, as every table of this package), `reason_code` (dictionary of
//! utf8), `due` (date32), `overridden`, `discrepancy` (bool), `sub_activity`
//! (int32: the row in the sub-activity table the reason came from; only
//! when sub-activities are given) and `reason` (utf8: the sentence, only
//! with `reasons=True`; written per row, so slower).

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int32Builder, Int8Builder, StringBuilder,
};
use arrow_array::types::Int8Type;
use arrow_array::{Array, ArrayRef, DictionaryArray, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::{Datelike, NaiveDate};
use lineofsight::plan::Lifecycle;
use lineofsight::rules::columns::{
    ActionColumns, RatingColumns, SubActivityColumns, TimescaleColumn, TimescaleDictionary,
};
use lineofsight::rules::ReasonCode;
use lineofsight::{Rating, RuleSet};
use pyo3::prelude::*;
use pyo3_arrow::{PyRecordBatchReader, PyTable};
use serde::de::IntoDeserializer;

use crate::args::date_arg;
use crate::errors::{self, ColumnProblem};

const EPOCH_CE: i32 = 719_163;

fn date_of(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(EPOCH_CE)?)
}

fn days_of(d: NaiveDate) -> i32 {
    d.num_days_from_ce() - EPOCH_CE
}

/// The column cast to `to`, or a wrong-type problem naming it.
fn cast(
    array: &ArrayRef,
    to: &DataType,
    table: &'static str,
    name: &str,
) -> Result<ArrayRef, ColumnProblem> {
    arrow_cast::cast(array, to).map_err(|e| ColumnProblem::WrongType {
        table,
        column: name.to_string(),
        found: array.data_type().to_string(),
        expected: to.to_string(),
        reason: e.to_string(),
    })
}

fn texts(array: &ArrayRef, table: &'static str, name: &str) -> Result<StringArray, ColumnProblem> {
    let a = cast(array, &DataType::Utf8, table, name)?;
    a.as_any()
        .downcast_ref::<StringArray>()
        .cloned()
        .ok_or_else(|| ColumnProblem::WrongType {
            table,
            column: name.to_string(),
            found: array.data_type().to_string(),
            expected: "utf8".into(),
            reason: "not text".into(),
        })
}

fn dates(
    array: &ArrayRef,
    table: &'static str,
    name: &str,
) -> Result<Vec<Option<NaiveDate>>, ColumnProblem> {
    let a = cast(array, &DataType::Date32, table, name)?;
    let a = a
        .as_any()
        .downcast_ref::<arrow_array::Date32Array>()
        .ok_or_else(|| ColumnProblem::WrongType {
            table,
            column: name.to_string(),
            found: array.data_type().to_string(),
            expected: "date32".into(),
            reason: "not dates".into(),
        })?;
    Ok(a.iter().map(|d| d.and_then(date_of)).collect())
}

fn floats(
    array: &ArrayRef,
    table: &'static str,
    name: &str,
) -> Result<Vec<Option<f64>>, ColumnProblem> {
    let a = cast(array, &DataType::Float64, table, name)?;
    let a = a
        .as_any()
        .downcast_ref::<arrow_array::Float64Array>()
        .ok_or_else(|| ColumnProblem::WrongType {
            table,
            column: name.to_string(),
            found: array.data_type().to_string(),
            expected: "float64".into(),
            reason: "not numbers".into(),
        })?;
    Ok(a.iter().collect())
}

/// Values read from text once per distinct text.
fn each_distinct<T: Copy>(
    array: &StringArray,
    table: &'static str,
    name: &str,
    offset: usize,
    read: impl Fn(&str) -> Option<T>,
) -> Result<Vec<Option<T>>, ColumnProblem> {
    let mut seen: HashMap<&str, T> = HashMap::new();
    let mut out = Vec::with_capacity(array.len());
    for (row, text) in array.iter().enumerate() {
        let Some(text) = text else {
            out.push(None);
            continue;
        };
        if let Some(v) = seen.get(text) {
            out.push(Some(*v));
            continue;
        }
        let v = read(text).ok_or_else(|| ColumnProblem::BadValue {
            table,
            column: name.to_string(),
            row: offset + row,
            value: text.to_string(),
        })?;
        seen.insert(text, v);
        out.push(Some(v));
    }
    Ok(out)
}

fn lifecycle(text: &str) -> Option<Lifecycle> {
    let code = text.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        code.as_str().into_deserializer();
    serde::Deserialize::deserialize(de).ok()
}

/// A timescale column as read: text, or due dates.
enum Timescales {
    Text(StringArray),
    Due(Vec<Option<NaiveDate>>),
}

impl Timescales {
    fn read(batch: &RecordBatch, table: &'static str) -> Result<Timescales, ColumnProblem> {
        if let Some(a) = batch.column_by_name("timescale") {
            Ok(Timescales::Text(texts(a, table, "timescale")?))
        } else if let Some(a) = batch.column_by_name("due") {
            Ok(Timescales::Due(dates(a, table, "due")?))
        } else {
            Err(ColumnProblem::Missing {
                table,
                column: "timescale".into(),
                reason: "a column `timescale` (text) or `due` (dates) is needed".into(),
            })
        }
    }
}

/// The sub-activities table, read whole.
struct Subs {
    action: Vec<u32>,
    timescale: Timescales,
    state: Vec<Option<Lifecycle>>,
    text: Option<StringArray>,
}

const SUBS: &str = "sub_activities";

impl Subs {
    fn read(table: PyTable) -> Result<Subs, ColumnProblem> {
        let (batches, schema) = table.into_inner();
        let batch = arrow_select::concat::concat_batches(&schema, &batches).map_err(|e| {
            ColumnProblem::WrongType {
                table: SUBS,
                column: "-".into(),
                found: "batches".into(),
                expected: "one schema".into(),
                reason: e.to_string(),
            }
        })?;
        let Some(action) = batch.column_by_name("action") else {
            return Err(ColumnProblem::Missing {
                table: SUBS,
                column: "action".into(),
                reason: "each sub-activity needs the row of its action (from 0)".into(),
            });
        };
        let action = cast(action, &DataType::Int64, SUBS, "action")?;
        let action = action
            .as_any()
            .downcast_ref::<arrow_array::Int64Array>()
            .map(|a| a.iter().collect::<Vec<_>>())
            .unwrap_or_default();
        let action = action
            .iter()
            .enumerate()
            .map(|(row, a)| {
                a.and_then(|a| u32::try_from(a).ok())
                    .ok_or_else(|| ColumnProblem::BadValue {
                        table: SUBS,
                        column: "action".into(),
                        row,
                        value: a.map_or_else(|| "null".into(), |a| a.to_string()),
                    })
            })
            .collect::<Result<Vec<u32>, _>>()?;
        let state = match batch.column_by_name("state") {
            Some(a) => each_distinct(&texts(a, SUBS, "state")?, SUBS, "state", 0, lifecycle)?,
            None => vec![None; batch.num_rows()],
        };
        let text = batch
            .column_by_name("text")
            .map(|a| texts(a, SUBS, "text"))
            .transpose()?;
        Ok(Subs {
            action,
            timescale: Timescales::read(&batch, SUBS)?,
            state,
            text,
        })
    }
}

/// The sub-activities of the actions in rows `offset..offset + len`, with
/// their action rows made local to the batch.
struct SubsOfBatch<'a> {
    rows: Vec<usize>,
    action: Vec<u32>,
    dictionary: TimescaleDictionary,
    due: Vec<Option<NaiveDate>>,
    state: Vec<Option<Lifecycle>>,
    text: Vec<&'a str>,
    by_text: bool,
}

fn subs_of_batch(subs: &Subs, offset: usize, len: usize) -> SubsOfBatch<'_> {
    let rows: Vec<usize> = subs
        .action
        .iter()
        .enumerate()
        .filter(|(_, &a)| (a as usize) >= offset && (a as usize) < offset + len)
        .map(|(r, _)| r)
        .collect();
    let (dictionary, due, by_text) = match &subs.timescale {
        Timescales::Text(t) => (
            TimescaleDictionary::from_texts(rows.iter().map(|&r| {
                if t.is_null(r) {
                    ""
                } else {
                    t.value(r)
                }
            })),
            Vec::new(),
            true,
        ),
        Timescales::Due(d) => (
            TimescaleDictionary::default(),
            rows.iter().map(|&r| d.get(r).copied().flatten()).collect(),
            false,
        ),
    };
    SubsOfBatch {
        action: rows
            .iter()
            .map(|&r| subs.action[r] - offset as u32)
            .collect(),
        dictionary,
        due,
        state: rows.iter().map(|&r| subs.state[r]).collect(),
        text: rows
            .iter()
            .map(|&r| match &subs.text {
                Some(t) if !t.is_null(r) => t.value(r),
                _ => "",
            })
            .collect(),
        by_text,
        rows,
    }
}

fn rating_key(r: Rating) -> i8 {
    Rating::ALL
        .iter()
        .position(|x| *x == r)
        .and_then(|i| i8::try_from(i).ok())
        .unwrap_or(-1)
}

fn rating_array(values: impl Iterator<Item = Option<Rating>>, n: usize) -> ArrayRef {
    let mut keys = Int8Builder::with_capacity(n);
    for r in values {
        keys.append_option(r.map(rating_key));
    }
    let scale: ArrayRef = Arc::new(StringArray::from(crate::table::rating_codes()));
    match DictionaryArray::<Int8Type>::try_new(keys.finish(), scale) {
        Ok(a) => Arc::new(a),
        Err(_) => Arc::new(StringArray::from(vec![None::<&str>; n])),
    }
}

fn reason_code_name(code: ReasonCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn schema(reasons: bool, subs: bool) -> SchemaRef {
    let dict = |name: &str, values: DataType, ordered: bool| {
        Field::new(
            name,
            DataType::Dictionary(Box::new(DataType::Int8), Box::new(values)),
            true,
        )
        .with_dict_is_ordered(ordered)
    };
    let mut fields = vec![
        dict("rating", DataType::Utf8, true),
        dict("computed", DataType::Utf8, true),
        dict("reason_code", DataType::Utf8, false),
        Field::new("due", DataType::Date32, true),
        dict("recorded", DataType::Utf8, true),
        Field::new("overridden", DataType::Boolean, false),
        Field::new("discrepancy", DataType::Boolean, false),
    ];
    if subs {
        fields.push(Field::new("sub_activity", DataType::Int32, true));
    }
    if reasons {
        fields.push(Field::new("reason", DataType::Utf8, false));
    }
    Arc::new(Schema::new(fields))
}

struct Options<'a> {
    as_of: NaiveDate,
    rules: &'a RuleSet,
    reasons: bool,
}

/// Rates one batch of the input; `offset` is its first row in the table.
fn rate_batch(
    batch: &RecordBatch,
    offset: usize,
    subs: Option<&Subs>,
    o: &Options<'_>,
    out_schema: &SchemaRef,
    out: &mut RatingColumns,
) -> Result<RecordBatch, ColumnProblem> {
    const T: &str = "table";
    let n = batch.num_rows();
    let timescales = Timescales::read(batch, T)?;
    let dictionary;
    let column = match &timescales {
        Timescales::Text(t) => {
            dictionary = TimescaleDictionary::from_texts(t.iter().map(|s| s.unwrap_or("")));
            dictionary.column()
        }
        Timescales::Due(d) => TimescaleColumn::Due(d),
    };
    let state: Option<Vec<Lifecycle>> = batch
        .column_by_name("state")
        .map(|a| -> Result<_, ColumnProblem> {
            let s = each_distinct(&texts(a, T, "state")?, T, "state", offset, lifecycle)?;
            Ok(s.into_iter().map(Option::unwrap_or_default).collect())
        })
        .transpose()?;
    let read_dates = |name: &str| {
        batch
            .column_by_name(name)
            .map(|a| dates(a, T, name))
            .transpose()
    };
    let start = read_dates("start")?;
    let last_update = read_dates("last_update")?;
    let percent = batch
        .column_by_name("percent_complete")
        .map(|a| floats(a, T, "percent_complete"))
        .transpose()?;
    let recorded = batch
        .column_by_name("recorded")
        .map(|a| {
            each_distinct(&texts(a, T, "recorded")?, T, "recorded", offset, |t| {
                Rating::parse(t).ok()
            })
        })
        .transpose()?;
    let mut columns = ActionColumns::checked(column).map_err(ColumnProblem::Core)?;
    if let Some(s) = &state {
        columns = columns.with_state(s).map_err(ColumnProblem::Core)?;
    }
    if let Some(s) = &start {
        columns = columns.with_start(s).map_err(ColumnProblem::Core)?;
    }
    if let Some(s) = &last_update {
        columns = columns.with_last_update(s).map_err(ColumnProblem::Core)?;
    }
    if let Some(s) = &percent {
        columns = columns
            .with_percent_complete(s)
            .map_err(ColumnProblem::Core)?;
    }
    if let Some(s) = &recorded {
        columns = columns.with_recorded(s).map_err(ColumnProblem::Core)?;
    }
    let local = subs.map(|s| subs_of_batch(s, offset, n));
    if let Some(l) = &local {
        let t = if l.by_text {
            l.dictionary.column()
        } else {
            TimescaleColumn::Due(&l.due)
        };
        let s = SubActivityColumns::new(&l.action, t)
            .and_then(|s| s.with_state(&l.state))
            .and_then(|s| s.with_text(&l.text))
            .map_err(ColumnProblem::Core)?;
        columns = columns
            .with_sub_activities(s)
            .map_err(ColumnProblem::Core)?;
    }
    columns.rate_into(o.as_of, o.rules, out);

    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(9);
    arrays.push(rating_array(out.rating.iter().map(|r| Some(*r)), n));
    arrays.push(rating_array(out.computed.iter().map(|r| Some(*r)), n));
    // Reason codes: a dictionary of the codes met, in the order met.
    let mut code_key: HashMap<ReasonCode, i8> = HashMap::new();
    let mut code_names: Vec<String> = Vec::new();
    let mut keys = Int8Builder::with_capacity(n);
    for code in &out.reason {
        let k = *code_key.entry(*code).or_insert_with(|| {
            code_names.push(reason_code_name(*code));
            i8::try_from(code_names.len() - 1).unwrap_or(i8::MAX)
        });
        keys.append_value(k);
    }
    let names: ArrayRef = Arc::new(StringArray::from(code_names));
    arrays.push(
        match DictionaryArray::<Int8Type>::try_new(keys.finish(), names) {
            Ok(a) => Arc::new(a),
            Err(e) => {
                return Err(ColumnProblem::WrongType {
                    table: T,
                    column: "reason_code".into(),
                    found: "-".into(),
                    expected: "-".into(),
                    reason: e.to_string(),
                })
            }
        },
    );
    let mut due = Date32Builder::with_capacity(n);
    out.due
        .iter()
        .for_each(|d| due.append_option(d.map(days_of)));
    arrays.push(Arc::new(due.finish()));
    arrays.push(rating_array(out.recorded.iter().copied(), n));
    let bools = |v: &[bool]| -> ArrayRef {
        let mut b = BooleanBuilder::with_capacity(v.len());
        v.iter().for_each(|x| b.append_value(*x));
        Arc::new(b.finish())
    };
    arrays.push(bools(&out.overridden));
    arrays.push(bools(&out.discrepancy));
    if let Some(l) = &local {
        let mut b = Int32Builder::with_capacity(n);
        for s in &out.sub_activity {
            b.append_option(
                s.and_then(|s| l.rows.get(s as usize))
                    .and_then(|&r| i32::try_from(r).ok()),
            );
        }
        arrays.push(Arc::new(b.finish()));
    }
    if o.reasons {
        let mut b = StringBuilder::with_capacity(n, n * 48);
        for i in 0..n {
            match columns.reason(i, o.as_of, o.rules) {
                Some(r) => b.append_value(r.message()),
                None => b.append_value(""),
            }
        }
        arrays.push(Arc::new(b.finish()));
    }
    RecordBatch::try_new(out_schema.clone(), arrays).map_err(|e| ColumnProblem::WrongType {
        table: T,
        column: "-".into(),
        found: "-".into(),
        expected: "-".into(),
        reason: e.to_string(),
    })
}

/// An argument that must be an Arrow stream, or a TypeError naming it.
pub(crate) fn stream_arg<'a, 'py>(
    obj: &'a Bound<'py, PyAny>,
    what: &str,
) -> PyResult<&'a Bound<'py, PyAny>> {
    if obj.hasattr("__arrow_c_stream__")? {
        Ok(obj)
    } else {
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{what} must have __arrow_c_stream__ (a pyarrow Table or RecordBatchReader, a polars or pandas frame), not {}",
            obj.get_type().name()?
        )))
    }
}

/// Rates a table of actions as of a date (see the module documentation
/// for the columns), returning a pyarrow Table.
#[pyfunction]
#[pyo3(signature = (table, as_of, rules=None, *, sub_activities=None, reasons=false))]
pub(crate) fn rate_actions<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    rules: Option<&Bound<'py, PyAny>>,
    sub_activities: Option<&Bound<'py, PyAny>>,
    reasons: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let table: PyRecordBatchReader = stream_arg(table, "table")?.extract()?;
    let sub_activities: Option<PyTable> = sub_activities
        .map(|s| stream_arg(s, "sub_activities")?.extract())
        .transpose()?;
    let as_of = date_arg(as_of, "as_of")?;
    let rules = match rules {
        None => RuleSet::default(),
        Some(r) => crate::rules::rules_arg(py, r)?,
    };
    let reader = table.into_reader()?;
    let subs = sub_activities
        .map(Subs::read)
        .transpose()
        .map_err(|p| errors::column_error(py, p))?;
    let out_schema = schema(reasons, subs.is_some());
    let options = Options {
        as_of,
        rules: &rules,
        reasons,
    };
    let done = py.detach(|| -> Result<Vec<RecordBatch>, ColumnProblem> {
        let mut offset = 0;
        let mut out = RatingColumns::default();
        let mut batches = Vec::new();
        for batch in reader {
            let batch = batch.map_err(ColumnProblem::unreadable_stream)?;
            batches.push(rate_batch(
                &batch,
                offset,
                subs.as_ref(),
                &options,
                &out_schema,
                &mut out,
            )?);
            offset += batch.num_rows();
        }
        if let Some(s) = &subs {
            if let Some((row, &a)) = s
                .action
                .iter()
                .enumerate()
                .find(|(_, &a)| a as usize >= offset)
            {
                return Err(ColumnProblem::Core(
                    lineofsight::rules::columns::ColumnError::NoSuchAction {
                        row,
                        action: a,
                        actions: offset,
                    },
                ));
            }
        }
        Ok(batches)
    });
    let batches = done.map_err(|p| errors::column_error(py, p))?;
    crate::table::need(py, "pyarrow", "rate_actions")?;
    PyTable::try_new(batches, out_schema)?.into_pyarrow(py)
}
