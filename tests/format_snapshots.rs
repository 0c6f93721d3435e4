//! Every format drawn from one report model: last quarter's tracker against
//! this quarter's (tests/fixtures/), as of 31/12/2019, with the changes
//! since 30/09/2019, as snapshots in tests/snapshots/. The binary formats
//! are snapshotted as what a reader sees: the workbook's cells sheet by
//! sheet, the Word paper's paragraphs and table cells as text.
//!
//! After an intended change to a report, review and accept the new
//! snapshots with `cargo insta review` (or run with `INSTA_UPDATE=always`
//! and read the diff).

use std::fmt::Write;
use std::io::Read;

use lineofsight::export::{render, ReportFormat};
use lineofsight::import::{read_workbook, TableFormat};
use lineofsight::report::BoardReport;

fn report() -> BoardReport {
    crate::quarter_changes::compared()
}

fn text(format: ReportFormat) -> String {
    String::from_utf8(render(&report(), format).unwrap()).unwrap()
}

#[test]
fn terminal() {
    insta::assert_snapshot!("quarter_terminal", text(ReportFormat::Terminal));
}

#[test]
fn markdown() {
    insta::assert_snapshot!("quarter_markdown", text(ReportFormat::Markdown));
}

#[test]
fn html() {
    insta::assert_snapshot!("quarter_html", text(ReportFormat::Html));
}

#[test]
fn csv() {
    insta::assert_snapshot!("quarter_csv", text(ReportFormat::Csv));
}

#[test]
fn json() {
    insta::assert_snapshot!("quarter_json", text(ReportFormat::Json));
}

#[test]
fn calendar() {
    insta::assert_snapshot!("quarter_ics", text(ReportFormat::Calendar));
}

#[test]
fn workbook_cells() {
    let bytes = render(&report(), ReportFormat::Xlsx).unwrap();
    let mut out = String::new();
    for sheet in read_workbook(&bytes, TableFormat::Xlsx).unwrap() {
        let _ = writeln!(out, "## {}", sheet.name);
        for row in &sheet.rows {
            out.push_str(&row.cells.join(" | "));
            out.push('\n');
        }
    }
    insta::assert_snapshot!("quarter_xlsx_cells", out);
}

#[test]
fn word_paper_text() {
    let bytes = render(&report(), ReportFormat::Docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    // Each paragraph on its own line, table cells separated by ` | `.
    let mut out = String::new();
    for tag_and_text in xml.split('<').skip(1) {
        let (tag, text) = tag_and_text.split_once('>').unwrap_or((tag_and_text, ""));
        if tag == "/w:p" {
            out.push('\n');
        } else if tag == "/w:tc" {
            out.push_str(" | ");
        } else if tag.starts_with("w:t") && (tag.len() == 3 || tag.starts_with("w:t ")) {
            out.push_str(text);
        }
    }
    insta::assert_snapshot!("quarter_docx_text", out);
}
