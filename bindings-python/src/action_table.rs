//! The actions table (`Evaluation.actions`, `due_within`), built column by
//! column straight into Arrow from the core's `ReportRow`s: one typed
//! builder per field, no row serialised. The columns, their order and
//! their types are those the generic [`Table::from_rows`] gives the same
//! rows (which it works out from serde's output); nothing is computed here.

use std::collections::HashMap;
use std::fmt::Write;
use std::hash::Hash;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int8Builder, ListBuilder, StringBuilder,
};
use arrow_array::types::Int8Type;
use arrow_array::{Array, ArrayRef, DictionaryArray, RecordBatch, RecordBatchOptions, StringArray};
use arrow_schema::{DataType, Field, Schema};
use chrono::{Datelike, NaiveDate};
use lineofsight::report::ReportRow;
use lineofsight::rules::Reason;
use lineofsight::Rating;
use serde::Serialize;

use crate::table::{rating_codes, Table};

/// Writes a reason's sentence straight into the column's buffer (the
/// core writes it on demand): the one place this table reads it.
fn write_reason_message(out: &mut impl Write, reason: &Reason) -> std::fmt::Result {
    write!(out, "{reason}")
}

/// The columns moved to the front, in this order (the others keep the
/// order of `ReportRow`'s fields).
const FIRST: [&str; 4] = ["action_id", "objective_id", "ref", "text"];

/// The name serde gives a unit variant (`in_progress`, `overdue`), worked
/// out once per variant.
struct VariantNames<T>(HashMap<T, String>);

impl<T: Serialize + Eq + Hash + Copy> VariantNames<T> {
    fn new() -> Self {
        VariantNames(HashMap::new())
    }

    fn name(&mut self, value: T) -> &str {
        self.0.entry(value).or_insert_with(|| {
            serde_json::to_value(value)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        })
    }
}

fn days_since_epoch(d: NaiveDate) -> i32 {
    d.num_days_from_ce() - 719_163
}

fn date_array(values: impl Iterator<Item = Option<NaiveDate>>, n: usize) -> ArrayRef {
    let mut b = Date32Builder::with_capacity(n);
    values.for_each(|d| b.append_option(d.map(days_since_epoch)));
    Arc::new(b.finish())
}

fn text_array<'a>(values: impl Iterator<Item = Option<&'a str>>, n: usize) -> ArrayRef {
    let mut b = StringBuilder::with_capacity(n, n * 16);
    values.for_each(|v| b.append_option(v));
    Arc::new(b.finish())
}

fn bool_array(values: impl Iterator<Item = bool>, n: usize) -> ArrayRef {
    let mut b = BooleanBuilder::with_capacity(n);
    values.for_each(|v| b.append_value(v));
    Arc::new(b.finish())
}

/// Ratings as an ordered dictionary of the whole scale, worst first.
fn rating_array(values: impl Iterator<Item = Option<Rating>>, n: usize) -> ArrayRef {
    let mut keys = Int8Builder::with_capacity(n);
    for r in values {
        keys.append_option(r.and_then(|r| {
            Rating::ALL
                .iter()
                .position(|x| *x == r)
                .and_then(|i| i8::try_from(i).ok())
        }));
    }
    let scale: ArrayRef = Arc::new(StringArray::from(rating_codes()));
    match DictionaryArray::<Int8Type>::try_new(keys.finish(), scale) {
        Ok(a) => Arc::new(a),
        // Every key is a position in the scale, so this is not reached;
        // the column is then left empty.
        Err(_) => Arc::new(StringArray::from(vec![None::<&str>; n])),
    }
}

/// The actions table of `rows`, called `name`.
pub fn actions(name: &str, rows: &[ReportRow]) -> Table {
    let n = rows.len();
    let mut columns: Vec<(&'static str, ArrayRef)> = Vec::with_capacity(24);
    let text = |f: fn(&ReportRow) -> Option<&str>| text_array(rows.iter().map(f), n);
    columns.push(("action_id", text(|r| Some(&r.action_id))));
    columns.push(("objective_id", text(|r| Some(&r.objective_id))));
    columns.push(("objective_ref", text(|r| r.objective_ref.as_deref())));
    columns.push(("objective", text(|r| Some(&r.objective))));
    columns.push(("group", text(|r| r.group.as_deref())));
    columns.push(("ref", text(|r| r.reference.as_deref())));
    columns.push(("text", text(|r| Some(&r.text))));
    columns.push(("timescale", text(|r| Some(&r.timescale))));
    let mut leads = ListBuilder::with_capacity(StringBuilder::new(), n);
    for r in rows {
        r.leads.iter().for_each(|l| leads.values().append_value(l));
        leads.append(true);
    }
    columns.push(("leads", Arc::new(leads.finish())));
    columns.push(("evidence", text(|r| r.evidence.as_deref())));
    let mut states = VariantNames::new();
    let mut state = StringBuilder::with_capacity(n, n * 12);
    rows.iter()
        .for_each(|r| state.append_value(states.name(r.state)));
    columns.push(("state", Arc::new(state.finish())));
    columns.push(("open", bool_array(rows.iter().map(|r| r.open), n)));
    columns.push(("recorded", rating_array(rows.iter().map(|r| r.recorded), n)));
    columns.push((
        "computed",
        rating_array(rows.iter().map(|r| Some(r.computed)), n),
    ));
    columns.push((
        "rating",
        rating_array(rows.iter().map(|r| Some(r.rating)), n),
    ));
    columns.push((
        "overridden",
        bool_array(rows.iter().map(|r| r.overridden), n),
    ));
    let mut codes = VariantNames::new();
    let mut code = StringBuilder::with_capacity(n, n * 16);
    rows.iter()
        .for_each(|r| code.append_value(codes.name(r.reason.code)));
    columns.push(("reason_code", Arc::new(code.finish())));
    let mut message = StringBuilder::with_capacity(n, n * 64);
    for r in rows {
        // Writing into the builder cannot fail.
        let _ = write_reason_message(&mut message, &r.reason);
        message.append_value("");
    }
    columns.push(("reason_message", Arc::new(message.finish())));
    // A reason's due date and sub-activity are left out of its serde form
    // when absent, so their columns are there only when some row has one,
    // right after the message when the first row has it, else at the end
    // in the order the rows first have them.
    let first_due = rows.iter().position(|r| r.reason.due.is_some());
    let first_sub = rows.iter().position(|r| r.reason.sub_activity.is_some());
    let mut late: Vec<(usize, usize, &'static str, ArrayRef)> = Vec::new();
    let mut optional =
        |first: Option<usize>, order: usize, name: &'static str, array: ArrayRef| match first {
            Some(0) => columns.push((name, array)),
            Some(i) => late.push((i, order, name, array)),
            None => {}
        };
    optional(
        first_due,
        0,
        "reason_due",
        date_array(rows.iter().map(|r| r.reason.due), n),
    );
    optional(
        first_sub,
        1,
        "reason_sub_activity",
        text(|r| r.reason.sub_activity.as_deref()),
    );
    columns.push(("due", date_array(rows.iter().map(|r| r.due), n)));
    columns.push(("commentary_note", text(|r| r.commentary_note.as_deref())));
    columns.push((
        "commentary_date",
        date_array(rows.iter().map(|r| r.commentary_date), n),
    ));
    late.sort_by_key(|(first, order, ..)| (*first, *order));
    columns.extend(late.into_iter().map(|(_, _, name, array)| (name, array)));
    columns.sort_by_key(|(name, _)| FIRST.iter().position(|f| f == name).unwrap_or(FIRST.len()));

    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, array)| {
            let dt = array.data_type().clone();
            let ordered = matches!(dt, DataType::Dictionary(..));
            Field::new(*name, dt, true).with_dict_is_ordered(ordered)
        })
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let arrays = columns.into_iter().map(|(_, a)| a).collect();
    let options = RecordBatchOptions::new().with_row_count(Some(n));
    let batch = RecordBatch::try_new_with_options(schema.clone(), arrays, &options)
        .unwrap_or_else(|_| RecordBatch::new_empty(schema));
    Table::from_batch(name, batch)
}
