//! Saying why a table was refused: every header cell found, the field each
//! was read as (or none), and a mapping file to start from.

use std::collections::BTreeMap;

use super::cells::clean_text;
use super::{Field, Row};

/// The most likely header row: the given one, or the first of the top rows
/// with the most filled cells.
fn candidate(rows: &[Row], header: Option<usize>) -> Option<&Row> {
    if let Some(h) = header {
        return rows.get(h);
    }
    let filled = |r: &Row| r.cells.iter().filter(|c| !c.trim().is_empty()).count();
    let top = rows.get(..rows.len().min(60)).unwrap_or(rows);
    let most = top.iter().map(filled).max().filter(|n| *n >= 2)?;
    top.iter().find(|r| filled(r) == most)
}

/// Lists the candidate header's cells with the field each names, and a
/// mapping file (JSON) that would import the table: the fields found, the
/// column with the longest text under it as the actions where none was
/// found, and `ignore` for the rest.
pub(crate) fn explain(rows: &[Row], header: Option<usize>) -> String {
    let Some(row) = candidate(rows, header) else {
        return "no row has two or more filled cells to read as a header".to_string();
    };
    let names: Vec<String> = row.cells.iter().map(|c| clean_text(c)).collect();
    let mut fields: Vec<Option<Field>> = names.iter().map(|n| Field::from_header(n)).collect();
    let found: Vec<String> = names
        .iter()
        .zip(&fields)
        .filter(|(n, _)| !n.is_empty())
        .map(|(n, f)| format!("{n:?} → {}", f.map_or("none", Field::name)))
        .collect();
    if !fields.contains(&Some(Field::Action)) {
        // The unmatched column whose cells below are longest.
        let below = rows.iter().filter(|r| r.number > row.number);
        let mut lengths = vec![0usize; names.len()];
        for r in below.take(200) {
            for (i, c) in r.cells.iter().enumerate() {
                if let Some(total) = lengths.get_mut(i) {
                    *total += c.len().min(1_000);
                }
            }
        }
        if let Some(i) = (0..names.len())
            .filter(|&i| fields[i].is_none() && !names[i].is_empty())
            .max_by_key(|&i| lengths[i])
        {
            fields[i] = Some(Field::Action);
        }
    }
    let columns: BTreeMap<&str, &str> = names
        .iter()
        .zip(&fields)
        .filter(|(n, _)| !n.is_empty())
        .map(|(n, f)| (n.as_str(), f.map_or("ignore", Field::name)))
        .collect();
    let mapping = serde_json::json!({ "columns": columns });
    format!(
        "row {} has the header cells {}. A mapping file to start from (save it, change each field to what the column holds: ref, action, lead, timescale, progress, update_date, status, evidence, rag, objective, objective_ref, measure, impact or ignore, and pass it with --mapping): {mapping}",
        row.number,
        found.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: usize, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells.iter().map(ToString::to_string).collect(),
            fills: Vec::new(),
        }
    }

    #[test]
    fn lists_headers_and_writes_a_mapping() {
        let rows = [
            row(1, &["Plan"]),
            row(2, &["Area", "Who does it", "Budget"]),
            row(
                3,
                &["Set up a care leavers' forum", "Participation Lead", "£2k"],
            ),
        ];
        let text = explain(&rows, None);
        assert!(text.contains("row 2"), "{text}");
        assert!(text.contains("\"Who does it\" → lead"), "{text}");
        assert!(text.contains("\"Area\" → none"), "{text}");
        assert!(text.contains(r#""Area":"action""#), "{text}");
        assert!(text.contains(r#""Budget":"ignore""#), "{text}");
    }
}
