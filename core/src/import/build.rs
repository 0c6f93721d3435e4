//! Turning classified rows into a plan.

use chrono::NaiveDate;

use super::cells::{clean_text, find_dates, spreadsheet_error, stripped_tags, Cell};
use super::columns::{header_date, resolve};
use super::headers::{is_date_word, normalise};
use super::layout::{classify, header_key, plan_header, section_ref, RowKind};
use super::legend::read_legend;
use super::mapping::{LabelTarget, ListCells, OneCellRows};
use super::refusal::explain;
use super::spellings::{Piece, Spellings};
use super::{Field, ImportError, ImportOptions, ImportReport, Row, Table};
use crate::plan::{
    lead_id, Action, Group, Lead, LeadKind, Lifecycle, Measure, Objective, Plan, ProgressUpdate,
    RecordedRating, Ref, Source, SubActivity,
};
use crate::rating::{Fill, KeyReading, Rating, RatingKey};
use crate::timescale::{Timescale, TimescaleKind};

/// A data row being gathered, with any rows that continue it.
struct Pending {
    row: usize,
    cells: Vec<Cell>,
    /// The Ref cell as written: `12. (40, 112)` is not a list item.
    raw_ref: String,
    /// Each cell's fill colour, where the format has one.
    fills: Vec<Option<Fill>>,
    /// Progress cells of rows under a merged ref: updates of their own.
    more_updates: Vec<(usize, Cell)>,
}

struct Builder<'a> {
    options: &'a ImportOptions,
    plan: Plan,
    report: ImportReport,
    fields: Vec<Option<Field>>,
    names: Vec<String>,
    /// The date each progress column's header names.
    header_dates: Vec<Option<NaiveDate>>,
    key: RatingKey,
    /// The timescale a section heading names (`Milestones to be delivered
    /// in Quarter Two 2020/21`), for the actions under it that have none.
    section_due: Option<String>,
    /// Rows whose ref is the parent of the next row's ref (`2` above `2.1`).
    parents: std::collections::HashSet<usize>,
    group: Option<String>,
    groups: usize,
    open_label: Option<LabelTarget>,
    source: Option<String>,
    /// The ids of `plan.leads`, so adding a lead is not a scan of them all.
    lead_ids: std::collections::HashSet<String>,
    /// The mapping's lead spellings and people, searched in one pass.
    spellings: Spellings,
    /// The row each action came from, by objective and action index.
    action_rows: Vec<Vec<usize>>,
    /// The mapping's labels and group rows, looked up by key.
    one_cell_rows: OneCellRows,
}

pub(crate) fn build(
    table: &Table,
    options: &ImportOptions,
) -> Result<(Plan, ImportReport), ImportError> {
    build_in(table, options, &[])
}

/// [`build`] for a sheet of a workbook whose sheets are `sheets`: when it
/// is lineofsight's own Actions sheet, the outline sheets beside it give
/// the rest of the plan.
pub(crate) fn build_in(
    table: &Table,
    options: &ImportOptions,
    sheets: &[Table],
) -> Result<(Plan, ImportReport), ImportError> {
    options.check()?;
    let input = options.input_name.clone();
    let rows = &table.rows;
    let Some(h) = plan_header(rows, options) else {
        return Err(ImportError::NoHeader {
            input,
            reason: format!(
                "none of the {} rows names two known columns (such as Ref, Action, Lead, By when?, Progress, Status, RAG, Objective) or a column the mapping names; {}",
                rows.len(),
                explain(rows, None)
            ),
        });
    };
    let header = &rows[h];
    if super::own_export::applies(&header.cells, options) {
        return super::own_export::build(table, h, options, sheets);
    }
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut fields: Vec<Option<Field>> = (0..width)
        .map(|i| header.cells.get(i).and_then(|c| Field::from_header(c)))
        .collect();
    let names: Vec<String> = (0..width)
        .map(
            |i| match header.cells.get(i).map(|c| super::cells::clean_text(c)) {
                Some(name) if !name.is_empty() => name,
                _ => format!("column {}", i + 1),
            },
        )
        .collect();
    for (key, field) in &options.columns {
        let index = match key.parse::<usize>() {
            Ok(i) => Some(i),
            Err(_) => header
                .cells
                .iter()
                .position(|c| normalise(c) == normalise(key)),
        };
        match index {
            Some(i) if i < width => fields[i] = Some(*field),
            Some(i) => {
                return Err(ImportError::Mapping {
                    input,
                    column: key.clone(),
                    reason: format!(
                        "column index {i} (from 0) is past the table, whose last column is index {} ({:?})",
                        width.saturating_sub(1),
                        names.last().map_or("", String::as_str)
                    ),
                })
            }
            // Leaving out a column that is not there is no error.
            None if *field == Field::Ignore => {}
            None => {
                return Err(ImportError::Mapping {
                    input,
                    column: key.clone(),
                    reason: format!("the header at row {} has no such column", header.number),
                })
            }
        }
    }
    let column_notes = resolve(&mut fields, &names);
    if !fields
        .iter()
        .any(|f| matches!(f, Some(Field::Action | Field::Objective)))
    {
        return Err(ImportError::NoHeader {
            input,
            reason: format!(
                "the header has no Action or Objective column; {}",
                explain(rows, Some(h))
            ),
        });
    }
    let mut plan = Plan::new("", &options.organisation);
    plan.rating_key = options.key.clone();
    plan.reported_on = options.reported_on;
    let mut key = RatingKey::new(options.key.clone());
    if four_level_key(rows) {
        key = key.with_yellow_between_amber_and_green();
    }
    let header_dates = fields
        .iter()
        .zip(&names)
        .map(|(f, name)| match f {
            Some(Field::Progress) => header_date(name),
            _ => None,
        })
        .collect();
    // A table with action ids (lineofsight's own export) has one action a
    // row: nothing about its structure is inferred.
    let has_ids = fields.contains(&Some(Field::Id));
    let parents = if has_ids {
        std::collections::HashSet::default()
    } else {
        parent_rows(rows.get(h + 1..).unwrap_or(&[]), &fields)
    };
    let source = options.source_title.as_ref().map(|title| {
        let id = format!("{}source", options.id_prefix);
        plan.sources.push(Source {
            id: id.clone(),
            title: title.clone(),
            description: None,
        });
        id
    });
    let group = options.group.as_ref().map(|title| {
        let id = format!("{}group", options.id_prefix);
        plan.groups.push(Group {
            id: id.clone(),
            title: title.clone(),
            parent: None,
            source: source.clone(),
        });
        id
    });
    let mut b = Builder {
        options,
        plan,
        report: ImportReport {
            sheet: table.name.clone(),
            header_row: header.number,
            columns: names.iter().cloned().zip(fields.iter().copied()).collect(),
            ..ImportReport::default()
        },
        fields,
        names,
        header_dates,
        key,
        parents,
        section_due: None,
        group,
        groups: 0,
        open_label: None,
        source,
        lead_ids: std::collections::HashSet::new(),
        spellings: Spellings::new(options)?,
        action_rows: Vec::new(),
        one_cell_rows: OneCellRows::new(options),
    };
    for note in column_notes {
        let name = b.names[note.column].clone();
        b.warn(header.number, &name, note.message);
    }
    b.rows(&rows[..h], &rows[h..], &header_key(&header.cells));
    if b.report.actions == 0 {
        return Err(ImportError::NoActions {
            input,
            row: header.number,
            reason: format!(
                "none of the {} rows under the header has text in an Action column ({})",
                rows.len() - h - 1,
                b.names
                    .iter()
                    .zip(&b.fields)
                    .filter(|(_, f)| **f == Some(Field::Action))
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    if b.plan.title.is_empty() {
        b.plan.title = options.title.clone().unwrap_or_else(|| input.clone());
    }
    b.plan.leads.sort_by(|a, b| a.id.cmp(&b.id));
    if let Err(e) = b.plan.check() {
        let (row, column) = b.place_of(&e);
        return Err(ImportError::Invalid {
            input,
            row,
            column,
            reason: e.to_string(),
        });
    }
    Ok((b.plan, b.report))
}

impl Builder<'_> {
    fn warn(&mut self, row: usize, column: &str, message: String) {
        self.report.warn(row, column, message);
    }

    fn column_of(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    fn rows(&mut self, above: &[Row], table: &[Row], header: &[String]) {
        if let Some(title) = &self.options.title {
            self.plan.title = title.clone();
        }
        for row in above {
            for cell in &row.cells {
                for (word, meaning) in read_legend(cell, &self.key) {
                    let first = self.names.first().cloned().unwrap_or_default();
                    self.warn(
                        row.number,
                        &first,
                        format!("the key above the table declares {word:?} as {meaning:?}"),
                    );
                    self.key.words.insert(word.clone(), meaning);
                    self.plan.rating_key.insert(word, meaning);
                }
            }
            match classify(row, &[]) {
                RowKind::Blank | RowKind::Rule => {}
                RowKind::Single(text) if self.is_section(&text) == Some(true) => {
                    self.single(row.number, &text);
                }
                RowKind::Single(text) if self.plan.title.is_empty() => {
                    self.plan.title = Cell::parse(&text).joined();
                }
                _ => {
                    let text = row
                        .cells
                        .iter()
                        .map(|c| Cell::parse(c).joined())
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>()
                        .join(" | ");
                    self.note(row.number, &text);
                }
            }
        }
        let mut pending: Option<Pending> = None;
        let mut after_header = false;
        for row in &table[1..] {
            let kind = classify(row, header);
            match kind {
                RowKind::Blank | RowKind::Rule => {}
                RowKind::Header => {
                    let first = self.names.first().cloned().unwrap_or_default();
                    self.warn(
                        row.number,
                        &first,
                        "the header is repeated here (a page break); the row is skipped".into(),
                    );
                    after_header = true;
                }
                RowKind::Single(text) if is_page_furniture(&text) => {
                    let first = self.names.first().cloned().unwrap_or_default();
                    self.warn(
                        row.number,
                        &first,
                        format!(
                            "{:?} looks like a page header or footer; skipped",
                            short(&text)
                        ),
                    );
                }
                RowKind::Single(text) => {
                    let cell = Cell::parse(&text);
                    let list_only = cell.has_items() && cell.lead_in().is_empty();
                    let keeps = list_only && self.open_label.is_some();
                    if !keeps || pending.is_some() {
                        if let Some(p) = pending.take() {
                            self.flush(&p);
                        }
                    }
                    self.single(row.number, &text);
                }
                RowKind::Data => {
                    self.check_cells(row);
                    let mut merged = None;
                    let cells: Vec<Cell> = (0..self.fields.len())
                        .map(|i| row.cells.get(i).map(|c| Cell::parse(c)).unwrap_or_default())
                        .collect();
                    if let Some(p) = pending
                        .as_mut()
                        .filter(|_| self.continues(&cells, after_header))
                    {
                        // After a repeated header the row finishes cells
                        // cut by a page break; otherwise it sits under a
                        // merged ref and adds pieces (another lead, another
                        // update).
                        let split_text = after_header;
                        merged = Some(p.row);
                        for (i, (mine, more)) in p.cells.iter_mut().zip(cells).enumerate() {
                            let own_update = !split_text
                                && self.fields.get(i) == Some(&Some(Field::Progress))
                                && !mine.is_empty()
                                && !more.is_empty()
                                && !more.joined().starts_with(|c: char| c.is_lowercase());
                            if own_update {
                                p.more_updates.push((i, more));
                            } else {
                                // Two names in a Lead column are two leads,
                                // never one name made of both.
                                let lead = self.fields.get(i) == Some(&Some(Field::Lead));
                                mine.continue_with(
                                    more,
                                    &self.options.continuation_starts,
                                    split_text && !lead,
                                );
                            }
                        }
                        for (i, fill) in p.fills.iter_mut().enumerate() {
                            *fill = fill.or(row.fills.get(i).copied().flatten());
                        }
                    } else {
                        if let Some(p) = pending.take() {
                            self.flush(&p);
                        }
                        let raw_ref = self
                            .column_of(Field::Ref)
                            .and_then(|i| row.cells.get(i))
                            .map_or(String::new(), |c| clean_text(c));
                        let fills = (0..self.fields.len())
                            .map(|i| row.fills.get(i).copied().flatten())
                            .collect();
                        pending = Some(Pending {
                            row: row.number,
                            cells,
                            raw_ref,
                            fills,
                            more_updates: Vec::new(),
                        });
                    }
                    if let Some(first) = merged {
                        self.merged(row.number, first, after_header);
                    }
                    if row.cells.len() > self.fields.len() {
                        let n = row.number;
                        self.warn(
                            n,
                            &format!("column {}", self.fields.len() + 1),
                            "cells beyond the header's last column were ignored".into(),
                        );
                    }
                    after_header = false;
                    self.open_label = None;
                }
            }
        }
        if let Some(p) = pending.take() {
            self.flush(&p);
        }
    }

    /// Warns that a row was read into the action of the row above.
    fn merged(&mut self, row: usize, first: usize, after_header: bool) {
        let id_column = [Field::Id, Field::Ref, Field::ObjectiveRef]
            .iter()
            .find_map(|f| self.column_of(*f));
        let column = id_column.map_or_else(
            || self.names.first().cloned().unwrap_or_default(),
            |i| self.names[i].clone(),
        );
        let message = if after_header {
            format!(
                "the row continues the cells of row {first}, cut by the page break above; \
                 its text is joined to that action's"
            )
        } else {
            format!(
                "the row has no {} of its own, so it is read as part of the action on row \
                 {first} (as under a merged cell); its cells are added to that action's",
                id_column.map_or("ref".to_string(), |i| format!("{:?}", self.names[i]))
            )
        };
        self.warn(row, &column, message);
    }

    /// Warns about each cell of a data row whose text the importer changes
    /// (markup removed) or should not trust (a spreadsheet error value).
    fn check_cells(&mut self, row: &Row) {
        for (i, raw) in row.cells.iter().enumerate().take(self.fields.len()) {
            if let Some(error) = spreadsheet_error(raw) {
                let name = self.names[i].clone();
                let what = if self.fields[i] == Some(Field::Lead) {
                    "it is not read as a lead"
                } else {
                    "it is kept as written"
                };
                self.warn(
                    row.number,
                    &name,
                    format!(
                        "the cell holds the spreadsheet error {error}, not a value; {what} \
                         (check the formula in the source)"
                    ),
                );
            }
            let tags = stripped_tags(raw);
            if !tags.is_empty() {
                let name = self.names[i].clone();
                self.warn(
                    row.number,
                    &name,
                    format!(
                        "markup removed from the cell: {} (the text reads {:?})",
                        tags.join(" "),
                        short(&clean_text(raw))
                    ),
                );
            }
        }
    }

    /// Whether a data row continues the one above rather than starting an action.
    fn continues(&self, cells: &[Cell], after_header: bool) -> bool {
        let ids: Vec<usize> = [Field::Id, Field::Ref, Field::ObjectiveRef]
            .iter()
            .filter_map(|f| self.column_of(*f))
            .collect();
        // A row with an id or ref of its own is its own action, even in a
        // table with ids (lineofsight's own export).
        if !ids.is_empty() {
            return ids.iter().all(|i| cells[*i].is_empty());
        }
        if !after_header {
            return false;
        }
        let first = self
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| matches!(f, Some(Field::Objective | Field::Action)))
            .map(|(i, _)| cells[i].joined())
            .find(|t| !t.is_empty());
        match first {
            Some(t) => {
                t.starts_with(|c: char| c.is_lowercase())
                    || self
                        .options
                        .continuation_starts
                        .iter()
                        .any(|s| t.starts_with(s.as_str()))
            }
            None => true,
        }
    }

    /// `Some(true)` when a one-cell row starts an objective.
    fn is_section(&self, text: &str) -> Option<bool> {
        let key = normalise(text);
        self.options
            .section_prefixes
            .as_ref()
            .map(|prefixes| prefixes.iter().any(|p| key.starts_with(&normalise(p))))
    }

    fn single(&mut self, number: usize, text: &str) {
        let cell = Cell::parse(text);
        let joined = cell.joined();
        let first_col = self.names.first().cloned().unwrap_or_default();
        if let Some(title) = joined.strip_prefix('#') {
            self.new_group(title.trim_start_matches('#').trim());
            self.open_label = None;
            return;
        }
        if self.one_cell_rows.is_group(&joined) {
            self.new_group(&joined);
            self.open_label = None;
            return;
        }
        let lead_in = cell.lead_in();
        if let Some((label, rest)) = lead_in.split_once(':') {
            if let Some(target) = self.one_cell_rows.label(label) {
                let mut items: Vec<String> = Vec::new();
                let rest = rest.trim();
                if !rest.is_empty() {
                    items.push(rest.to_string());
                }
                items.extend(cell.items());
                self.labelled(number, target, items);
                self.open_label = Some(target);
                return;
            }
        }
        let list_only = cell.has_items() && lead_in.is_empty();
        if list_only {
            if let Some(target) = self.open_label {
                self.labelled(number, target, cell.items());
                return;
            }
        }
        let section = match self.is_section(&joined) {
            Some(s) => s,
            None => !list_only,
        };
        if !section {
            self.warn(
                number,
                &first_col,
                format!(
                    "text outside the table's rows kept as a note: {}",
                    short(&joined)
                ),
            );
            self.note(number, &joined);
            return;
        }
        let parts = cell.parts();
        let (reference, title) = section_ref(parts.first().map_or("", String::as_str));
        let n = self.plan.objectives.len() + 1;
        let mut o = Objective::new(&format!("{}o{n}", self.options.id_prefix), &title);
        o.reference = reference.map(|r| Ref::new(&r));
        o.group.clone_from(&self.group);
        o.source.clone_from(&self.source);
        if parts.len() > 1 {
            o.aim = Some(parts[1..].join(" "));
        }
        self.section_due = heading_timescale(&joined);
        self.plan.objectives.push(o);
        self.open_label = Some(LabelTarget::Aim);
    }

    fn new_group(&mut self, title: &str) {
        self.groups += 1;
        let id = format!("{}g{}", self.options.id_prefix, self.groups);
        self.plan.groups.push(Group {
            id: id.clone(),
            title: title.to_string(),
            parent: self
                .options
                .group
                .as_ref()
                .map(|_| format!("{}group", self.options.id_prefix)),
            source: self.source.clone(),
        });
        self.group = Some(id);
    }

    fn note(&mut self, _row: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        let extra = match self.plan.objectives.last_mut() {
            Some(o) => &mut o.extra,
            None => &mut self.plan.extra,
        };
        append(extra.entry("notes".to_string()).or_default(), text, "\n");
    }

    fn objective(&mut self) -> &mut Objective {
        if self.plan.objectives.is_empty() {
            let title = if self.plan.title.is_empty() {
                "Actions".to_string()
            } else {
                self.plan.title.clone()
            };
            let mut o = Objective::new(&format!("{}o1", self.options.id_prefix), &title);
            o.group.clone_from(&self.group);
            o.source.clone_from(&self.source);
            self.plan.objectives.push(o);
        }
        let last = self.plan.objectives.len() - 1;
        &mut self.plan.objectives[last]
    }

    fn labelled(&mut self, number: usize, target: LabelTarget, items: Vec<String>) {
        let first_col = self.names.first().cloned().unwrap_or_default();
        if self.plan.objectives.is_empty() {
            self.warn(
                number,
                &first_col,
                "labelled text before any objective starts one".into(),
            );
        }
        let source = self.source.clone();
        let o = self.objective();
        let text = items.join(" ");
        match target {
            LabelTarget::Measures => {
                for item in items {
                    let id = format!("{}-m{}", o.id, o.measures.len() + 1);
                    o.measures.push(Measure {
                        source: source.clone(),
                        ..Measure::new(&id, &item)
                    });
                }
            }
            LabelTarget::Approach => append(o.approach.get_or_insert_with(String::new), &text, " "),
            LabelTarget::Aim => append(o.aim.get_or_insert_with(String::new), &text, " "),
            LabelTarget::Impact => append(o.impact.get_or_insert_with(String::new), &text, " "),
            LabelTarget::Notes => append(o.extra.entry("notes".into()).or_default(), &text, "\n"),
        }
    }

    fn flush(&mut self, p: &Pending) {
        let cell = |f: Field| {
            self.column_of(f)
                .map(|i| p.cells[i].clone())
                .unwrap_or_default()
        };
        let (objective, objective_ref, action_cell, ref_cell) = (
            cell(Field::Objective),
            cell(Field::ObjectiveRef),
            cell(Field::Action),
            cell(Field::Ref),
        );
        // A parent ref heads its children when its row gives nothing an
        // action has beyond text (no lead, date, rating or status).
        let heads = self.parents.contains(&p.row)
            && [Field::Lead, Field::Timescale, Field::Rag, Field::Status]
                .iter()
                .all(|f| cell(*f).is_empty());
        if !objective.is_empty() || !objective_ref.is_empty() {
            let title = objective.joined();
            let same = self.plan.objectives.last().is_some_and(|o| {
                o.title == title
                    && (objective_ref.is_empty()
                        || o.reference.as_ref().map(crate::plan::Ref::as_str)
                            == Some(objective_ref.joined().as_str()))
            });
            if !same {
                self.new_objective(
                    &title,
                    (!objective_ref.is_empty()).then(|| objective_ref.joined()),
                );
            }
        }
        let row = p.row;
        let (reference, cross_references) = split_ref(&p.raw_ref);
        if let Some(r) = reference.as_ref().filter(|_| heads) {
            let title = if action_cell.is_empty() {
                objective.joined()
            } else {
                action_cell.joined()
            };
            let col = self.column_name(Field::Ref);
            self.warn(
                row,
                &col,
                format!("ref {r} is the parent of the refs below it, so the row is an objective, not an action"),
            );
            self.new_objective(&title, Some(r.clone()));
            self.objective_cells(p);
            return;
        }
        let (lead_in, items) = {
            // Lines that each start with their own ref (`2.1 Buy…`, `2.2
            // Register…`) are a list too.
            let parts = action_cell.parts();
            if parts.len() > 1 && parts.iter().all(|t| item_ref(t).0.is_some()) {
                (String::new(), parts)
            } else {
                (action_cell.lead_in(), action_cell.items())
            }
        };
        let rest_filled = self.fields.iter().enumerate().any(|(i, f)| {
            !matches!(
                f,
                Some(Field::Objective | Field::ObjectiveRef | Field::Measure | Field::Impact)
            ) && !p.cells[i].is_empty()
        });
        if lead_in.is_empty() && items.is_empty() && !rest_filled {
            self.objective_cells(p);
            return;
        }
        if lead_in.is_empty()
            && items.len() > 1
            && self.options.list_cells == ListCells::Actions
            && self.column_of(Field::Id).is_none()
        {
            let n = items.len();
            let col = self.column_name(Field::Action);
            self.warn(
                row,
                &col,
                format!("the cell is a list of {n} items; each is read as an action"),
            );
            for (k, item) in items.into_iter().enumerate() {
                let (item_ref, text) = item_ref(&item);
                let mut a = self.action(p, Some(k), n, &text);
                a.reference = item_ref.map(|r| Ref::new(&r)).or_else(|| {
                    let parts = ref_cell.parts();
                    (parts.len() == n).then(|| Ref::new(&parts[k]))
                });
                self.push_action(p.row, a);
            }
            self.objective_cells(p);
            return;
        }
        let (text, subs) = match (lead_in.is_empty(), items.len()) {
            (true, 1) => (items[0].clone(), Vec::new()),
            (true, 0) => (String::new(), items),
            // Sub-activities under their objective's title; with no
            // objective, the first item names the action (never the plan's
            // title).
            (true, _) if self.plan.objectives.is_empty() => {
                let mut items = items;
                let first = items.remove(0);
                (first, items)
            }
            (true, _) => (self.objective().title.clone(), items),
            _ => (lead_in, items),
        };
        if text.is_empty() {
            let col = self.column_name(Field::Action);
            self.warn(
                row,
                &col,
                "the row has no action text; the action's text is empty".into(),
            );
        }
        let mut a = self.action(p, None, 1, &text);
        a.reference = reference.map(|r| Ref::new(&r));
        if let Some(x) = cross_references {
            a.extra.insert("cross_references".into(), x);
        }
        a.sub_activities = subs
            .into_iter()
            .map(|t| SubActivity {
                text: t,
                timescale: Timescale::default(),
                state: None,
            })
            .collect();
        match self.column_of(Field::Timescale) {
            Some(i) if !p.cells[i].is_empty() => {
                let name = self.names[i].clone();
                self.timescale(row, &name, &p.cells[i], &mut a);
            }
            _ => {
                if let Some(due) = self.section_due.clone() {
                    let col = self.column_name(Field::Timescale);
                    self.warn(
                        row,
                        &col,
                        format!("no timescale on the row; the section heading's {due:?} is used"),
                    );
                    a.timescale = Timescale::parse(&due);
                }
            }
        }
        self.objective_cells(p);
        self.push_action(p.row, a);
    }

    fn push_action(&mut self, row: usize, a: Action) {
        self.objective().actions.push(a);
        self.report.actions += 1;
        let o = self.plan.objectives.len();
        self.action_rows.resize_with(o, Vec::new);
        if let Some(rows) = self.action_rows.last_mut() {
            rows.push(row);
        }
    }

    /// The row and column an invariant error's JSON path points at
    /// (`$.objectives[0].actions[3].id`: the fourth action's row, the Id
    /// column), or the header row and `-` when the path names no action.
    fn place_of(&self, e: &crate::LoadError) -> (usize, String) {
        let crate::LoadError::Invalid { path, .. } = e else {
            return (self.report.header_row, "-".to_string());
        };
        let index = |after: &str| -> Option<(usize, &str)> {
            let rest = path.split_once(after)?.1;
            let (n, rest) = rest.split_once(']')?;
            Some((n.parse().ok()?, rest))
        };
        let Some(((o, _), (a, rest))) = index("objectives[").zip(index("actions[")) else {
            return (self.report.header_row, "-".to_string());
        };
        let row = self
            .action_rows
            .get(o)
            .and_then(|rows| rows.get(a))
            .copied()
            .unwrap_or(self.report.header_row);
        let field = match rest.trim_start_matches('.').split(['.', '[']).next() {
            Some("id") => Some(Field::Id),
            Some("ref") => Some(Field::Ref),
            Some("leads") => Some(Field::Lead),
            Some("text") => Some(Field::Action),
            Some("timescale") => Some(Field::Timescale),
            _ => None,
        };
        let column = field
            .and_then(|f| self.column_of(f))
            .map_or("-".to_string(), |i| self.names[i].clone());
        (row, column)
    }

    fn column_name(&self, field: Field) -> String {
        self.column_of(field)
            .map_or("-".to_string(), |i| self.names[i].clone())
    }

    fn new_objective(&mut self, title: &str, reference: Option<String>) {
        let n = self.plan.objectives.len() + 1;
        let mut o = Objective::new(&format!("{}o{n}", self.options.id_prefix), title);
        o.reference = reference.map(|r| Ref::new(&r));
        o.group.clone_from(&self.group);
        o.source.clone_from(&self.source);
        self.plan.objectives.push(o);
    }

    /// One action from a row: the `item`-th of `items` when the Action cell
    /// is a list (lead, timescale, rating and progress cells with as many
    /// lines give each item its own line), otherwise the whole row.
    // p, a and o are the pending row, the action and its objective throughout.
    #[allow(clippy::many_single_char_names)]
    fn action(&mut self, p: &Pending, item: Option<usize>, items: usize, text: &str) -> Action {
        let row = p.row;
        let o_id = self.objective().id.clone();
        let n = self.objective().actions.len() + 1;
        let id = match self.column_of(Field::Id).map(|i| p.cells[i].joined()) {
            Some(id) if !id.is_empty() => id,
            _ => format!("{o_id}-a{n}"),
        };
        let mut a = Action::new(&id, text, "");
        a.source.clone_from(&self.source);
        // The cell of a column for this action: its own line when the
        // Action cell is a list and the counts match.
        let own = |c: &Cell| -> Cell {
            match item {
                Some(k) if c.pieces.len() == items => Cell {
                    pieces: c.pieces.get(k).cloned().into_iter().collect(),
                },
                _ => c.clone(),
            }
        };
        let update_date = self
            .column_of(Field::UpdateDate)
            .and_then(|i| Timescale::parse(&p.cells[i].joined()).due())
            .or(self.options.reported_on);
        let mut state_from: Option<String> = None;
        let mut rating_text: Option<String> = None;
        for (i, field) in self.fields.clone().into_iter().enumerate() {
            let c = own(&p.cells[i]);
            if c.is_empty() {
                let fill = p.fills.get(i).copied().flatten();
                if let (Some(Field::Rag), Some(fill)) = (field, fill) {
                    if let Some(rating) = Rating::from_fill(fill) {
                        let name = self.names[i].clone();
                        self.warn(
                            row,
                            &name,
                            format!("no text, only a #{fill} fill: read as {rating}"),
                        );
                        let reading = KeyReading {
                            rating: Some(rating),
                            state: (rating == Rating::Blue).then_some(Lifecycle::Complete),
                        };
                        Self::apply(&mut a, reading, "", &mut rating_text);
                    }
                }
                continue;
            }
            let name = self.names[i].clone();
            match field {
                Some(
                    Field::Action
                    | Field::Objective
                    | Field::ObjectiveRef
                    | Field::Measure
                    | Field::Impact
                    | Field::Id
                    | Field::Ref
                    | Field::UpdateDate
                    | Field::Ignore,
                ) => {}
                Some(Field::Lead) => {
                    let leads = self.leads(row, &name, &c);
                    if a.leads.is_empty() {
                        a.leads = leads;
                    } else {
                        // A second Lead column: a set, so a cell of many
                        // leads is not a scan of them all per lead.
                        let mut seen: std::collections::HashSet<String> =
                            a.leads.iter().cloned().collect();
                        a.leads
                            .extend(leads.into_iter().filter(|l| seen.insert(l.clone())));
                    }
                }
                Some(Field::Timescale) => {
                    if let Some(k) = item {
                        // Own line, else the k-th of as many dates as items.
                        let whole = p.cells[i].joined();
                        let dates = find_dates(&whole);
                        let text = if p.cells[i].pieces.len() != items && dates.len() == items {
                            dates.get(k).cloned().unwrap_or(whole)
                        } else {
                            c.joined()
                        };
                        a.timescale = Timescale::parse(&text);
                        self.check_timescale(row, &name, &a.timescale);
                    }
                }
                Some(Field::Progress) => {
                    let date = self.header_dates.get(i).copied().flatten().or(update_date);
                    a.progress.push(ProgressUpdate {
                        date,
                        ..ProgressUpdate::undated(&c.parts().join(" "))
                    });
                    if item.is_none() {
                        for (_, more) in p.more_updates.iter().filter(|(j, _)| *j == i) {
                            a.progress.push(ProgressUpdate {
                                date,
                                ..ProgressUpdate::undated(&more.parts().join(" "))
                            });
                        }
                    }
                }
                Some(Field::Evidence) => {
                    append(a.evidence.get_or_insert_with(String::new), &c.joined(), " ");
                }
                Some(Field::Rag) => {
                    let text = c.joined();
                    match self.key.read(&text) {
                        Ok(reading) => {
                            Self::apply(&mut a, reading, &text, &mut rating_text);
                            if reading.state.is_some() {
                                state_from = Some(name.clone());
                            }
                            if reading.rating.is_none() {
                                self.warn(row, &name, format!("{text:?} is a lifecycle word, not a rating: it sets the action's state to {}", a.state.name()));
                            }
                        }
                        Err(e) => {
                            self.warn(row, &name, format!("{e}; kept in the action's extra"));
                            a.extra.insert(name, text);
                        }
                    }
                }
                Some(Field::Status) => {
                    let text = c.joined();
                    match self.key.read(&text) {
                        Ok(reading) => {
                            let reading = KeyReading {
                                // A rating word in a Status column counts
                                // only when no RAG column gave one.
                                rating: reading.rating.filter(|_| {
                                    reading.state.is_none() && self.column_of(Field::Rag).is_none()
                                }),
                                ..reading
                            };
                            Self::apply(&mut a, reading, &text, &mut rating_text);
                            state_from = Some(name.clone());
                        }
                        Err(_) if text.split_whitespace().count() > 4 => {
                            self.warn(row, &name, format!("the status {:?} is not a lifecycle or rating word; kept as progress commentary", short(&text)));
                            a.progress.push(ProgressUpdate {
                                date: update_date,
                                ..ProgressUpdate::undated(&text)
                            });
                        }
                        Err(e) => {
                            self.warn(row, &name, format!("{e}; kept in the action's extra"));
                            a.extra.insert(name, text);
                        }
                    }
                }
                None => {
                    a.extra.insert(name, c.joined());
                }
            }
        }
        if state_from.is_none() {
            self.state_from_progress(row, &mut a);
        }
        if a.state == Lifecycle::InProgress
            && a.timescale.raw().trim().eq_ignore_ascii_case("achieved")
        {
            a.state = Lifecycle::Complete;
        }
        a
    }

    /// Sets what a rating or status cell says on the action.
    fn apply(a: &mut Action, reading: KeyReading, text: &str, rating_text: &mut Option<String>) {
        if let Some(rating) = reading.rating {
            if rating_text.is_none() {
                a.recorded_rating = Some(RecordedRating {
                    rating,
                    text: Some(text.to_string()).filter(|t| !t.is_empty()),
                });
                *rating_text = Some(text.to_string());
            }
        }
        if let Some(state) = reading.state {
            a.state = state;
        }
    }

    /// A progress note that opens with a status word (`Completed. The
    /// policy was signed off…`) sets the state when no column did.
    fn state_from_progress(&mut self, row: usize, a: &mut Action) {
        let Some(last) = a.progress.last() else {
            return;
        };
        let Some((state, word)) = self.key.opening_state(&last.note) else {
            return;
        };
        let word = word.to_string();
        a.state = state;
        let col = self.column_name(Field::Progress);
        self.warn(
            row,
            &col,
            format!(
                "the progress note opens with {word:?}, so the action's state is read as {}",
                state.name()
            ),
        );
    }

    /// Measures and impact given in columns belong to the objective.
    fn objective_cells(&mut self, p: &Pending) {
        let source = self.source.clone();
        for (i, field) in self.fields.clone().into_iter().enumerate() {
            let c = &p.cells[i];
            if c.is_empty() {
                continue;
            }
            match field {
                Some(Field::Measure) => {
                    let o = self.objective();
                    let items = if c.has_items() {
                        c.parts()
                    } else {
                        vec![c.joined()]
                    };
                    for item in items {
                        let id = format!("{}-m{}", o.id, o.measures.len() + 1);
                        o.measures.push(Measure {
                            source: source.clone(),
                            ..Measure::new(&id, &item)
                        });
                    }
                }
                Some(Field::Impact) => {
                    let o = self.objective();
                    append(o.impact.get_or_insert_with(String::new), &c.joined(), " ");
                }
                _ => {}
            }
        }
    }

    fn timescale(&mut self, row: usize, column: &str, c: &Cell, a: &mut Action) {
        let text = c.joined();
        let dates = find_dates(&text);
        let n = a.sub_activities.len();
        if n > 1 && dates.len() == n {
            for (sub, date) in a.sub_activities.iter_mut().zip(dates) {
                sub.timescale = Timescale::parse(&date);
            }
            return;
        }
        a.timescale = Timescale::parse(&text);
        if n > 1 && dates.len() > 1 {
            let note = format!("The When? cell has {} dates for {n} activities, so they are kept together as the action's timescale.", dates.len());
            self.warn(row, column, note.clone());
            a.extra.insert("timescale_note".into(), note);
        } else {
            let t = a.timescale.clone();
            self.check_timescale(row, column, &t);
        }
    }

    fn check_timescale(&mut self, row: usize, column: &str, t: &Timescale) {
        if *t.kind() == TimescaleKind::NotUnderstood {
            self.warn(
                row,
                column,
                format!(
                    "timescale {:?} is not a date lineofsight understands; kept as written",
                    short(t.raw())
                ),
            );
        }
    }

    fn leads(&mut self, row: usize, column: &str, c: &Cell) -> Vec<String> {
        let mut names: Vec<(String, LeadKind)> = Vec::new();
        if self.spellings.any() {
            // Names run together across pieces: read the cell as one text.
            let text = c.parts().join(" ").replace(';', " ");
            for piece in self.spellings.pieces(&text) {
                match piece {
                    Piece::Known(name, kind) => names.push((name, kind)),
                    // Text between known spellings is kept as a lead, with a warning.
                    Piece::Unknown(text) => {
                        self.warn(
                            row,
                            column,
                            format!("lead text {text:?} is not a known spelling; kept as a lead"),
                        );
                        names.push((text, LeadKind::Role));
                    }
                }
            }
        } else {
            for part in c.parts() {
                for piece in split_leads(&part) {
                    names.push((piece, LeadKind::Role));
                }
            }
        }
        let mut ids = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (name, kind) in names {
            let id = lead_id(&name);
            // `#REF!` is a broken formula, not a lead (check_cells warns).
            if id.is_empty() || spreadsheet_error(&name).is_some() {
                continue;
            }
            let kind = if self.spellings.is_person(&name) {
                LeadKind::Person
            } else {
                kind
            };
            if !self.lead_ids.contains(&id) {
                self.plan.leads.push(Lead::new(&id, &name, kind));
                self.lead_ids.insert(id.clone());
            }
            if seen.insert(id.clone()) {
                ids.push(id);
            }
        }
        ids
    }
}

/// The timescale a heading names, from its first date word on:
/// `Milestones to be delivered in Quarter Two 2020/21` gives `Quarter Two
/// 2020/21`, when that reads as a date.
fn heading_timescale(heading: &str) -> Option<String> {
    let start = heading.split_whitespace().position(|w| {
        let n = normalise(w);
        !n.is_empty() && (is_date_word(&n) || n.chars().any(|c| c.is_ascii_digit()))
    })?;
    let text = heading
        .split_whitespace()
        .skip(start)
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.trim_end_matches(['.', ':', ')']).to_string();
    Timescale::parse(&text).due().map(|_| text)
}

/// Splits a lead cell's line into leads at `;`, at `,` between two names
/// that each name a role (`YOS manager, early help service manager`, but
/// not `Head of Safeguarding, Inspection and Audit`), and at `/` (only
/// between names of two words or more, or with spaces round it, so
/// `CSE/Missing Co-ordinator` stays one).
fn split_leads(text: &str) -> Vec<String> {
    const ROLE_WORDS: &[&str] = &[
        "head",
        "manager",
        "director",
        "officer",
        "lead",
        "leader",
        "team",
        "coordinator",
        "co-ordinator",
        "adviser",
        "advisor",
        "nurse",
        "service",
        "services",
        "board",
        "partnership",
        "panel",
        "chair",
        "commissioner",
        "psychologist",
        "worker",
        "principal",
        "teacher",
        "unit",
        "council",
        "cllr",
        "member",
        "group",
        "forum",
        "consultant",
        "champion",
        "practitioner",
        "analyst",
        "assistant",
        "hos",
        "dcs",
        "iro",
        "school",
    ];
    let names_role = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
    };
    let mut out: Vec<String> = Vec::new();
    for piece in text.split(';') {
        let mut names: Vec<String> = Vec::new();
        for part in piece.split(',') {
            match names.last_mut() {
                Some(last) if !(names_role(last) && names_role(part)) => {
                    last.push(',');
                    last.push_str(part);
                }
                _ => names.push(part.to_string()),
            }
        }
        for name in names {
            let words = |s: &str| s.split_whitespace().count();
            let halves: Vec<&str> = name.split('/').collect();
            let split = halves.len() > 1
                && (name.contains(" /")
                    || name.contains("/ ")
                    || halves.iter().all(|h| words(h) >= 2));
            if split {
                out.extend(halves.into_iter().map(str::to_string));
            } else {
                out.push(name);
            }
        }
    }
    out.into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// A line such as `Oakleigh MBC – Corporate Parenting Strategy    Page 2`
/// or `Page 3 of 7`, which a table copied out of a PDF carries between
/// its pages.
fn is_page_furniture(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    words.len() <= 16
        && words
            .windows(2)
            .any(|w| w[0] == "page" && w[1].chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// Splits a ref cell such as `12. (40, 112)` into the ref (`12`) and the
/// cross-references after it (`40, 112`).
fn split_ref(text: &str) -> (Option<String>, Option<String>) {
    let text = text.trim();
    if text.is_empty() {
        return (None, None);
    }
    let (head, cross) = match text.split_once('(') {
        Some((head, rest)) if !head.trim().is_empty() => (
            head.trim(),
            Some(rest.trim_end_matches(')').trim().to_string()).filter(|x| !x.is_empty()),
        ),
        _ => (text, None),
    };
    // `12.` and `3)` are refs 12 and 3; `(4)` stays as written.
    let head = if head.starts_with('(') {
        head
    } else {
        head.trim_end_matches(['.', ':', ')']).trim()
    };
    (Some(head.to_string()).filter(|h| !h.is_empty()), cross)
}

/// The ref a list item starts with (`3.1 Review the pledge`), if any.
fn item_ref(item: &str) -> (Option<String>, String) {
    if let Some((first, rest)) = item.split_once(' ') {
        let r = first.trim_end_matches(['.', ')', ':']);
        let looks = r.starts_with(|c: char| c.is_ascii_digit())
            && r.contains('.')
            && r.len() <= 8
            && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
        if looks && !rest.trim().is_empty() {
            return (Some(r.to_string()), rest.trim().to_string());
        }
    }
    (None, item.to_string())
}

/// The rows whose ref is the parent of the next row's ref: `2` directly
/// above `2.1` or `2a`. Only the next ref counts, since refs restart in
/// each section of many plans.
fn parent_rows(rows: &[Row], fields: &[Option<Field>]) -> std::collections::HashSet<usize> {
    let mut parents = std::collections::HashSet::new();
    let Some(col) = fields.iter().position(|f| *f == Some(Field::Ref)) else {
        return parents;
    };
    let refs: Vec<(usize, String)> = rows
        .iter()
        .filter_map(|r| {
            let text = clean_text(r.cells.get(col)?);
            Some((r.number, split_ref(&text).0?))
        })
        .collect();
    for pair in refs.windows(2) {
        let [(row, parent), (_, child)] = pair else {
            continue;
        };
        let boundary = child.strip_prefix(parent.as_str()).and_then(|rest| {
            let c = rest.chars().next()?;
            let last = parent.chars().last()?;
            Some(
                c == '.'
                    || (c.is_ascii_lowercase() && last.is_ascii_digit())
                    || (c.is_ascii_digit() && last.is_ascii_alphabetic()),
            )
        });
        if boundary == Some(true) {
            parents.insert(*row);
        }
    }
    parents
}

/// Whether the table's key uses Yellow as a fourth level between Amber and
/// Green: both words appear in it.
fn four_level_key(rows: &[Row]) -> bool {
    let mentions = |word: &str| {
        rows.iter()
            .flat_map(|r| &r.cells)
            .any(|c| c.len() < 200 && c.to_ascii_lowercase().contains(word))
    };
    mentions("yellow") && mentions("amber")
}

fn append(target: &mut String, text: &str, sep: &str) {
    if text.is_empty() {
        return;
    }
    if !target.is_empty() {
        target.push_str(sep);
    }
    target.push_str(text);
}

fn short(text: &str) -> String {
    if text.chars().count() > 80 {
        format!("{}…", text.chars().take(80).collect::<String>())
    } else {
        text.to_string()
    }
}
