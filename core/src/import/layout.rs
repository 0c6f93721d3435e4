//! The layout of a table: where its header is, what each row is (blank,
//! rule, repeated header, one-cell section or label, data).

use super::cells::{clean_text, is_empty_marker};
use super::headers::{header_score, normalise};
use super::{ImportError, ImportOptions, Row};

/// How far down a header row is looked for.
const HEADER_SEARCH: usize = 60;

/// What a row is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RowKind {
    /// Nothing in it.
    Blank,
    /// A markdown rule such as `|---|---|` or `----\t----`.
    Rule,
    /// The header again (after a page break).
    Header,
    /// Text in the first cell only.
    Single(String),
    /// Anything else.
    Data,
}

/// The header of a generic table (a workbook sheet with title rows): the
/// first row naming two known plan columns, otherwise the first row of at
/// least two text cells filling at least half the table's width.
pub(crate) fn find_header(rows: &[Row]) -> Option<usize> {
    let top = &rows[..rows.len().min(HEADER_SEARCH)];
    if let Some(i) = top.iter().position(|r| header_score(&r.cells) >= 2) {
        return Some(i);
    }
    let filled = |r: &Row| r.cells.iter().filter(|c| !c.trim().is_empty()).count();
    let widest = top.iter().map(filled).max().unwrap_or(0);
    top.iter().position(|r| {
        let n = filled(r);
        n >= 2
            && n * 2 >= widest
            && r.cells
                .iter()
                .filter(|c| !c.trim().is_empty())
                .all(|c| c.trim().parse::<f64>().is_err())
    })
}

/// The header of a plan table: the first row naming two known columns, or
/// one the explicit mapping names by text.
pub(crate) fn plan_header(rows: &[Row], options: &ImportOptions) -> Option<usize> {
    let mapped: Vec<String> = options
        .columns
        .keys()
        .filter(|k| k.parse::<usize>().is_err())
        .map(|k| normalise(k))
        .collect();
    rows.iter().position(|r| {
        header_score(&r.cells) >= 2
            || r.cells
                .iter()
                .any(|c| !c.trim().is_empty() && mapped.contains(&normalise(c)))
    })
}

/// The text between the options' start and end markers.
pub(crate) fn slice(
    input: &str,
    text: &str,
    options: &ImportOptions,
) -> Result<String, ImportError> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut start = 0;
    if let Some(marker) = &options.start_after {
        start = lines
            .iter()
            .position(|l| l.contains(marker.as_str()))
            .ok_or_else(|| ImportError::Mapping {
                input: input.to_string(),
                column: "-".to_string(),
                reason: format!("start_after marker {marker:?} is not in the text"),
            })?
            + 1;
    }
    let mut end = lines.len();
    if let Some(marker) = &options.end_before {
        if let Some(i) = lines[start..]
            .iter()
            .position(|l| l.contains(marker.as_str()))
        {
            end = start + i;
        }
    }
    // Blank lines keep the line numbers of the original text.
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i >= start && i < end {
            out.push_str(line);
        }
        out.push('\n');
    }
    Ok(out)
}

/// What a row is, given the header's normalised cells.
pub(crate) fn classify(row: &Row, header: &[String]) -> RowKind {
    let filled: Vec<(usize, &String)> = row
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !is_empty_marker(c))
        .collect();
    if filled.is_empty() {
        let any = row.cells.iter().any(|c| !c.trim().is_empty());
        return if any && row.cells.iter().all(|c| is_rule(c)) {
            RowKind::Rule
        } else {
            RowKind::Blank
        };
    }
    if row.cells.iter().all(|c| c.trim().is_empty() || is_rule(c)) {
        return RowKind::Rule;
    }
    let norm: Vec<String> = row
        .cells
        .iter()
        .map(|c| normalise(c))
        .filter(|c| !c.is_empty())
        .collect();
    if repeats_header(&norm, header) {
        return RowKind::Header;
    }
    if filled.len() == 1 && filled[0].0 == 0 {
        return RowKind::Single(filled[0].1.clone());
    }
    RowKind::Data
}

/// Whether a row's normalised cells repeat the header, perhaps cut short
/// (`Lead offi…`) or missing its last columns, as after a page break: at
/// least two cells and half the header, each the header's cell or the
/// start of it.
fn repeats_header(norm: &[String], header: &[String]) -> bool {
    if header.is_empty() || norm.len() > header.len() {
        return false;
    }
    if norm == header {
        return true;
    }
    norm.len() >= 2
        && norm.len() * 2 >= header.len()
        && norm
            .iter()
            .zip(header)
            .all(|(cell, head)| head.starts_with(cell.as_str()))
}

fn is_rule(cell: &str) -> bool {
    let t = cell.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '-' | ':' | '|' | '=' | ' ' | '+'))
        && t.contains("--")
}

/// The header's cells, normalised, for spotting repeats.
pub(crate) fn header_key(cells: &[String]) -> Vec<String> {
    cells
        .iter()
        .map(|c| normalise(c))
        .filter(|c| !c.is_empty())
        .collect()
}

/// Splits `Objective 2 - Children can remain safely at home` into its
/// reference and title.
pub(crate) fn section_ref(text: &str) -> (Option<String>, String) {
    const WORDS: &[&str] = &[
        "objective",
        "outcome",
        "priority",
        "section",
        "theme",
        "workstream",
        "key",
        "aim",
        "part",
    ];
    let text = clean_text(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() && i < 2 && WORDS.contains(&words[i].to_lowercase().as_str()) {
        i += 1;
    }
    let Some(word) = words.get(i) else {
        return (None, text);
    };
    let number = word.trim_end_matches(['.', ':', '-', '–', '—', ')']);
    let is_ref = number.starts_with(|c: char| c.is_ascii_digit())
        && number.len() <= 8
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.');
    if !is_ref {
        return (None, text);
    }
    let rest = words[i + 1..].join(" ");
    let rest = rest
        .trim_start_matches(['-', '–', '—', ':', '.', ' '])
        .trim()
        .to_string();
    if rest.is_empty() {
        (Some(number.to_string()), text)
    } else {
        (Some(number.to_string()), rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Row {
        Row {
            number: 1,
            cells: cells.iter().map(ToString::to_string).collect(),
            fills: Vec::new(),
        }
    }

    #[test]
    fn rows_are_classified() {
        let header = header_key(&row(&["Ref", "Action", "RAG"]).cells);
        assert_eq!(classify(&row(&["", "_", " "]), &header), RowKind::Blank);
        assert_eq!(classify(&row(&["----", "-----"]), &header), RowKind::Rule);
        assert_eq!(
            classify(&row(&["REF", "Action", "R/A/G"]), &header),
            RowKind::Header
        );
        assert_eq!(
            classify(&row(&["Ref", "Acti…", ""]), &header),
            RowKind::Header
        );
        assert_eq!(
            classify(&row(&["Care Leavers", "", "-"]), &header),
            RowKind::Single("Care Leavers".into())
        );
        assert_eq!(
            classify(&row(&["", "provision", ""]), &header),
            RowKind::Data
        );
    }

    #[test]
    fn section_refs() {
        assert_eq!(
            section_ref(
                "Objective 2 - Children and Young People in Lancashire can remain safely at home"
            ),
            (
                Some("2".into()),
                "Children and Young People in Lancashire can remain safely at home".into()
            )
        );
        assert_eq!(
            section_ref("Purposeful Practice"),
            (None, "Purposeful Practice".into())
        );
        assert_eq!(
            section_ref("3.2 Reduce CSE"),
            (Some("3.2".into()), "Reduce CSE".into())
        );
    }

    #[test]
    fn generic_header_below_title_rows() {
        let rows = vec![
            row(&["Statistical neighbours", "", ""]),
            row(&[""]),
            row(&["LA", "Code", "Region"]),
            row(&["Lancashire", "888", "NW"]),
        ];
        assert_eq!(find_header(&rows), Some(2));
    }
}
