//! Turning classified rows into a plan.

use super::cells::{find_dates, Cell};
use super::headers::normalise;
use super::layout::{classify, header_key, plan_header, section_ref, RowKind};
use super::mapping::LabelTarget;
use super::{Field, ImportError, ImportOptions, ImportReport, ImportWarning, Row, Table};
use crate::plan::{
    lead_id, Action, Group, Lead, LeadKind, Lifecycle, Measure, Objective, Plan, RecordedRating,
    Ref, Source, SubActivity,
};
use crate::rating::Rating;
use crate::timescale::{Timescale, TimescaleKind};

/// A data row being gathered, with any rows that continue it.
struct Pending {
    row: usize,
    cells: Vec<Cell>,
}

struct Builder<'a> {
    options: &'a ImportOptions,
    plan: Plan,
    report: ImportReport,
    fields: Vec<Option<Field>>,
    names: Vec<String>,
    group: Option<String>,
    groups: usize,
    open_label: Option<LabelTarget>,
    source: Option<String>,
}

pub(crate) fn build(
    table: &Table,
    options: &ImportOptions,
) -> Result<(Plan, ImportReport), ImportError> {
    let input = options.input_name.clone();
    let rows = &table.rows;
    let Some(h) = plan_header(rows, options) else {
        return Err(ImportError::NoHeader {
            input,
            reason: format!(
                "none of the {} rows names two of the columns Ref, Action, Lead, By when?, Progress, Evidence, RAG, Key Outcome, Measures of success, Impact (or a column the mapping names)",
                rows.len()
            ),
        });
    };
    let header = &rows[h];
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
            Some(_) => {}
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
    if !fields
        .iter()
        .any(|f| matches!(f, Some(Field::Action | Field::Objective)))
    {
        return Err(ImportError::NoHeader {
            input,
            reason: format!(
                "the header at row {} has no Action or Objective column",
                header.number
            ),
        });
    }
    let mut plan = Plan::new("", &options.organisation);
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
        group,
        groups: 0,
        open_label: None,
        source,
    };
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
    b.plan.check().map_err(|e| ImportError::Invalid {
        input,
        row: 0,
        column: "-".to_string(),
        reason: e.to_string(),
    })?;
    Ok((b.plan, b.report))
}

impl Builder<'_> {
    fn warn(&mut self, row: usize, column: &str, message: String) {
        self.report.warnings.push(ImportWarning {
            row,
            column: column.to_string(),
            message,
        });
    }

    fn column_of(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    fn rows(&mut self, above: &[Row], table: &[Row], header: &[String]) {
        if let Some(title) = &self.options.title {
            self.plan.title = title.clone();
        }
        for row in above {
            match classify(row, &[]) {
                RowKind::Blank | RowKind::Rule => {}
                RowKind::Single(text) if self.is_section(&text) == Some(true) => {
                    self.single(row.number, &text)
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
                RowKind::Blank | RowKind::Rule => continue,
                RowKind::Header => {
                    after_header = true;
                    continue;
                }
                RowKind::Single(text) => {
                    let cell = Cell::parse(&text);
                    let list_only = cell.has_items() && cell.lead_in().is_empty();
                    let keeps = list_only && self.open_label.is_some();
                    if !keeps || pending.is_some() {
                        if let Some(p) = pending.take() {
                            self.flush(p);
                        }
                    }
                    self.single(row.number, &text);
                }
                RowKind::Data => {
                    let cells: Vec<Cell> = (0..self.fields.len())
                        .map(|i| row.cells.get(i).map(|c| Cell::parse(c)).unwrap_or_default())
                        .collect();
                    if let Some(p) = pending
                        .as_mut()
                        .filter(|_| self.continues(&cells, after_header))
                    {
                        for (mine, more) in p.cells.iter_mut().zip(cells) {
                            mine.continue_with(more, &self.options.continuation_starts);
                        }
                    } else {
                        if let Some(p) = pending.take() {
                            self.flush(p);
                        }
                        pending = Some(Pending {
                            row: row.number,
                            cells,
                        });
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
            self.flush(p);
        }
    }

    /// Whether a data row continues the one above rather than starting an action.
    fn continues(&self, cells: &[Cell], after_header: bool) -> bool {
        if let Some(i) = self.column_of(Field::Id) {
            return cells[i].is_empty();
        }
        let ids: Vec<usize> = [Field::Ref, Field::ObjectiveRef]
            .iter()
            .filter_map(|f| self.column_of(*f))
            .collect();
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
        if self
            .options
            .group_rows
            .iter()
            .any(|g| normalise(g) == normalise(&joined))
        {
            self.new_group(&joined);
            self.open_label = None;
            return;
        }
        let lead_in = cell.lead_in();
        if let Some((label, rest)) = lead_in.split_once(':') {
            if let Some(target) = self.options.label(label) {
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
        o.group = self.group.clone();
        o.source = self.source.clone();
        if parts.len() > 1 {
            o.aim = Some(parts[1..].join(" "));
        }
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
            o.group = self.group.clone();
            o.source = self.source.clone();
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

    fn flush(&mut self, p: Pending) {
        let cell = |f: Field| {
            self.column_of(f)
                .map(|i| p.cells[i].clone())
                .unwrap_or_default()
        };
        let (objective, objective_ref, action_cell) = (
            cell(Field::Objective),
            cell(Field::ObjectiveRef),
            cell(Field::Action),
        );
        if !objective.is_empty() || !objective_ref.is_empty() {
            let title = objective.joined();
            let same = self.plan.objectives.last().is_some_and(|o| {
                o.title == title
                    && (objective_ref.is_empty()
                        || o.reference.as_ref().map(|r| r.as_str())
                            == Some(objective_ref.joined().as_str()))
            });
            if !same {
                let n = self.plan.objectives.len() + 1;
                let mut o = Objective::new(&format!("{}o{n}", self.options.id_prefix), &title);
                if !objective_ref.is_empty() {
                    o.reference = Some(Ref::new(&objective_ref.joined()));
                }
                o.group = self.group.clone();
                o.source = self.source.clone();
                self.plan.objectives.push(o);
            }
        }
        let mut text = action_cell.lead_in();
        let items = action_cell.items();
        let objective_title = self.objective().title.clone();
        let row = p.row;
        if text.is_empty() && !items.is_empty() {
            text = objective_title;
        }
        let rest_filled = self.fields.iter().enumerate().any(|(i, f)| {
            !matches!(
                f,
                Some(Field::Objective | Field::ObjectiveRef | Field::Measure | Field::Impact)
            ) && !p.cells[i].is_empty()
        });
        if text.is_empty() && !rest_filled {
            self.objective_cells(&p);
            return;
        }
        if text.is_empty() {
            let col = self
                .column_of(Field::Action)
                .map_or("-".to_string(), |i| self.names[i].clone());
            self.warn(
                row,
                &col,
                "the row has no action text; the action's text is empty".into(),
            );
        }
        let o_id = self.objective().id.clone();
        let n = self.objective().actions.len() + 1;
        let id = match self.column_of(Field::Id).map(|i| p.cells[i].joined()) {
            Some(id) if !id.is_empty() => id,
            _ => format!("{o_id}-a{n}"),
        };
        let mut a = Action::new(&id, &text, "");
        a.source = self.source.clone();
        a.sub_activities = items
            .into_iter()
            .map(|t| SubActivity {
                text: t,
                timescale: Timescale::default(),
                state: None,
            })
            .collect();
        for (i, field) in self.fields.clone().into_iter().enumerate() {
            let c = &p.cells[i];
            if c.is_empty() {
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
                    | Field::Ignore,
                ) => {}
                Some(Field::Ref) => a.reference = Some(Ref::new(&c.joined())),
                Some(Field::Lead) => a.leads = self.leads(row, &name, c),
                Some(Field::Timescale) => self.timescale(row, &name, c, &mut a),
                Some(Field::Progress) => {
                    a.extra.insert("progress".into(), c.joined());
                }
                Some(Field::Evidence) => a.evidence = Some(c.joined()),
                Some(Field::Rag) => match Rating::parse_recorded(&c.joined()) {
                    Ok(s) => {
                        a.recorded_rating = Some(RecordedRating {
                            rating: s.rating,
                            text: Some(c.joined()),
                        });
                        if let Some(state) = s.implies {
                            a.state = state;
                        }
                    }
                    Err(e) => {
                        self.warn(row, &name, format!("{e}; kept in the action's extra"));
                        a.extra.insert(name, c.joined());
                    }
                },
                None => {
                    a.extra.insert(name, c.joined());
                }
            }
        }
        if a.state == Lifecycle::InProgress
            && a.timescale.raw().trim().eq_ignore_ascii_case("achieved")
        {
            a.state = Lifecycle::Complete;
        }
        self.objective_cells(&p);
        self.objective().actions.push(a);
        self.report.actions += 1;
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
        } else if *a.timescale.kind() == TimescaleKind::NotUnderstood {
            self.warn(
                row,
                column,
                format!(
                    "timescale {:?} is not a date lineofsight understands; kept as written",
                    short(&text)
                ),
            );
        }
    }

    fn leads(&mut self, row: usize, column: &str, c: &Cell) -> Vec<String> {
        let mut names: Vec<(String, LeadKind)> = Vec::new();
        if self.options.leads.is_empty() {
            for part in c.parts() {
                for piece in part.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                    names.push((piece.to_string(), LeadKind::Role));
                }
            }
        } else {
            // Names run together across pieces: read the cell as one text.
            let text = c.parts().join(" ").replace(';', " ");
            self.known_leads(row, column, &text, &mut names);
        }
        let mut ids = Vec::new();
        for (name, kind) in names {
            let id = lead_id(&name);
            if id.is_empty() {
                continue;
            }
            let kind = if self.options.people.iter().any(|p| p == &name) {
                LeadKind::Person
            } else {
                kind
            };
            if self.plan.lead(&id).is_none() {
                self.plan.leads.push(Lead::new(&id, &name, kind));
            }
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// Reads a cell that runs lead names together by the longest known
    /// spelling at each point.
    fn known_leads(
        &mut self,
        row: usize,
        column: &str,
        text: &str,
        out: &mut Vec<(String, LeadKind)>,
    ) {
        let mut rest = text.trim();
        let mut unknown = String::new();
        while !rest.is_empty() {
            if unknown.is_empty() {
                rest = rest.trim_start_matches([' ', '/', ',', '–', '-']);
                if rest.is_empty() {
                    break;
                }
            }
            let found = self
                .options
                .leads
                .iter()
                .filter(|(k, _)| rest.starts_with(k.as_str()))
                .max_by_key(|(k, _)| k.len());
            match found {
                Some((k, spelling)) => {
                    if !unknown.trim().is_empty() {
                        out.push((unknown.trim().to_string(), LeadKind::Role));
                        self.warn(
                            row,
                            column,
                            format!(
                                "lead text {:?} is not a known spelling; kept as a lead",
                                unknown.trim()
                            ),
                        );
                        unknown.clear();
                    }
                    out.push((spelling.name.clone(), spelling.kind));
                    rest = &rest[k.len()..];
                }
                None => {
                    let c = rest.chars().next().unwrap_or(' ');
                    unknown.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        if !unknown.trim().is_empty() {
            out.push((unknown.trim().to_string(), LeadKind::Role));
            self.warn(
                row,
                column,
                format!(
                    "lead text {:?} is not a known spelling; kept as a lead",
                    unknown.trim()
                ),
            );
        }
    }
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
