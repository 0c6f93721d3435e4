//! Legacy Excel workbooks (.xls: BIFF records in an OLE compound file),
//! measured before calamine reads them.
//!
//! calamine reads an xls whole when it opens it. For each sheet it reserves
//! room for the rows × columns the sheet's DIMENSIONS record declares, then
//! lays the cells out as a grid from the first used cell to the last, and
//! it keeps every sheet's grid. So a 2 KB file with one cell at `IV65536`,
//! a DIMENSIONS record that lies, or a few hundred sheets with two cells
//! each would allocate gigabytes before any limit is checked.
//!
//! This reads the `Workbook` stream once, linearly: the sheet list
//! (BOUNDSHEET records) from the workbook part, then each sheet's records
//! from where the list says it starts, as calamine does. Every cell record
//! is checked against the rows and columns limits, and the used ranges
//! against `max_cells`: each sheet's DIMENSIONS record (what calamine
//! reserves), and the used ranges of all the sheets together (what calamine
//! keeps). Blank cells (BLANK, MULBLANK) are formatting only: calamine
//! skips them, and so does this. The first breach stops the walk with
//! [`ImportError::TooLarge`] naming the sheet and cell.
//!
//! Two damaged layouts that would crash calamine or make its cost grow
//! faster than the file are refused as [`ImportError::Unreadable`]: a sheet
//! starting past the end of the stream, or sheets whose records overlap
//! (walked more than once). Anything else malformed passes: calamine reports
//! it in its own words.

use std::io::{Cursor, Read};

use super::limits::{cell_name, thousands, too_large};
use super::{ImportError, Limits};

const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// BIFF record types read here (MS-XLS 2.3).
mod record {
    pub(super) const BOF: u16 = 0x0809;
    pub(super) const EOF: u16 = 0x000A;
    pub(super) const FILEPASS: u16 = 0x002F;
    pub(super) const BOUNDSHEET: u16 = 0x0085;
    #[cfg(test)]
    pub(super) const CONTINUE: u16 = 0x003C;
    pub(super) const DIMENSIONS: u16 = 0x0200;
    pub(super) const MULRK: u16 = 0x00BD;
    /// The cell records calamine reads a value from: FORMULA, RSTRING,
    /// LABELSST, NUMBER, LABEL, BOOLERR and RK. Each starts with its row
    /// and column (u16 each).
    pub(super) const CELLS: [u16; 7] = [0x0006, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E];
}

/// Refuses an xls whose sheets are past the limits. Anything that is not
/// an xls (or cannot be read as one) passes: calamine says what is wrong.
pub(crate) fn check(input: &str, bytes: &[u8], limits: &Limits) -> Result<(), ImportError> {
    if !bytes.starts_with(OLE) {
        return Ok(());
    }
    let Ok(mut file) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Some(stream) = ["Workbook", "Book"]
        .iter()
        .find_map(|name| file.open_stream(name).ok())
    else {
        return Ok(());
    };
    // A stream cannot hold more than the file: read no more than that.
    let mut data = Vec::new();
    let most = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if stream.take(most).read_to_end(&mut data).is_err() {
        return Ok(());
    }
    let Some(sheets) = sheet_list(&data) else {
        return Ok(());
    };
    let mut book = Book {
        input,
        limits,
        data: &data,
        cells: 0,
        walked: 0,
    };
    for (name, start) in &sheets {
        if !book.sheet(name, *start)? {
            break;
        }
    }
    Ok(())
}

/// One BIFF record: where it starts in the stream, its type and its body.
struct Record<'a> {
    at: usize,
    kind: u16,
    body: &'a [u8],
}

/// The records from `at` on, up to one that runs past the end of the
/// stream. CONTINUE records come as they are: they carry the rest of the
/// record before them, never a cell, and nothing here reads them.
fn records(data: &[u8], mut at: usize) -> impl Iterator<Item = Record<'_>> {
    std::iter::from_fn(move || {
        let head = data.get(at..at.checked_add(4)?)?;
        let kind = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let body = data.get(at + 4..at + 4 + len)?;
        let record = Record { at, kind, body };
        at += 4 + len;
        Some(record)
    })
}

fn u16_at(body: &[u8], at: usize) -> Option<u16> {
    let b = body.get(at..at + 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(body: &[u8], at: usize) -> Option<u32> {
    let b = body.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The sheets the workbook part lists (BOUNDSHEET records, up to its EOF):
/// each name and where its records start. `None` for an encrypted workbook
/// (calamine refuses it, saying so).
fn sheet_list(data: &[u8]) -> Option<Vec<(String, usize)>> {
    let mut biff8 = true;
    let mut sheets = Vec::new();
    for r in records(data, 0) {
        match r.kind {
            record::BOF => {
                let version = u16_at(r.body, 0).unwrap_or(0);
                let kind = u16_at(r.body, 2).unwrap_or(0);
                // As calamine reads the version: BIFF2 to BIFF5 name their
                // sheets in one byte per character.
                let before_biff8 =
                    matches!(version, 0x0002 | 0x0007 | 0x0200 | 0x0300 | 0x0400 | 0x0500)
                        || (version == 0 && kind == 0x1000);
                biff8 = !before_biff8;
            }
            record::FILEPASS if u16_at(r.body, 0).is_some_and(|v| v != 0) => return None,
            record::BOUNDSHEET => {
                let Some(start) = u32_at(r.body, 0) else {
                    continue;
                };
                let start = usize::try_from(start).unwrap_or(usize::MAX);
                sheets.push((sheet_name(r.body, biff8), start));
            }
            record::EOF => break,
            _ => {}
        }
    }
    Some(sheets)
}

/// A BOUNDSHEET record's sheet name (for messages only): a length byte,
/// then in BIFF8 a flags byte and the characters in one byte each
/// (Latin-1) or two (UTF-16); before BIFF8 one byte each.
fn sheet_name(body: &[u8], biff8: bool) -> String {
    let count = usize::from(body.get(6).copied().unwrap_or(0));
    let wide = biff8 && body.get(7).is_some_and(|f| f & 1 == 1);
    let from = if biff8 { 8 } else { 7 };
    let chars = body.get(from..).unwrap_or_default();
    let name: String = if wide {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(count)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        chars.iter().take(count).map(|&b| char::from(b)).collect()
    };
    name.replace('\0', "")
}

/// The walk over the sheets: what has been counted so far.
struct Book<'a> {
    input: &'a str,
    limits: &'a Limits,
    data: &'a [u8],
    /// The cells in the used ranges of the sheets already walked.
    cells: u64,
    /// The bytes of sheet records walked: more than the stream holds means
    /// the sheets overlap.
    walked: usize,
}

impl Book<'_> {
    /// Walks one sheet's records from `start` to its EOF, as calamine does
    /// (skipping charts and other substreams nested in it). `Ok(false)`
    /// when the stream ends mid-record (calamine stops there with an error,
    /// reading no further sheets).
    fn sheet(&mut self, name: &str, start: usize) -> Result<bool, ImportError> {
        let unreadable = |reason: String| ImportError::Unreadable {
            input: self.input.to_string(),
            reason,
        };
        if start > self.data.len() {
            return Err(unreadable(format!(
                "sheet {name} starts at byte {}, past the end of the workbook stream \
                 ({} bytes): a damaged file",
                thousands(start),
                thousands(self.data.len())
            )));
        }
        let mut used = Used::default();
        let mut seen_bof = false;
        let mut depth = 0usize;
        let mut end = start;
        let mut complete = false;
        for r in records(self.data, start) {
            end = r.at + 4 + r.body.len();
            self.walked += 4 + r.body.len();
            if self.walked > self.data.len() {
                return Err(unreadable(format!(
                    "the records of sheet {name} (from byte {}) overlap another sheet's: \
                     a damaged or hostile file",
                    thousands(start)
                )));
            }
            if depth > 0 {
                match r.kind {
                    record::BOF => depth += 1,
                    record::EOF => depth -= 1,
                    _ => {}
                }
                continue;
            }
            match r.kind {
                record::BOF if seen_bof => depth += 1,
                record::BOF => seen_bof = true,
                record::EOF => {
                    complete = true;
                    break;
                }
                record::DIMENSIONS => self.dimensions(name, &r)?,
                record::MULRK => {
                    // Row, first column, the values, last column.
                    let row = u16_at(r.body, 0);
                    let first = u16_at(r.body, 2);
                    let last = r
                        .body
                        .len()
                        .checked_sub(2)
                        .and_then(|at| u16_at(r.body, at));
                    if let (Some(row), Some(first), Some(last)) = (row, first, last) {
                        self.add(name, &mut used, row, first.max(last))?;
                        self.add(name, &mut used, row, first.min(last))?;
                    }
                }
                kind if record::CELLS.contains(&kind) => {
                    if let (Some(row), Some(col)) = (u16_at(r.body, 0), u16_at(r.body, 2)) {
                        self.add(name, &mut used, row, col)?;
                    }
                }
                _ => {}
            }
        }
        self.cells += used.area;
        // Past the sheet's EOF, or at the stream's end (cleanly, or
        // mid-record).
        Ok(complete || end == self.data.len())
    }

    /// Refuses a DIMENSIONS record whose range is past `max_cells`:
    /// calamine reserves room for it before reading a cell. Its range is
    /// read as calamine reads it (rows first to last + 1, columns the same;
    /// a first column past 255 or after the last counts from A).
    fn dimensions(&self, name: &str, r: &Record<'_>) -> Result<(), ImportError> {
        let b = r.body;
        let read = match b.len() {
            10 => (|| {
                Some((
                    u32::from(u16_at(b, 0)?),
                    u32::from(u16_at(b, 2)?),
                    u16_at(b, 4)?,
                    u16_at(b, 6)?,
                ))
            })(),
            14 | 16 => (|| Some((u32_at(b, 0)?, u32_at(b, 4)?, u16_at(b, 8)?, u16_at(b, 10)?)))(),
            // calamine refuses any other length.
            _ => None,
        };
        let Some((first_row, rows_end, mut first_col, cols_end)) = read else {
            return Ok(());
        };
        if first_col > 0xFF || cols_end < first_col {
            first_col = 0;
        }
        if rows_end == 0 || cols_end == 0 {
            // calamine reads it as one cell.
            return Ok(());
        }
        let declared = || {
            format!(
                "rows {} to {}, columns {} to {}",
                u64::from(first_row) + 1,
                rows_end,
                u32::from(first_col) + 1,
                cols_end
            )
        };
        let rows = i64::from(rows_end) - i64::from(first_row);
        let cols = i64::from(cols_end) - i64::from(first_col);
        if rows < 1 || cols < 1 {
            // calamine's count of rows or columns would wrap round.
            return Err(ImportError::Unreadable {
                input: self.input.to_string(),
                reason: format!(
                    "sheet {name}: its DIMENSIONS record ends before it starts ({}): \
                     a damaged file",
                    declared()
                ),
            });
        }
        let area = rows.saturating_mul(cols);
        if area > i64::try_from(self.limits.max_cells).unwrap_or(i64::MAX) {
            return Err(too_large(
                self.input,
                format!(
                    "sheet {name}: the used range its DIMENSIONS record declares ({}, {} cells)",
                    declared(),
                    thousands(usize::try_from(area).unwrap_or(usize::MAX))
                ),
                format!("{} cells", thousands(self.limits.max_cells)),
                "max_cells",
            ));
        }
        Ok(())
    }

    /// Adds a cell with a value at `(row, col)` (from 0), refusing it past
    /// the rows or columns limit, or when it widens the sheet's used range
    /// (read as a grid from column A) or all the sheets' used ranges
    /// together past `max_cells`.
    fn add(&self, name: &str, used: &mut Used, row: u16, col: u16) -> Result<(), ImportError> {
        let at = || format!("sheet {name}: cell {}", cell_name(row.into(), col.into()));
        self.limits
            .check_position(self.input, at, row.into(), col.into())?;
        let (row, col) = (u64::from(row), u64::from(col));
        let (top, bottom, right) = used.bounds.map_or((row, row, col), |(t, b, r)| {
            (t.min(row), b.max(row), r.max(col))
        });
        let area = (bottom - top + 1) * (right + 1);
        let all = self.cells + area;
        if all > self.limits.max_cells as u64 {
            let range = format!(
                "{}:{} ({} cells)",
                cell_name(top, 0),
                cell_name(bottom, right),
                thousands(usize::try_from(area).unwrap_or(usize::MAX))
            );
            let making = if self.cells == 0 {
                format!("the used range {range}")
            } else {
                format!(
                    "the used range {range} and those of the sheets before it {} cells",
                    thousands(usize::try_from(all).unwrap_or(usize::MAX))
                )
            };
            return Err(too_large(
                self.input,
                format!("{}, making {making},", at()),
                format!("{} cells", thousands(self.limits.max_cells)),
                "max_cells",
            ));
        }
        used.bounds = Some((top, bottom, right));
        used.area = area;
        Ok(())
    }
}

/// One sheet's used range so far.
#[derive(Default)]
struct Used {
    /// Top row, last row and last column.
    bounds: Option<(u64, u64, u64)>,
    /// Its cells, counted from column A.
    area: u64,
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn rec(kind: u16, body: &[u8]) -> Vec<u8> {
        let len = u16::try_from(body.len()).expect("a short record");
        [&kind.to_le_bytes()[..], &len.to_le_bytes(), body].concat()
    }

    fn bof(kind: u16) -> Vec<u8> {
        let mut body = vec![0u8; 16];
        body[..2].copy_from_slice(&0x0600u16.to_le_bytes());
        body[2..4].copy_from_slice(&kind.to_le_bytes());
        rec(record::BOF, &body)
    }

    fn dimensions(rows: (u32, u32), cols: (u16, u16)) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend(rows.0.to_le_bytes());
        body.extend(rows.1.to_le_bytes());
        body.extend(cols.0.to_le_bytes());
        body.extend(cols.1.to_le_bytes());
        body.extend([0, 0]);
        rec(record::DIMENSIONS, &body)
    }

    fn number(row: u16, col: u16, value: f64) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend(row.to_le_bytes());
        body.extend(col.to_le_bytes());
        body.extend(0u16.to_le_bytes());
        body.extend(value.to_le_bytes());
        rec(0x0203, &body)
    }

    fn label(row: u16, col: u16, text: &str) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend(row.to_le_bytes());
        body.extend(col.to_le_bytes());
        body.extend(0u16.to_le_bytes());
        body.extend(u16::try_from(text.len()).expect("short").to_le_bytes());
        body.push(0);
        body.extend(text.as_bytes());
        rec(0x0204, &body)
    }

    /// A Workbook stream: the workbook part listing the sheets (each
    /// starting where `starts` says, or after the one before), then each
    /// sheet's records between its BOF and EOF.
    fn stream(sheets: &[(&str, Vec<Vec<u8>>)], starts: Option<&[u32]>) -> Vec<u8> {
        let bodies: Vec<Vec<u8>> = sheets
            .iter()
            .map(|(_, records)| [bof(0x0010), records.concat(), rec(record::EOF, &[])].concat())
            .collect();
        let list_len: usize = sheets.iter().map(|(name, _)| 4 + 8 + name.len()).sum();
        let mut at = u32::try_from(bof(5).len() + list_len + 4).expect("small");
        let mut globals = bof(5);
        for (i, ((name, _), body)) in sheets.iter().zip(&bodies).enumerate() {
            let start = starts.map_or(at, |s| s[i]);
            let mut b = start.to_le_bytes().to_vec();
            b.extend([0, 0, u8::try_from(name.len()).expect("short"), 0]);
            b.extend(name.as_bytes());
            globals.extend(rec(record::BOUNDSHEET, &b));
            at += u32::try_from(body.len()).expect("small");
        }
        globals.extend(rec(record::EOF, &[]));
        [globals, bodies.concat()].concat()
    }

    fn xls(sheets: &[(&str, Vec<Vec<u8>>)]) -> Vec<u8> {
        compound(&stream(sheets, None))
    }

    fn compound(workbook: &[u8]) -> Vec<u8> {
        let mut file =
            cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
                .expect("creates");
        let mut s = file.create_stream("Workbook").expect("a stream");
        s.write_all(workbook).expect("writes");
        drop(s);
        file.flush().expect("flushes");
        file.into_inner().into_inner()
    }

    /// The header and one action, as a council's sheet.
    fn plan_rows() -> Vec<Vec<u8>> {
        vec![
            label(0, 0, "Ref"),
            label(0, 1, "Action"),
            number(1, 0, 1.0),
            label(1, 1, "Do it"),
        ]
    }

    fn err(bytes: &[u8], limits: &Limits) -> String {
        check("hostile.xls", bytes, limits).unwrap_err().to_string()
    }

    #[test]
    fn a_record_too_short_for_its_fields_is_an_error_not_a_panic() {
        // calamine 0.38 slices an empty FILEPASS record's first two bytes.
        let mut stream = stream(&[("Actions", plan_rows())], None);
        let at = bof(5).len();
        stream.splice(at..at, rec(record::FILEPASS, &[]));
        let options = crate::import::ImportOptions {
            input_name: "damaged.xls".into(),
            ..crate::import::ImportOptions::default()
        };
        let err = crate::import::import_plan(&compound(&stream), &options).unwrap_err();
        assert_eq!(
            err.to_string(),
            "damaged.xls: cannot read the input as a table: the workbook reader failed on a \
             damaged record; the file is damaged or was not written by a spreadsheet"
        );
    }

    #[test]
    fn a_small_xls_passes_and_imports() {
        let mut rows = vec![dimensions((0, 2), (0, 2))];
        rows.extend(plan_rows());
        let bytes = xls(&[("Actions", rows)]);
        assert!(check("small.xls", &bytes, &Limits::default()).is_ok());
        let options = crate::import::ImportOptions::default();
        let (plan, _) = crate::import::import_plan(&bytes, &options).expect("imports");
        assert_eq!(plan.actions().count(), 1);
    }

    #[test]
    fn a_cell_at_the_last_row_is_refused_naming_it() {
        let mut rows = vec![dimensions((0, 65_536), (0, 256))];
        rows.extend(plan_rows());
        rows.push(number(65_535, 255, 7.0));
        let bytes = xls(&[("Actions", rows.clone())]);
        assert!(bytes.len() < 5_000, "{} bytes", bytes.len());
        let tight = Limits {
            max_rows: 1_000,
            max_cells: 100_000_000,
            ..Limits::default()
        };
        assert_eq!(
            err(&bytes, &tight),
            "hostile.xls: sheet Actions: cell IV65536 is past the limit of 1,000 rows \
             (raise ImportOptions.limits.max_rows to read it)"
        );
        // By default its DIMENSIONS record is refused before any cell.
        assert_eq!(
            err(&bytes, &Limits::default()),
            "hostile.xls: sheet Actions: the used range its DIMENSIONS record declares \
             (rows 1 to 65536, columns 1 to 256, 16,777,216 cells) is past the limit of \
             5,000,000 cells (raise ImportOptions.limits.max_cells to read it)"
        );
        // A DIMENSIONS record that understates: the cells still count.
        rows[0] = dimensions((0, 2), (0, 2));
        assert_eq!(
            err(&xls(&[("Actions", rows)]), &Limits::default()),
            "hostile.xls: sheet Actions: cell IV65536, making the used range A1:IV65536 \
             (16,777,216 cells), is past the limit of 5,000,000 cells \
             (raise ImportOptions.limits.max_cells to read it)"
        );
    }

    #[test]
    fn the_used_ranges_of_all_sheets_count_together() {
        // Each sheet is 2,000,000 cells (A1:T100000 in rows of 20).
        let sheet = |name| (name, vec![number(0, 0, 1.0), number(65_535, 30, 1.0)]);
        let two = xls(&[sheet("One"), sheet("Two")]);
        assert!(check("two.xls", &two, &Limits::default()).is_ok());
        let three = xls(&[sheet("One"), sheet("Two"), sheet("Three")]);
        assert_eq!(
            err(&three, &Limits::default()),
            "hostile.xls: sheet Three: cell AE65536, making the used range A1:AE65536 \
             (2,031,616 cells) and those of the sheets before it 6,094,848 cells, \
             is past the limit of 5,000,000 cells \
             (raise ImportOptions.limits.max_cells to read it)"
        );
    }

    #[test]
    fn multiple_values_and_formulas_count_their_cells() {
        // MULRK: row, first column, one value (xf + RK), last column.
        let mut body = vec![0, 0, 0xFF, 0x00];
        body.extend([0; 6 * 3]);
        body.extend(258u16.to_le_bytes());
        let mulrk = rec(record::MULRK, &body);
        let wide = Limits {
            max_columns: 256,
            ..Limits::default()
        };
        assert!(err(&xls(&[("Actions", vec![mulrk])]), &wide).contains("cell IY1 is past"));
        // FORMULA: row, column, then 16 bytes of value and 4 of formula.
        let mut body = vec![0x10, 0x27, 0x00, 0x00];
        body.extend([0; 18]);
        let formula = rec(0x0006, &body);
        let rows = Limits {
            max_rows: 10_000,
            ..Limits::default()
        };
        assert!(err(&xls(&[("Actions", vec![formula])]), &rows).contains("cell A10001 is past"));
    }

    #[test]
    fn charts_inside_a_sheet_and_continue_records_are_skipped() {
        let mut rows = plan_rows();
        // An embedded chart: its own BOF … EOF, with a DIMENSIONS of its own.
        rows.extend([
            bof(0x0020),
            dimensions((0, 60_000), (0, 200)),
            number(60_000, 200, 1.0),
            rec(record::EOF, &[]),
        ]);
        rows.push(rec(record::CONTINUE, &number(60_000, 200, 1.0)));
        let bytes = xls(&[("Actions", rows)]);
        assert!(check("chart.xls", &bytes, &Limits::default()).is_ok());
        let options = crate::import::ImportOptions::default();
        let (plan, _) = crate::import::import_plan(&bytes, &options).expect("imports");
        assert_eq!(plan.actions().count(), 1);
    }

    #[test]
    fn damaged_layouts_that_would_crash_calamine_are_refused() {
        // A DIMENSIONS record whose last row is before its first.
        let bytes = xls(&[("Actions", vec![dimensions((10, 5), (0, 2))])]);
        assert_eq!(
            err(&bytes, &Limits::default()),
            "hostile.xls: cannot read the input as a table: sheet Actions: its DIMENSIONS \
             record ends before it starts (rows 11 to 5, columns 1 to 2): a damaged file"
        );
        // A sheet said to start past the end of the stream.
        let bytes = compound(&stream(&[("Actions", plan_rows())], Some(&[90_000])));
        assert!(
            err(&bytes, &Limits::default())
                .contains("sheet Actions starts at byte 90,000, past the end"),
            "{}",
            err(&bytes, &Limits::default())
        );
        // A thousand sheets said to start where one does: walked once each,
        // calamine's cost would grow with the square of the file.
        let starts = vec![20 + 1_000 * 18 + 4; 1_000];
        let names: Vec<String> = (0..1_000).map(|i| format!("S{i:05}")).collect();
        let mut sheets: Vec<(&str, Vec<Vec<u8>>)> =
            names.iter().map(|n| (n.as_str(), Vec::new())).collect();
        sheets[0].1 = (0..100).map(|i| number(i, 0, 1.0)).collect();
        let bytes = compound(&stream(&sheets, Some(&starts)));
        assert!(
            err(&bytes, &Limits::default()).contains("overlap another sheet's"),
            "{}",
            err(&bytes, &Limits::default())
        );
    }

    #[test]
    fn other_files_pass() {
        let limits = Limits::default();
        assert!(check("x.csv", b"a,b", &limits).is_ok());
        assert!(check("garbage.xls", &[OLE, &[0; 600]].concat(), &limits).is_ok());
        // Encrypted: calamine refuses it, saying so.
        let mut globals = bof(5);
        globals.extend(rec(record::FILEPASS, &[1, 0, 0, 0]));
        globals.extend(rec(record::EOF, &[]));
        assert!(check("locked.xls", &compound(&globals), &limits).is_ok());
        // Truncated mid-record.
        let bytes = stream(&[("Actions", plan_rows())], None);
        let cut = compound(&bytes[..bytes.len() - 3]);
        assert!(check("cut.xls", &cut, &limits).is_ok());
    }
}
