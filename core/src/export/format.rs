//! One entry point for every board-report format, so the command line, the
//! Python package and the browser package write the same bytes.

use std::fmt;
use std::str::FromStr;

use super::ExportError;
use crate::report::{render_terminal, BoardReport};

/// A format the board report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReportFormat {
    /// Plain text, readable at 100 columns.
    Terminal,
    /// Markdown for pasting into board papers.
    Markdown,
    /// One self-contained, accessible HTML page.
    Html,
    /// An Excel workbook (binary).
    Xlsx,
    /// One CSV row per action, with rating and reason.
    Csv,
    /// The board report as JSON data.
    Json,
    /// The leads' calendar (.ics): every open action's due date, per lead.
    Calendar,
    /// The Word board paper (binary; see [`docx`](super::docx) for charts,
    /// which need fonts: through [`render`] they are left out).
    Docx,
}

/// A format name or file extension lineofsight does not write.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a report format (expected terminal, markdown, html, xlsx, csv, json, ics or docx)"
)]
pub struct UnknownFormat(pub String);

impl FromStr for ReportFormat {
    type Err = UnknownFormat;

    /// Reads a format name or a file extension, in any case: `html`,
    /// `htm`, `md`, `markdown`, `txt`, `text`, `terminal`, `xlsx`, `csv`,
    /// `json`, `ics`, `ical`, `calendar`, `docx`, `word`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::export::ReportFormat;
    ///
    /// assert_eq!("ics".parse(), Ok(ReportFormat::Calendar));
    /// assert_eq!(".ICAL".parse(), Ok(ReportFormat::Calendar));
    /// assert_eq!(ReportFormat::Calendar.to_string().parse(), Ok(ReportFormat::Calendar));
    /// assert!("pdf".parse::<ReportFormat>().unwrap_err().to_string().contains("ics or docx"));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(
            match s
                .trim()
                .trim_start_matches('.')
                .to_ascii_lowercase()
                .as_str()
            {
                "terminal" | "text" | "txt" => ReportFormat::Terminal,
                "markdown" | "md" => ReportFormat::Markdown,
                "html" | "htm" => ReportFormat::Html,
                "xlsx" | "excel" => ReportFormat::Xlsx,
                "csv" => ReportFormat::Csv,
                "json" => ReportFormat::Json,
                "ics" | "ical" | "calendar" => ReportFormat::Calendar,
                "docx" | "word" => ReportFormat::Docx,
                _ => return Err(UnknownFormat(s.to_string())),
            },
        )
    }
}

impl fmt::Display for ReportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_and_extension().0)
    }
}

impl ReportFormat {
    /// Whether the output is text (everything but xlsx and docx).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::export::ReportFormat;
    ///
    /// assert!(ReportFormat::Html.is_text());
    /// assert!(!"xlsx".parse::<ReportFormat>()?.is_text());
    /// assert!(!"word".parse::<ReportFormat>()?.is_text());
    /// # Ok::<(), lineofsight::export::UnknownFormat>(())
    /// ```
    pub fn is_text(self) -> bool {
        !matches!(self, ReportFormat::Xlsx | ReportFormat::Docx)
    }

    /// Every format, in the order a command line lists them.
    pub const ALL: [ReportFormat; 8] = [
        ReportFormat::Terminal,
        ReportFormat::Markdown,
        ReportFormat::Html,
        ReportFormat::Xlsx,
        ReportFormat::Csv,
        ReportFormat::Json,
        ReportFormat::Calendar,
        ReportFormat::Docx,
    ];

    /// The file extension for this format, without the dot: `txt`, `md`,
    /// `html`, `xlsx`, `csv`, `json`, `ics`, `docx`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::export::ReportFormat;
    ///
    /// assert_eq!(ReportFormat::Calendar.extension(), "ics");
    /// for f in ReportFormat::ALL {
    ///     assert_eq!(f.extension().parse(), Ok(f));
    /// }
    /// ```
    pub fn extension(self) -> &'static str {
        self.name_and_extension().1
    }

    /// The format's name (as [`Display`](fmt::Display) writes it) and its
    /// file extension, decided together in one place.
    fn name_and_extension(self) -> (&'static str, &'static str) {
        match self {
            ReportFormat::Terminal => ("terminal", "txt"),
            ReportFormat::Markdown => ("markdown", "md"),
            ReportFormat::Html => ("html", "html"),
            ReportFormat::Xlsx => ("xlsx", "xlsx"),
            ReportFormat::Csv => ("csv", "csv"),
            ReportFormat::Json => ("json", "json"),
            ReportFormat::Calendar => ("ics", "ics"),
            ReportFormat::Docx => ("docx", "docx"),
        }
    }
}

/// Writes the board report in `format`: the one entry point for every
/// format, so the command line, the Python package and the browser package
/// write the same bytes from the same [`BoardReport`].
///
/// # Errors
///
/// [`ExportError`] when the CSV, workbook or Word writer fails, for xlsx
/// in a build without the `xlsx` feature, or for docx in a build without
/// the `board-paper` feature. The Word paper written here has no charts
/// (no fonts are read); use [`docx::BoardPaper`](super::docx) with fonts
/// for them.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::{render, ReportFormat};
/// use lineofsight::report::{BoardReport, ReportOptions};
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let report = BoardReport::build(&plan, as_of, &plan.rules_or_default(), &ReportOptions::default());
/// let html = render(&report, ReportFormat::Html).unwrap();
/// assert!(html.starts_with(b"<!DOCTYPE html>"));
/// let xlsx = render(&report, ReportFormat::Xlsx).unwrap();
/// assert!(xlsx.starts_with(b"PK"));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn render(report: &BoardReport, format: ReportFormat) -> Result<Vec<u8>, ExportError> {
    render_with(report, format, &[])
}

/// Renders one format, with extra HTML sections (a set of plans' index).
pub(super) fn render_with(
    report: &BoardReport,
    format: ReportFormat,
    extra_html: &[super::HtmlSection],
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        ReportFormat::Terminal => render_terminal(report).into_bytes(),
        ReportFormat::Markdown => super::render_markdown(report).into_bytes(),
        ReportFormat::Html => super::render_html(report, extra_html).into_bytes(),
        #[cfg(feature = "xlsx")]
        ReportFormat::Xlsx => super::workbook(report)?,
        #[cfg(not(feature = "xlsx"))]
        ReportFormat::Xlsx => {
            return Err(ExportError::NotInThisBuild {
                format,
                feature: "xlsx",
            })
        }
        ReportFormat::Csv => super::actions_csv(report)?.into_bytes(),
        ReportFormat::Json => super::report_json(report).into_bytes(),
        #[cfg(feature = "calendar")]
        ReportFormat::Calendar => super::calendar_ics(report).into_bytes(),
        #[cfg(not(feature = "calendar"))]
        ReportFormat::Calendar => {
            return Err(ExportError::NotInThisBuild {
                format,
                feature: "calendar",
            })
        }
        #[cfg(feature = "board-paper")]
        ReportFormat::Docx => super::docx::BoardPaper::default().render(report)?,
        #[cfg(not(feature = "board-paper"))]
        ReportFormat::Docx => {
            return Err(ExportError::NotInThisBuild {
                format,
                feature: "board-paper",
            })
        }
    })
}
