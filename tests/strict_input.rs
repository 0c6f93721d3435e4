//! Nothing changes without a word (issue 13, item 5): plan JSON with data
//! after it, misspelt fields, sizes past the limits or bytes that are not
//! UTF-8; tables with duplicate columns, unterminated quotes, blank-id rows,
//! stripped markup and spreadsheet error values. Each is an error or a
//! warning naming where; the bindings' tests (`bindings-python/tests/test_bad_input.py`,
//! `bindings-wasm/tests/errors.test.mjs`) expect the same text.

use lineofsight::{JsonLimits, LoadError, LoadOptions, Plan};

const PLAN: &str = r#"{"schema_version": 1, "title": "T", "organisation": "O",
  "leads": [{"id": "vsh", "name": "Virtual School Head"}],
  "objectives": [{"id": "o1", "title": "One", "actions": [
    {"id": "a1", "text": "Do it", "leads": ["vsh"], "timescale": "Dec-19"},
    {"id": "a2", "text": "Do more", "timescale": "Dec-19"},
    {"id": "a3", "text": "And more", "timescale": "Dec-19", "evidance": "minutes"}
  ]}]}"#;

fn strict() -> LoadOptions {
    LoadOptions {
        strict: true,
        ..LoadOptions::default()
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
    let limits = |l: JsonLimits| LoadOptions {
        limits: l,
        ..LoadOptions::default()
    };
    let err = Plan::from_json_with(
        PLAN,
        &limits(JsonLimits {
            max_bytes: 100,
            ..JsonLimits::default()
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
        &limits(JsonLimits {
            max_groups: 10,
            ..JsonLimits::default()
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
