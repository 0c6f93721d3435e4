//! Import options: the explicit column mapping and the knowledge about one
//! kind of file (markers, section rows, lead spellings), kept as data.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use super::headers::normalise;
use super::{Field, ImportError, Limits, TableFormat};
use crate::plan::LeadKind;
use crate::rating::KeyMeaning;

/// Where a labelled line's text goes (`Measures of success: …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelTarget {
    /// The objective's measures of success, one per list item.
    Measures,
    /// The objective's approach (`How will we achieve this:`).
    Approach,
    /// The objective's aim.
    Aim,
    /// The objective's impact.
    Impact,
    /// The objective's notes (`extra.notes`).
    Notes,
}

/// A known spelling of a lead: the name to use and what kind of lead it is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LeadSpelling {
    /// The lead's name in the plan.
    pub name: String,
    /// Role, team, organisation or person.
    #[serde(default)]
    pub kind: LeadKind,
}

/// How to import a table. Every field has a default, so `ImportOptions::default()`
/// imports any table whose header names its columns; a mapping file
/// (JSON, see [`ImportOptions::from_json`]) describes an awkward one.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ImportOptions {
    /// The input's name, used in errors (a file name).
    pub input_name: String,
    /// The input's format; [`TableFormat::Auto`] sniffs it.
    pub format: TableFormat,
    /// For a workbook: the sheet to read (default: the first with a header).
    pub sheet: Option<String>,
    /// The plan's title (default: the first title row above the header).
    pub title: Option<String>,
    /// The plan's organisation.
    pub organisation: String,
    /// Prefix for every generated id (objectives, actions, groups).
    pub id_prefix: String,
    /// A source document to record on the plan and every action: its title.
    pub source_title: Option<String>,
    /// A group every objective sits in (section groups sit under it).
    pub group: Option<String>,
    /// Text only: read from the line after the first line containing this.
    pub start_after: Option<String>,
    /// Text only: stop at the first line (after the start) containing this.
    pub end_before: Option<String>,
    /// Explicit column mapping: header text (any case and punctuation) or
    /// column index from 0 (as a string, `"3"`) to field. Overrides the
    /// synonyms.
    pub columns: BTreeMap<String, Field>,
    /// Rows with one cell that start a new objective must start with one of
    /// these (e.g. `Objective`). Absent: every one-cell row below the header
    /// starts an objective. Empty: none does (they are kept as notes).
    pub section_prefixes: Option<Vec<String>>,
    /// One-cell rows that name a group (workstream, section) rather than an
    /// objective, e.g. `Care Leavers`. Markdown headings (`## …`) always do.
    pub group_rows: Vec<String>,
    /// Labelled one-cell rows (`Measures of success:`) and where their text
    /// goes. `Measures of success` and `Success measures` are always known.
    pub labels: BTreeMap<String, LabelTarget>,
    /// Text that continues the row above after a page break even though it
    /// starts with a capital (text starting in lower case always does).
    pub continuation_starts: Vec<String>,
    /// Known lead spellings. When given, a lead cell is read by taking the
    /// longest known spelling at each point (cells that run names together).
    pub leads: BTreeMap<String, LeadSpelling>,
    /// Lead names that are named people (all others are roles).
    pub people: Vec<String>,
    /// The tracker's key: its own words for ratings and states (`"Data not
    /// available": "no_data"`, `"Parked": {"state": "deferred"}`), read
    /// before the built-in vocabulary and kept on the plan as its
    /// [`rating_key`](crate::Plan::rating_key).
    pub key: BTreeMap<String, KeyMeaning>,
    /// The date the tracker's progress was reported as at (`"2019-09-30"`):
    /// progress notes whose column header names no date and whose row has
    /// no update date are dated with it, and the plan's `reported_on` is
    /// set to it.
    pub reported_on: Option<chrono::NaiveDate>,
    /// How a cell that is only a list (bullets, numbers or lines) in the
    /// Action column is read: each item its own action (the default) or the
    /// items as sub-activities of one action.
    pub list_cells: ListCells,
    /// How large an input is read before it is refused (see [`Limits`]
    /// for the defaults and why).
    pub limits: Limits,
}

/// How an Action cell that is only a list is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListCells {
    /// Each item is an action, lined up with the lines of the lead and
    /// timescale cells where their counts match.
    #[default]
    Actions,
    /// The items are sub-activities of one action titled by the objective.
    SubActivities,
}

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions {
            input_name: "input".to_string(),
            format: TableFormat::Auto,
            sheet: None,
            title: None,
            organisation: String::new(),
            id_prefix: String::new(),
            source_title: None,
            group: None,
            start_after: None,
            end_before: None,
            columns: BTreeMap::new(),
            section_prefixes: None,
            group_rows: Vec::new(),
            labels: BTreeMap::new(),
            continuation_starts: Vec::new(),
            leads: BTreeMap::new(),
            people: Vec::new(),
            key: BTreeMap::new(),
            reported_on: None,
            list_cells: ListCells::default(),
            limits: Limits::default(),
        }
    }
}

impl ImportOptions {
    /// The default options for an input of this name (used in errors) and
    /// format ([`TableFormat::Auto`] sniffs it).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::import::{ImportOptions, TableFormat};
    ///
    /// let options = ImportOptions::new("tracker.csv", TableFormat::Csv)
    ///     .with_organisation("Anyshire County Council");
    /// assert_eq!(options.input_name, "tracker.csv");
    /// ```
    pub fn new(input_name: &str, format: TableFormat) -> ImportOptions {
        ImportOptions {
            input_name: input_name.to_string(),
            format,
            ..ImportOptions::default()
        }
    }

    /// Reads this sheet of a workbook.
    #[must_use]
    pub fn with_sheet(mut self, sheet: &str) -> ImportOptions {
        self.sheet = Some(sheet.to_string());
        self
    }

    /// Sets the plan's title.
    #[must_use]
    pub fn with_title(mut self, title: &str) -> ImportOptions {
        self.title = Some(title.to_string());
        self
    }

    /// Sets the plan's organisation.
    #[must_use]
    pub fn with_organisation(mut self, organisation: &str) -> ImportOptions {
        self.organisation = organisation.to_string();
        self
    }

    /// Sets the date the tracker's progress was reported as at.
    #[must_use]
    pub fn with_reported_on(mut self, reported_on: chrono::NaiveDate) -> ImportOptions {
        self.reported_on = Some(reported_on);
        self
    }

    /// Reads inputs up to these limits.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> ImportOptions {
        self.limits = limits;
        self
    }

    /// The mapping for lineofsight's own CSV and xlsx exports (the data file
    /// `core/data/mappings/lineofsight-export.json`). The importer knows
    /// lineofsight's own table by its header with or without it (see the
    /// [export module](crate::export#flat-tables-csv-and-xlsx)): every
    /// field the table holds comes back, and the computed columns are left
    /// out; this mapping adds the sheet's name (`Actions`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::import::{import_plan, ImportOptions};
    /// use lineofsight::report::{BoardReport, ReportOptions};
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default());
    /// let csv = lineofsight::export::actions_csv(&report).unwrap();
    /// let (back, _) = import_plan(csv.as_bytes(), &ImportOptions::lineofsight_export()).unwrap();
    /// assert_eq!(back.actions().count(), plan.actions().count());
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn lineofsight_export() -> ImportOptions {
        const MAPPING: &str = include_str!("../../data/mappings/lineofsight-export.json");
        // The file is part of the crate and checked by this doctest and the
        // round-trip tests; a broken edit falls back to the default options.
        ImportOptions::from_json(MAPPING).unwrap_or_default()
    }

    /// Reads options from a JSON mapping file, e.g.
    /// `{"columns": {"Key Outcome": "objective"}, "start_after": "## Programme Plan"}`.
    ///
    /// # Errors
    ///
    /// Returns [`ImportError::Mapping`] naming the JSON path and what is
    /// wrong (an unknown field, an unknown column field name).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::import::{Field, ImportOptions};
    ///
    /// let o = ImportOptions::from_json(r#"{"columns": {"0": "objective_ref", "Who?": "lead"}}"#)?;
    /// assert_eq!(o.columns["0"], Field::ObjectiveRef);
    /// assert!(ImportOptions::from_json(r#"{"colums": {}}"#).is_err());
    /// # Ok::<(), lineofsight::import::ImportError>(())
    /// ```
    pub fn from_json(json: &str) -> Result<ImportOptions, ImportError> {
        let de = &mut serde_json::Deserializer::from_str(json.trim_start_matches('\u{feff}'));
        let options: ImportOptions =
            serde_path_to_error::deserialize(de).map_err(|e| ImportError::Mapping {
                input: "mapping".to_string(),
                column: format!("$.{}", e.path()),
                reason: e.into_inner().to_string(),
            })?;
        options.check()?;
        Ok(options)
    }

    /// Refuses options the importer cannot work with: a lead spelling that
    /// is empty or only white space (it would match everywhere and read
    /// nothing).
    ///
    /// # Errors
    ///
    /// Returns [`ImportError::Mapping`] naming the JSON path
    /// (`$.leads[""]`).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::import::ImportOptions;
    ///
    /// let err = ImportOptions::from_json(r#"{"leads": {" ": {"name": "Nobody"}}}"#).unwrap_err();
    /// assert!(err.to_string().contains(r#"$.leads[" "]"#), "{err}");
    /// ```
    pub fn check(&self) -> Result<(), ImportError> {
        if let Some(spelling) = self.leads.keys().find(|k| k.trim().is_empty()) {
            return Err(ImportError::Mapping {
                input: "mapping".to_string(),
                column: format!("$.leads[{spelling:?}]"),
                reason: "a lead spelling is empty or only white space; each must have some text to match".to_string(),
            });
        }
        Ok(())
    }
}

/// What a one-cell row can say beyond its text, from the mapping: a label
/// (`Measures of success:`) or a group. The mapping's labels and group rows
/// are normalised once per import and looked up by key, so a row costs the
/// same however many the mapping has.
pub(crate) struct OneCellRows {
    /// Each label's normalised text: where its text goes. Where two labels
    /// normalise alike, the first in the mapping's (sorted) order wins.
    labels: HashMap<String, LabelTarget>,
    /// The normalised group rows.
    groups: HashSet<String>,
}

impl OneCellRows {
    pub(crate) fn new(options: &ImportOptions) -> OneCellRows {
        let mut labels = HashMap::with_capacity(options.labels.len());
        for (label, target) in &options.labels {
            labels.entry(normalise(label)).or_insert(*target);
        }
        OneCellRows {
            labels,
            groups: options.group_rows.iter().map(|g| normalise(g)).collect(),
        }
    }

    /// The label a one-cell row starts with, if any. `Measures of success`
    /// and `Success measures` are always known, before the mapping's own.
    pub(crate) fn label(&self, label: &str) -> Option<LabelTarget> {
        let key = normalise(label);
        if key.is_empty() {
            return None;
        }
        if key == "measures of success" || key == "success measures" {
            return Some(LabelTarget::Measures);
        }
        self.labels.get(&key).copied()
    }

    /// Whether a one-cell row's text is one of the mapping's group rows.
    pub(crate) fn is_group(&self, text: &str) -> bool {
        !self.groups.is_empty() && self.groups.contains(&normalise(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_groups_are_found_by_their_normalised_text() {
        let options = ImportOptions::from_json(
            r#"{"labels": {"How will we do it": "approach", "how-will we DO it?": "aim",
                           "Notes": "notes"},
                "group_rows": ["Care Leavers"]}"#,
        )
        .expect("a mapping");
        let rows = OneCellRows::new(&options);
        // Two labels alike: the first in sorted order (upper case first).
        assert_eq!(rows.label("HOW WILL WE DO IT"), Some(LabelTarget::Approach));
        assert_eq!(rows.label(" notes "), Some(LabelTarget::Notes));
        assert_eq!(rows.label("Success measures"), Some(LabelTarget::Measures));
        assert_eq!(rows.label("?!"), None);
        assert_eq!(rows.label("Other"), None);
        assert!(rows.is_group("care leavers"));
        assert!(!rows.is_group("Care"));
    }
}
