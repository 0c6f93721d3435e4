//! `ReportTable`: report rows handed to JavaScript as columns (typed
//! arrays and arrays of strings) rather than an object per row.

use std::collections::HashMap;

use js_sys::{Object, Reflect, Uint32Array, Uint8Array};
use lineofsight::report::ReportRow;
use lineofsight::{Plan, Rating};
use wasm_bindgen::prelude::*;

use crate::{error, to_js};

/// A JavaScript string, or `null` for `None`.
fn text(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

/// A JavaScript array of the values, made in one step by the glue.
fn array(values: Vec<JsValue>) -> JsValue {
    JsValue::from(values)
}

/// A count or position as a `Uint32Array` entry; the tables never come
/// near 2³² rows or leads, and a larger one saturates rather than wraps.
fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `rows` (in plan order, as `ReportRow::as_reported` gives them) as a
/// `ReportTable`.
pub(crate) fn report_table(plan: &Plan, rows: &[ReportRow]) -> Result<JsValue, JsValue> {
    let n = rows.len();
    let code: HashMap<Rating, u8> = Rating::ALL
        .iter()
        .zip(0u8..)
        .map(|(&r, k)| (r, k))
        .collect();
    // Rows come in plan order, objective by objective.
    let mut objectives = Vec::with_capacity(n);
    for (i, o) in plan.objectives.iter().enumerate() {
        objectives.extend(std::iter::repeat_n(u32_of(i), o.actions.len()));
    }
    objectives.truncate(n);
    let mut lead_at: HashMap<&str, u32> = HashMap::new();
    let mut lead_names = Vec::new();
    let mut lead_starts = Vec::with_capacity(n + 1);
    let mut lead_indexes = Vec::with_capacity(n);
    let (mut ids, mut refs, mut texts, mut timescales) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut ratings, mut open, mut reasons, mut due) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut notes, mut dates) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for r in rows {
        ids.push(JsValue::from_str(&r.action_id));
        refs.push(text(r.reference.as_deref()));
        texts.push(JsValue::from_str(&r.text));
        timescales.push(JsValue::from_str(&r.timescale));
        lead_starts.push(u32_of(lead_indexes.len()));
        for lead in &r.leads {
            let at = *lead_at.entry(lead.as_str()).or_insert_with(|| {
                lead_names.push(JsValue::from_str(lead));
                u32_of(lead_names.len() - 1)
            });
            lead_indexes.push(at);
        }
        ratings.push(code.get(&r.rating).copied().unwrap_or(u8::MAX));
        open.push(u8::from(r.open));
        reasons.push(JsValue::from_str(&r.reason.message()));
        due.push(text(r.due.map(|d| d.to_string()).as_deref()));
        notes.push(text(r.commentary_note.as_deref()));
        dates.push(text(r.commentary_date.map(|d| d.to_string()).as_deref()));
    }
    lead_starts.push(u32_of(lead_indexes.len()));
    let table = Object::new();
    let fields: [(&str, JsValue); 16] = [
        ("length", JsValue::from(u32_of(n))),
        ("ratingNames", to_js(&Rating::ALL)?),
        ("actionIds", array(ids)),
        (
            "objectives",
            Uint32Array::from(objectives.as_slice()).into(),
        ),
        ("refs", array(refs)),
        ("texts", array(texts)),
        ("timescales", array(timescales)),
        ("leadNames", array(lead_names)),
        (
            "leadStarts",
            Uint32Array::from(lead_starts.as_slice()).into(),
        ),
        (
            "leadIndexes",
            Uint32Array::from(lead_indexes.as_slice()).into(),
        ),
        ("ratings", Uint8Array::from(ratings.as_slice()).into()),
        ("open", Uint8Array::from(open.as_slice()).into()),
        ("reasons", array(reasons)),
        ("due", array(due)),
        ("commentaryNotes", array(notes)),
        ("commentaryDates", array(dates)),
    ];
    for (key, value) in fields {
        Reflect::set(&table, &JsValue::from_str(key), &value)
            .map_err(|_| error::not_built("a ReportTable"))?;
    }
    Ok(table.into())
}
