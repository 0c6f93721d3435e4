//! How lineofsight's own flat tables (the CSV and the xlsx Actions sheet)
//! write what has no column of its own, and read it back: the one place
//! both the exporters and the importer use, so the two cannot drift.
//!
//! See the [module documentation](super#flat-tables-csv-and-xlsx) for the
//! syntax as a reader of the table sees it.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::plan::{ActionChange, Lifecycle, ProgressUpdate, SubActivity};
use crate::rating::Rating;
use crate::report::{BoardReport, ReportRow};
use crate::timescale::Timescale;

/// The characters that make a spreadsheet read a cell as a formula (or, for
/// tab and carriage return, hide what follows). `'` is in the set too, so
/// that a value that really starts with `'` keeps it on the way back.
const GUARDED_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// The prefix of an extra field's column header: `extra: Budget`.
pub(crate) const EXTRA_PREFIX: &str = "extra: ";

/// A column of lineofsight's own table of actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Column {
    ObjectiveRef,
    Objective,
    Group,
    Ref,
    ActionId,
    Action,
    Timescale,
    Due,
    Leads,
    Evidence,
    State,
    LatestUpdateDate,
    LatestUpdate,
    RecordedRating,
    ComputedRating,
    Rating,
    Overridden,
    ReasonCode,
    Reason,
    ObjectiveId,
    Groups,
    Start,
    RecordedRag,
    RecordedRagText,
    Progress,
    SubActivities,
    Source,
    History,
}

/// Every column in order: the CSV's header, the workbook's header and the
/// workbook's column width. The first nineteen are the columns exports
/// had before the rest were added, in the same places.
pub(crate) const COLUMNS: [(Column, &str, &str, f64); 28] = [
    (Column::ObjectiveRef, "objective_ref", "Objective ref", 10.0),
    (Column::Objective, "objective", "Objective", 30.0),
    (Column::Group, "group", "Group", 20.0),
    (Column::Ref, "ref", "Ref", 8.0),
    (Column::ActionId, "action_id", "Action id", 12.0),
    (Column::Action, "action", "Action", 50.0),
    (Column::Timescale, "timescale", "Timescale", 16.0),
    (Column::Due, "due", "Due", 11.0),
    (Column::Leads, "leads", "Leads", 24.0),
    (Column::Evidence, "evidence", "Evidence", 30.0),
    (Column::State, "state", "State", 11.0),
    (
        Column::LatestUpdateDate,
        "latest_update_date",
        "Latest update",
        11.0,
    ),
    (
        Column::LatestUpdate,
        "latest_update",
        "Latest update note",
        30.0,
    ),
    (
        Column::RecordedRating,
        "recorded_rating",
        "Recorded rating",
        10.0,
    ),
    (
        Column::ComputedRating,
        "computed_rating",
        "Computed rating",
        10.0,
    ),
    (Column::Rating, "rating", "Rating", 10.0),
    (Column::Overridden, "overridden", "Overridden", 10.0),
    (Column::ReasonCode, "reason_code", "Reason code", 16.0),
    (Column::Reason, "reason", "Reason", 45.0),
    (Column::ObjectiveId, "objective_id", "Objective id", 10.0),
    (Column::Groups, "groups", "Groups", 20.0),
    (Column::Start, "start", "Start", 11.0),
    (Column::RecordedRag, "recorded_rag", "Recorded RAG", 10.0),
    (
        Column::RecordedRagText,
        "recorded_rag_text",
        "Recorded RAG as written",
        14.0,
    ),
    (Column::Progress, "progress", "Progress", 50.0),
    (
        Column::SubActivities,
        "sub_activities",
        "Sub-activities",
        40.0,
    ),
    (Column::Source, "source", "Source", 12.0),
    (Column::History, "history", "History", 40.0),
];

impl Column {
    /// Whether the column is only output: worked out from the plan and the
    /// date (ratings, reasons, due dates, the commentary as of the date) or
    /// a copy of another column (`group`), and ignored on import.
    pub(crate) fn output_only(self) -> bool {
        matches!(
            self,
            Column::Group
                | Column::Due
                | Column::LatestUpdateDate
                | Column::LatestUpdate
                | Column::RecordedRating
                | Column::ComputedRating
                | Column::Rating
                | Column::Overridden
                | Column::ReasonCode
                | Column::Reason
        )
    }
}

/// The column a header names: its CSV name exactly, else its workbook
/// header or CSV name in any case, with `_`, `-` and spaces alike. (The
/// exact match comes first because the workbook's `Latest update` is the
/// date column and the CSV's `latest_update` the note.)
pub(crate) fn column_named(header: &str) -> Option<Column> {
    let key = |s: &str| s.trim().to_lowercase().replace(['_', '-'], " ");
    let wanted = key(header);
    let exact = COLUMNS.iter().find(|(_, csv, ..)| *csv == header.trim());
    exact
        .or_else(|| COLUMNS.iter().find(|(_, _, label, _)| key(label) == wanted))
        .or_else(|| COLUMNS.iter().find(|(_, csv, ..)| key(csv) == wanted))
        .map(|(c, ..)| *c)
}

/// Whether a header row is lineofsight's own table of actions: it has the
/// action id and the computed columns no tracker has.
pub(crate) fn is_own_table(header: &[String]) -> bool {
    [Column::ActionId, Column::ComputedRating, Column::ReasonCode]
        .iter()
        .all(|c| header.iter().any(|h| column_named(h) == Some(*c)))
}

/// A cell as written: with one `'` in front when it starts with `=`, `+`,
/// `-`, `@`, a tab, a carriage return or `'`, so no spreadsheet runs it.
pub(crate) fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(GUARDED_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell as read back: [`neutralise`] undone, by taking off exactly one
/// `'` when the character after it is one of the guarded ones. Any other
/// text is left as it is.
pub(crate) fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(GUARDED_STARTS) => rest,
        _ => cell,
    }
}

/// Escapes one field of a list cell: `\` as `\\`, a line break as `\n`, a
/// carriage return as `\r` and the cell's separator as `\` and itself.
fn escape(text: &str, separator: char) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == separator => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Splits `text` at every `separator` not escaped with `\`, undoing
/// [`escape`] in each part. A `\` before any other character is kept as
/// written (a hand edit), so reading never fails.
fn split_unescaped(text: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        let last = parts.len() - 1;
        let part = &mut parts[last];
        match c {
            '\\' => match chars.next() {
                Some('n') => part.push('\n'),
                Some('r') => part.push('\r'),
                Some(e) if e == '\\' || e == separator => part.push(e),
                Some(e) => {
                    part.push('\\');
                    part.push(e);
                }
                None => part.push('\\'),
            },
            c if c == separator => parts.push(String::new()),
            c => part.push(c),
        }
    }
    parts
}

/// The lines of a list cell: none for an empty cell, otherwise one per
/// line break (escaped text has none of its own).
fn lines(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('\n').filter(move |_| !cell.is_empty())
}

/// One line of ` | `-separated fields, trailing empty fields left off
/// (but never all of them: an item's line is never empty).
fn fields_line(fields: &[String]) -> String {
    let keep = fields
        .iter()
        .rposition(|f| !f.is_empty())
        .map_or(1, |i| i + 1);
    let mut line = fields[..keep]
        .iter()
        .map(|f| escape(f, '|'))
        .collect::<Vec<_>>()
        .join(" | ");
    if line.is_empty() {
        // Every field empty: the separator keeps the line from being blank.
        line = " | ".to_string();
    }
    line
}

/// The fields of a line written by [`fields_line`]: split at unescaped
/// `|`, each losing the one space on either side that the separator adds.
fn line_fields(line: &str) -> Vec<String> {
    let parts = split_unescaped(line, '|');
    let last = parts.len() - 1;
    parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let p = if i > 0 {
                p.strip_prefix(' ').map(str::to_string).unwrap_or(p)
            } else {
                p
            };
            if i < last {
                p.strip_suffix(' ').map(str::to_string).unwrap_or(p)
            } else {
                p
            }
        })
        .collect()
}

/// Names joined with `; `, each escaped (`;` as `\;`).
pub(crate) fn names_cell(names: &[String]) -> String {
    names
        .iter()
        .map(|n| escape(n, ';'))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The names of a [`names_cell`]: split at unescaped `;`, trimmed, empty
/// ones left out.
pub(crate) fn read_names(cell: &str) -> Vec<String> {
    split_unescaped(cell, ';')
        .into_iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// Titles one a line (a group and the groups it sits in, outermost first).
pub(crate) fn path_cell(titles: &[String]) -> String {
    titles
        .iter()
        .map(|t| escape(t, '\n'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The titles of a [`path_cell`].
pub(crate) fn read_path(cell: &str) -> Vec<String> {
    lines(cell)
        .map(|l| split_unescaped(l, '\n').concat())
        .collect()
}

/// A date as an export writes it: ISO 8601 (`2019-09-30`), or as the
/// workbook reader gives back an Excel date (`30/09/2019`).
pub(crate) fn read_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .ok()
}

/// A rating by its standard name (`Amber/Green`) or code (`amber_green`).
pub(crate) fn rating_named(text: &str) -> Option<Rating> {
    let t = text.trim();
    Rating::ALL
        .into_iter()
        .find(|r| r.name().eq_ignore_ascii_case(t) || r.code() == t)
}

/// A lifecycle state by its name (`not started`) or code (`not_started`).
pub(crate) fn state_named(text: &str) -> Option<Lifecycle> {
    let t = text.trim().to_lowercase().replace('_', " ");
    [
        Lifecycle::NotStarted,
        Lifecycle::InProgress,
        Lifecycle::Complete,
        Lifecycle::Deferred,
        Lifecycle::Cancelled,
    ]
    .into_iter()
    .find(|s| s.name() == t)
}

/// Every progress update, one a line: `date | note | rating | percent% |
/// by`, with `undated` for no date and trailing empty fields left off.
pub(crate) fn progress_cell(updates: &[ProgressUpdate]) -> String {
    updates
        .iter()
        .map(|u| {
            fields_line(&[
                u.date
                    .map_or_else(|| "undated".to_string(), |d| d.to_string()),
                u.note.clone(),
                u.rating.map(|r| r.name().to_string()).unwrap_or_default(),
                u.percent_complete
                    .map(|p| format!("{p}%"))
                    .unwrap_or_default(),
                u.by.clone().unwrap_or_default(),
            ])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line of a list cell, split into its fields, for the readers below.
struct CellLine {
    number: usize,
    fields: Vec<String>,
}

impl CellLine {
    /// The lines of a list cell, numbered from 1.
    fn all(cell: &str) -> impl Iterator<Item = CellLine> + '_ {
        lines(cell).enumerate().map(|(i, line)| CellLine {
            number: i + 1,
            fields: line_fields(line),
        })
    }

    /// Field `k`, empty when the line has fewer.
    fn field(&self, k: usize) -> &str {
        self.fields.get(k).map_or("", String::as_str)
    }

    /// What is wrong, naming the line: `line 2: what "text"`.
    fn error(&self, what: &str, text: &str) -> String {
        format!("line {}: {what} {text:?}", self.number)
    }
}

/// The updates of a [`progress_cell`].
///
/// # Errors
///
/// A sentence naming the line and what is wrong with it (a date, rating
/// or percentage that does not read).
pub(crate) fn read_progress(cell: &str) -> Result<Vec<ProgressUpdate>, String> {
    CellLine::all(cell)
        .map(|line| {
            let at = |what: &str, text: &str| line.error(what, text);
            let field = |k: usize| line.field(k);
            let date = match field(0).trim() {
                "" | "undated" => None,
                d => Some(read_date(d).ok_or_else(|| at("the date is not YYYY-MM-DD:", d))?),
            };
            let rating = match field(2).trim() {
                "" => None,
                r => Some(rating_named(r).ok_or_else(|| at("no rating is called", r))?),
            };
            let percent_complete = match field(3).trim() {
                "" => None,
                p => Some(
                    p.trim_end_matches('%')
                        .trim()
                        .parse::<f64>()
                        .ok()
                        .filter(|x| x.is_finite())
                        .ok_or_else(|| at("the percentage does not read:", p))?,
                ),
            };
            Ok(ProgressUpdate {
                date,
                note: field(1).to_string(),
                rating,
                percent_complete,
                by: Some(field(4).to_string()).filter(|b| !b.is_empty()),
            })
        })
        .collect()
}

/// Every dated change of state or timescale, one a line: `date | state |
/// from | to` or `date | timescale | from | to`.
pub(crate) fn history_cell(changes: &[ActionChange]) -> String {
    changes
        .iter()
        .map(|c| match c {
            ActionChange::State { date, from, to } => fields_line(&[
                date.to_string(),
                "state".into(),
                from.name().into(),
                to.name().into(),
            ]),
            ActionChange::Timescale { date, from, to } => fields_line(&[
                date.to_string(),
                "timescale".into(),
                from.raw().to_string(),
                to.raw().to_string(),
            ]),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The changes of a [`history_cell`].
///
/// # Errors
///
/// A sentence naming the line and what is wrong with it (a date, field
/// or state that does not read).
pub(crate) fn read_history(cell: &str) -> Result<Vec<ActionChange>, String> {
    CellLine::all(cell)
        .map(|line| {
            let at = |what: &str, text: &str| line.error(what, text);
            let field = |k: usize| line.field(k);
            let date = read_date(field(0).trim())
                .ok_or_else(|| at("the date is not YYYY-MM-DD:", field(0)))?;
            let state =
                |k: usize| state_named(field(k)).ok_or_else(|| at("no state is called", field(k)));
            match field(1).trim() {
                "state" => Ok(ActionChange::State {
                    date,
                    from: state(2)?,
                    to: state(3)?,
                }),
                "timescale" => Ok(ActionChange::Timescale {
                    date,
                    from: Timescale::parse(field(2)),
                    to: Timescale::parse(field(3)),
                }),
                other => Err(at("a change is of state or timescale, not", other)),
            }
        })
        .collect()
}

/// Every sub-activity, one a line: `text | timescale | state`, trailing
/// empty fields left off (no state: it follows its action's).
pub(crate) fn sub_activities_cell(subs: &[SubActivity]) -> String {
    subs.iter()
        .map(|s| {
            fields_line(&[
                s.text.clone(),
                s.timescale.raw().to_string(),
                s.state.map(|x| x.name().to_string()).unwrap_or_default(),
            ])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sub-activities of a [`sub_activities_cell`].
///
/// # Errors
///
/// A sentence naming the line whose state is not a lifecycle state.
pub(crate) fn read_sub_activities(cell: &str) -> Result<Vec<SubActivity>, String> {
    CellLine::all(cell)
        .map(|line| {
            let field = |k: usize| line.field(k);
            let state = match field(2).trim() {
                "" => None,
                s => Some(state_named(s).ok_or_else(|| {
                    format!("line {}: {s:?} is not a lifecycle state", line.number)
                })?),
            };
            Ok(SubActivity {
                text: field(0).to_string(),
                timescale: if field(1).is_empty() {
                    Timescale::default()
                } else {
                    Timescale::parse(field(1))
                },
                state,
            })
        })
        .collect()
}

/// A row's cell in a column, as text (before [`neutralise`]).
pub(crate) fn cell(r: &ReportRow, column: Column) -> String {
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    match column {
        Column::ObjectiveRef => text(&r.objective_ref),
        Column::Objective => r.objective.clone(),
        Column::Group => text(&r.group),
        Column::Ref => text(&r.reference),
        Column::ActionId => r.action_id.clone(),
        Column::Action => r.text.clone(),
        Column::Timescale => r.timescale.clone(),
        Column::Due => date_text(r.due),
        Column::Leads => names_cell(&r.leads),
        Column::Evidence => text(&r.evidence),
        Column::State => r.state.name().to_string(),
        Column::LatestUpdateDate => date_text(r.commentary_date),
        Column::LatestUpdate => text(&r.commentary_note),
        Column::RecordedRating => r.recorded.map(|x| x.name().to_string()).unwrap_or_default(),
        Column::ComputedRating => r.computed.name().to_string(),
        Column::Rating => r.rating.name().to_string(),
        Column::Overridden => if r.overridden { "yes" } else { "no" }.to_string(),
        Column::ReasonCode => super::reason_code(r.reason.code),
        Column::Reason => r.reason.message().into_owned(),
        Column::ObjectiveId => r.objective_id.clone(),
        Column::Groups => path_cell(&r.groups),
        Column::Start => date_text(r.start),
        Column::RecordedRag => r
            .recorded_rating
            .as_ref()
            .map(|x| x.rating.name().to_string())
            .unwrap_or_default(),
        Column::RecordedRagText => r
            .recorded_rating
            .as_ref()
            .and_then(|x| x.text.clone())
            .unwrap_or_default(),
        Column::Progress => progress_cell(&r.progress),
        Column::SubActivities => sub_activities_cell(&r.sub_activities),
        Column::Source => text(&r.source),
        Column::History => history_cell(&r.history),
    }
}

/// The keys of every action's extra fields, sorted, each once: one
/// `extra: <key>` column each after the fixed columns.
pub(crate) fn extra_keys(report: &BoardReport) -> Vec<String> {
    let keys: std::collections::BTreeSet<&String> =
        report.actions.iter().flat_map(|r| r.extra.keys()).collect();
    keys.into_iter().cloned().collect()
}

/// A date cell's text in the CSV: ISO 8601, empty for none.
pub(crate) fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_restored_exactly() {
        for text in [
            "=1+1",
            "+44 1234",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'quoted",
            "''",
            "'",
            "'=x",
            "plain",
            "",
            "it's",
        ] {
            let written = neutralise(text);
            assert!(
                !written.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{text:?}"
            );
            assert_eq!(restore(&written), text, "{text:?}");
        }
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("'a"), "''a");
        // A quote before anything else is text.
        assert_eq!(restore("'a"), "'a");
    }

    #[test]
    fn progress_lines_round_trip() {
        let d = NaiveDate::from_ymd_opt(2019, 9, 30);
        let updates = vec![
            ProgressUpdate {
                date: d,
                note: "Draft | agreed;\nnext \\ step ".into(),
                rating: Some(Rating::AmberGreen),
                percent_complete: Some(12.5),
                by: None,
            },
            ProgressUpdate::undated(""),
            ProgressUpdate {
                percent_complete: Some(40.0),
                ..ProgressUpdate::undated(" lead space")
            },
        ];
        let cell = progress_cell(&updates);
        assert_eq!(
            cell,
            "2019-09-30 | Draft \\| agreed;\\nnext \\\\ step  | Amber/Green | 12.5%\nundated\nundated |  lead space |  | 40%"
        );
        assert_eq!(read_progress(&cell), Ok(updates));
        assert!(read_progress("30 Sept | x").is_err());
        assert_eq!(read_progress(""), Ok(Vec::new()));
    }

    #[test]
    fn sub_activities_names_and_paths_round_trip() {
        let subs = vec![
            SubActivity {
                text: "Review | options".into(),
                timescale: Timescale::parse("Jul-19"),
                state: Some(Lifecycle::Complete),
            },
            SubActivity {
                text: String::new(),
                timescale: Timescale::default(),
                state: None,
            },
            SubActivity {
                text: "Pilot".into(),
                timescale: Timescale::default(),
                state: Some(Lifecycle::Deferred),
            },
        ];
        let cell = sub_activities_cell(&subs);
        assert_eq!(
            cell,
            "Review \\| options | Jul-19 | complete\n | \nPilot |  | deferred"
        );
        assert_eq!(read_sub_activities(&cell), Ok(subs));
        let names = vec!["Head of Service".to_string(), "A; B \\ C".to_string()];
        assert_eq!(read_names(&names_cell(&names)), names);
        let path = vec!["Children".to_string(), "Care\nleavers".to_string()];
        assert_eq!(path_cell(&path), "Children\nCare\\nleavers");
        assert_eq!(read_path(&path_cell(&path)), path);
        assert!(read_path("").is_empty());
    }
}
