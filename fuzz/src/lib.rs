//! What the fuzz targets share: the properties every import must keep, and
//! the workbook and Word document wrappers that let libFuzzer mutate sheet
//! and document XML directly (mutating a zip's compressed bytes mostly
//! breaks its checksums, so the XML readers would rarely be reached).

use std::io::{Cursor, Write};

use lineofsight::import::{ImportError, ImportReport};
use lineofsight::plan::Plan;

/// An import's result must be a plan that passes [`Plan::check`] and comes
/// back unchanged through its own JSON, or an error whose message can be
/// written. Panics (a fuzzing finding) otherwise.
pub fn check_import(result: Result<(Plan, ImportReport), ImportError>) {
    match result {
        Ok((plan, report)) => {
            if let Err(e) = plan.check() {
                panic!("an imported plan fails its own check: {e}\n{plan:#?}");
            }
            match Plan::from_json(&plan.to_json()) {
                Ok(back) => assert_eq!(back, plan, "an imported plan changes through its JSON"),
                Err(e) => panic!("an imported plan does not load from its JSON: {e}"),
            }
            for w in &report.warnings {
                let _ = w.to_string();
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// The parts of `data` between NUL bytes: at most `n`, the last one
/// holding the rest.
pub fn parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    data.splitn(n, |b| *b == 0).collect()
}

/// A zip of the named parts, stored (not deflated), as Excel and Word files
/// are packed.
fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in files {
        // Writing to memory fails only when out of memory.
        if zip.start_file(*name, options).is_err() || zip.write_all(bytes).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// An xlsx of one sheet, `Actions`, from `data` split at NUL bytes into
/// the sheet's XML, the shared strings' XML and the styles' XML (the last
/// two may be missing).
pub fn workbook(data: &[u8]) -> Vec<u8> {
    let p = parts(data, 3);
    let types = format!(
        r#"{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#
    );
    let rels = format!(
        r#"{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let book = format!(
        r#"{XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Actions" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let book_rels = format!(
        r#"{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
    );
    let mut files: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", book.as_bytes()),
        ("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", p[0]),
    ];
    if let Some(strings) = p.get(1) {
        files.push(("xl/sharedStrings.xml", strings));
    }
    if let Some(styles) = p.get(2) {
        files.push(("xl/styles.xml", styles));
    }
    zip(&files)
}

/// A .docx from `data` split at the first NUL byte into
/// `word/document.xml` and `word/styles.xml` (which may be missing).
pub fn document(data: &[u8]) -> Vec<u8> {
    let p = parts(data, 2);
    let mut files: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", p[0]),
    ];
    if let Some(styles) = p.get(1) {
        files.push(("word/styles.xml", styles));
    }
    zip(&files)
}
