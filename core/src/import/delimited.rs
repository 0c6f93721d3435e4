//! Delimited text: CSV, TSV and markdown tables, in UTF-8 (with or without
//! a byte-order mark) or Windows-1252.

use super::{ImportError, Limits, Row, TableFormat};

/// Decodes text: UTF-16 (with a byte-order mark, as Excel's "Unicode
/// Text" saves, or without one when every other byte of the start is NUL),
/// UTF-8 (a byte-order mark is dropped), otherwise Windows-1252, the
/// encoding of older Excel exports. Both decoders follow the WHATWG
/// Encoding Standard, as `encoding_rs` does (a test checks they agree): a
/// sequence that cannot be decoded becomes U+FFFD. Written here rather than
/// taken from `encoding_rs`, whose decoder dispatch links the tables of
/// every encoding it knows into the WebAssembly module.
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some(big_endian) = utf16(bytes) {
        let body = bytes.get(2..).filter(|_| has_bom(bytes)).unwrap_or(bytes);
        return decode_utf16(body, big_endian);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => windows_1252(bytes),
    }
}

/// Whether the bytes start with a UTF-16 byte-order mark.
fn has_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// UTF-16 code units to text with the standard library's decoder: an
/// unpaired surrogate, or an odd byte at the end, is U+FFFD (one for a
/// lead surrogate and an odd byte together, as the WHATWG standard says).
fn decode_utf16(bytes: &[u8], big_endian: bool) -> String {
    let pairs = bytes.chunks_exact(2);
    let odd_byte = !pairs.remainder().is_empty();
    let units: Vec<u16> = pairs
        .map(|pair| {
            let pair = [pair.first(), pair.get(1)].map(|x| x.copied().unwrap_or(0));
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        })
        .collect();
    let mut out: String = char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let ends_in_lead = units.last().is_some_and(|u| (0xD800..=0xDBFF).contains(u));
    if odd_byte && !ends_in_lead {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    out
}

/// Windows-1252 as the WHATWG Encoding Standard defines it: every byte is
/// its code point, except 0x80 to 0x9F, which are mostly punctuation (the
/// five Windows leaves undefined stay C1 controls).
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
            _ => char::from(b),
        })
        .collect()
}

/// UTF-16 text (`Some(true)` big-endian), by its byte-order mark or,
/// without one, by NUL bytes at every odd (little-endian) or even
/// (big-endian) place of the first 200 bytes: text of Latin letters in
/// UTF-16 looks like that, binary does not.
fn utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(false);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(true);
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
        Some(false)
    } else if even == n {
        Some(true)
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

    /// The decoders give what `encoding_rs` gives (WHATWG), byte for byte:
    /// every Windows-1252 byte, and UTF-16 with surrogates paired, unpaired,
    /// at the end, and an odd byte left over.
    #[test]
    fn decoders_agree_with_encoding_rs() {
        let all: Vec<u8> = (0..=255).collect();
        let (want, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&all);
        assert_eq!(windows_1252(&all), want);
        let units: [u16; 8] = [0x41, 0xE9, 0xD800, 0xDC00, 0xDBFF, 0xDFFF, 0xFFFD, 0];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for n in 0..4000usize {
            let mut bytes = Vec::new();
            for _ in 0..(n % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let unit = units.get((seed % 8) as usize).copied().unwrap_or(0);
                bytes.extend_from_slice(&unit.to_le_bytes());
            }
            if n % 3 == 0 {
                bytes.push(0x41);
            }
            for big_endian in [false, true] {
                let mut text = bytes.clone();
                if big_endian {
                    for pair in text.chunks_exact_mut(2) {
                        pair.swap(0, 1);
                    }
                }
                let encoding = if big_endian {
                    encoding_rs::UTF_16BE
                } else {
                    encoding_rs::UTF_16LE
                };
                let (want, _) = encoding.decode_without_bom_handling(&text);
                assert_eq!(decode_utf16(&text, big_endian), want, "{text:02X?}");
                let mut marked = if big_endian {
                    vec![0xFE, 0xFF]
                } else {
                    vec![0xFF, 0xFE]
                };
                marked.extend_from_slice(&text);
                assert_eq!(decode(&marked), encoding.decode(&marked).0, "{marked:02X?}");
            }
        }
    }

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
