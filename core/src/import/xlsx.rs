//! Workbooks (xlsx, xls, xlsb, ods) through calamine: every sheet as rows
//! of text, with xlsx cells' solid fill colours.

#[cfg(feature = "xlsx")]
use std::io::Cursor;

#[cfg(feature = "xlsx")]
use calamine::{Data, FillPattern, Reader, StyleRange};
#[cfg(feature = "xlsx")]
use chrono::{Duration, NaiveDate};

#[cfg(feature = "xlsx")]
use super::Fill;
use super::{ImportError, Row};

/// Without the `xlsx` feature a workbook is unreadable, saying why.
#[cfg(not(feature = "xlsx"))]
pub(crate) fn read(input: &str, _bytes: &[u8]) -> Result<Vec<(String, Vec<Row>)>, ImportError> {
    Err(ImportError::Unreadable {
        input: input.to_string(),
        reason: "this build of lineofsight reads no workbooks (the `xlsx` feature is off); \
                 save the sheet as CSV or TSV"
            .to_string(),
    })
}

/// The sheets of a workbook, by name, each as rows of text.
#[cfg(feature = "xlsx")]
pub(crate) fn read(input: &str, bytes: &[u8]) -> Result<Vec<(String, Vec<Row>)>, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        input: input.to_string(),
        reason,
    };
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("not a workbook calamine can open: {e}")))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| unreadable(format!("sheet {name:?}: {e}")))?;
        // Fills are extra: a sheet whose styles cannot be read keeps its text.
        let styles = book.worksheet_style(&name).unwrap_or_default();
        let (top, left) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let mut out = vec![String::new(); left as usize];
                out.extend(cells.iter().map(cell_text));
                let number = top as usize + i + 1;
                Row {
                    number,
                    fills: fills(
                        &styles,
                        top.saturating_add(u32::try_from(i).unwrap_or(u32::MAX)),
                        out.len(),
                    ),
                    cells: out,
                }
            })
            .collect();
        sheets.push((name, rows));
    }
    Ok(sheets)
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
        let sheets = read("rag.xlsx", &bytes).expect("a workbook");
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
