//! Cell references in an xlsx, checked before calamine reads them.
//!
//! calamine 0.38 turns a reference such as `AAAAAAAAAA1`, `A99999999999`
//! or a range that ends before it starts (`Q1:H16`) into a row or column
//! with unchecked arithmetic: a build with overflow checks panics, and a
//! release build wraps and puts the value in the wrong cell (found by the
//! `xlsx` fuzz target). Excel's own sheets never hold such a reference, so
//! this walks each worksheet part once, streaming, and refuses the first
//! reference in a cell (`<c r>`), row (`<row r>`) or range
//! (`<dimension ref>`, `<mergeCell ref>`, a shared formula's `<f ref>`) that
//! no Excel sheet can have, naming the part and
//! the reference. Nothing but the current element is held in memory.

use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};

use super::ImportError;

/// The last column (`XFD`) and row an Excel sheet can have.
const LAST_COLUMN: u32 = 16_384;
const LAST_ROW: u32 = 1_048_576;

/// Refuses an xlsx with a cell, row or range reference past Excel's grid or
/// written backwards. Anything that is not an xlsx passes: calamine says
/// what is wrong with it.
pub(crate) fn check(input: &str, bytes: &[u8]) -> Result<(), ImportError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let sheets: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
        .map(|n| n.to_string())
        .collect();
    for part in sheets {
        let Ok(entry) = zip.by_name(&part) else {
            continue;
        };
        let mut reader = quick_xml::Reader::from_reader(BufReader::new(entry));
        // Read as calamine reads a sheet, so no element it sees is missed:
        // end tags that do not match are let pass, and a malformed piece is
        // stepped over rather than ending the walk.
        reader.config_mut().check_end_names = false;
        let mut buf = Vec::new();
        let mut last_error_at = None;
        loop {
            let element = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) => break,
                Err(_) => {
                    // Stop only where reading makes no more progress.
                    let at = reader.buffer_position();
                    if last_error_at == Some(at) {
                        break;
                    }
                    last_error_at = Some(at);
                    buf.clear();
                    continue;
                }
                Ok(Event::Start(e) | Event::Empty(e)) => e,
                Ok(_) => {
                    buf.clear();
                    continue;
                }
            };
            if let Some(bad) = bad_reference(&element) {
                return Err(ImportError::Unreadable {
                    input: input.to_string(),
                    reason: format!(
                        "{part}: the reference {bad:?} is not a cell or range an Excel sheet can \
                         have (columns A to XFD, rows 1 to 1,048,576, ranges from top left to \
                         bottom right); the file is damaged or was not written by a spreadsheet"
                    ),
                });
            }
            buf.clear();
        }
    }
    Ok(())
}

/// The element's reference, when it is one Excel cannot have.
fn bad_reference(element: &BytesStart<'_>) -> Option<String> {
    let local = element.local_name();
    let name: &str = local.as_ref();
    let (attribute, valid): (&str, fn(&[u8]) -> bool) = match name {
        "c" => ("r", |v| {
            cell(v).is_some_and(|(c, r)| c.is_some() && r.is_some())
        }),
        "row" => ("r", |v| row(v).is_some()),
        "dimension" | "mergeCell" | "f" => ("ref", range),
        _ => return None,
    };
    let value = element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| {
            let key: &str = a.key.as_ref();
            key == attribute
        })?
        .value;
    (!valid(value.as_bytes())).then(|| value.into_owned())
}

/// A row number from 1 to the last row.
fn row(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 7 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits
        .iter()
        .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    (1..=LAST_ROW).contains(&n).then_some(n)
}

/// A reference such as `B7`, `$B$7`, `B` or `7`: its column (from 1) and
/// row, each present or not; `None` when it is not a reference at all.
fn cell(text: &[u8]) -> Option<(Option<u32>, Option<u32>)> {
    let text = text.strip_prefix(b"$").unwrap_or(text);
    let letters = text.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters > 3 {
        return None;
    }
    let column = text[..letters].iter().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let rest = &text[letters..];
    let rest = rest.strip_prefix(b"$").unwrap_or(rest);
    let column = (letters > 0).then_some(column);
    if column.is_some_and(|c| c > LAST_COLUMN) {
        return None;
    }
    let row = if rest.is_empty() {
        None
    } else {
        Some(row(rest)?)
    };
    (column.is_some() || row.is_some()).then_some((column, row))
}

/// A cell or a range (`A1:H16`) with its start at or before its end.
fn range(text: &[u8]) -> bool {
    let mut parts = text.splitn(2, |b| *b == b':');
    let Some(start) = parts.next().and_then(cell) else {
        return false;
    };
    let Some(end) = parts.next() else {
        return true;
    };
    let Some(end) = cell(end) else {
        return false;
    };
    let ordered = |a: Option<u32>, b: Option<u32>| match (a, b) {
        (Some(a), Some(b)) => a <= b,
        _ => true,
    };
    ordered(start.0, end.0) && ordered(start.1, end.1)
}

#[cfg(test)]
mod tests {
    use super::{cell, range, row};

    #[test]
    fn excel_references_pass() {
        assert_eq!(cell(b"A1"), Some((Some(1), Some(1))));
        assert_eq!(cell(b"$XFD$1048576"), Some((Some(16_384), Some(1_048_576))));
        assert!(range(b"A1:H16") && range(b"A1") && range(b"A:C") && range(b"2:5"));
        assert_eq!(row(b"1048576"), Some(1_048_576));
    }

    #[test]
    fn references_past_the_grid_or_backwards_fail() {
        for bad in [
            &b"AAAAAAAAAA1"[..],
            b"A99999999999",
            b"XFE1",
            b"A0",
            b"A1048577",
            b"",
            b"1A",
        ] {
            assert!(
                cell(bad).is_none_or(|(c, r)| c.is_none() || r.is_none()),
                "{bad:?}"
            );
        }
        assert!(!range(b"Q1:H16") && !range(b"A9:A1") && !range(b"A1:AAAAAAAAAA1"));
        assert!(row(b"0").is_none() && row(b"99999999999").is_none());
    }
}
