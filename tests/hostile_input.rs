//! Hostile and huge input (issue 13): colours that try to inject markup,
//! mapping files that would make lead matching loop, and inputs at sizes
//! where a quadratic or cubic scan took seconds to minutes. The size tests
//! assert the answer, not the time: they finish quickly because every scan
//! is linear.

use std::fmt::Write as _;

use chrono::NaiveDate;
use lineofsight::export::render_html;
use lineofsight::import::{import_plan, ImportError, ImportOptions, LeadSpelling};
use lineofsight::plan::Group;
use lineofsight::rating::{Colour, Rating};
use lineofsight::report::{BoardReport, ReportOptions};
use lineofsight::{LoadError, Plan};

const HOSTILE: &[&str] = &[
    "red\" onload=\"alert(1)",
    "red;background:url(https://example.com/x)",
    "red",
    "#12345",
    "#1234567",
    "#ggg",
    "",
    "#fff\"",
];

fn plan_with_colour(rating: &str, colour: &str) -> String {
    serde_json::json!({
        "schema_version": 1,
        "title": "T",
        "organisation": "O",
        "objectives": [],
        "style": {"colours": {rating: colour}},
    })
    .to_string()
}

#[test]
fn colours_other_than_hex_are_refused_at_load_with_their_path() {
    for colour in HOSTILE {
        let err = Plan::from_json(&plan_with_colour("amber_red", colour)).unwrap_err();
        let LoadError::Invalid { path, reason, .. } = &err else {
            panic!("{colour:?}: expected Invalid, got {err:?}");
        };
        assert_eq!(path, "$.style.colours.amber_red", "{colour:?}");
        assert!(reason.contains(&format!("{colour:?}")), "{reason}");
    }
    for colour in ["#abc", "#A0b1C2", "#000000"] {
        let plan = Plan::from_json(&plan_with_colour("red", colour)).expect(colour);
        assert_eq!(plan.style.colours[&Rating::Red].0, colour);
    }
}

#[test]
fn short_hex_colours_are_drawn_as_given() {
    let plan = Plan::from_json(&plan_with_colour("red", "#f00")).expect("loads");
    let look = lineofsight::report::RatingLook::new(Rating::Red, &plan.style);
    assert_eq!(look.colour, "#ff0000");
}

#[test]
fn a_hostile_colour_set_in_code_never_reaches_the_html_report() {
    let mut plan = lineofsight::builtin("lancashire").expect("built-in plan loads");
    for (rating, colour) in [
        (Rating::Red, HOSTILE[0]),
        (Rating::Amber, HOSTILE[1]),
        (Rating::Green, "x' onmouseover='y"),
    ] {
        plan.style.colours.insert(rating, Colour(colour.into()));
    }
    assert!(plan.check().is_err());
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid date");
    let report = BoardReport::build(
        &plan,
        as_of,
        &plan.rules_or_default(),
        &ReportOptions::default(),
    );
    let html = render_html(&report, &[]);
    for needle in ["onload", "onmouseover", "example.com", "alert("] {
        assert!(!html.contains(needle), "{needle} reached the page");
    }
}

#[test]
fn empty_lead_spellings_are_refused_when_the_mapping_loads() {
    for (json, path) in [
        (r#"{"leads": {"": {"name": "Nobody"}}}"#, r#"$.leads[""]"#),
        (
            r#"{"leads": {"YOS": {"name": "YOS"}, "  ": {"name": "Nobody"}}}"#,
            r#"$.leads["  "]"#,
        ),
    ] {
        let err = ImportOptions::from_json(json).unwrap_err();
        let ImportError::Mapping { column, .. } = &err else {
            panic!("expected Mapping, got {err:?}");
        };
        assert_eq!(column, path);
    }
}

#[test]
fn an_empty_lead_spelling_set_in_code_is_refused_not_looped_on() {
    let mut options = ImportOptions::default();
    options.leads.insert(
        String::new(),
        LeadSpelling {
            name: "Nobody".into(),
            kind: lineofsight::plan::LeadKind::Role,
        },
    );
    let csv = "Ref,Action,Lead\n1,Do it,Alice\n";
    let err = import_plan(csv.as_bytes(), &options).unwrap_err();
    assert!(matches!(err, ImportError::Mapping { .. }), "{err:?}");
}

#[test]
fn four_hundred_thousand_angle_brackets_in_a_cell() {
    // Searching for `>` afresh from each `<` took 18 s.
    let text = "<".repeat(400_000);
    let csv = format!("Ref,Action,Lead\n1,\"{text} then act\",Alice\n");
    let (plan, _) = import_plan(csv.as_bytes(), &ImportOptions::default()).expect("imports");
    let action = plan.actions().next().expect("one action");
    assert_eq!(action.text, format!("{text} then act"));
}

#[test]
fn eighty_thousand_distinct_leads() {
    // Looking each new lead up among all the others took 46 s.
    let mut csv = String::from("Ref,Action,Lead\n");
    for i in 0..80_000 {
        writeln!(csv, "{i},Action {i},Lead {i:05}").expect("writes to a String");
    }
    let (plan, _) = import_plan(csv.as_bytes(), &ImportOptions::default()).expect("imports");
    assert_eq!(plan.leads.len(), 80_000);
    assert_eq!(plan.actions().count(), 80_000);
}

fn chained_groups(n: usize) -> Plan {
    let mut plan = Plan::new("T", "O");
    for i in 0..n {
        plan.groups.push({
            let mut built = Group::new("", "");
            built.id = format!("g{i}");
            built.title = format!("Group {i}");
            built.parent = (i > 0).then(|| format!("g{}", i - 1));
            built.source = None;
            built
        });
    }
    plan
}

#[test]
fn a_chain_of_three_thousand_groups() {
    // Walking up from every group with a scan per step took 6 s.
    let plan = chained_groups(3_000);
    let back = Plan::from_json(&plan.to_json()).expect("a chain loads");
    assert_eq!(back.groups.len(), 3_000);

    let mut looped = chained_groups(3_000);
    looped.groups[0].parent = Some("g2999".into());
    let err = looped.check().unwrap_err();
    let LoadError::Invalid { path, reason, .. } = &err else {
        panic!("expected Invalid, got {err:?}");
    };
    assert_eq!(path, "$.groups[0].parent");
    assert!(reason.contains("\"g0\" sits inside itself"), "{reason}");
}

#[test]
fn only_groups_on_a_loop_are_in_it() {
    // g0 -> g1 -> g2 -> g1: g0 leads into the loop but is not on it, so the
    // error names g1, the first group on it.
    let mut plan = chained_groups(3);
    plan.groups[0].parent = Some("g1".into());
    plan.groups[1].parent = Some("g2".into());
    plan.groups[2].parent = Some("g1".into());
    let err = plan.check().unwrap_err();
    assert!(err.to_string().contains("$.groups[1].parent"), "{err}");
    let mut plan = chained_groups(1);
    plan.groups[0].parent = Some("g0".into());
    assert!(plan
        .check()
        .unwrap_err()
        .to_string()
        .contains("$.groups[0].parent"));
}

/// An xlsx of one sheet, `Actions`, whose `xl/worksheets/sheet1.xml` is
/// `sheet`.
fn workbook_with_sheet(sheet: &str) -> Vec<u8> {
    use std::io::Write;
    const NS: &str = "http://schemas.openxmlformats.org";
    let parts = [
        (
            "[Content_Types].xml".to_string(),
            format!(
                r#"<Types xmlns="{NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels".to_string(),
            format!(
                r#"<Relationships xmlns="{NS}/package/2006/relationships"><Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml".to_string(),
            format!(
                r#"<workbook xmlns="{NS}/spreadsheetml/2006/main" xmlns:r="{NS}/officeDocument/2006/relationships"><sheets><sheet name="Actions" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels".to_string(),
            format!(
                r#"<Relationships xmlns="{NS}/package/2006/relationships"><Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
        ),
        ("xl/worksheets/sheet1.xml".to_string(), sheet.to_string()),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Found by the `xlsx` fuzz target (fuzz/): calamine 0.38 multiplies a
/// cell reference's column letters and row digits without checking, so a
/// dimension or cell like `AAAAAAAAAA1` panics in builds with overflow
/// checks (this test's) and lands on a wrapped-round cell in release
/// builds; a dimension that ends before it starts (`Q1:H16`) overflows a
/// subtraction the same way. The fix belongs in calamine
/// (`get_row_and_optional_column`, `get_dimension`); until then the
/// importer walks the sheet's references first (`core/src/import/xlsx_refs.rs`).
#[test]
fn cell_references_calamine_overflows_on_are_refused_not_panicked_on() {
    let cell = |r: &str| {
        format!(
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="{r}" t="inlineStr"><is><t>Ref</t></is></c></row></sheetData></worksheet>"#
        )
    };
    let options = {
        let mut built = ImportOptions::default();
        built.input_name = "hostile.xlsx".into();
        built
    };
    // The second sheet's end tag does not match (the fuzz target's input):
    // calamine reads past it, so the walk does too.
    let mismatched = |r: &str| {
        cell(r).replace(
            "<row r=\"1\">",
            "<rowx r=\"0\"><c r=\"A1\"/></row><row r=\"1\">",
        )
    };
    for (r, sheet) in [
        ("AAAAAAAAAA1", cell("AAAAAAAAAA1")),
        ("A99999999999", cell("A99999999999")),
        ("AAAAAAAAAA1", mismatched("AAAAAAAAAA1")),
    ] {
        let err = import_plan(&workbook_with_sheet(&sheet), &options).unwrap_err();
        assert!(
            err.to_string().contains(&format!(
                "xl/worksheets/sheet1.xml: the reference \"{r}\" is not a cell or range an Excel sheet can have"
            )),
            "{err}"
        );
    }
    for dimension in ["A1:AAAAAAAAAA1", "A1:A99999999999", "Q1:H16"] {
        let sheet = format!(
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Action</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Do it</t></is></c></row></sheetData></worksheet>"#
        );
        let options = {
            let mut built = ImportOptions::default();
            built.input_name = "hostile.xlsx".into();
            built
        };
        let err = import_plan(&workbook_with_sheet(&sheet), &options).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("the reference \"{dimension}\"")),
            "{err}"
        );
    }
}
