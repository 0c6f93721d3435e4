//! Reading lineofsight's own CSV and xlsx Actions sheet back: one action a
//! row, every cell taken as written (only the `'` the exporter put in
//! front of formula-like text is taken off), nothing inferred. The columns
//! worked out from the plan (ratings, reasons, due dates, the commentary
//! as of a date) are left out; see the [export module
//! documentation](crate::export#flat-tables-csv-and-xlsx) for what each
//! column holds and what "the same plan" means.

use std::collections::{HashMap, HashSet};

use super::{Field, ImportError, ImportOptions, ImportReport, ImportWarning, Table};
use crate::export::table_cells::{
    column_named, rating_named, read_date, read_history, read_names, read_path, read_progress,
    read_sub_activities, restore, state_named, Column, EXTRA_PREFIX,
};
use crate::plan::{
    lead_id, Action, Group, Lead, LeadKind, Objective, Plan, RecordedRating, Ref, Source,
};
use crate::rating::RatingKey;
use crate::timescale::Timescale;

/// What a column of the table is read as.
#[derive(Clone)]
enum Role {
    Known(Column),
    /// An extra field, under this key.
    Extra(String),
    Skip,
}

/// The field a column is listed as in the import report; `None` for the
/// export's own columns that have no [`Field`] (objective id, groups,
/// start, sub-activities) and for extra fields.
fn field_of(role: &Role) -> Option<Field> {
    let Role::Known(c) = role else {
        return None;
    };
    if c.output_only() {
        return Some(Field::Ignore);
    }
    match c {
        Column::ObjectiveRef => Some(Field::ObjectiveRef),
        Column::Objective => Some(Field::Objective),
        Column::Ref => Some(Field::Ref),
        Column::ActionId => Some(Field::Id),
        Column::Action => Some(Field::Action),
        Column::Timescale => Some(Field::Timescale),
        Column::Leads => Some(Field::Lead),
        Column::Evidence => Some(Field::Evidence),
        Column::State => Some(Field::Status),
        Column::RecordedRag | Column::RecordedRagText => Some(Field::Rag),
        Column::Progress => Some(Field::Progress),
        _ => None,
    }
}

/// Whether the import should read the table at `header` as lineofsight's
/// own export: its header is the export's, and the options map no column
/// the export does not have (a mapping that does wins).
pub(crate) fn applies(header: &[String], options: &ImportOptions) -> bool {
    crate::export::table_cells::is_own_table(header)
        && options.columns.keys().all(|k| column_named(k).is_some())
}

struct Reader<'a> {
    options: &'a ImportOptions,
    plan: Plan,
    report: ImportReport,
    key: RatingKey,
    source: Option<String>,
    objectives: HashMap<String, usize>,
    objective_ids: HashSet<String>,
    action_ids: HashSet<String>,
    /// Each group's id, by the id of the group it sits in and its title.
    groups: HashMap<(Option<String>, String), String>,
    /// The ids of `plan.groups`.
    group_ids: HashSet<String>,
    /// The number of the next group the rows make (`g4`).
    next_group: usize,
    /// Each lead's name, by id.
    leads: HashMap<String, String>,
    /// The id of each lead the Leads sheet names, by name (the first, when
    /// two leads share a name).
    named: HashMap<String, String>,
    /// Names the Leads sheet gives to more than one lead, with their ids.
    shared_names: HashMap<String, Vec<String>>,
    /// The ids of the plan's sources.
    sources: HashSet<String>,
}

/// The outline sheets' plan, where the workbook has them.
#[cfg(feature = "xlsx")]
fn outline(sheets: &[Table], report: &mut ImportReport) -> Option<Plan> {
    super::own_workbook::read(sheets, report)
}

#[cfg(not(feature = "xlsx"))]
fn outline(_: &[Table], _: &mut ImportReport) -> Option<Plan> {
    None
}

/// Builds the plan from lineofsight's own table, its header at `h`, and
/// the outline sheets among `sheets` (the workbook's; none for text), which
/// give the plan, objectives, measures, leads and groups the rows belong to.
pub(crate) fn build(
    table: &Table,
    h: usize,
    options: &ImportOptions,
    sheets: &[Table],
) -> Result<(Plan, ImportReport), ImportError> {
    let input = options.input_name.clone();
    let header = &table.rows[h];
    let mut seen = HashSet::new();
    let mut warnings = Vec::new();
    let names: Vec<String> = header
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| match restore(c).trim() {
            "" => format!("column {}", i + 1),
            name => name.to_string(),
        })
        .collect();
    let roles: Vec<Role> = names
        .iter()
        .map(|name| {
            if let Some(key) = name.strip_prefix(EXTRA_PREFIX) {
                return Role::Extra(key.to_string());
            }
            let dropped = options
                .columns
                .iter()
                .any(|(k, f)| *f == Field::Ignore && column_named(k) == column_named(name));
            match column_named(name) {
                Some(_) if dropped => Role::Skip,
                Some(c) if seen.insert(c) => Role::Known(c),
                // A second copy of a worked-out column is as output-only
                // as the first.
                Some(c) if c.output_only() => Role::Skip,
                Some(_) => {
                    warnings.push(ImportWarning {
                        row: header.number,
                        column: name.clone(),
                        message: "a second column of the same name; kept as an extra field".into(),
                    });
                    Role::Extra(name.clone())
                }
                None => Role::Extra(name.clone()),
            }
        })
        .collect();
    let mut outline_report = ImportReport::default();
    let outline = outline(sheets, &mut outline_report);
    let had_outline = outline.is_some();
    let mut plan = if let Some(mut plan) = outline {
        if let Some(title) = &options.title {
            plan.title.clone_from(title);
        }
        if !options.organisation.is_empty() {
            plan.organisation.clone_from(&options.organisation);
        }
        if !options.key.is_empty() {
            plan.rating_key = options.key.clone();
        }
        plan.reported_on = options.reported_on.or(plan.reported_on);
        plan
    } else {
        let mut plan = Plan::new(
            options.title.as_deref().unwrap_or(&input),
            &options.organisation,
        );
        plan.rating_key = options.key.clone();
        plan.reported_on = options.reported_on;
        plan
    };
    let source = options.source_title.as_ref().map(|title| {
        let mut id = format!("{}source", options.id_prefix);
        let mut n = 1;
        while plan.sources.iter().any(|s| s.id == id) {
            n += 1;
            id = format!("{}source-{n}", options.id_prefix);
        }
        plan.sources.push(Source {
            id: id.clone(),
            title: title.clone(),
            description: None,
        });
        id
    });
    let mut r = Reader {
        options,
        report: ImportReport {
            sheet: table.name.clone(),
            header_row: header.number,
            columns: names
                .iter()
                .cloned()
                .zip(roles.iter().map(field_of))
                .collect(),
            actions: 0,
            warnings,
        },
        key: RatingKey::new(plan.rating_key.clone()),
        source,
        objectives: HashMap::new(),
        objective_ids: HashSet::new(),
        action_ids: HashSet::new(),
        groups: HashMap::new(),
        group_ids: HashSet::new(),
        next_group: 1,
        leads: HashMap::new(),
        named: HashMap::new(),
        shared_names: HashMap::new(),
        sources: plan.sources.iter().map(|s| s.id.clone()).collect(),
        plan,
    };
    r.know_outline();
    for row in table.rows.get(h + 1..).unwrap_or(&[]) {
        let cells: Vec<&str> = row.cells.iter().map(|c| restore(c)).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if cells.len() > roles.len() {
            r.warn(
                row.number,
                &format!("column {}", roles.len() + 1),
                "cells beyond the header's last column were ignored".into(),
            );
        }
        r.row(row.number, &roles, &names, &cells)?;
    }
    // A workbook's outline sheets give a plan even with no actions yet.
    if r.report.actions == 0 && !had_outline {
        return Err(ImportError::NoActions {
            input,
            row: header.number,
            reason: "lineofsight's own table has no rows under its header".to_string(),
        });
    }
    if !had_outline {
        r.plan.leads.sort_by(|a, b| a.id.cmp(&b.id));
    }
    r.report.warnings.extend(outline_report.warnings);
    r.plan.check().map_err(|e| ImportError::Invalid {
        input,
        row: 0,
        column: "-".to_string(),
        reason: e.to_string(),
    })?;
    Ok((r.plan, r.report))
}

impl Reader<'_> {
    /// Makes the outline's objectives, groups and leads known, so the
    /// rows join them rather than make new ones.
    fn know_outline(&mut self) {
        for (i, o) in self.plan.objectives.iter().enumerate() {
            self.objectives.insert(o.id.clone(), i);
            self.objective_ids.insert(o.id.clone());
        }
        for g in &self.plan.groups {
            self.group_ids.insert(g.id.clone());
            self.groups
                .entry((g.parent.clone(), g.title.clone()))
                .or_insert_with(|| g.id.clone());
        }
        let mut ids_of: HashMap<&str, Vec<String>> = HashMap::new();
        for l in &self.plan.leads {
            self.leads.insert(l.id.clone(), l.name.clone());
            self.named
                .entry(l.name.clone())
                .or_insert_with(|| l.id.clone());
            ids_of
                .entry(l.name.as_str())
                .or_default()
                .push(l.id.clone());
        }
        self.shared_names = ids_of
            .into_iter()
            .filter(|(_, ids)| ids.len() > 1)
            .map(|(name, ids)| (name.to_string(), ids))
            .collect();
    }

    fn warn(&mut self, row: usize, column: &str, message: String) {
        self.report.warn(row, column, message);
    }

    fn row(
        &mut self,
        number: usize,
        roles: &[Role],
        names: &[String],
        cells: &[&str],
    ) -> Result<(), ImportError> {
        let get = |c: Column| -> (&str, &str) {
            roles
                .iter()
                .position(|r| matches!(r, Role::Known(k) if *k == c))
                .map_or(("", "-"), |i| {
                    (cells.get(i).copied().unwrap_or(""), names[i].as_str())
                })
        };
        let o = self.objective(
            get(Column::ObjectiveId).0,
            get(Column::ObjectiveRef).0,
            get(Column::Objective).0,
            get(Column::Groups).0,
        );
        let (id_cell, id_column) = get(Column::ActionId);
        let id = if id_cell.trim().is_empty() {
            let n = self.plan.objectives[o].actions.len() + 1;
            let mut id = format!("{}-a{n}", self.plan.objectives[o].id);
            while self.action_ids.contains(&id) {
                id.push('x');
            }
            self.warn(
                number,
                id_column,
                format!("the row has no action id; it is {id:?}"),
            );
            id
        } else {
            id_cell.to_string()
        };
        if !self.action_ids.insert(id.clone()) {
            return Err(ImportError::Invalid {
                input: self.options.input_name.clone(),
                row: number,
                column: id_column.to_string(),
                reason: format!("action id {id:?} is on an earlier row too"),
            });
        }
        let mut a = Action::new(&id, get(Column::Action).0, "");
        a.timescale = match get(Column::Timescale).0 {
            "" => Timescale::default(),
            t => Timescale::parse(t),
        };
        a.reference = Some(get(Column::Ref).0)
            .filter(|t| !t.trim().is_empty())
            .map(Ref::new);
        a.evidence = Some(get(Column::Evidence).0)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        a.source = match get(Column::Source).0.trim() {
            "" => self.source.clone(),
            id => Some(self.known_source(id)),
        };
        let (leads, column) = get(Column::Leads);
        for name in read_names(leads) {
            if let Some(id) = self.lead(number, column, &name) {
                if !a.leads.contains(&id) {
                    a.leads.push(id);
                }
            }
        }
        self.state(number, get(Column::State), &mut a);
        self.recorded(
            number,
            get(Column::RecordedRag),
            get(Column::RecordedRagText),
            &mut a,
        );
        let (start, column) = get(Column::Start);
        if !start.trim().is_empty() {
            match read_date(start) {
                Some(d) => a.start = Some(d),
                None => self.keep(number, column, start, "is not a date (YYYY-MM-DD)", &mut a),
            }
        }
        let (progress, column) = get(Column::Progress);
        match read_progress(progress) {
            Ok(updates) => a.progress = updates,
            Err(e) => self.keep(number, column, progress, &e, &mut a),
        }
        let (subs, column) = get(Column::SubActivities);
        match read_sub_activities(subs) {
            Ok(subs) => a.sub_activities = subs,
            Err(e) => self.keep(number, column, subs, &e, &mut a),
        }
        let (history, column) = get(Column::History);
        match read_history(history) {
            Ok(changes) => a.set_history(changes),
            Err(e) => self.keep(number, column, history, &e, &mut a),
        }
        for (i, role) in roles.iter().enumerate() {
            let cell = cells.get(i).copied().unwrap_or("");
            if let Role::Extra(key) = role {
                if !cell.is_empty() {
                    a.extra.insert(key.clone(), cell.to_string());
                }
            }
        }
        self.plan.objectives[o].actions.push(a);
        self.report.actions += 1;
        Ok(())
    }

    /// Keeps a cell that does not read in the action's extra fields, with
    /// a warning.
    fn keep(&mut self, row: usize, column: &str, text: &str, why: &str, a: &mut Action) {
        self.warn(
            row,
            column,
            format!("{why}; kept in the action's extra as {column:?}"),
        );
        a.extra.insert(column.to_string(), text.to_string());
    }

    fn state(&mut self, row: usize, (text, column): (&str, &str), a: &mut Action) {
        if text.trim().is_empty() {
            return;
        }
        let state = state_named(text).or_else(|| self.key.read(text).ok().and_then(|k| k.state));
        match state {
            Some(s) => a.state = s,
            None => self.keep(row, column, text, "not a lifecycle state", a),
        }
    }

    fn recorded(
        &mut self,
        row: usize,
        (rag, rag_column): (&str, &str),
        (text, text_column): (&str, &str),
        a: &mut Action,
    ) {
        let text = Some(text.to_string()).filter(|t| !t.is_empty());
        let (word, column) = if rag.trim().is_empty() {
            (text.clone().unwrap_or_default(), text_column)
        } else {
            (rag.to_string(), rag_column)
        };
        if word.trim().is_empty() {
            return;
        }
        let rating =
            rating_named(&word).or_else(|| self.key.read(&word).ok().and_then(|k| k.rating));
        match rating {
            Some(rating) => a.recorded_rating = Some(RecordedRating { rating, text }),
            None => self.keep(row, column, &word, "not a rating lineofsight knows", a),
        }
    }

    /// The lead called `name`, added to the plan the first time.
    fn lead(&mut self, row: usize, column: &str, name: &str) -> Option<String> {
        if let Some(id) = self.named.get(name).cloned() {
            if let Some(ids) = self.shared_names.get(name) {
                let message = format!(
                    "the Leads sheet has {} leads called {name:?} ({}); read as {id:?}",
                    ids.len(),
                    ids.join(", ")
                );
                self.warn(row, column, message);
            }
            return Some(id);
        }
        let id = lead_id(name);
        if id.is_empty() {
            self.warn(
                row,
                column,
                format!("lead {name:?} has no letters or digits; left out"),
            );
            return None;
        }
        match self.leads.get(&id) {
            Some(known) if known != name => {
                let known = known.clone();
                self.warn(
                    row,
                    column,
                    format!("lead {name:?} has the same id as {known:?}; read as {known:?}"),
                );
            }
            Some(_) => {}
            None => {
                self.leads.insert(id.clone(), name.to_string());
                self.plan.leads.push(Lead::new(&id, name, LeadKind::Role));
            }
        }
        Some(id)
    }

    /// The source `id`, added to the plan (titled with its id) when the
    /// plan does not list it, as in a CSV, which has no sources.
    fn known_source(&mut self, id: &str) -> String {
        if self.sources.insert(id.to_string()) {
            self.plan.sources.push(Source {
                id: id.to_string(),
                title: id.to_string(),
                description: None,
            });
        }
        id.to_string()
    }

    /// The objective a row belongs to: by its id, or where the table has
    /// none, by its ref, title and groups; made the first time it is seen.
    fn objective(&mut self, id: &str, reference: &str, title: &str, groups: &str) -> usize {
        let key = if id.trim().is_empty() {
            format!("\u{0}{reference}\u{0}{title}\u{0}{groups}")
        } else {
            id.to_string()
        };
        if let Some(&i) = self.objectives.get(&key) {
            return i;
        }
        let id = if id.trim().is_empty() {
            let mut n = self.plan.objectives.len() + 1;
            let mut id = format!("{}o{n}", self.options.id_prefix);
            while self.objective_ids.contains(&id) {
                n += 1;
                id = format!("{}o{n}", self.options.id_prefix);
            }
            id
        } else {
            id.to_string()
        };
        let mut o = Objective::new(&id, title);
        o.reference = Some(reference)
            .filter(|t| !t.trim().is_empty())
            .map(Ref::new);
        o.group = self.group(&read_path(groups));
        o.source.clone_from(&self.source);
        let i = self.plan.objectives.len();
        self.plan.objectives.push(o);
        self.objective_ids.insert(id.clone());
        self.objectives.insert(key, i);
        self.objectives.insert(id, i);
        i
    }

    /// The group at the end of a path of titles (outermost first), made
    /// with the groups it sits in the first time it is seen.
    fn group(&mut self, path: &[String]) -> Option<String> {
        let mut parent: Option<String> = None;
        for title in path {
            let key = (parent.clone(), title.clone());
            let id = if let Some(id) = self.groups.get(&key) {
                id.clone()
            } else {
                let mut id = format!("{}g{}", self.options.id_prefix, self.next_group);
                while self.group_ids.contains(&id) {
                    self.next_group += 1;
                    id = format!("{}g{}", self.options.id_prefix, self.next_group);
                }
                self.next_group += 1;
                self.group_ids.insert(id.clone());
                self.plan.groups.push(Group {
                    id: id.clone(),
                    title: title.clone(),
                    parent: parent.clone(),
                    source: self.source.clone(),
                });
                self.groups.insert(key, id.clone());
                id
            };
            parent = Some(id);
        }
        parent
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{BoardReport, ReportOptions};

    #[test]
    fn the_built_in_plan_comes_back_with_its_sub_activities_and_progress() {
        let plan = crate::builtin("lancashire").expect("built-in plan");
        let as_of = chrono::NaiveDate::from_ymd_opt(2019, 12, 31).expect("date");
        let report = BoardReport::build(
            &plan,
            as_of,
            &plan.rules_or_default(),
            &ReportOptions::default(),
        );
        let csv = crate::export::actions_csv(&report).expect("csv");
        let (back, _) =
            crate::import::import_plan(csv.as_bytes(), &ImportOptions::default()).expect("import");
        for (a, b) in plan.actions().zip(back.actions()) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.sub_activities, b.sub_activities, "{}", a.id);
            assert_eq!(a.progress, b.progress, "{}", a.id);
        }
        assert_eq!(plan.actions().count(), back.actions().count());
    }
}
