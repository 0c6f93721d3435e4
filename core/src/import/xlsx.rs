//! Workbooks (xlsx, xls, xlsb, ods) through calamine: every sheet as rows
//! of text, with xlsx cells' solid fill colours.

#[cfg(feature = "xlsx")]
use std::io::Cursor;

#[cfg(feature = "xlsx")]
use calamine::{Data, FillPattern, Reader, Sheets, StyleRange};
#[cfg(feature = "xlsx")]
use chrono::{Duration, NaiveDate};

#[cfg(feature = "xlsx")]
use super::limits::{cell_name, thousands, too_large};
#[cfg(feature = "xlsx")]
use super::Fill;
use super::{ImportError, Limits, Row};

/// Without the `xlsx` feature a workbook is unreadable, saying why.
#[cfg(not(feature = "xlsx"))]
pub(crate) fn read(
    input: &str,
    _bytes: &[u8],
    _limits: &Limits,
) -> Result<Vec<(String, Vec<Row>)>, ImportError> {
    Err(ImportError::Unreadable {
        input: input.to_string(),
        reason: "this build of lineofsight reads no workbooks (the `xlsx` feature is off); \
                 save the sheet as CSV or TSV"
            .to_string(),
    })
}

/// The sheets of a workbook, by name, each as rows of text.
///
/// xlsx and xlsb sheets are read cell by cell, each cell checked against
/// the limits as it comes, so a lone cell at `XFD1048576` is refused before
/// any grid is allocated (calamine's `worksheet_range` would allocate the
/// whole used range first). calamine reads an ods whole when it opens it,
/// so `content.xml` is walked first ([`super::ods::check`]) and an ods past
/// the limits never reaches calamine. calamine reads an xls whole too, so
/// its records are walked first the same way ([`super::xls::check`]).
#[cfg(feature = "xlsx")]
pub(crate) fn read(
    input: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Vec<(String, Vec<Row>)>, ImportError> {
    // calamine 0.38 reads some damaged records with unchecked slicing and
    // arithmetic (an xls FILEPASS or BOUNDSHEET record too short for its
    // fields, among others). The checks before it refuse the ones known;
    // this turns any other such panic into an error naming the input, so
    // no workbook, however damaged, takes the process (or Python) down.
    // (The browser build, which aborts on panic, has no workbook reader.)
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_checked(input, bytes, limits)
    }))
    .unwrap_or_else(|_| {
        Err(ImportError::Unreadable {
            input: input.to_string(),
            reason: "the workbook reader failed on a damaged record; the file is damaged or \
                     was not written by a spreadsheet"
                .to_string(),
        })
    })
}

#[cfg(feature = "xlsx")]
fn read_checked(
    input: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Vec<(String, Vec<Row>)>, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        input: input.to_string(),
        reason,
    };
    super::ods::check(input, bytes, limits)?;
    super::xlsx_refs::check(input, bytes)?;
    super::xls::check(input, bytes, limits)?;
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("not a workbook calamine can open: {e}")))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let mut grid = Grid::new(input, &name, limits);
        let failed = |e: &dyn std::fmt::Display| unreadable(format!("sheet {name:?}: {e}"));
        match &mut book {
            Sheets::Xlsx(x) => match x.worksheet_cells_reader(&name) {
                Ok(mut cells) => {
                    while let Some(cell) = cells.next_cell().map_err(|e| failed(&e))? {
                        grid.add(cell.get_position(), &Data::from(cell.get_value().clone()))?;
                    }
                }
                // A chart sheet has no cells.
                Err(calamine::XlsxError::NotAWorksheet(_)) => {}
                Err(e) => return Err(failed(&e)),
            },
            Sheets::Xlsb(x) => {
                let mut cells = x.worksheet_cells_reader(&name).map_err(|e| failed(&e))?;
                while let Some(cell) = cells.next_cell().map_err(|e| failed(&e))? {
                    grid.add(cell.get_position(), &Data::from(cell.get_value().clone()))?;
                }
            }
            book => {
                let range = book.worksheet_range(&name).map_err(|e| failed(&e))?;
                for (row, col, cell) in range.used_cells() {
                    let (top, left) = range.start().unwrap_or((0, 0));
                    let at = |n: usize, from: u32| {
                        from.saturating_add(u32::try_from(n).unwrap_or(u32::MAX))
                    };
                    grid.add((at(row, top), at(col, left)), cell)?;
                }
            }
        }
        let mut rows = grid.rows();
        // Fills are extra: a sheet whose styles cannot be read keeps its text.
        let styles = book.worksheet_style(&name).unwrap_or_default();
        for row in &mut rows {
            let at = u32::try_from(row.number - 1).unwrap_or(u32::MAX);
            row.fills = fills(&styles, at, row.cells.len());
        }
        sheets.push((name, rows));
    }
    Ok(sheets)
}

/// A sheet's cells as they are read: sparse, with the used range (the
/// bounding box of cells with a value) checked against the limits as it
/// grows.
#[cfg(feature = "xlsx")]
struct Grid<'a> {
    input: &'a str,
    sheet: &'a str,
    limits: &'a Limits,
    cells: Vec<((u32, u32), String)>,
    /// Top row, last row and last column of the used range.
    bounds: Option<(u32, u32, u32)>,
}

#[cfg(feature = "xlsx")]
impl<'a> Grid<'a> {
    fn new(input: &'a str, sheet: &'a str, limits: &'a Limits) -> Grid<'a> {
        Grid {
            input,
            sheet,
            limits,
            cells: Vec::new(),
            bounds: None,
        }
    }

    /// Adds a cell at `(row, column)` from 0, refusing it past the limits.
    fn add(&mut self, (row, col): (u32, u32), cell: &Data) -> Result<(), ImportError> {
        if matches!(cell, Data::Empty) {
            return Ok(());
        }
        let at = || {
            format!(
                "sheet {}: cell {}",
                self.sheet,
                cell_name(u64::from(row), u64::from(col))
            )
        };
        let (r, c) = (row as usize, col as usize);
        self.limits.check_position(self.input, at, r, c)?;
        let text = cell_text(cell);
        self.limits.check_cell(self.input, at, &text)?;
        let (top, bottom, right) = self.bounds.map_or((row, row, col), |(t, b, r)| {
            (t.min(row), b.max(row), r.max(col))
        });
        // Rows are read as a grid from column A to the last column.
        let area = (bottom - top + 1) as usize * (right as usize + 1);
        if area > self.limits.max_cells {
            return Err(too_large(
                self.input,
                format!(
                    "sheet {}: cell {}, making the used range {}:{} ({} cells),",
                    self.sheet,
                    cell_name(u64::from(row), u64::from(col)),
                    cell_name(u64::from(top), 0),
                    cell_name(u64::from(bottom), u64::from(right)),
                    thousands(area)
                ),
                format!("{} cells", thousands(self.limits.max_cells)),
                "max_cells",
            ));
        }
        self.bounds = Some((top, bottom, right));
        self.cells.push(((row, col), text));
        Ok(())
    }

    /// The rows from the used range's top to its bottom, each from column A
    /// to the range's last column (without fills).
    fn rows(mut self) -> Vec<Row> {
        let Some((top, bottom, right)) = self.bounds else {
            return Vec::new();
        };
        let width = right as usize + 1;
        let mut rows: Vec<Row> = (top..=bottom)
            .map(|r| Row {
                number: r as usize + 1,
                cells: vec![String::new(); width],
                fills: Vec::new(),
            })
            .collect();
        for ((row, col), text) in self.cells.drain(..) {
            rows[(row - top) as usize].cells[col as usize] = text;
        }
        rows
    }
}

/// The solid fills of one sheet row's first `width` cells: empty when none
/// is filled. `StyleRange` is kept sparse by calamine (runs of styles, so a
/// lone styled cell at XFD1048576 costs one run), and only the row's own
/// cells are looked up.
#[cfg(feature = "xlsx")]
fn fills(styles: &StyleRange, row: u32, width: usize) -> Vec<Option<Fill>> {
    let Some((first, last)) = styles.start().zip(styles.end()) else {
        return Vec::new();
    };
    if row < first.0 || row > last.0 {
        return Vec::new();
    }
    let fill = |col: usize| {
        let style = styles.get((row, u32::try_from(col).ok()?))?;
        let fill = style.fill.as_ref()?;
        if fill.pattern != FillPattern::Solid {
            return None;
        }
        let c = fill.get_color()?;
        Some(Fill::rgb(c.red, c.green, c.blue))
    };
    let out: Vec<Option<Fill>> = (0..width).map(fill).collect();
    if out.iter().all(Option::is_none) {
        Vec::new()
    } else {
        out
    }
}

/// A cell as text: whole numbers without `.0`, dates as `dd/mm/yyyy`.
#[cfg(feature = "xlsx")]
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        // Whole and below 1e15, so exactly an i64.
        #[allow(clippy::cast_possible_truncation)]
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let serial = d.as_f64();
            let base = NaiveDate::from_ymd_opt(1899, 12, 30);
            match (
                base,
                serial.is_finite() && (0.0..3_000_000.0).contains(&serial),
            ) {
                // Finite and in 0..3e6 (checked above), so exactly an i64.
                #[allow(clippy::cast_possible_truncation)]
                (Some(base), true) => base
                    .checked_add_signed(Duration::days(serial.floor() as i64))
                    .map_or_else(|| serial.to_string(), |d| d.format("%d/%m/%Y").to_string()),
                _ => serial.to_string(),
            }
        }
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(all(test, feature = "xlsx"))]
mod tests {
    use rust_xlsxwriter::{Color, Format, Workbook};

    use super::*;
    use crate::Rating;

    #[test]
    // RGB colours, written as Word and Excel write them.
    #[allow(clippy::unreadable_literal)]
    fn fill_only_rag_cells_in_a_sheet() {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let fill = |rgb: u32| Format::new().set_background_color(Color::RGB(rgb));
        for (col, text) in (0u16..).zip(["Ref", "Action", "RAG"]) {
            sheet.write_string(0, col, text).expect("write");
        }
        sheet.write_string(1, 0, "1").expect("write");
        sheet.write_string(1, 1, "Red one").expect("write");
        sheet.write_blank(1, 2, &fill(0xC00000)).expect("write");
        sheet.write_string(2, 0, "2").expect("write");
        sheet
            .write_string_with_format(2, 1, "Green text cell", &fill(0x92D050))
            .expect("write");
        // A formatted blank at the last cell must not widen anything.
        sheet
            .write_blank(1_048_575, 16_383, &fill(0xFFC000))
            .expect("write");
        let bytes = book.save_to_buffer().expect("xlsx");
        let sheets = read("rag.xlsx", &bytes, &Limits::default()).expect("a workbook");
        let rows = &sheets[0].1;
        assert_eq!(rows.len(), 3);
        assert!(rows[0].fills.is_empty());
        assert_eq!(rows[1].cells, ["1", "Red one", ""]);
        assert_eq!(rows[1].fills, [None, None, Some(Fill::rgb(0xC0, 0, 0))]);
        assert_eq!(
            rows[1].fills[2].and_then(Rating::from_fill),
            Some(Rating::Red)
        );
        assert_eq!(
            rows[2].fills.get(1).copied().flatten(),
            Some(Fill::rgb(0x92, 0xD0, 0x50))
        );
    }
}
