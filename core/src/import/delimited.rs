//! Delimited text: CSV, TSV and markdown tables, in UTF-8 (with or without
//! a byte-order mark) or Windows-1252.

use super::{ImportError, Limits, Row, TableFormat};

/// Decodes text: UTF-16 (with a byte-order mark, as Excel's "Unicode
/// Text" saves, or without one when every other byte of the start is NUL),
/// UTF-8 (a byte-order mark is dropped), otherwise Windows-1252, the
/// encoding of older Excel exports.
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some(encoding) = utf16(bytes) {
        return encoding.decode(bytes).0.into_owned();
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// UTF-16 text, by its byte-order mark or, without one, by NUL bytes at
/// every odd (little-endian) or even (big-endian) place of the first 200
/// bytes: text of Latin letters in UTF-16 looks like that, binary does not.
fn utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(encoding_rs::UTF_16LE);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(encoding_rs::UTF_16BE);
    }
    let head = bytes.get(..bytes.len().min(200) & !1)?;
    if head.len() < 4 {
        return None;
    }
    let n = head.len() / 2;
    let (mut odd, mut even) = (0, 0);
    for pair in head.chunks_exact(2) {
        if let [a, b] = pair {
            odd += usize::from(*b == 0 && *a != 0);
            even += usize::from(*a == 0 && *b != 0);
        }
    }
    if odd == n {
        Some(encoding_rs::UTF_16LE)
    } else if even == n {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Where a CSV quote opens that never closes, so the rest of the text was
/// read into one cell: its line (from 1) and field (from 0). Follows the
/// CSV reader: a quote opens a field only at the field's start, and `""`
/// inside is a quote. One pass.
pub(crate) fn unclosed_quote(text: &str) -> Option<(usize, usize)> {
    let (mut line, mut field, mut at_start) = (1usize, 0usize, true);
    let mut open: Option<(usize, usize)> = None;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if open.is_some() {
            match b {
                b'"' if bytes.peek() == Some(&b'"') => {
                    bytes.next();
                }
                b'"' => open = None,
                b'\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' if at_start => {
                open = Some((line, field));
                at_start = false;
            }
            b',' => {
                field += 1;
                at_start = true;
            }
            b'\n' => {
                line += 1;
                field = 0;
                at_start = true;
            }
            b'\r' => {}
            _ => at_start = false,
        }
    }
    open
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

/// Splits delimited text into rows, each numbered by its first line,
/// refusing rows, columns and cells past the limits as they are read.
pub(crate) fn read(
    input: &str,
    text: &str,
    format: TableFormat,
    limits: &Limits,
) -> Result<Vec<Row>, ImportError> {
    if format == TableFormat::Markdown {
        return markdown(input, text, limits);
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
    let (mut rows, mut cells) = (Vec::new(), 0);
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
        let row = Row {
            number,
            cells: record
                .iter()
                .map(|c| c.trim_end_matches('\r').to_string())
                .collect(),
            fills: Vec::new(),
        };
        check(input, &row, rows.len(), &mut cells, limits)?;
        rows.push(row);
    }
    Ok(rows)
}

/// Refuses a row past the limits: the `index`th row read (from 0), more
/// columns than allowed, more cells in all (`cells` counts them), or a cell
/// too long, naming its row and column.
fn check(
    input: &str,
    row: &Row,
    index: usize,
    cells: &mut usize,
    limits: &Limits,
) -> Result<(), ImportError> {
    let at = |col: usize| move || format!("row {}, column {}", row.number, col + 1);
    let last = row.cells.len().saturating_sub(1);
    limits.check_position(input, at(last), index, last)?;
    *cells = cells.saturating_add(row.cells.len());
    limits.check_cells(input, at(last), *cells)?;
    for (col, cell) in row.cells.iter().enumerate() {
        limits.check_cell(input, at(col), cell)?;
    }
    Ok(())
}

/// A markdown table: pipes at the start and end are dropped, and each line
/// is a row (separator lines such as `|---|---|` are kept as rows and
/// skipped later like any other rule).
fn markdown(input: &str, text: &str, limits: &Limits) -> Result<Vec<Row>, ImportError> {
    let (mut rows, mut cells) = (Vec::new(), 0);
    for (i, line) in text.lines().enumerate() {
        let row = {
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
        };
        check(input, &row, i, &mut cells, limits)?;
        rows.push(row);
    }
    Ok(rows)
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
    fn utf16_with_and_without_a_byte_order_mark() {
        let le: Vec<u8> = "Ref,Action\n1,Caf\u{e9}\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Ref,Action\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&le), "Ref,Action\n1,Caf\u{e9}\n");
        assert_eq!(decode(&be), "Ref,Action\n");
        let mut bom = vec![0xFF, 0xFE];
        bom.extend(&le);
        assert_eq!(decode(&bom), "Ref,Action\n1,Caf\u{e9}\n");
        assert!(decode(b"\x00\x01\x02\x00binary").contains('\0'));
    }

    #[test]
    fn unclosed_quotes() {
        assert_eq!(unclosed_quote("a,b\n1,\"x,y\n2,z\n"), Some((2, 1)));
        assert_eq!(
            unclosed_quote("a,b\n1,\"x\ny\"\n2,\"say \"\"hi\"\"\"\n"),
            None
        );
        assert_eq!(unclosed_quote("a,b\n1,5\" screen,x\n"), None);
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
        let rows = read("t", text, TableFormat::Csv, &Limits::default()).unwrap();
        let numbers: Vec<usize> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2, 3, 5]);
    }

    #[test]
    fn refuses_rows_columns_and_cells_past_the_limits() {
        let limits = Limits {
            max_rows: 2,
            max_columns: 3,
            max_cell_chars: 4,
            ..Limits::default()
        };
        let err = |text: &str, format| read("t.csv", text, format, &limits).unwrap_err();
        assert_eq!(
            err("a,b\nc,d\ne,f\n", TableFormat::Csv).to_string(),
            "t.csv: row 3, column 2 is past the limit of 2 rows \
             (raise ImportOptions.limits.max_rows to read it)"
        );
        assert!(err("a\tb\tc\td\n", TableFormat::Tsv)
            .to_string()
            .starts_with("t.csv: row 1, column 4 is past the limit of 3 columns"));
        assert!(err("a,\"b\n\"\n1,abcde\n", TableFormat::Csv)
            .to_string()
            .starts_with("t.csv: row 3, column 2 (5 characters) is past the limit of 4"));
        assert!(err("| a | abcde |\n", TableFormat::Markdown)
            .to_string()
            .starts_with("t.csv: row 1, column 2 (5 characters)"));
        assert!(read("t", "a,b\nc,d\n", TableFormat::Csv, &limits).is_ok());
    }

    #[test]
    fn markdown_pipes() {
        let rows = markdown("t", "| Ref | Action |\n| 1 | Do it |", &Limits::default()).unwrap();
        assert_eq!(rows[1].cells, ["1", "Do it"]);
    }
}
