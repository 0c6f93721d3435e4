//! Delimited text: CSV, TSV and markdown tables, in UTF-8 (with or without
//! a byte-order mark) or Windows-1252.

use super::{ImportError, Row, TableFormat};

/// Decodes text: UTF-8 (a byte-order mark is dropped), otherwise
/// Windows-1252, the encoding of older Excel exports.
pub(crate) fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Tab- or comma-separated, by counting which appears in the first lines.
pub(crate) fn sniff(text: &str) -> TableFormat {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    if lines
        .iter()
        .filter(|l| l.trim_start().starts_with('|'))
        .count()
        * 2
        > lines.len()
    {
        return TableFormat::Markdown;
    }
    let tabs: usize = lines.iter().map(|l| l.matches('\t').count()).sum();
    let commas: usize = lines.iter().map(|l| l.matches(',').count()).sum();
    if tabs > 0 && tabs * 4 >= commas {
        TableFormat::Tsv
    } else {
        TableFormat::Csv
    }
}

/// Splits delimited text into rows, each numbered by its first line.
pub(crate) fn read(input: &str, text: &str, format: TableFormat) -> Result<Vec<Row>, ImportError> {
    if format == TableFormat::Markdown {
        return Ok(markdown(text));
    }
    let tsv = format == TableFormat::Tsv;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tsv { b'\t' } else { b',' })
        // Text extracted from documents has quotes inside tab-separated
        // cells; only CSV quotes whole fields.
        .quoting(!tsv)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Rows are numbered by the line they start on, counted here from byte
    // offsets (the reader's own line count is off for CRLF files, Excel's
    // default), in one pass.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1usize);
    let mut line_at = |byte: usize| {
        // A record's position can fall on the line ending before it.
        let mut end = byte.min(bytes.len());
        while bytes.get(end).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            end += 1;
        }
        if end > counted_to {
            line += bytes[counted_to..end].split(|b| *b == b'\n').count() - 1;
            counted_to = end;
        }
        line
    };
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| {
                line_at(usize::try_from(p.byte()).unwrap_or(usize::MAX))
            });
            ImportError::Unreadable {
                input: input.to_string(),
                reason: format!("line {line}: {e}"),
            }
        })?;
        let number = record.position().map_or(rows.len() + 1, |p| {
            line_at(usize::try_from(p.byte()).unwrap_or(usize::MAX))
        });
        rows.push(Row {
            number,
            cells: record
                .iter()
                .map(|c| c.trim_end_matches('\r').to_string())
                .collect(),
            fills: Vec::new(),
        });
    }
    Ok(rows)
}

/// A markdown table: pipes at the start and end are dropped, and each line
/// is a row (separator lines such as `|---|---|` are kept as rows and
/// skipped later like any other rule).
fn markdown(text: &str) -> Vec<Row> {
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let t = line.trim();
            let cells = if t.starts_with('|') {
                let inner = t.trim_start_matches('|');
                let inner = inner.strip_suffix('|').unwrap_or(inner);
                inner.split('|').map(|c| c.trim().to_string()).collect()
            } else {
                vec![t.to_string()]
            };
            Row {
                number: i + 1,
                cells,
                fills: Vec::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFRef"), "Ref");
        assert_eq!(decode(b"Children\x92s \x96 Nov"), "Children’s – Nov");
    }

    #[test]
    fn sniffs_tabs_commas_and_pipes() {
        assert_eq!(sniff("Ref\tAction\n1\tDo it, now"), TableFormat::Tsv);
        assert_eq!(sniff("Ref,Action\n1,Do it"), TableFormat::Csv);
        assert_eq!(
            sniff("| Ref | Action |\n|---|---|\n| 1 | x |"),
            TableFormat::Markdown
        );
    }

    #[test]
    fn rows_are_numbered_by_line_in_crlf_files() {
        let text = "Title\r\nRef,Action\r\n1,\"Two\r\nlines\"\r\n2,Next\r\n";
        let rows = read("t", text, TableFormat::Csv).unwrap();
        let numbers: Vec<usize> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2, 3, 5]);
    }

    #[test]
    fn markdown_pipes() {
        let rows = markdown("| Ref | Action |\n| 1 | Do it |");
        assert_eq!(rows[1].cells, ["1", "Do it"]);
    }
}
