//! Tests of the Word document reader, on small documents written here.

use std::io::Write;

use super::read;
use crate::import::{
    import_plan, read_table, read_workbook, Fill, ImportError, ImportOptions, TableFormat,
};
use crate::Rating;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A .docx holding `body` (and `styles.xml` when given), deflated as Word
/// writes it.
pub(crate) fn docx(body: &str, styles: Option<&str>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut file = |name: &str, text: &str| {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    };
    file("[Content_Types].xml", "<Types/>");
    file(
        "word/document.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        ),
    );
    if let Some(styles) = styles {
        file(
            "word/styles.xml",
            &format!(r#"<w:styles xmlns:w="{W}">{styles}</w:styles>"#),
        );
    }
    zip.finish().expect("zip").into_inner()
}

fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn para(text: &str) -> String {
    format!("<w:p>{}</w:p>", run(text))
}

fn styled(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
        run(text)
    )
}

fn bold(text: &str) -> String {
    format!(r"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p>")
}

/// A cell with properties and content.
fn tc(props: &str, content: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
}

/// A plain cell of one paragraph.
fn cell(text: &str) -> String {
    tc("", &para(text))
}

fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

fn tbl(rows: &[String]) -> String {
    format!("<w:tbl><w:tblPr/><w:tblGrid/>{}</w:tbl>", rows.concat())
}

fn plain_row(cells: &[&str]) -> String {
    tr(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>())
}

fn shaded(fill: &str) -> String {
    format!(r#"<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>"#)
}

fn cells_of(bytes: &[u8]) -> Vec<Vec<String>> {
    read("test.docx", bytes)
        .expect("a document")
        .rows
        .into_iter()
        .map(|r| r.cells)
        .collect()
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(ToString::to_string).collect()
}

#[test]
fn merged_cells_both_ways() {
    let body = tbl(&[
        plain_row(&["Ref", "Action", "Lead", "By when?"]),
        tr(&[
            tc(r#"<w:vMerge w:val="restart"/>"#, &para("1")),
            cell("Review placements"),
            tc(
                r#"<w:gridSpan w:val="2"/>"#,
                &para("Head of Service, Dec-19"),
            ),
        ]),
        tr(&[
            tc("<w:vMerge/>", &para("1")),
            cell("and report to the board"),
            cell("Jo"),
            cell("Mar-20"),
        ]),
        tr(&[
            tc(r#"<w:vMerge w:val="continue"/>"#, "<w:p/>"),
            cell("x"),
            cell(""),
            cell(""),
        ]),
    ]);
    let rows = cells_of(&docx(&body, None));
    assert_eq!(
        rows[1],
        strings(&["1", "Review placements", "Head of Service, Dec-19", ""])
    );
    assert_eq!(
        rows[2],
        strings(&["", "and report to the board", "Jo", "Mar-20"])
    );
    assert_eq!(rows[3][0], "");
}

#[test]
fn declared_spans_are_capped() {
    let body = tbl(&[tr(&[
        tc(r#"<w:gridSpan w:val="4000000000"/>"#, &para("wide")),
        cell("next"),
    ])]);
    let rows = cells_of(&docx(&body, None));
    assert_eq!(rows[0].len(), super::body::MAX_SPAN + 1);
    assert_eq!(rows[0][super::body::MAX_SPAN], "next");
}

#[test]
fn lists_breaks_tabs_and_tracked_changes_in_cells() {
    let list = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Review tenancy options</w:t></w:r></w:p>"#;
    let not_list = r#"<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Plain</w:t></w:r></w:p>"#;
    let content = format!(
        "{}{list}{}{not_list}",
        para("Lead in:"),
        styled("ListBullet", "Pilot lodgings"),
    );
    let breaks = r"<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>Line two</w:t><w:tab/><w:t>tabbed</w:t></w:r></w:p>";
    let tracked = r#"<w:p><w:r><w:t>Due </w:t></w:r><w:del w:id="1"><w:r><w:delText>Nov 19</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>Dec 19</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t> &amp; on</w:t></w:r></w:p>"#;
    let nested = tbl(&[plain_row(&["inner a", "inner b"])]);
    let body = tbl(&[
        plain_row(&["Action", "Timescale", "Notes"]),
        tr(&[
            tc("", &content),
            tc("", &format!("{breaks}{tracked}")),
            tc("", &format!("{}{nested}", para("Outer"))),
        ]),
    ]);
    let rows = cells_of(&docx(&body, None));
    assert_eq!(
        rows[1],
        strings(&[
            "Lead in:\n• Review tenancy options\n• Pilot lodgings\nPlain",
            "Line one\nLine two tabbed\nDue Dec 19 & on",
            "Outer\ninner a\ninner b",
        ])
    );
}

#[test]
fn headings_above_tables_and_row_numbers() {
    let body = [
        styled("Title", "Corporate Parenting Plan 2019"),
        para("Introduction text is not read."),
        styled("Heading1", "Priority 1: Stable homes"),
        styled("Heading2", "Objective 1.1 Fewer moves"),
        para("Some words."),
        tbl(&[plain_row(&["Ref", "Action"]), plain_row(&["1", "Do it"])]),
        styled("Heading2", "Objective 1.2 Closer to home"),
        tbl(&[plain_row(&["Ref", "Action"]), plain_row(&["2", "Do more"])]),
        styled("Heading1", "Priority 2"),
        tbl(&[plain_row(&["Ref", "Action"]), plain_row(&["3", "Finish"])]),
        styled("Heading1", "Appendix"),
    ]
    .concat();
    let doc = read("plan.docx", &docx(&body, None)).expect("a document");
    assert!(doc.titled);
    let cells: Vec<String> = doc.rows.iter().map(|r| r.cells.join("|")).collect();
    assert_eq!(
        cells,
        [
            "Corporate Parenting Plan 2019",
            "# Priority 1: Stable homes",
            "Objective 1.1 Fewer moves",
            "Ref|Action",
            "1|Do it",
            "Objective 1.2 Closer to home",
            "Ref|Action",
            "2|Do more",
            "# Priority 2",
            "Priority 2",
            "Ref|Action",
            "3|Finish",
        ]
    );
    let numbers: Vec<usize> = doc.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, (1..=12).collect::<Vec<_>>());
}

#[test]
fn bold_paragraphs_and_custom_heading_styles() {
    let styles = r#"<w:style w:type="paragraph" w:styleId="CPTitle"><w:name w:val="CP Title"/><w:basedOn w:val="Title"/></w:style>"#;
    let body = [
        styled("CPTitle", "Action tracker"),
        bold("Objective 2 - Children remain safely at home"),
        tbl(&[plain_row(&["Ref", "Action"]), plain_row(&["2.1", "Do it"])]),
        r"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Half bold, </w:t></w:r><w:r><w:t>half not</w:t></w:r></w:p>".to_string(),
        tbl(&[plain_row(&["2.2", "Next"])]),
    ]
    .concat();
    let rows = cells_of(&docx(&body, Some(styles)));
    assert_eq!(rows[0], ["Action tracker"]);
    assert_eq!(rows[1], ["Objective 2 - Children remain safely at home"]);
    assert_eq!(rows[4], ["2.2", "Next"]);
}

#[test]
fn first_heading_is_the_title_without_a_title_style() {
    let body = [
        styled("Heading1", "Action plan"),
        tbl(&[plain_row(&["Ref", "Action"])]),
    ]
    .concat();
    let doc = read("t.docx", &docx(&body, None)).expect("a document");
    assert!(doc.titled);
    assert_eq!(doc.rows[0].cells, ["Action plan"]);
    assert_eq!(doc.rows.len(), 2);
}

#[test]
fn fill_only_rag_cells() {
    let body = tbl(&[
        plain_row(&["Ref", "Action", "RAG"]),
        tr(&[cell("1"), cell("Red one"), tc(&shaded("FF0000"), "<w:p/>")]),
        tr(&[
            cell("2"),
            cell("Amber one"),
            tc(&shaded("FFC000"), "<w:p/>"),
        ]),
        tr(&[
            cell("3"),
            cell("Green by paragraph shading"),
            tc(
                "",
                &format!("<w:p><w:pPr>{}</w:pPr></w:p>", shaded("00B050")),
            ),
        ]),
        tr(&[
            cell("4"),
            cell("Solid pattern"),
            tc(
                r#"<w:shd w:val="solid" w:color="0070C0" w:fill="auto"/>"#,
                "<w:p/>",
            ),
        ]),
        tr(&[cell("5"), cell("Auto"), tc(&shaded("auto"), "<w:p/>")]),
    ]);
    let doc = read("rag.docx", &docx(&body, None)).expect("a document");
    let rag = |i: usize| {
        doc.rows[i]
            .fills
            .get(2)
            .copied()
            .flatten()
            .and_then(Rating::from_fill)
    };
    assert!(doc.rows[0].fills.is_empty());
    assert_eq!(doc.rows[1].fills.len(), 3);
    assert_eq!(doc.rows[1].fills[2], Some(Fill::rgb(0xFF, 0, 0)));
    assert_eq!(rag(1), Some(Rating::Red));
    assert_eq!(rag(2), Some(Rating::Amber));
    assert_eq!(rag(3), Some(Rating::Green));
    assert_eq!(rag(4), Some(Rating::Blue));
    assert!(doc.rows[5].fills.is_empty());
    assert_eq!(doc.rows[1].cells[2], "");
}

#[test]
fn errors_name_the_input_and_reason() {
    let err = |bytes: &[u8]| read("plan.docx", bytes).unwrap_err().to_string();
    let e = err(&docx(&para("Only words"), None));
    assert_eq!(
        e,
        "plan.docx: cannot read the input as a table: the document has no tables"
    );
    assert!(err(b"PK\x03\x04 not really").starts_with("plan.docx: cannot read"));
    let e = err(&docx("<w:tbl><w:tr><w:tc></w:tbl>", None));
    assert!(e.contains("not well-formed XML"), "{e}");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/other.xml", zip::write::SimpleFileOptions::default())
        .expect("entry");
    let e = err(&zip.finish().expect("zip").into_inner());
    assert!(e.contains("no word/document.xml"), "{e}");
}

#[test]
fn auto_format_and_read_workbook() {
    let body = [
        styled("Title", "Plan"),
        tbl(&[
            plain_row(&["Ref", "Action", "Lead"]),
            plain_row(&["1", "Do it", "Jo"]),
        ]),
    ]
    .concat();
    let bytes = docx(&body, None);
    let tables = read_workbook(&bytes, TableFormat::Auto).expect("read");
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].name, "document");
    assert_eq!(tables[0].header, Some(1));
    let t = read_table(&bytes, TableFormat::Docx).expect("read");
    assert_eq!(t.data_rows()[0].cells, ["1", "Do it", "Jo"]);
    assert!(matches!(
        read_workbook(&docx(&para("x"), None), TableFormat::Auto),
        Err(ImportError::Unreadable { .. })
    ));
}

#[test]
fn two_tables_under_two_headings_import_as_two_objectives() {
    let body = [
        styled("Title", "Corporate Parenting Action Plan"),
        styled("Heading2", "Objective 1 - Stable homes"),
        tbl(&[
            plain_row(&["Ref", "Action", "Lead", "By when?", "RAG"]),
            tr(&[
                cell("1.1"),
                cell("Review placements"),
                cell("Head of Service"),
                cell("Dec-19"),
                cell("Green"),
            ]),
            tr(&[
                cell("1.2"),
                cell("Recruit foster carers"),
                cell("Fostering"),
                cell("Mar-20"),
                tc(&shaded("FF0000"), "<w:p/>"),
            ]),
        ]),
        styled("Heading2", "Objective 2 - Care leavers are housed"),
        tbl(&[
            plain_row(&["Ref", "Action", "Lead", "By when?", "RAG"]),
            tr(&[
                tc(r#"<w:vMerge w:val="restart"/>"#, &para("2.1")),
                cell("Pilot supported lodgings"),
                cell("Housing"),
                cell("July 2019"),
                cell("Amber"),
            ]),
            tr(&[
                tc("<w:vMerge/>", "<w:p/>"),
                cell("and review tenancy options"),
                cell(""),
                cell(""),
                cell(""),
            ]),
        ]),
    ]
    .concat();
    let options = ImportOptions {
        input_name: "plan.docx".to_string(),
        ..ImportOptions::default()
    };
    let (plan, report) = import_plan(&docx(&body, None), &options).expect("a plan");
    assert_eq!(plan.title, "Corporate Parenting Action Plan");
    assert_eq!(report.sheet, "document");
    assert_eq!(report.header_row, 3);
    let objectives: Vec<(Option<&str>, &str, usize)> = plan
        .objectives
        .iter()
        .map(|o| {
            (
                o.reference.as_ref().map(crate::plan::Ref::as_str),
                o.title.as_str(),
                o.actions.len(),
            )
        })
        .collect();
    assert_eq!(
        objectives,
        [
            (Some("1"), "Stable homes", 2),
            (Some("2"), "Care leavers are housed", 1)
        ]
    );
    let merged = &plan.objectives[1].actions[0];
    assert!(
        merged.text.contains("review tenancy options"),
        "{}",
        merged.text
    );
    assert_eq!(plan.actions().count(), 3);
}

/// A small deterministic generator, so the soup below is the same every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

#[test]
fn no_soup_of_tags_or_broken_zip_panics() {
    const TOKENS: &[&str] = &[
        "<w:tbl>",
        "</w:tbl>",
        "<w:tr>",
        "</w:tr>",
        "<w:tc>",
        "</w:tc>",
        "<w:tcPr>",
        "</w:tcPr>",
        "<w:vMerge/>",
        r#"<w:gridSpan w:val="99999999999999999999"/>"#,
        r#"<w:gridBefore w:val="70"/>"#,
        "<w:trPr>",
        "</w:trPr>",
        "<w:p>",
        "</w:p>",
        "<w:p/>",
        "<w:pPr>",
        "</w:pPr>",
        r#"<w:pStyle w:val="Heading1"/>"#,
        "<w:numPr>",
        "</w:numPr>",
        "<w:r>",
        "</w:r>",
        "<w:rPr><w:b/></w:rPr>",
        "<w:t>",
        "</w:t>",
        "text",
        "&amp;",
        "&#x1F600;",
        "&#0;",
        "<w:del>",
        "</w:del>",
        "<w:br/>",
        "<w:tab/>",
        r#"<w:shd w:fill="FF0000"/>"#,
        r#"<w:outlineLvl w:val="300"/>"#,
        "<w:drawing>",
        "</w:drawing>",
    ];
    let mut rng = Lcg(7);
    for _ in 0..300 {
        let body: String = (0..rng.next(60))
            .map(|_| TOKENS[rng.next(TOKENS.len())])
            .collect();
        let _ = read("soup.docx", &docx(&body, None));
        let _ = import_plan(&docx(&body, None), &ImportOptions::default());
    }
    let good = docx(
        &[styled("Title", "T"), tbl(&[plain_row(&["Ref", "Action"])])].concat(),
        None,
    );
    for _ in 0..300 {
        let mut bytes = good.clone();
        for _ in 0..=rng.next(4) {
            let i = rng.next(bytes.len());
            bytes[i] ^= 1 << rng.next(8);
        }
        let _ = read("flipped.docx", &bytes);
        let _ = read_workbook(&bytes, TableFormat::Auto);
    }
}

#[test]
fn a_spanning_first_row_names_the_objective() {
    let body = tbl(&[
        tr(&[tc(
            r#"<w:gridSpan w:val="3"/>"#,
            &para("Objective 3 - Health"),
        )]),
        plain_row(&["Ref", "Action", "Lead"]),
        plain_row(&["3.1", "Health checks on time", "CLA Health"]),
    ]);
    let (plan, report) = import_plan(&docx(&body, None), &ImportOptions::default()).expect("plan");
    assert_eq!(report.header_row, 2);
    assert_eq!(plan.objectives.len(), 1);
    assert_eq!(plan.objectives[0].title, "Health");
    assert_eq!(plan.objectives[0].actions.len(), 1);
    let err = import_plan(
        &docx(&body, None),
        &ImportOptions {
            sheet: Some("Sheet1".into()),
            ..ImportOptions::default()
        },
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("one table called \"document\""),
        "{err}"
    );
}
