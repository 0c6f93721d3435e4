//! The workbook's outline sheets, written from the report's outline of the
//! plan: **Measures** (for people, then as data), **Groups**,
//! **Objectives**, **Leads** and **Plan**. Their columns are decided in
//! `plan_sheets.rs`, which the importer reads them back by.

use std::collections::{BTreeSet, HashMap};

use rust_xlsxwriter::{Workbook, Worksheet};
use serde_json::{Map, Value};

use super::plan_sheets::{
    cell_text, extra_of, fields_of, pieces, plan_field_kind, SheetColumn, GROUP_COLUMNS,
    LEAD_COLUMNS, MEASURE_COLUMNS, MEASURE_SHOWN, OBJECTIVE_COLUMNS, PLAN_SHEET_FIELDS,
    PLAN_TEXT_FIELDS,
};
use super::table_cells::{neutralise, EXTRA_PREFIX};
use super::xlsx::{finish_table, header, rating, text, xerr, Formats};
use super::ExportError;
use crate::report::{BoardReport, MeasureRow};

type Fields = Map<String, Value>;

/// The keys of the items' extra fields, sorted, each once.
fn extra_keys(items: &[Fields]) -> Vec<String> {
    let keys: BTreeSet<String> = items
        .iter()
        .flat_map(|f| extra_of(f).into_iter().map(|(k, _)| k))
        .collect();
    keys.into_iter().collect()
}

/// The headers of `columns` and an `extra: <key>` column per key.
fn headers(columns: &[&SheetColumn], extras: &[String]) -> Vec<(String, f64)> {
    columns
        .iter()
        .map(|c| (c.header.to_string(), c.width))
        .chain(
            extras
                .iter()
                .map(|k| (neutralise(&format!("{EXTRA_PREFIX}{k}")).into_owned(), 20.0)),
        )
        .collect()
}

fn write_header(
    ws: &mut Worksheet,
    columns: &[(String, f64)],
    f: &Formats,
) -> Result<(), ExportError> {
    let refs: Vec<(&str, f64)> = columns.iter().map(|(h, w)| (h.as_str(), *w)).collect();
    header(ws, 0, &refs, f)
}

/// One item's cells, from column `col` on: its fields, then its extras.
fn write_fields(
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    columns: &[&SheetColumn],
    fields: &Fields,
    extras: &[String],
    f: &Formats,
) -> Result<(), ExportError> {
    let extra: HashMap<String, String> = extra_of(fields).into_iter().collect();
    let cells = columns
        .iter()
        .map(|c| cell_text(fields.get(c.key), c.kind))
        .chain(
            extras
                .iter()
                .map(|k| extra.get(k).cloned().unwrap_or_default()),
        );
    for (at, value) in (col..).zip(cells) {
        text(ws, row, at, &neutralise(&value), f)?;
    }
    Ok(())
}

/// A sheet of one item a row under `columns`.
fn definition_sheet(
    ws: &mut Worksheet,
    name: &str,
    columns: &[SheetColumn],
    items: &[Fields],
    f: &Formats,
) -> Result<(), ExportError> {
    ws.set_name(name).map_err(xerr)?;
    let columns: Vec<&SheetColumn> = columns.iter().collect();
    let extras = extra_keys(items);
    let all = headers(&columns, &extras);
    write_header(ws, &all, f)?;
    for (row, fields) in (1u32..).zip(items) {
        write_fields(ws, (row, 0), &columns, fields, &extras, f)?;
    }
    let last = u32::try_from(items.len()).unwrap_or(u32::MAX);
    finish_table(ws, 0, last, all.len())
}

/// Every measure of the plan, one a row: for people first (objective ref,
/// id, words, the target as read, latest value, period, rating, reason),
/// then the measure as data (see `plan_sheets.rs`). Without an outline
/// (a report read back from JSON), the rated measures only.
pub(super) fn measures_sheet(
    ws: &mut Worksheet,
    report: &BoardReport,
    f: &Formats,
) -> Result<(), ExportError> {
    ws.set_name("Measures").map_err(xerr)?;
    let rated: HashMap<&str, &MeasureRow> = report
        .measures
        .iter()
        .map(|m| (m.measure_id.as_str(), m))
        .collect();
    let items: Vec<(Option<String>, Fields)> = match &report.outline {
        Some(plan) => plan
            .objectives
            .iter()
            .flat_map(|o| {
                let reference = o.reference.as_ref().map(|r| r.as_str().to_string());
                o.measures.iter().map(move |m| {
                    let mut fields = fields_of(m);
                    fields.insert("objective".into(), Value::String(o.id.clone()));
                    (reference.clone(), fields)
                })
            })
            .collect(),
        None => report
            .measures
            .iter()
            .map(|m| {
                let mut fields = Fields::new();
                fields.insert("objective".into(), Value::String(m.objective_id.clone()));
                fields.insert("id".into(), Value::String(m.measure_id.clone()));
                fields.insert("text".into(), Value::String(m.text.clone()));
                (m.objective_ref.clone(), fields)
            })
            .collect(),
    };
    let (words, data): (Vec<&SheetColumn>, Vec<&SheetColumn>) = MEASURE_COLUMNS
        .iter()
        .partition(|c| c.key == "id" || c.key == "text");
    let fields_only: Vec<Fields> = items.iter().map(|(_, f)| f.clone()).collect();
    let extras = extra_keys(&fields_only);
    let shown = |i: usize| (MEASURE_SHOWN[i].0.to_string(), MEASURE_SHOWN[i].1);
    let mut all = vec![shown(0)];
    all.extend(headers(&words, &[]));
    all.extend((1..MEASURE_SHOWN.len()).map(shown));
    all.extend(headers(&data, &extras));
    write_header(ws, &all, f)?;
    for (row, (reference, fields)) in (1u32..).zip(&items) {
        text(
            ws,
            row,
            0,
            &neutralise(reference.as_deref().unwrap_or("")),
            f,
        )?;
        write_fields(ws, (row, 1), &words, fields, &[], f)?;
        let m = fields
            .get("id")
            .and_then(Value::as_str)
            .and_then(|id| rated.get(id));
        let show = |t: Option<&String>| neutralise(t.map_or("", String::as_str)).into_owned();
        text(ws, row, 3, &show(m.and_then(|m| m.target.as_ref())), f)?;
        text(ws, row, 4, &show(m.and_then(|m| m.latest.as_ref())), f)?;
        text(
            ws,
            row,
            5,
            &show(m.and_then(|m| m.latest_period.as_ref())),
            f,
        )?;
        rating(ws, row, 6, m.map(|m| m.rating), f)?;
        text(ws, row, 7, &show(m.map(|m| &m.reason)), f)?;
        write_fields(ws, (row, 8), &data, fields, &extras, f)?;
    }
    let last = u32::try_from(items.len()).unwrap_or(u32::MAX);
    finish_table(ws, 0, last, all.len())
}

/// The Groups sheet, and with an outline the Objectives, Leads and Plan
/// sheets.
pub(super) fn outline_sheets(
    wb: &mut Workbook,
    report: &BoardReport,
    f: &Formats,
) -> Result<(), ExportError> {
    let groups: Vec<Fields> = report.groups.iter().map(fields_of).collect();
    definition_sheet(wb.add_worksheet(), "Groups", &GROUP_COLUMNS, &groups, f)?;
    let Some(plan) = &report.outline else {
        return Ok(());
    };
    let objectives: Vec<Fields> = plan.objectives.iter().map(objective_fields).collect();
    definition_sheet(
        wb.add_worksheet(),
        "Objectives",
        &OBJECTIVE_COLUMNS,
        &objectives,
        f,
    )?;
    let leads: Vec<Fields> = plan.leads.iter().map(fields_of).collect();
    definition_sheet(wb.add_worksheet(), "Leads", &LEAD_COLUMNS, &leads, f)?;
    plan_sheet(wb.add_worksheet(), &fields_of(plan), f)
}

/// An objective's own fields, without its actions and measures.
fn objective_fields(o: &crate::plan::Objective) -> Fields {
    let mut fields = fields_of(&crate::plan::Objective {
        actions: Vec::new(),
        measures: Vec::new(),
        ..o.clone()
    });
    fields.remove("actions");
    fields
}

/// The Plan sheet: `Field | Value`, one row per field of the plan with
/// no sheet of its own (text as written, the rest as JSON), then one per
/// extra field; a value longer than a cell continues on the next rows.
fn plan_sheet(ws: &mut Worksheet, fields: &Fields, f: &Formats) -> Result<(), ExportError> {
    ws.set_name("Plan").map_err(xerr)?;
    header(ws, 0, &[("Field", 20.0), ("Value", 100.0)], f)?;
    // The text fields first (title, organisation …), then the rest.
    let mut own: Vec<(&String, &Value)> = fields
        .iter()
        .filter(|(k, _)| !PLAN_SHEET_FIELDS.contains(&k.as_str()))
        .collect();
    own.sort_by_key(|(k, _)| {
        PLAN_TEXT_FIELDS
            .iter()
            .position(|(t, _)| t == k)
            .unwrap_or(PLAN_TEXT_FIELDS.len())
    });
    let own = own
        .into_iter()
        .map(|(k, v)| (k.clone(), cell_text(Some(v), plan_field_kind(k))));
    let extra = extra_of(fields)
        .into_iter()
        .map(|(k, v)| (format!("{EXTRA_PREFIX}{k}"), v));
    let mut row = 0u32;
    for (field, value) in own.chain(extra) {
        for piece in pieces(&value) {
            row += 1;
            text(ws, row, 0, &neutralise(&field), f)?;
            text(ws, row, 1, &neutralise(piece), f)?;
        }
    }
    finish_table(ws, 0, row, 2)
}
