//! Spreadsheets in the `OpenDocument` format (ods), measured before calamine reads them.
//!
//! calamine reads an ods whole when it opens it, expanding every row and
//! cell repeat count into a grid (up to 100 million cells), so a small file
//! with one value at the last row or column would allocate gigabytes before
//! any limit is checked. This walks `content.xml` once, streaming, counting
//! rows and columns with their repeats, and refuses a value past the limits
//! (or a used range past `max_cells`) naming its sheet and cell, as the
//! xlsx reader does. Nothing but the current element is held in memory.

use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};

use super::limits::{cell_name, thousands, too_large};
use super::{ImportError, Limits};

const MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// Refuses an ods whose used range is past the limits. Anything that is not
/// an ods (or cannot be read as one) passes: calamine says what is wrong.
pub(crate) fn check(input: &str, bytes: &[u8], limits: &Limits) -> Result<(), ImportError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let is_ods = zip.by_name("mimetype").is_ok_and(|mut f| {
        let mut head = [0u8; MIMETYPE.len()];
        std::io::Read::read_exact(&mut f, &mut head).is_ok() && head == MIMETYPE
    });
    if !is_ods {
        return Ok(());
    }
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut sheet = Sheet::new(input, limits);
    let mut buf = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) => sheet.start(&e, false)?,
            Event::Empty(e) => sheet.start(&e, true)?,
            Event::End(e) => sheet.end(e.name().as_ref()),
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// Where the walk is in the current sheet, and its used range so far.
struct Sheet<'a> {
    input: &'a str,
    limits: &'a Limits,
    name: String,
    /// The next row's index (from 0) and the current row's repeat count.
    row: u64,
    row_repeats: u64,
    /// The next cell's column (from 0).
    col: u64,
    /// Inside a cell (its content is not walked).
    cell_depth: usize,
    /// Top row, last row and last column of the used range.
    bounds: Option<(u64, u64, u64)>,
    /// The used cells of the sheets before this one: calamine holds every
    /// sheet's grid at once, so `max_cells` bounds them together.
    earlier: u64,
}

impl<'a> Sheet<'a> {
    fn new(input: &'a str, limits: &'a Limits) -> Sheet<'a> {
        Sheet {
            input,
            limits,
            name: String::new(),
            row: 0,
            row_repeats: 1,
            col: 0,
            cell_depth: 0,
            bounds: None,
            earlier: 0,
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), ImportError> {
        let name = e.name();
        let name = name.as_ref();
        if self.cell_depth > 0 {
            if !empty {
                self.cell_depth += 1;
            }
            return Ok(());
        }
        match name {
            "table:table" => {
                self.name = attr(e, "table:name").unwrap_or_default();
                let area = self.bounds.map_or(0, |(first, last, width)| {
                    (last - first + 1).saturating_mul(width + 1)
                });
                self.earlier = self.earlier.saturating_add(area);
                (self.row, self.col, self.bounds) = (0, 0, None);
            }
            "table:table-row" => {
                self.row_repeats = repeats(e, "table:number-rows-repeated");
                self.col = 0;
                if empty {
                    self.row = self.row.saturating_add(self.row_repeats);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let cols = repeats(e, "table:number-columns-repeated");
                // A cell with a value, a formula or content (text, a note).
                let used = !empty
                    || e.attributes().with_checks(false).flatten().any(|a| {
                        let key = a.key.as_ref();
                        key.starts_with("office:") || key == "table:formula"
                    });
                if used {
                    let last_row = self.row.saturating_add(self.row_repeats - 1);
                    let last_col = self.col.saturating_add(cols - 1);
                    self.add(self.row, last_row, last_col)?;
                }
                self.col = self.col.saturating_add(cols);
                if !empty {
                    self.cell_depth = 1;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        if self.cell_depth > 0 {
            self.cell_depth -= 1;
            return;
        }
        if name == "table:table-row" {
            self.row = self.row.saturating_add(self.row_repeats);
        }
    }

    /// Adds a block of used cells, rows `top..=bottom`, ending at column
    /// `right`, refusing it past the limits.
    fn add(&mut self, top: u64, bottom: u64, right: u64) -> Result<(), ImportError> {
        let at = || format!("sheet {}: cell {}", self.name, cell_name(bottom, right));
        let row = usize::try_from(bottom).unwrap_or(usize::MAX);
        let col = usize::try_from(right).unwrap_or(usize::MAX);
        self.limits.check_position(self.input, at, row, col)?;
        let (first, last, width) = self
            .bounds
            .map_or((top, bottom, right), |(first, last, width)| {
                (first.min(top), last.max(bottom), width.max(right))
            });
        // Rows are read as a grid from column A to the last column.
        let area = (last - first + 1).saturating_mul(width + 1);
        let total = self.earlier.saturating_add(area);
        if total > self.limits.max_cells as u64 {
            let cells = |n: u64| thousands(usize::try_from(n).unwrap_or(usize::MAX));
            let with_earlier = if self.earlier > 0 {
                format!(", {} with the sheets before it", cells(total))
            } else {
                String::new()
            };
            return Err(too_large(
                self.input,
                format!(
                    "sheet {}: cell {}, making the used range {}:{} ({} cells{with_earlier}),",
                    self.name,
                    cell_name(bottom, right),
                    cell_name(first, 0),
                    cell_name(last, width),
                    cells(area)
                ),
                format!("{} cells", thousands(self.limits.max_cells)),
                "max_cells",
            ));
        }
        self.bounds = Some((first, last, width));
        Ok(())
    }
}

/// A repeat count attribute: at least 1.
fn repeats(e: &BytesStart<'_>, key: &str) -> u64 {
    attr(e, key)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.to_string())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// An ods of one sheet, `Actions`, whose table holds `rows`.
    pub(crate) fn ods(rows: &str) -> Vec<u8> {
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Actions"><table:table-row><table:table-cell office:value-type="string"><text:p>Ref</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Action</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Do it</text:p></table:table-cell></table:table-row>{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).expect("starts");
        zip.write_all(MIMETYPE).expect("writes");
        zip.start_file("META-INF/manifest.xml", stored)
            .expect("starts");
        zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).expect("writes");
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .expect("starts");
        zip.write_all(content.as_bytes()).expect("writes");
        zip.finish().expect("finishes").into_inner()
    }

    #[test]
    fn a_value_at_the_last_row_is_refused_before_calamine_reads_it() {
        let bytes = ods(
            r#"<table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="1024"/></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="7"/></table:table-row>"#,
        );
        let err = check("hostile.ods", &bytes, &Limits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "hostile.ods: sheet Actions: cell A1048576 is past the limit of 100,000 rows \
             (raise ImportOptions.limits.max_rows to read it)"
        );
    }

    #[test]
    fn the_used_ranges_of_all_sheets_count_together() {
        // calamine holds every sheet's grid at once: three sheets of four
        // cells each are twelve, past a limit of ten.
        let sheet = |name: &str| {
            format!(
                r#"</table:table><table:table table:name="{name}"><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="1"/></table:table-row>"#
            )
        };
        let bytes = ods(&(sheet("More") + &sheet("Most")));
        let tight = Limits {
            max_cells: 10,
            ..Limits::default()
        };
        let err = check("many.ods", &bytes, &tight).unwrap_err();
        assert_eq!(
            err.to_string(),
            "many.ods: sheet Most: cell B2, making the used range A1:B2 (4 cells, 12 with the \
             sheets before it), is past the limit of 10 cells \
             (raise ImportOptions.limits.max_cells to read it)"
        );
        let roomy = Limits {
            max_cells: 12,
            ..Limits::default()
        };
        assert!(check("many.ods", &bytes, &roomy).is_ok());
    }

    #[test]
    fn repeated_values_count_every_cell_they_fill() {
        let wide = ods(
            r#"<table:table-row table:number-rows-repeated="9000"><table:table-cell table:number-columns-repeated="999" office:value-type="float" office:value="1"/></table:table-row>"#,
        );
        let err = check("wide.ods", &wide, &Limits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "wide.ods: sheet Actions: cell ALK9002, making the used range A1:ALK9002 \
             (8,992,998 cells), is past the limit of 5,000,000 cells \
             (raise ImportOptions.limits.max_cells to read it)"
        );
        let past = ods(
            r#"<table:table-row><table:table-cell table:number-columns-repeated="5000"/><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
        );
        let err = check("past.ods", &past, &Limits::default()).unwrap_err();
        assert!(
            err.to_string()
                .contains("3 is past the limit of 1,000 columns"),
            "{err}"
        );
    }

    #[test]
    fn the_importer_checks_first_and_still_reads_a_small_ods() {
        let options = crate::import::ImportOptions::default();
        let (plan, _) = crate::import::import_plan(&ods(""), &options).expect("imports");
        assert_eq!(plan.actions().count(), 1);
        let hostile = ods(
            r#"<table:table-row table:number-rows-repeated="1048573"/><table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="7"/></table:table-row>"#,
        );
        let err = crate::import::import_plan(&hostile, &options).unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
    }

    #[test]
    fn empty_repeats_and_other_files_pass() {
        // LibreOffice pads sheets with empty rows and cells to the last one.
        let padded = ods(
            r#"<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
        );
        assert!(check("padded.ods", &padded, &Limits::default()).is_ok());
        assert!(check("x.csv", b"a,b", &Limits::default()).is_ok());
    }
}
