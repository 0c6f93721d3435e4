//! The workbook's outline sheets: **Objectives**, **Measures**, **Leads**,
//! **Groups** and **Plan**, which hold everything of a plan besides its
//! actions, so that re-importing the workbook gives the whole plan back.
//! Their columns are decided here, once, for the writer
//! ([`workbook`](super::workbook)) and for the importer that reads them.
//!
//! Each column is one field of the plan's JSON (named in
//! [`SheetColumn::key`]) and holds it in one of three ways ([`CellKind`]):
//! text as written, one item a line, or the field's JSON. An object's
//! `extra` fields get an `extra: <key>` column each, as on the Actions
//! sheet. The Plan sheet is a list of `Field | Value` rows instead, one
//! per field of the plan that has no sheet of its own; a value longer
//! than a cell holds continues on the next rows under the same field.

use serde_json::{Map, Value};

/// How a field is written in its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellKind {
    /// Text as written; an empty cell is no value.
    Text,
    /// Text as written that the plan always has: an empty cell is `""`.
    Required,
    /// A list of text, one item a line (links); written as its JSON when
    /// an item is empty, holds a line break or the first starts with `[`.
    Lines,
    /// The field's JSON (targets, observations, rules).
    Json,
}

/// A column of an outline sheet.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SheetColumn {
    /// The header, for people.
    pub header: &'static str,
    /// The field of the plan's JSON it holds.
    pub key: &'static str,
    /// How it is written.
    pub kind: CellKind,
    /// The column's width in the workbook.
    pub width: f64,
}

const fn column(
    header: &'static str,
    key: &'static str,
    kind: CellKind,
    width: f64,
) -> SheetColumn {
    SheetColumn {
        header,
        key,
        kind,
        width,
    }
}

use CellKind::{Json, Lines, Required, Text};

/// The Objectives sheet: every objective, with or without actions.
pub(crate) const OBJECTIVE_COLUMNS: [SheetColumn; 10] = [
    column("Objective id", "id", Required, 12.0),
    column("Objective ref", "ref", Text, 10.0),
    column("Objective", "title", Required, 40.0),
    column("Group id", "group", Text, 12.0),
    column("Aim", "aim", Text, 40.0),
    column("Motto", "motto", Text, 24.0),
    column("Approach", "approach", Text, 40.0),
    column("Impact", "impact", Text, 40.0),
    column("Links", "links", Lines, 30.0),
    column("Source", "source", Text, 12.0),
];

/// The Measures sheet's definition columns (after the columns for people:
/// objective ref, target as read, latest value, rating and reason, which
/// are output only).
pub(crate) const MEASURE_COLUMNS: [SheetColumn; 14] = [
    column("Objective id", "objective", Required, 12.0),
    column("Measure id", "id", Required, 14.0),
    column("Measure", "text", Required, 60.0),
    column("Source", "source", Text, 12.0),
    column("Target (JSON)", "target", Json, 24.0),
    column("Polarity", "polarity", Text, 12.0),
    column("Unit (JSON)", "unit", Json, 16.0),
    column("Frequency", "frequency", Text, 11.0),
    column("Aggregation", "aggregation", Text, 11.0),
    column("Tolerance (JSON)", "tolerance", Json, 16.0),
    column("Profile (JSON)", "profile", Json, 20.0),
    column("Data (JSON)", "data", Json, 20.0),
    column("Observations (JSON)", "observations", Json, 30.0),
    column("Recorded rating", "recorded", Text, 12.0),
];

/// The columns for people at the front of the Measures sheet, each
/// worked out from the report and ignored on import.
pub(crate) const MEASURE_SHOWN: [(&str, f64); 6] = [
    ("Objective ref", 10.0),
    ("Target", 24.0),
    ("Latest", 14.0),
    ("Period", 12.0),
    ("Rating", 11.0),
    ("Reason", 60.0),
];

/// The Leads sheet: every lead, with its id, kind and role.
pub(crate) const LEAD_COLUMNS: [SheetColumn; 4] = [
    column("Lead id", "id", Required, 20.0),
    column("Lead", "name", Required, 30.0),
    column("Kind", "kind", Text, 12.0),
    column("Role", "role", Text, 30.0),
];

/// The Groups sheet: every group, with the group it sits in.
pub(crate) const GROUP_COLUMNS: [SheetColumn; 4] = [
    column("Group id", "id", Required, 14.0),
    column("Group", "title", Required, 40.0),
    column("Sits in", "parent", Text, 14.0),
    column("Source", "source", Text, 12.0),
];

/// The plan's fields that are text on the Plan sheet; every other field
/// without a sheet of its own is its JSON.
pub(crate) const PLAN_TEXT_FIELDS: [(&str, CellKind); 6] = [
    ("title", Required),
    ("organisation", Required),
    ("period", Text),
    ("version", Text),
    ("published", Text),
    ("reported_on", Text),
];

/// How the Plan sheet writes the plan's field `key`.
pub(crate) fn plan_field_kind(key: &str) -> CellKind {
    PLAN_TEXT_FIELDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(Json, |(_, kind)| *kind)
}

/// The plan's fields that have sheets of their own, left off the Plan
/// sheet.
pub(crate) const PLAN_SHEET_FIELDS: [&str; 4] = ["objectives", "groups", "leads", "extra"];

/// The most UTF-16 units the writer puts in one cell of the Plan sheet
/// (Excel holds 32,767).
pub(crate) const CELL_CHARACTERS: usize = 32_000;

/// A field's value as its cell's text.
pub(crate) fn cell_text(value: Option<&Value>, kind: CellKind) -> String {
    match (value, kind) {
        (None | Some(Value::Null), _) => String::new(),
        (Some(Value::String(s)), Text | Required) => s.clone(),
        (Some(Value::Array(items)), Lines) if one_a_line(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        (Some(v), _) => v.to_string(),
    }
}

/// Whether a list reads back the same written one item a line.
fn one_a_line(items: &[Value]) -> bool {
    items.iter().all(|v| {
        v.as_str()
            .is_some_and(|s| !s.is_empty() && !s.contains(['\n', '\r']))
    }) && !items
        .first()
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with('['))
}

/// A cell's text as the field's value; `Ok(None)` for an empty cell that
/// is no value.
///
/// # Errors
///
/// The JSON parser's message, for a JSON cell that does not parse.
pub(crate) fn cell_value(text: &str, kind: CellKind) -> Result<Option<Value>, String> {
    match kind {
        Required => Ok(Some(Value::String(text.to_string()))),
        _ if text.is_empty() => Ok(None),
        Text => Ok(Some(Value::String(text.to_string()))),
        Lines if text.starts_with('[') => serde_json::from_str(text)
            .map(Some)
            .map_err(|e| format!("is not JSON ({e})")),
        Lines => Ok(Some(Value::Array(
            text.lines()
                .filter(|l| !l.is_empty())
                .map(|l| Value::String(l.to_string()))
                .collect(),
        ))),
        Json => serde_json::from_str(text)
            .map(Some)
            .map_err(|e| format!("is not JSON ({e})")),
    }
}

/// An object's fields, by JSON key (an empty map for a value that is not
/// an object).
pub(crate) fn fields_of<T: serde::Serialize>(item: &T) -> Map<String, Value> {
    match serde_json::to_value(item) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// The object's `extra` fields, as text.
pub(crate) fn extra_of(fields: &Map<String, Value>) -> Vec<(String, String)> {
    match fields.get("extra") {
        Some(Value::Object(extra)) => extra
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    v.as_str().map_or_else(|| v.to_string(), str::to_string),
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `text` in pieces of at most [`CELL_CHARACTERS`] UTF-16 units (as
/// Excel counts a cell's length; one empty piece for empty text), split
/// between characters, in one pass.
pub(crate) fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut units) = (0, 0);
    for (i, c) in text.char_indices() {
        if units + c.len_utf16() > CELL_CHARACTERS {
            out.push(&text[start..i]);
            (start, units) = (i, 0);
        }
        units += c.len_utf16();
    }
    out.push(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_give_their_values_back() {
        for (value, kind) in [
            (Value::String("a = b".into()), Text),
            (serde_json::json!(["https://a", "https://b"]), Lines),
            (serde_json::json!({"value": 64.0, "comparator": "lt"}), Json),
            (Value::String("{\"a\": 1}".into()), Text),
            (serde_json::json!(["[1]", "two\nlines", ""]), Lines),
        ] {
            let text = cell_text(Some(&value), kind);
            assert_eq!(cell_value(&text, kind), Ok(Some(value)));
        }
        assert_eq!(cell_value("", Text), Ok(None));
        assert_eq!(
            cell_value("", Required),
            Ok(Some(Value::String(String::new())))
        );
        assert!(cell_value("{", Json)
            .unwrap_err()
            .starts_with("is not JSON"));
    }

    #[test]
    fn long_text_is_cut_between_characters() {
        let text = "é".repeat(CELL_CHARACTERS * 2 + 5);
        let parts = pieces(&text);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.concat(), text);
        assert_eq!(pieces(""), [""]);
        // Emoji are two UTF-16 units each, as Excel counts them.
        let emoji = "🙂".repeat(CELL_CHARACTERS);
        let parts = pieces(&emoji);
        assert_eq!(parts.len(), 2);
        assert!(parts
            .iter()
            .all(|p| p.encode_utf16().count() <= CELL_CHARACTERS));
        assert_eq!(parts.concat(), emoji);
    }
}
