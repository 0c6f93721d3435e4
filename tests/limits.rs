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
    {
        let mut built = ImportOptions::default();
        built.input_name = name.to_string();
        built
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
        let o = {
            let mut built = options("big.xlsx");
            built.limits = limits;
            built
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
    let tight = {
        let mut built = d;
        built.max_cell_chars = 4;
        built
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
    let small = {
        let mut built = options("big.tsv");
        built.limits = {
            let mut built = Limits::default();
            built.max_input_bytes = 1_000;
            built
        };
        built
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

/// A BIFF record: type, length, body.
fn record(kind: u16, body: &[u8]) -> Vec<u8> {
    let len = u16::try_from(body.len()).unwrap();
    [&kind.to_le_bytes()[..], &len.to_le_bytes(), body].concat()
}

/// A NUMBER record (row and column from 0).
fn number(row: u16, col: u16, value: f64) -> Vec<u8> {
    let body = [
        &row.to_le_bytes()[..],
        &col.to_le_bytes(),
        &[0, 0],
        &value.to_le_bytes(),
    ]
    .concat();
    record(0x0203, &body)
}

/// A LABEL record: text in one byte per character.
fn label(row: u16, col: u16, text: &str) -> Vec<u8> {
    let len = u16::try_from(text.len()).unwrap();
    let body = [
        &row.to_le_bytes()[..],
        &col.to_le_bytes(),
        &[0, 0],
        &len.to_le_bytes(),
        &[0],
        text.as_bytes(),
    ]
    .concat();
    record(0x0204, &body)
}

/// A minimal legacy Excel workbook (BIFF8 in a compound file) of one sheet,
/// `Actions`: its DIMENSIONS record declaring `rows` × `cols`, the header
/// `Ref`/`Action` and one action, then a number at each `(row, col)`.
/// There is no xls writer, so the records are written by hand.
fn xls(rows: u32, cols: u16, cells: &[(u16, u16)]) -> Vec<u8> {
    let bof = |kind: u16| {
        let mut body = vec![0u8; 16];
        body[..2].copy_from_slice(&0x0600u16.to_le_bytes());
        body[2..4].copy_from_slice(&kind.to_le_bytes());
        record(0x0809, &body)
    };
    let eof = record(0x000A, &[]);
    let mut sheet = bof(0x0010);
    let dimensions = [
        &0u32.to_le_bytes()[..],
        &rows.to_le_bytes(),
        &0u16.to_le_bytes(),
        &cols.to_le_bytes(),
        &[0, 0],
    ]
    .concat();
    sheet.extend(record(0x0200, &dimensions));
    sheet.extend(label(0, 0, "Ref"));
    sheet.extend(label(0, 1, "Action"));
    sheet.extend(number(1, 0, 1.0));
    sheet.extend(label(1, 1, "Do it"));
    for &(row, col) in cells {
        sheet.extend(number(row, col, 7.0));
    }
    sheet.extend(&eof);
    // The workbook part: BOF, the sheet's BOUNDSHEET (where it starts,
    // visible, a worksheet, its name in one byte per character), EOF.
    let name = b"Actions";
    let start = u32::try_from(bof(0x0005).len() + 4 + 8 + name.len() + eof.len()).unwrap();
    let bound = [&start.to_le_bytes()[..], &[0, 0, 7, 0], name].concat();
    let stream = [bof(0x0005), record(0x0085, &bound), eof, sheet].concat();
    let mut file =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).unwrap();
    file.create_stream("Workbook")
        .unwrap()
        .write_all(&stream)
        .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn a_legacy_excel_sheet_past_the_limits_is_refused_before_calamine_reads_it() {
    // Before the check, this 2.5 KB file made calamine lay out 16.7 M cells
    // (1 GB) before the importer refused it; a few hundred such sheets in
    // one file would abort the process.
    let hostile = xls(65_536, 256, &[(65_535, 255)]);
    assert!(hostile.len() < 3_000, "{} bytes", hostile.len());
    let rows = {
        let mut built = options("hostile.xls");
        built.limits = {
            let mut built = Limits::default();
            built.max_rows = 1_000;
            built.max_cells = 100_000_000;
            built
        };
        built
    };
    assert_eq!(
        import_plan(&hostile, &rows).unwrap_err().to_string(),
        "hostile.xls: sheet Actions: cell IV65536 is past the limit of 1,000 rows \
         (raise ImportOptions.limits.max_rows to read it)"
    );
    // By default its DIMENSIONS record (what calamine reserves room for)
    // is past max_cells, before any cell is looked at.
    let err = import_plan(&hostile, &options("hostile.xls")).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { ref setting, .. } if setting == "max_cells"));
    assert!(
        err.to_string()
            .contains("sheet Actions: the used range its DIMENSIONS record declares"),
        "{err}"
    );
    // A DIMENSIONS record that understates: the cell still counts.
    let lying = xls(2, 2, &[(65_535, 255)]);
    assert_eq!(
        import_plan(&lying, &options("lying.xls"))
            .unwrap_err()
            .to_string(),
        "lying.xls: sheet Actions: cell IV65536, making the used range A1:IV65536 \
         (16,777,216 cells), is past the limit of 5,000,000 cells \
         (raise ImportOptions.limits.max_cells to read it)"
    );
    assert!(matches!(
        read_workbook(&lying, TableFormat::Auto),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn a_small_legacy_excel_workbook_still_imports() {
    let small = xls(2, 2, &[]);
    let (plan, _) = import_plan(&small, &options("small.xls")).unwrap();
    assert_eq!(plan.actions().count(), 1);
    assert_eq!(plan.actions().next().unwrap().text, "Do it");
}
