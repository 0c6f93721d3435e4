//! Reading the outline sheets of lineofsight's own workbook back:
//! **Plan**, **Groups**, **Objectives**, **Leads** and **Measures** (their
//! columns are decided in `export/plan_sheets.rs`). With them, re-importing
//! the workbook gives the whole plan back, not only its actions. A cell
//! that does not read (a JSON cell that does not parse, a word the field
//! does not take) is kept in the object's extra fields under its column's
//! header, with a warning naming the sheet, row and column.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{ImportReport, Table};
use crate::export::plan_sheets::{
    cell_value, plan_field_kind, CellKind, SheetColumn, GROUP_COLUMNS, LEAD_COLUMNS,
    MEASURE_COLUMNS, MEASURE_SHOWN, OBJECTIVE_COLUMNS, PLAN_SHEET_FIELDS,
};
use crate::export::table_cells::{restore, EXTRA_PREFIX};
use crate::plan::{Group, Lead, Measure, Objective, Plan};

type Fields = Map<String, Value>;

/// One row of an outline sheet, read into the fields of its object.
struct ItemRow {
    sheet: String,
    row: usize,
    fields: Fields,
    /// Each field's column header and cell text, to name and keep a cell
    /// that does not read.
    cells: HashMap<String, (String, String)>,
    /// The row of each field, where fields are rows (the Plan sheet).
    at: HashMap<String, usize>,
    /// Whether the object has extra fields (leads and groups have none).
    has_extra: bool,
}

/// What becomes of a cell that does not read.
fn kept(has_extra: bool, header: &str) -> String {
    if has_extra {
        format!("kept as the extra field {header:?}")
    } else {
        "left out".to_string()
    }
}

/// The plan's outline from the workbook's sheets, when it has them (a
/// Plan or an Objectives sheet): the plan without its actions. Warnings go
/// to `report`.
pub(crate) fn read(tables: &[Table], report: &mut ImportReport) -> Option<Plan> {
    let sheet = |name: &str| tables.iter().find(|t| t.name == name);
    let plan_sheet =
        sheet("Plan").filter(|t| header_of(t).first().map(String::as_str) == Some("Field"));
    let objectives_sheet =
        sheet("Objectives").filter(|t| header_of(t).iter().any(|h| h == "Objective id"));
    if plan_sheet.is_none() && objectives_sheet.is_none() {
        return None;
    }
    let mut plan = plan_sheet
        .and_then(|t| plan_fields(t, report))
        .unwrap_or_else(|| Plan::new("", ""));
    plan.groups = items::<Group>(sheet("Groups"), &GROUP_COLUMNS, &[], report);
    plan.leads = items::<Lead>(sheet("Leads"), &LEAD_COLUMNS, &[], report);
    plan.objectives = items::<Objective>(objectives_sheet, &OBJECTIVE_COLUMNS, &[], report);
    let at: HashMap<String, usize> = plan
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.clone(), i))
        .collect();
    for mut m in rows(
        sheet("Measures"),
        &MEASURE_COLUMNS,
        &MEASURE_SHOWN.map(|(h, _)| h),
        report,
    ) {
        let objective = match m.fields.remove("objective") {
            Some(Value::String(id)) => id,
            _ => String::new(),
        };
        let Some(&i) = at.get(&objective) else {
            report.warn(
                m.row,
                "Objective id",
                format!(
                    "Measures: no objective {objective:?} on the Objectives sheet; the measure was left out"
                ),
            );
            continue;
        };
        if let Some(measure) = item::<Measure>(m, &MEASURE_COLUMNS, report) {
            plan.objectives[i].measures.push(measure);
        }
    }
    Some(plan)
}

/// Where an outline sheet's header is: its first row with any text.
/// lineofsight writes these sheets with the header on top; the table
/// reader's guess (made for trackers) can land lower, as on a Plan sheet
/// whose title and organisation are empty, where the few full rows below
/// look more like a header.
fn header_row(table: &Table) -> usize {
    table
        .rows
        .iter()
        .position(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .unwrap_or(0)
}

/// The header row's cells, read as written.
fn header_of(table: &Table) -> Vec<String> {
    let h = header_row(table);
    table
        .rows
        .get(h)
        .map(|r| {
            r.cells
                .iter()
                .map(|c| restore(c).trim().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The objects of one sheet, in order; a row that does not make one is
/// left out with a warning.
fn items<T: DeserializeOwned>(
    table: Option<&Table>,
    columns: &[SheetColumn],
    shown: &[&str],
    report: &mut ImportReport,
) -> Vec<T> {
    rows(table, columns, shown, report)
        .into_iter()
        .filter_map(|r| item(r, columns, report))
        .collect()
}

/// Each row under the sheet's header, as fields by JSON key.
fn rows(
    table: Option<&Table>,
    columns: &[SheetColumn],
    shown: &[&str],
    report: &mut ImportReport,
) -> Vec<ItemRow> {
    let Some(table) = table else {
        return Vec::new();
    };
    let headers = header_of(table);
    let has_extra = !matches!(table.name.as_str(), "Leads" | "Groups");
    // What each column is: a field, an extra field, or not read.
    let mut seen = Vec::new();
    let roles: Vec<Option<Result<&SheetColumn, String>>> = headers
        .iter()
        .map(|h| {
            if shown.contains(&h.as_str()) {
                return None;
            }
            match columns.iter().find(|c| c.header == h) {
                Some(c) if !seen.contains(&c.key) => {
                    seen.push(c.key);
                    Some(Ok(c))
                }
                _ => Some(Err(h.strip_prefix(EXTRA_PREFIX).unwrap_or(h).to_string())),
            }
        })
        .collect();
    for (h, role) in headers.iter().zip(&roles) {
        if matches!(role, Some(Err(_))) && !h.starts_with(EXTRA_PREFIX) {
            let row = header_row(table) + 1;
            report.warn(
                row,
                h,
                if has_extra {
                    format!("{}: a column lineofsight's workbook does not have; each cell is kept as an extra field", table.name)
                } else {
                    format!("{}: a column lineofsight's workbook does not have; not read", table.name)
                },
            );
        }
    }
    let first = header_row(table) + 1;
    let mut out = Vec::new();
    for row in table.rows.get(first..).unwrap_or(&[]) {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut item = ItemRow {
            sheet: table.name.clone(),
            row: row.number,
            fields: Fields::new(),
            cells: HashMap::new(),
            at: HashMap::new(),
            has_extra,
        };
        let mut extra = Fields::new();
        for (i, role) in roles.iter().enumerate() {
            let text = row.cells.get(i).map_or("", |c| restore(c));
            match role {
                Some(Err(key)) if !text.is_empty() => {
                    extra.insert(key.clone(), Value::String(text.to_string()));
                }
                None | Some(Err(_)) => {}
                Some(Ok(c)) => match cell_value(text, c.kind) {
                    Ok(Some(v)) => {
                        item.fields.insert(c.key.to_string(), v);
                        item.cells
                            .insert(c.key.to_string(), (c.header.to_string(), text.to_string()));
                    }
                    Ok(None) => {}
                    Err(why) => {
                        report.warn(
                            row.number,
                            c.header,
                            format!(
                                "{}: {why}; kept as the extra field {:?}",
                                table.name, c.header
                            ),
                        );
                        extra.insert(c.header.to_string(), Value::String(text.to_string()));
                    }
                },
            }
        }
        if !extra.is_empty() && has_extra {
            item.fields.insert("extra".into(), Value::Object(extra));
        }
        out.push(item);
    }
    out
}

/// The row's object. A field the object does not take is kept in its
/// extra fields under the column's header, with a warning; a row that
/// still makes no object is left out, with a warning.
fn item<T: DeserializeOwned>(
    mut r: ItemRow,
    columns: &[SheetColumn],
    report: &mut ImportReport,
) -> Option<T> {
    if let Ok(t) = serde_json::from_value(Value::Object(r.fields.clone())) {
        return Some(t);
    }
    let required: Fields = r
        .fields
        .iter()
        .filter(|(k, _)| {
            columns
                .iter()
                .any(|c| c.key == k.as_str() && c.kind == CellKind::Required)
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let optional: Vec<String> = r
        .fields
        .keys()
        .filter(|k| !required.contains_key(*k) && k.as_str() != "extra")
        .cloned()
        .collect();
    for key in optional {
        let mut alone = required.clone();
        if let Some(v) = r.fields.get(&key) {
            alone.insert(key.clone(), v.clone());
        }
        let Err(e) = serde_json::from_value::<T>(Value::Object(alone)) else {
            continue;
        };
        r.fields.remove(&key);
        let (header, text) = r.cells.remove(&key).unwrap_or((key.clone(), String::new()));
        let row = r.at.get(&key).copied().unwrap_or(r.row);
        report.warn(
            row,
            &header,
            format!("{}: {e}; {}", r.sheet, kept(r.has_extra, &header)),
        );
        if let Value::Object(extra) = r
            .fields
            .entry("extra")
            .or_insert_with(|| Value::Object(Fields::new()))
        {
            extra.insert(header, Value::String(text));
        }
    }
    match serde_json::from_value(Value::Object(r.fields)) {
        Ok(t) => Some(t),
        Err(e) => {
            report.warn(
                r.row,
                "-",
                format!("{}: {e}; the row was left out", r.sheet),
            );
            None
        }
    }
}

/// The plan's own fields from the Plan sheet (`Field | Value` rows, a
/// long value continued on the rows after it under the same field).
fn plan_fields(table: &Table, report: &mut ImportReport) -> Option<Plan> {
    let first = header_row(table) + 1;
    let mut values: Vec<(usize, String, String)> = Vec::new();
    for row in table.rows.get(first..).unwrap_or(&[]) {
        let field = row
            .cells
            .first()
            .map_or("", |c| restore(c))
            .trim()
            .to_string();
        let value = row.cells.get(1).map_or("", |c| restore(c));
        if field.is_empty() {
            continue;
        }
        match values.last_mut() {
            Some((_, last, text)) if *last == field => text.push_str(value),
            _ => values.push((row.number, field, value.to_string())),
        }
    }
    let mut fields = Fields::new();
    let mut cells = HashMap::new();
    let mut at = HashMap::new();
    let mut extra = Fields::new();
    for (row, field, text) in values {
        if let Some(key) = field.strip_prefix(EXTRA_PREFIX) {
            extra.insert(key.to_string(), Value::String(text));
            continue;
        }
        if PLAN_SHEET_FIELDS.contains(&field.as_str()) {
            report.warn(
                row,
                "Field",
                format!("Plan: {field:?} has a sheet of its own; this row was not read"),
            );
            continue;
        }
        match cell_value(&text, plan_field_kind(&field)) {
            Ok(Some(v)) => {
                fields.insert(field.clone(), v);
                at.insert(field.clone(), row);
                cells.insert(field.clone(), (field, text));
            }
            Ok(None) => {}
            Err(why) => {
                report.warn(
                    row,
                    "Value",
                    format!("Plan: {field} {why}; kept as the extra field {field:?}"),
                );
                extra.insert(field, Value::String(text));
            }
        }
    }
    if !extra.is_empty() {
        fields.insert("extra".into(), Value::Object(extra));
    }
    // A Plan sheet written by hand may leave the format's version out.
    fields
        .entry("schema_version")
        .or_insert_with(|| Value::from(crate::plan::SCHEMA_VERSION));
    let columns = [
        SheetColumn {
            header: "schema_version",
            key: "schema_version",
            kind: CellKind::Required,
            width: 0.0,
        },
        SheetColumn {
            header: "title",
            key: "title",
            kind: CellKind::Required,
            width: 0.0,
        },
        SheetColumn {
            header: "organisation",
            key: "organisation",
            kind: CellKind::Required,
            width: 0.0,
        },
    ];
    item::<Plan>(
        ItemRow {
            sheet: table.name.clone(),
            row: first + 1,
            fields,
            cells,
            at,
            has_extra: true,
        },
        &columns,
        report,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Row;

    fn table(name: &str, rows: &[&[&str]]) -> Table {
        Table {
            name: name.to_string(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| Row {
                    number: i + 1,
                    cells: cells.iter().map(|c| (*c).to_string()).collect(),
                    fills: Vec::new(),
                })
                .collect(),
            header: Some(0),
        }
    }

    #[test]
    fn cells_that_do_not_read_are_kept_with_a_warning_naming_sheet_row_and_column() {
        let sheets = [
            table(
                "Plan",
                &[
                    &["Field", "Value"],
                    &["title", "Plan"],
                    &["organisation", "Council"],
                    &["rules", "{not json"],
                    &["extra: Owner", "Performance team"],
                ],
            ),
            table(
                "Objectives",
                &[
                    &["Objective id", "Objective", "Links", "Colour"],
                    &[
                        "o1",
                        "Care leavers are housed",
                        "https://example.org",
                        "teal",
                    ],
                ],
            ),
            table(
                "Leads",
                &[
                    &["Lead id", "Lead", "Kind"],
                    &["hos", "Head of Service", "wizard"],
                ],
            ),
            table(
                "Measures",
                &[
                    &[
                        "Objective ref",
                        "Objective id",
                        "Measure id",
                        "Measure",
                        "Polarity",
                        "Rating",
                    ],
                    &["1", "o1", "m1", "Fewer moves", "lower_is_better", "Red"],
                    &["", "o9", "m2", "Orphan", "", ""],
                ],
            ),
        ];
        let mut report = ImportReport::default();
        let plan = read(&sheets, &mut report).expect("an outline");
        assert_eq!(plan.title, "Plan");
        assert_eq!(plan.extra["Owner"], "Performance team");
        assert_eq!(plan.extra["rules"], "{not json");
        assert_eq!(plan.objectives[0].links, ["https://example.org"]);
        assert_eq!(plan.objectives[0].extra["Colour"], "teal");
        assert_eq!(plan.leads[0].kind, crate::plan::LeadKind::Role);
        let m = &plan.objectives[0].measures;
        assert_eq!(
            m.len(),
            1,
            "the measure of an unknown objective is left out"
        );
        let said: Vec<String> = report
            .warnings
            .iter()
            .map(|w| format!("{} {}: {}", w.row, w.column, w.message))
            .collect();
        let has = |s: &str| said.iter().any(|w| w.contains(s));
        assert!(has("4 Value: Plan: rules is not JSON"), "{said:?}");
        assert!(has("1 Colour: Objectives: a column"), "{said:?}");
        assert!(has("2 Kind: Leads: unknown variant `wizard`"), "{said:?}");
        assert!(
            said.iter()
                .any(|w| w.contains("wizard") && w.ends_with("left out")),
            "{said:?}"
        );
        assert!(
            has("3 Objective id: Measures: no objective \"o9\""),
            "{said:?}"
        );
    }

    #[test]
    fn a_workbook_without_outline_sheets_has_no_outline() {
        let mut report = ImportReport::default();
        assert!(read(&[table("Summary", &[&["Plan", "x"]])], &mut report).is_none());
    }
}
