//! An Excel workbook (`.xlsx`) with one sheet per view: Actions, Measures
//! and Summary, then the outline sheets (`xlsx_outline.rs`) that make it
//! the whole plan.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::table_cells::{cell, extra_keys, neutralise, Column, COLUMNS, EXTRA_PREFIX};
use super::ExportError;
use crate::rating::Rating;
use crate::report::{BoardCounts, BoardReport, RatingLook};

/// The date format of every date cell.
const DATE_FORMAT: &str = "dd/mm/yyyy";

/// The part a writer error is first given; [`workbook`] names the sheet
/// (see [`in_sheet`]).
const SOME_SHEET: &str = "a sheet";

pub(super) fn xerr(e: XlsxError) -> ExportError {
    ExportError::Xlsx {
        part: SOME_SHEET.to_string(),
        source: e.into(),
    }
}

/// Names the sheet that was being written in a writer error.
fn in_sheet(name: &'static str) -> impl Fn(ExportError) -> ExportError {
    move |e| match e {
        ExportError::Xlsx { part, source } if part == SOME_SHEET => ExportError::Xlsx {
            part: format!("sheet {name:?}"),
            source,
        },
        other => other,
    }
}

/// `#rrggbb` as a colour, if it is one.
fn rgb(hex: &str) -> Option<Color> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 {
        return None;
    }
    u32::from_str_radix(digits, 16).ok().map(Color::RGB)
}

/// The formats the sheets share.
pub(super) struct Formats {
    header: Format,
    text: Format,
    date: Format,
    number: Format,
    looks: Vec<RatingLook>,
}

impl Formats {
    fn new(looks: &[RatingLook]) -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        Formats {
            header: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0x00D9_D9D9))
                .set_text_wrap(),
            text: cell.clone().set_text_wrap(),
            date: cell.clone().set_num_format(DATE_FORMAT),
            number: cell,
            looks: looks.to_vec(),
        }
    }

    pub(super) fn look(&self, rating: Rating) -> Option<&RatingLook> {
        self.looks.iter().find(|l| l.rating == rating)
    }

    /// A rating cell: filled with the rating's colour, with the text colour
    /// that contrasts with it.
    fn rating(&self, rating: Rating) -> Format {
        let look = self.look(rating);
        let fill = look.and_then(|l| rgb(&l.colour)).unwrap_or(Color::White);
        let ink = look
            .and_then(|l| rgb(&l.text_colour))
            .unwrap_or(Color::Black);
        self.number
            .clone()
            .set_background_color(fill)
            .set_font_color(ink)
    }
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, ExportError> {
    // Excel counts 1900 as a leap year, so its dates before 1 March 1900
    // are a day out when read back: those are written as text.
    if d < NaiveDate::from_ymd_opt(1900, 3, 1).unwrap_or(NaiveDate::MIN) {
        return Err(ExportError::DoesNotFit {
            reason: format!("date {d} is before 1 March 1900"),
        });
    }
    let year = u16::try_from(d.year()).map_err(|_| ExportError::DoesNotFit {
        reason: format!("date {d} is past the years Excel shows"),
    })?;
    // Month and day always fit in a byte.
    let (month, day) = (
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
    );
    ExcelDateTime::from_ymd(year, month, day).map_err(xerr)
}

pub(super) fn header(
    ws: &mut Worksheet,
    row: u32,
    columns: &[(&str, f64)],
    f: &Formats,
) -> Result<(), ExportError> {
    for (col, (name, width)) in (0u16..).zip(columns) {
        ws.write_string_with_format(row, col, *name, &f.header)
            .map_err(xerr)?;
        ws.set_column_width(col, *width).map_err(xerr)?;
    }
    Ok(())
}

/// Freezes the rows down to and including `header_row`, and puts an
/// autofilter on the table below it.
pub(super) fn finish_table(
    ws: &mut Worksheet,
    header_row: u32,
    last_row: u32,
    columns: usize,
) -> Result<(), ExportError> {
    let last_col = u16::try_from(columns.saturating_sub(1)).unwrap_or(0);
    ws.set_freeze_panes(header_row + 1, 0).map_err(xerr)?;
    ws.autofilter(header_row, 0, last_row.max(header_row), last_col)
        .map_err(xerr)?;
    Ok(())
}

pub(super) fn text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    f: &Formats,
) -> Result<(), ExportError> {
    // Excel counts a cell's length in UTF-16 units.
    let units = value.encode_utf16().count();
    if units > EXCEL_CELL_UNITS {
        return Err(ExportError::DoesNotFit {
            reason: format!(
                "sheet {:?}, cell {}{}: {units} characters, more than the {EXCEL_CELL_UNITS} an Excel cell holds",
                ws.name(),
                rust_xlsxwriter::utility::column_number_to_name(col),
                row + 1
            ),
        });
    }
    ws.write_string_with_format(row, col, value, &f.text)
        .map_err(xerr)?;
    Ok(())
}

/// The most UTF-16 units an Excel cell holds.
pub(super) const EXCEL_CELL_UNITS: usize = 32_767;

fn date(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<NaiveDate>,
    f: &Formats,
) -> Result<(), ExportError> {
    match value {
        // Excel cannot hold dates before 1900 (nor read back those before
        // March 1900): those are written as text.
        Some(d) => match excel_date(d) {
            Ok(x) => ws.write_date_with_format(row, col, &x, &f.date),
            Err(_) => ws.write_string_with_format(row, col, d.to_string(), &f.text),
        }
        .map(|_| ())
        .map_err(xerr),
        None => ws.write_blank(row, col, &f.date).map(|_| ()).map_err(xerr),
    }
}

pub(super) fn rating(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Rating>,
    f: &Formats,
) -> Result<(), ExportError> {
    match value {
        Some(r) => ws
            .write_string_with_format(
                row,
                col,
                f.look(r).map_or(r.name(), |l| l.label.as_str()),
                &f.rating(r),
            )
            .map(|_| ())
            .map_err(xerr),
        None => ws
            .write_blank(row, col, &f.number)
            .map(|_| ())
            .map_err(xerr),
    }
}

fn count(ws: &mut Worksheet, row: u32, col: u16, n: usize, f: &Formats) -> Result<(), ExportError> {
    ws.write_number_with_format(row, col, n as f64, &f.number)
        .map(|_| ())
        .map_err(xerr)
}

fn actions_sheet(ws: &mut Worksheet, report: &BoardReport, f: &Formats) -> Result<(), ExportError> {
    ws.set_name("Actions").map_err(xerr)?;
    let extras = extra_keys(report);
    let extra_headers: Vec<String> = extras
        .iter()
        .map(|k| neutralise(&format!("{EXTRA_PREFIX}{k}")).into_owned())
        .collect();
    let columns: Vec<(&str, f64)> = COLUMNS
        .iter()
        .map(|(_, _, label, width)| (*label, *width))
        .chain(extra_headers.iter().map(|h| (h.as_str(), 20.0)))
        .collect();
    header(ws, 0, &columns, f)?;
    let rows = &report.actions;
    for (row, r) in (1u32..).zip(rows) {
        for (col, (c, ..)) in (0u16..).zip(COLUMNS.iter()) {
            match c {
                Column::Due => date(ws, row, col, r.due, f)?,
                Column::LatestUpdateDate => date(ws, row, col, r.commentary_date, f)?,
                Column::Start => date(ws, row, col, r.start, f)?,
                Column::RecordedRating => rating(ws, row, col, r.recorded, f)?,
                Column::ComputedRating => rating(ws, row, col, Some(r.computed), f)?,
                Column::Rating => rating(ws, row, col, Some(r.rating), f)?,
                _ => text(ws, row, col, &neutralise(&cell(r, *c)), f)?,
            }
        }
        for (col, k) in (column_count(COLUMNS.len())..).zip(&extras) {
            let value = r.extra.get(k).map_or("", String::as_str);
            text(ws, row, col, &neutralise(value), f)?;
        }
    }
    finish_table(
        ws,
        0,
        u32::try_from(rows.len()).unwrap_or(u32::MAX),
        columns.len(),
    )
}

pub(super) fn column_count(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn counts_row(
    ws: &mut Worksheet,
    row: u32,
    c: &BoardCounts,
    f: &Formats,
) -> Result<(), ExportError> {
    for (col, (_, n)) in (3u16..).zip(c.columns()) {
        count(ws, row, col, n, f)?;
    }
    Ok(())
}

fn summary_sheet(ws: &mut Worksheet, report: &BoardReport, f: &Formats) -> Result<(), ExportError> {
    ws.set_name("Summary").map_err(xerr)?;
    let bold = Format::new().set_bold();
    let facts: [(&str, &str); 2] = [
        ("Plan", &report.title),
        ("Organisation", &report.organisation),
    ];
    for (row, (k, v)) in (0u32..).zip(facts) {
        ws.write_string_with_format(row, 0, k, &bold)
            .map_err(xerr)?;
        ws.write_string(row, 1, v).map_err(xerr)?;
    }
    ws.write_string_with_format(2, 0, "As of", &bold)
        .map_err(xerr)?;
    ws.write_date_with_format(
        2,
        1,
        &excel_date(report.as_of)?,
        &Format::new().set_num_format(DATE_FORMAT),
    )
    .map_err(xerr)?;
    ws.write_string_with_format(3, 0, "Overall", &bold)
        .map_err(xerr)?;
    ws.write_string(3, 1, report.plan.reason.to_string())
        .map_err(xerr)?;
    let top = 5u32;
    let columns = [
        ("Objective ref", 10.0),
        ("Objective", 50.0),
        ("Group", 24.0),
        ("Red", 8.0),
        ("Amber", 8.0),
        ("Green", 8.0),
        ("Blue", 8.0),
        ("Unrated", 9.0),
        ("Rating", 11.0),
        ("Reason", 60.0),
    ];
    header(ws, top, &columns, f)?;
    let mut row = top;
    for o in &report.objectives {
        row += 1;
        text(ws, row, 0, o.reference.as_deref().unwrap_or(""), f)?;
        text(ws, row, 1, &o.title, f)?;
        text(ws, row, 2, o.group.as_deref().unwrap_or(""), f)?;
        counts_row(ws, row, &o.counts, f)?;
        rating(ws, row, 8, Some(o.rollup.rating), f)?;
        text(ws, row, 9, &o.rollup.reason.message(), f)?;
    }
    row += 1;
    text(ws, row, 0, "", f)?;
    ws.write_string_with_format(row, 1, "Whole plan", &f.header)
        .map_err(xerr)?;
    text(ws, row, 2, "", f)?;
    counts_row(ws, row, &report.summary.counts, f)?;
    rating(ws, row, 8, Some(report.plan.rating), f)?;
    text(ws, row, 9, &report.plan.reason.message(), f)?;
    // The whole-plan row stays out of the filter range so sorting by
    // objective never moves it.
    finish_table(ws, top, row - 1, columns.len())
}

/// The board report as an Excel workbook, returned as the bytes of an
/// `.xlsx` file. Seven sheets, each with a frozen header row and an
/// autofilter: **Actions** (one row per action, the columns of the CSV in
/// the same order, with headers for people: `Action id`, `Sub-activities`),
/// **Measures** (every measure: target, latest value, rating and reason,
/// then the measure as data), **Summary** (the plan, the as-of date and the
/// RAG counts by objective), and the outline sheets **Groups**,
/// **Objectives**, **Leads** and **Plan**, with which re-importing the
/// workbook gives back the whole plan (see the [module
/// documentation](super#the-whole-plan-in-the-workbook); a report read back
/// from JSON has no outline, and its workbook has Groups but not the last
/// three). Dates are real Excel dates shown as
/// `dd/mm/yyyy`; rating cells are filled with the plan's RAG colour and
/// carry the rating's word. Text cells follow the CSV's rules (see the
/// [module documentation](super#flat-tables-csv-and-xlsx)), the `'` in
/// front of formula-like text included, so a sheet saved as CSV by hand
/// still reads back.
///
/// Requires the `xlsx` feature (on by default).
///
/// # Errors
///
/// [`ExportError::Xlsx`] if the workbook writer fails: for a cell of more
/// than 32,767 characters outside the Plan sheet (an action's progress,
/// say), which Excel cannot hold. A date Excel cannot hold, before March
/// 1900, is written as text.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::workbook;
/// use lineofsight::report::{BoardReport, ReportOptions};
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default());
/// let bytes = workbook(&report).unwrap();
/// assert!(bytes.starts_with(b"PK")); // an xlsx file is a zip archive
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "xlsx")))]
pub fn workbook(report: &BoardReport) -> Result<Vec<u8>, ExportError> {
    let f = Formats::new(&report.ratings);
    let mut wb = Workbook::new();
    actions_sheet(wb.add_worksheet(), report, &f).map_err(in_sheet("Actions"))?;
    super::xlsx_outline::measures_sheet(wb.add_worksheet(), report, &f)
        .map_err(in_sheet("Measures"))?;
    summary_sheet(wb.add_worksheet(), report, &f).map_err(in_sheet("Summary"))?;
    super::xlsx_outline::outline_sheets(&mut wb, report, &f)
        .map_err(in_sheet("Groups, Objectives, Leads or Plan"))?;
    wb.save_to_buffer().map_err(|e| ExportError::Xlsx {
        part: "the workbook file".to_string(),
        source: e.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;
    use calamine::{Data, Reader, Xlsx};

    #[test]
    fn workbook_opens_with_its_sheets_dates_and_ratings() {
        let plan = crate::builtin("lancashire").expect("built-in plan");
        let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("date");
        let eval = plan.evaluate(as_of, &RuleSet::default());
        let report = BoardReport::build(
            &plan,
            as_of,
            &RuleSet::default(),
            &crate::report::ReportOptions::default(),
        );
        let bytes = workbook(&report).expect("workbook");
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
        assert_eq!(
            book.sheet_names(),
            [
                "Actions",
                "Measures",
                "Summary",
                "Groups",
                "Objectives",
                "Leads",
                "Plan"
            ]
        );

        let actions = book.worksheet_range("Actions").expect("Actions");
        assert_eq!(actions.height(), plan.actions().count() + 1);
        assert_eq!(actions.get((0, 15)), Some(&Data::String("Rating".into())));
        for (i, r) in eval.actions.iter().enumerate() {
            assert_eq!(
                actions.get((i + 1, 15)),
                Some(&Data::String(r.rating.name().into())),
                "row {}",
                i + 1
            );
            match (r.due, actions.get((i + 1, 7))) {
                (Some(d), Some(Data::DateTime(x))) => {
                    assert_eq!(x.as_datetime().map(|t| t.date()), Some(d));
                }
                (None, Some(Data::Empty) | None) => {}
                (due, cell) => panic!("row {}: due {due:?}, cell {cell:?}", i + 1),
            }
        }

        let summary = book.worksheet_range("Summary").expect("Summary");
        assert_eq!(summary.get((0, 1)), Some(&Data::String(plan.title.clone())));
        assert!(matches!(summary.get((2, 1)), Some(Data::DateTime(_))));

        let measures = book.worksheet_range("Measures").expect("Measures");
        let all = plan
            .objectives
            .iter()
            .map(|o| o.measures.len())
            .sum::<usize>();
        assert_eq!(measures.height(), all + 1);
    }

    #[test]
    fn bad_plan_colours_fall_back_to_the_defaults() {
        assert_eq!(rgb("#f4a6a6"), Some(Color::RGB(0x00F4_A6A6)));
        assert_eq!(rgb("red"), None);
        assert_eq!(rgb("#12345"), None);
    }
}
