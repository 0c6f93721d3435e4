//! What each column of a table is: one field per column, duplicates
//! resolved with a warning, and the date a progress column's header names
//! (`Update as at 30/09/2019`, `Q2 update 2019/20`).

use chrono::NaiveDate;

use super::headers::{is_date_word, normalise};
use super::Field;
use crate::timescale::{Timescale, TimescaleKind};

/// A decision about a column that a reader should check.
pub(crate) struct ColumnNote {
    pub column: usize,
    pub message: String,
}

/// Resolves columns that name the same field twice. Several Progress,
/// Lead and Evidence columns are all read (one update per progress
/// column; a second Lead column is noted, its leads added after the
/// first's); of two Action columns the left one is the objective when there
/// is no Objective column (`Recommendation` then `Action`); of two
/// timescales a `Revised` one wins; otherwise the first column wins and
/// the others are kept as extra fields. Every change is a note.
pub(crate) fn resolve(fields: &mut [Option<Field>], names: &[String]) -> Vec<ColumnNote> {
    let mut notes = Vec::new();
    let positions = |fields: &[Option<Field>], f: Field| -> Vec<usize> {
        fields
            .iter()
            .enumerate()
            .filter(|(_, g)| **g == Some(f))
            .map(|(i, _)| i)
            .collect()
    };
    let actions = positions(fields, Field::Action);
    if actions.len() > 1 && positions(fields, Field::Objective).is_empty() {
        let first = actions[0];
        fields[first] = Some(Field::Objective);
        notes.push(ColumnNote {
            column: first,
            message: format!(
                "two columns name actions; {:?} is read as the objective the actions in {:?} serve",
                names[first], names[actions[1]]
            ),
        });
    }
    // Several Lead columns are all read: an action's leads are those of
    // every Lead column, left to right, each named once.
    let leads = positions(fields, Field::Lead);
    for &i in leads.iter().skip(1) {
        notes.push(ColumnNote {
            column: i,
            message: format!(
                "a second lead column; the leads in {:?} (column {}) and in this one (column {}) are both read, as one list",
                names[leads[0]],
                leads[0] + 1,
                i + 1
            ),
        });
    }
    let timescales = positions(fields, Field::Timescale);
    if timescales.len() > 1 {
        let revised = timescales.iter().copied().find(|&i| {
            let key = normalise(&names[i]);
            key.split(' ')
                .any(|w| matches!(w, "revised" | "new" | "current" | "latest" | "amended"))
        });
        let keep = revised.unwrap_or(timescales[0]);
        for &i in timescales.iter().filter(|&&i| i != keep) {
            fields[i] = None;
            notes.push(ColumnNote {
                column: i,
                message: format!(
                    "a second timescale column; {:?} is the action's timescale and this one is kept as an extra field",
                    names[keep]
                ),
            });
        }
    }
    let refs = positions(fields, Field::Ref);
    if refs.len() > 1 && positions(fields, Field::ObjectiveRef).is_empty() {
        if let Some(&i) = refs.iter().find(|&&i| {
            normalise(&names[i])
                .split(' ')
                .any(|w| matches!(w, "objective" | "outcome" | "priority" | "theme"))
        }) {
            fields[i] = Some(Field::ObjectiveRef);
        }
    }
    for field in [
        Field::Ref,
        Field::Action,
        Field::Rag,
        Field::Status,
        Field::Id,
        Field::UpdateDate,
        Field::Objective,
        Field::ObjectiveRef,
    ] {
        let found = positions(fields, field);
        for &i in found.iter().skip(1) {
            fields[i] = None;
            notes.push(ColumnNote {
                column: i,
                message: format!(
                    "a second {} column; {:?} is read and this one is kept as an extra field",
                    field.name(),
                    names[found[0]]
                ),
            });
        }
    }
    notes
}

/// The date a progress column's header names, if any: `Update as at
/// 30/09/2019` is 30 September 2019, `Q2 update 2019/20` the end of that
/// quarter, `Update June 2021` the end of June 2021.
pub(crate) fn header_date(header: &str) -> Option<NaiveDate> {
    let key = normalise(&header.replace(['(', ')', '[', ']'], " "));
    if !key
        .split(' ')
        .any(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        return None;
    }
    // Keep the words of the date as written (slashes and all), dropping
    // the words that say what the column is.
    let words: Vec<&str> = header
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ':' | ','))
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let n = normalise(w);
            n.is_empty() || n.split(' ').any(is_date_word) || is_date_part(w)
        })
        .collect();
    let text = words.join(" ");
    let t = Timescale::parse(&text);
    match t.kind() {
        TimescaleKind::Point { .. } | TimescaleKind::Range { .. } => t.due(),
        _ => None,
    }
}

/// A date written with separators (`30/09/2019`, `2019/20`, `Sep-19`) or
/// an ordinal (`30th`).
fn is_date_part(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']);
    let digits = w.chars().filter(char::is_ascii_digit).count();
    digits > 0
        && w.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.'))
        && (w.contains(['/', '-', '.']) || ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_progress_headers() {
        assert_eq!(header_date("Update as at 30/09/2019"), d(2019, 9, 30));
        assert_eq!(header_date("Update June 2021"), d(2021, 6, 30));
        assert_eq!(header_date("Progress update"), None);
        assert_eq!(header_date("Comments"), None);
        assert_eq!(header_date("Position at 31st March 2020"), d(2020, 3, 31));
    }

    #[test]
    fn recommendation_then_action() {
        let names: Vec<String> = ["Recommendation", "Action", "Lead"]
            .iter()
            .map(ToString::to_string)
            .collect();
        let mut fields = vec![Some(Field::Action), Some(Field::Action), Some(Field::Lead)];
        let notes = resolve(&mut fields, &names);
        assert_eq!(fields[0], Some(Field::Objective));
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn a_revised_date_wins() {
        let names: Vec<String> = ["Action", "Original deadline", "Revised deadline"]
            .iter()
            .map(ToString::to_string)
            .collect();
        let mut fields = vec![
            Some(Field::Action),
            Some(Field::Timescale),
            Some(Field::Timescale),
        ];
        resolve(&mut fields, &names);
        assert_eq!(fields, [Some(Field::Action), None, Some(Field::Timescale)]);
    }
}
