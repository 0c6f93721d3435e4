//! Input past the import limits (issue 13, item 1): refused with an error
//! naming the sheet and cell (or row and column) and the limit to raise,
//! before memory for the oversized part is allocated. A regression here
//! would not fail quietly: the workbooks below would allocate hundreds of
//! GiB and the test process would die.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use lineofsight::import::{
    import_plan, read_workbook, ImportError, ImportOptions, Limits, TableFormat,
};

/// A minimal xlsx of one sheet, `Actions`, with a number in each named cell
/// (the header `Ref`/`Action` in A1:B1 and one action in A2:B2 first).
fn workbook(cells: &[&str]) -> Vec<u8> {
    let mut data = String::from(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Action</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Do it</t></is></c></row>"#,
    );
    for cell in cells {
        let row: String = cell.chars().filter(char::is_ascii_digit).collect();
        write!(data, r#"<row r="{row}"><c r="{cell}"><v>7</v></c></row>"#).unwrap();
    }
    let last = cells.last().copied().unwrap_or("B2");
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:{last}"/><sheetData>{data}</sheetData></worksheet>"#
    );
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Actions" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string(),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn options(name: &str) -> ImportOptions {
    ImportOptions {
        input_name: name.to_string(),
        ..ImportOptions::default()
    }
}

#[test]
fn a_cell_at_the_last_cell_of_a_sheet_is_refused_not_allocated() {
    let bytes = workbook(&["XFD1048576"]);
    assert!(bytes.len() < 2_000, "{} bytes", bytes.len());
    let err = import_plan(&bytes, &options("hostile.xlsx")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "hostile.xlsx: sheet Actions: cell XFD1048576 is past the limit of 1,000 columns \
         (raise ImportOptions.limits.max_columns to read it)"
    );
    assert!(matches!(err, ImportError::TooLarge { ref setting, .. } if setting == "max_columns"));
    // read_workbook applies the default limits too.
    assert!(matches!(
        read_workbook(&bytes, TableFormat::Auto),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn rows_columns_and_cells_past_the_limits_name_the_cell() {
    let err = |cells: &[&str], limits: Limits| {
        let o = ImportOptions {
            limits,
            ..options("big.xlsx")
        };
        import_plan(&workbook(cells), &o).unwrap_err().to_string()
    };
    let d = Limits::default();
    assert!(err(&["XFD20000"], d).contains("cell XFD20000 is past the limit of 1,000 columns"));
    assert!(err(&["A1048576"], d).contains(
        "sheet Actions: cell A1048576 is past the limit of 100,000 rows \
         (raise ImportOptions.limits.max_rows"
    ));
    // Within the rows and columns, but a used range of 99,999 × 1,000 cells.
    assert_eq!(
        err(&["ALL99999"], d),
        "big.xlsx: sheet Actions: cell ALL99999, making the used range A1:ALL99999 \
         (99,999,000 cells), is past the limit of 5,000,000 cells \
         (raise ImportOptions.limits.max_cells to read it)"
    );
    let tight = Limits {
        max_cell_chars: 4,
        ..d
    };
    assert!(err(&[], tight).contains("sheet Actions: cell B1 (6 characters)"));
}

#[test]
fn raised_limits_read_what_the_defaults_refuse() {
    let bytes = workbook(&["ALM3"]);
    assert!(import_plan(&bytes, &options("wide.xlsx")).is_err());
    let o = ImportOptions::from_json(r#"{"limits": {"max_columns": 1001}}"#).unwrap();
    let (plan, _) = import_plan(&bytes, &o).unwrap();
    assert_eq!(plan.actions().count(), 1);
}

#[test]
fn text_past_the_limits_names_row_and_column() {
    let long = "x".repeat(1_000_001);
    let csv = format!("Ref,Action\n1,Do it\n2,{long}\n");
    let err = import_plan(csv.as_bytes(), &options("long.csv")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "long.csv: row 3, column 2 (1,000,001 characters) is past the limit of \
         1,000,000 characters per cell (raise ImportOptions.limits.max_cell_chars to read it)"
    );
    let small = ImportOptions {
        limits: Limits {
            max_input_bytes: 1_000,
            ..Limits::default()
        },
        ..options("big.tsv")
    };
    let tsv = "Ref\tAction\n".repeat(100);
    assert_eq!(
        import_plan(tsv.as_bytes(), &small).unwrap_err().to_string(),
        "big.tsv: the input (1,100 bytes) is past the limit of 1,000 bytes \
         (raise ImportOptions.limits.max_input_bytes to read it)"
    );
    let md = format!("| Ref | Action |\n|---|---|\n| 1 | {long} |\n");
    assert!(import_plan(md.as_bytes(), &options("t.md"))
        .unwrap_err()
        .to_string()
        .contains("row 3, column 2 (1,000,001 characters)"));
}
