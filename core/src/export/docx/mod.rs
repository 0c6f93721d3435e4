//! The board report as a Word board paper (.docx), drawn from the one
//! [`BoardReport`] like every other format: a title block, a one-page
//! summary (overall position, counts by objective, the chart, what changed
//! since the previous report, the biggest exceptions), then the
//! exceptions, the open actions objective by objective with their latest
//! commentary, the measures with their charts, deadlines coming up,
//! discrepancies and data warnings. Sections with nothing in them are left
//! out.
//!
//! Requires the `board-paper` feature (on by default); the charts also
//! need `board-paper-charts` (on by default), and without it each chart is
//! given as a table of its figures.
//!
//! | File | What it draws |
//! |---|---|
//! | `styles.rs` | A4 portrait and the named styles a council re-brands |
//! | `tables.rs` | tables with repeated header rows and RAG cells |
//! | `charts.rs` | the SVG charts as PNG, with the caller's fonts |
//! | `sections.rs` | the paper's sections, in order |
//! | `text.rs` | plan text made safe for XML |
//!
//! Charts need fonts, and the core reads no files: pass font data to
//! [`BoardPaper::new`]. Without fonts ([`render`](super::render) with
//! [`ReportFormat::Docx`](super::ReportFormat::Docx)) the charts are left
//! out and their figures are in the tables next to them.

#[cfg(feature = "board-paper-charts")]
mod charts;
#[cfg(not(feature = "board-paper-charts"))]
#[path = "no_charts.rs"]
mod charts;
mod sections;
mod styles;
mod tables;
mod text;

use std::fmt::Write;
use std::io::Cursor;

use chrono::NaiveDate;

use super::ExportError;
use crate::plan::Plan;
use crate::report::{BoardReport, ReportOptions};
use crate::rules::RuleSet;

/// The Word board paper writer, holding the fonts its charts are drawn
/// with.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::docx::BoardPaper;
/// use lineofsight::report::{BoardReport, ReportOptions};
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let report = BoardReport::build(&plan, as_of, &plan.rules_or_default(), &ReportOptions::default());
/// // Fonts are font files' bytes, read by the caller
/// // (std::fs::read("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")).
/// let paper = BoardPaper::new(&[]);
/// assert!(!paper.draws_charts());
/// let docx = paper.render(&report).unwrap();
/// assert!(docx.starts_with(b"PK"));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Clone, Default)]
pub struct BoardPaper {
    fonts: Option<charts::ChartFonts>,
}

impl std::fmt::Debug for BoardPaper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BoardPaper")
            .field("draws_charts", &self.draws_charts())
            .finish()
    }
}

impl BoardPaper {
    /// A writer whose charts are drawn with `fonts`: the bytes of TrueType
    /// or OpenType files (or collections). Charts ask for Arial, Helvetica
    /// or sans-serif; sans-serif is the first family named Sans (not Mono,
    /// Serif, Condensed or Light), else the first family. Symbols a font
    /// lacks (`✖`, `▲`) are taken from any other font given. With no fonts
    /// that parse, charts are left out.
    pub fn new(fonts: &[Vec<u8>]) -> BoardPaper {
        BoardPaper {
            fonts: charts::ChartFonts::new(fonts),
        }
    }

    /// Whether charts will be drawn (fonts were given and parse).
    pub fn draws_charts(&self) -> bool {
        self.fonts.is_some()
    }

    /// Writes the board paper for `report`.
    ///
    /// # Errors
    ///
    /// [`ExportError::Docx`] when the document cannot be packed.
    pub fn render(&self, report: &BoardReport) -> Result<Vec<u8>, ExportError> {
        let (doc, alts) = sections::paper(report, self.fonts.as_ref());
        let created = format!("{}T00:00:00Z", report.as_of.format("%Y-%m-%d"));
        let mut xml = doc.created_at(&created).updated_at(&created).build();
        xml.document = finish(&xml.document, &alts);
        let mut stored = Cursor::new(Vec::new());
        xml.pack(&mut stored).map_err(|e| ExportError::Docx {
            part: "the document",
            source: e.into(),
        })?;
        deflate(&stored.into_inner()).map_err(|e| ExportError::Docx {
            part: "the compressed file",
            source: e.into(),
        })
    }

    /// Writes the board paper for a set of plans as
    /// [`render_plans`](super::render_plans) does for a workbook: the
    /// paper of the plan current on `as_of` (or the last to close).
    ///
    /// # Errors
    ///
    /// As [`BoardPaper::render`]; an empty set gives an empty document.
    pub fn render_plans(
        &self,
        plans: &[(String, Plan)],
        as_of: NaiveDate,
        rules: Option<&RuleSet>,
        options: &ReportOptions,
    ) -> Result<Vec<u8>, ExportError> {
        match super::set::main_report(plans, as_of, rules, options) {
            Some(report) => self.render(&report),
            None => Ok(Vec::new()),
        }
    }
}

/// Writes the board paper for `report` with its charts drawn with `fonts`
/// (font files' bytes; none: charts left out). See [`BoardPaper`].
///
/// # Errors
///
/// [`ExportError::Docx`] when the document cannot be packed.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::docx::render_docx;
/// use lineofsight::report::{BoardReport, ReportOptions};
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let report = BoardReport::build(&plan, as_of, &plan.rules_or_default(), &ReportOptions::default());
/// assert!(render_docx(&report, &[]).unwrap().starts_with(b"PK"));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn render_docx(report: &BoardReport, fonts: &[Vec<u8>]) -> Result<Vec<u8>, ExportError> {
    BoardPaper::new(fonts).render(report)
}

/// The package docx-rs wrote (every part stored uncompressed) with its XML
/// parts compressed: a third of the size or less. Pictures are PNG, already
/// compressed, and stay stored.
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;

    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 3)));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let name = part.name()?.to_string();
        if part.is_dir() {
            out.add_directory(name, SimpleFileOptions::default())?;
            continue;
        }
        let is_png = std::path::Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("png"));
        let method = if is_png {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        out.start_file(
            name,
            SimpleFileOptions::default().compression_method(method),
        )?;
        std::io::copy(&mut part, &mut out)?;
    }
    Ok(out.finish()?.into_inner())
}

/// What docx-rs cannot write, added to its document XML: every table's
/// first row is a header row Word repeats on each page
/// (`<w:tblHeader/>`), and every picture gets its own id and its alt text.
fn finish(document: &[u8], alts: &[String]) -> Vec<u8> {
    const DOC_PR: &str = "<wp:docPr id=\"1\" name=\"Figure\" />";
    let xml = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(xml.len() + 64 * alts.len());
    let mut rest: &str = &xml;
    // Header rows.
    while let Some(at) = rest.find("<w:tbl>") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        if let Some(end) = after.find("</w:trPr>") {
            out.push_str(&after[..end]);
            out.push_str("<w:tblHeader />");
            rest = &after[end..];
        } else {
            rest = after;
            break;
        }
    }
    out.push_str(rest);
    // Pictures: docx-rs gives each the same id and no description.
    let mut done = String::with_capacity(out.len());
    let mut rest: &str = &out;
    let mut n = 0;
    while let Some(at) = rest.find(DOC_PR) {
        done.push_str(&rest[..at]);
        n += 1;
        let alt = alts.get(n - 1).map_or(String::new(), |a| {
            super::escape_html(&text::clean(a).replace('\n', " "))
        });
        let _ = write!(
            done,
            "<wp:docPr id=\"{n}\" name=\"Chart {n}\" descr=\"{alt}\" />"
        );
        rest = &rest[at + DOC_PR.len()..];
    }
    done.push_str(rest);
    done.into_bytes()
}
