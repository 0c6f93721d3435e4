//! Nothing changes without a word (issue 13, item 5): plan JSON with data
//! after it, misspelt fields, sizes past the limits or bytes that are not
//! UTF-8; tables with duplicate columns, unterminated quotes, blank-id rows,
//! stripped markup and spreadsheet error values. Each is an error or a
//! warning naming where; the bindings' tests (`bindings-python/tests/test_bad_input.py`,
//! `bindings-wasm/tests/errors.test.mjs`) expect the same text.

use lineofsight::import::{import_plan, ImportOptions, TableFormat};
use lineofsight::{JsonLimits, LoadError, LoadOptions, Plan};

const PLAN: &str = r#"{"schema_version": 1, "title": "T", "organisation": "O",
  "leads": [{"id": "vsh", "name": "Virtual School Head"}],
  "objectives": [{"id": "o1", "title": "One", "actions": [
    {"id": "a1", "text": "Do it", "leads": ["vsh"], "timescale": "Dec-19"},
    {"id": "a2", "text": "Do more", "timescale": "Dec-19"},
    {"id": "a3", "text": "And more", "timescale": "Dec-19", "evidance": "minutes"}
  ]}]}"#;

fn strict() -> LoadOptions {
    {
        let mut built = LoadOptions::default();
        built.strict = true;
        built
    }
}

#[test]
fn a_second_json_value_after_the_plan_is_an_error_naming_where() {
    let two = format!("{PLAN}\n{PLAN}");
    let err = Plan::from_json(&two).unwrap_err();
    assert_eq!(
        err.to_string(),
        "plan JSON at $ (line 8, column 1): more data after the plan's closing brace, \
         from byte 401: a file holds one plan"
    );
    assert_eq!(&two.as_bytes()[401..402], b"{");
    // Trailing white space is not data.
    assert!(Plan::from_json(&format!("{PLAN}\n\n  \r\n")).is_ok());
    // Nor is it allowed after a rule set.
    let err = lineofsight::RuleSet::from_json("{} {}").unwrap_err();
    assert!(
        err.to_string().contains("a file holds one rule set"),
        "{err}"
    );
}

#[test]
fn a_misspelt_field_warns_by_default_and_is_refused_when_strict() {
    let (plan, warnings) = Plan::from_json_with(PLAN, &LoadOptions::default()).unwrap();
    assert_eq!(plan.actions().count(), 3);
    let text: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "plan JSON at $.objectives[0].actions[2].evidance: unknown field, ignored \
          (check its spelling; strict loading refuses it)"
        ]
    );
    let err = Plan::from_json_with(PLAN, &strict()).unwrap_err();
    assert_eq!(
        err,
        LoadError::UnknownField {
            what: "plan",
            path: "$.objectives[0].actions[2].evidance".to_string()
        }
    );
    // The plain loader still loads it (its doc says the warnings are dropped).
    assert!(Plan::from_json(PLAN).is_ok());
}

#[test]
fn the_plans_shipped_have_no_field_the_loader_does_not_read() {
    for name in lineofsight::BUILTIN_PLANS {
        let json = lineofsight::builtin(name).unwrap().to_json();
        let (_, warnings) = Plan::from_json_with(&json, &strict()).unwrap();
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
    }
    for file in [
        "lancashire",
        "lancashire-cla-2014-17",
        "lancashire-cip-2017",
    ] {
        let path = format!("{}/../core/data/{file}.json", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap();
        Plan::from_json_bytes(&bytes, &strict()).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
}

#[test]
fn size_nesting_and_groups_past_the_limits_are_refused_naming_the_setting() {
    let limits = |l: JsonLimits| {
        let mut built = LoadOptions::default();
        built.limits = l;
        built
    };
    let err = Plan::from_json_with(
        PLAN,
        &limits({
            let mut built = JsonLimits::default();
            built.max_bytes = 100;
            built
        }),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "plan JSON at $ (the whole input, 400 bytes) is past the limit of 100 bytes \
         (raise LoadOptions.limits.max_bytes to read it)"
    );
    // Deeper than serde_json's own limit: refused by ours, with the path.
    let deep = format!(
        r#"{{"schema_version": 1, "title": "T", "organisation": "O", "extra": {{"x": {}{}}}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = Plan::from_json(&deep).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "plan JSON at $.extra.x[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
        ),
        "{err}"
    );
    assert!(
        err.to_string()
            .ends_with("is past the limit of 64 levels of nesting (raise LoadOptions.limits.max_depth to read it)"),
        "{err}"
    );
    let groups: Vec<String> = (0..20)
        .map(|i| format!(r#"{{"id": "g{i}", "title": "Group {i}"}}"#))
        .collect();
    let json = format!(
        r#"{{"schema_version": 1, "title": "T", "organisation": "O", "groups": [{}]}}"#,
        groups.join(",")
    );
    assert!(Plan::from_json(&json).is_ok());
    let err = Plan::from_json_with(
        &json,
        &limits({
            let mut built = JsonLimits::default();
            built.max_groups = 10;
            built
        }),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "plan JSON at $.groups[10] is past the limit of 10 groups \
         (raise LoadOptions.limits.max_groups to read it)"
    );
}

/// The messages the Python and JS tests expect too.
pub(crate) const LATIN1_MESSAGE: &str = "plan JSON is not UTF-8 at byte 35 (line 1, column 36): \
    byte 0xE9 is not UTF-8; it looks like Windows-1252 (Latin-1) text, as older Excel and \
    Notepad save: save the file as UTF-8";

#[test]
fn a_plan_that_is_not_utf8_is_refused_with_the_byte_offset() {
    let latin1 = b"{\"schema_version\": 1, \"title\": \"Caf\xE9\", \"organisation\": \"O\"}";
    let err = Plan::from_json_bytes(latin1, &LoadOptions::default()).unwrap_err();
    assert_eq!(err.to_string(), LATIN1_MESSAGE);
    assert!(matches!(err, LoadError::NotUtf8 { offset: 35, .. }));
    let utf16: Vec<u8> = "\u{feff}{\"title\": \"T\"}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        Plan::from_json_bytes(&utf16, &LoadOptions::default())
            .unwrap_err()
            .to_string(),
        "plan JSON is not UTF-8 at byte 0 (line 1, column 1): the file starts with a UTF-16 \
         byte-order mark: it is UTF-16 text; save it as UTF-8"
    );
    // UTF-8 with a byte-order mark is UTF-8.
    let bom = format!("\u{feff}{PLAN}");
    assert!(Plan::from_json_bytes(bom.as_bytes(), &LoadOptions::default()).is_ok());
}

fn import(bytes: &[u8]) -> (Plan, Vec<String>) {
    let (plan, report) = import_plan(bytes, &ImportOptions::default()).unwrap();
    (
        plan,
        report.warnings.iter().map(ToString::to_string).collect(),
    )
}

fn has(warnings: &[String], text: &str) {
    assert!(
        warnings.iter().any(|w| w == text),
        "no warning {text:?} in {warnings:#?}"
    );
}

#[test]
fn a_second_lead_column_is_read_and_named() {
    let (plan, w) = import(b"Ref,Action,Lead,Lead\n1,Do it,Alice,Bob\n");
    let a = plan.actions().next().unwrap();
    assert_eq!(plan.lead_names(a), ["Alice", "Bob"]);
    has(&w, "row 1, column Lead: a second lead column; the leads in \"Lead\" (column 3) and in this one (column 4) are both read, as one list");
}

#[test]
fn an_unterminated_quote_is_named_where_it_opens() {
    let (plan, w) = import(b"Ref,Action,Lead\n1,\"Do it,Alice\n2,More,Bob\n");
    assert_eq!(plan.actions().count(), 1);
    has(&w, UNCLOSED_QUOTE);
}

/// The unclosed-quote warning, in the bindings' tests too.
pub(crate) const UNCLOSED_QUOTE: &str = "row 2, column Action: a quote opens this cell and never \
    closes, so every line after it, to the end of the input, was read into this one cell";

#[test]
fn rows_without_ids_that_merge_are_named_and_leads_are_never_invented() {
    let (plan, w) = import(b"Ref,Action,Lead\n1,Do it,Alice\n,and more,Bob\n");
    let a = plan.actions().next().unwrap();
    assert_eq!(plan.lead_names(a), ["Alice", "Bob"]);
    has(&w, "row 3, column Ref: the row has no \"Ref\" of its own, so it is read as part of the action on row 2 (as under a merged cell); its cells are added to that action's");
    // Over a page break (a repeated header) text is joined, leads are not.
    let (plan, w) = import(b"Ref,Action,Lead\n1,Do it,Alice\nRef,Action,Lead\n,and more,Bob\n");
    let a = plan.actions().next().unwrap();
    assert_eq!(a.text, "Do it and more");
    assert_eq!(plan.lead_names(a), ["Alice", "Bob"]);
    has(&w, "row 4, column Ref: the row continues the cells of row 2, cut by the page break above; its text is joined to that action's");
    // With an id column, a row with a ref of its own is its own action.
    let (plan, _) = import(b"Id,Ref,Action,Lead\n,1,Do it,Alice\n,2,More,Bob\n");
    assert_eq!(plan.actions().count(), 2);
}

#[test]
fn markup_removed_is_named_and_text_that_only_looks_like_a_tag_is_kept() {
    let (plan, w) = import(b"Ref,Action,Lead\n1,a<b and c>d,Alice\n2,<b>Bold</b> text,Bob\n");
    let texts: Vec<&str> = plan.actions().map(|a| a.text.as_str()).collect();
    assert_eq!(texts, ["a<b and c>d", "Bold text"]);
    assert_eq!(w, [MARKUP]);
}

#[test]
fn emphasis_and_entities_decoded_are_named_too() {
    let (plan, w) = import(b"Ref,Action,Lead\n1,**Review** the pledge &amp; offer,Alice\n");
    assert_eq!(
        plan.actions().next().map(|a| a.text.as_str()),
        Some("Review the pledge & offer")
    );
    assert_eq!(
        w,
        ["row 2, column Action: markup removed from the cell: ** &amp; (the text reads \"Review the pledge & offer\")"]
    );
}

/// The markup warning, in the bindings' tests too.
pub(crate) const MARKUP: &str =
    "row 3, column Action: markup removed from the cell: <b> </b> (the text reads \"Bold text\")";

#[test]
fn spreadsheet_error_values_are_never_leads_or_values_without_a_word() {
    let (plan, w) = import(b"Ref,Action,Lead\n1,Do it,#REF!\n2,#N/A,Bob\n");
    let a: Vec<_> = plan.actions().collect();
    assert!(plan.lead_names(a[0]).is_empty());
    assert!(plan.leads.iter().all(|l| l.name != "#REF!"));
    assert_eq!(a[1].text, "#N/A");
    assert_eq!(w, [REF_ERROR, "row 3, column Action: the cell holds the spreadsheet error #N/A, not a value; it is kept as written (check the formula in the source)"]);
    for e in ["#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"] {
        let (_, w) = import(format!("Ref,Action,Lead\n1,Do it,{e}\n").as_bytes());
        assert!(w[0].contains(e), "{w:?}");
    }
}

/// The `#REF!` warning, in the bindings' tests too.
pub(crate) const REF_ERROR: &str =
    "row 2, column Lead: the cell holds the spreadsheet error #REF!, \
    not a value; it is not read as a lead (check the formula in the source)";

#[test]
fn a_duplicate_id_names_its_row_and_column() {
    let err = import_plan(
        b"Id,Ref,Action\na1,1,Do it\na1,2,Do more\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "input: row 3, column Id: the imported plan is invalid: plan at \
         $.objectives[0].actions[1].id: duplicate action id \"a1\" (first used at \
         $.objectives[0].actions[0].id)"
    );
}

#[test]
fn a_mapped_column_index_past_the_table_is_an_error() {
    let options = ImportOptions::from_json(r#"{"columns": {"7": "lead"}}"#).unwrap();
    let err = import_plan(b"Ref,Action\n1,Do it\n", &options).unwrap_err();
    assert_eq!(
        err.to_string(),
        "input: column 7: column index 7 (from 0) is past the table, whose last column is \
         index 1 (\"Action\")"
    );
}

#[test]
fn utf16_text_and_misnamed_or_encrypted_files_are_recognised_or_explained() {
    let text = "Ref,Action,Lead\n1,Caf\u{e9} visits,Alice\n";
    for bom in [&[][..], &[0xFF, 0xFE][..]] {
        let mut bytes = bom.to_vec();
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let (plan, _) = import(&bytes);
        assert_eq!(plan.actions().next().unwrap().text, "Caf\u{e9} visits");
    }
    // A workbook named .csv (a forced CSV format) is explained, not "binary".
    let csv = {
        let mut built = ImportOptions::default();
        built.format = TableFormat::Csv;
        built
    };
    let zip = b"PK\x03\x04....xl/workbook.xml....";
    let err = import_plan(zip, &csv).unwrap_err();
    assert_eq!(
        err.to_string(),
        "input: cannot read the input as a table: the file is a workbook (xlsx or ods), not \
         CSV text (is it named .xlsx under another name?): read it with format \"auto\""
    );
    // CSV text named .xlsx is read as text.
    let xlsx = {
        let mut built = ImportOptions::default();
        built.format = TableFormat::Xlsx;
        built
    };
    assert!(import_plan(text.as_bytes(), &xlsx).is_ok());
    // An encrypted workbook says so whatever it was called.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0; 64]);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    for options in [&csv, &ImportOptions::default()] {
        let err = import_plan(&ole, options).unwrap_err();
        assert!(err.to_string().contains("password protected"), "{err}");
    }
}
