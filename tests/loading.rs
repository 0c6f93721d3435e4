//! Loading plans and rule sets: every bad input gives an error that names
//! where and why, and nothing panics.

use lineofsight::{LoadError, Plan, RuleSet};
use serde_json::json;

fn base() -> serde_json::Value {
    json!({
        "schema_version": 1, "title": "T", "organisation": "O",
        "leads": [{"id": "vsh", "name": "Virtual School Head"}],
        "objectives": [{"id": "o1", "title": "One", "actions": [
            {"id": "a1", "text": "Do it", "leads": ["vsh"], "timescale": "Dec-19"}
        ]}]
    })
}

fn push(list: &mut serde_json::Value, item: serde_json::Value) {
    list.as_array_mut().expect("array").push(item);
}

fn load(v: &serde_json::Value) -> Result<Plan, LoadError> {
    Plan::from_json(&v.to_string())
}

fn invalid_at(v: &serde_json::Value) -> (String, String) {
    match load(v) {
        Err(LoadError::Invalid { path, reason, .. }) => (path, reason),
        other => panic!("expected an invariant error, got {other:?}"),
    }
}

#[test]
fn a_good_plan_loads_and_round_trips() {
    let plan = load(&base()).expect("loads");
    assert_eq!(Plan::from_json(&plan.to_json()).expect("round trip"), plan);
}

#[test]
fn malformed_json_names_line_and_column() {
    let err = Plan::from_json("{\"schema_version\": 1,\n \"title\": }").unwrap_err();
    match err {
        LoadError::Json { line, column, .. } => {
            assert_eq!(line, 2);
            assert!(column > 1);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn wrong_types_name_the_json_path() {
    let mut v = base();
    v["objectives"][0]["actions"][0]["state"] = json!("finished");
    let err = load(&v).unwrap_err().to_string();
    assert!(
        err.starts_with("plan JSON at $.objectives[0].actions[0].state"),
        "{err}"
    );
    assert!(err.contains("finished"), "{err}");

    let mut v = base();
    v["objectives"][0]["actions"][0]["progress"] = json!([{"date": "2019-02-30", "note": "x"}]);
    let err = load(&v).unwrap_err().to_string();
    assert!(
        err.contains("$.objectives[0].actions[0].progress[0].date"),
        "{err}"
    );
}

#[test]
fn unknown_lead_is_named() {
    let mut v = base();
    v["objectives"][0]["actions"][0]["leads"] = json!(["vsh", "nobody"]);
    let (path, reason) = invalid_at(&v);
    assert_eq!(path, "$.objectives[0].actions[0].leads[1]");
    assert!(reason.contains("\"nobody\""));
}

#[test]
fn duplicate_ids_are_errors() {
    let mut v = base();
    push(
        &mut v["objectives"][0]["actions"],
        json!({"id": "a1", "text": "Again"}),
    );
    let (path, reason) = invalid_at(&v);
    assert_eq!(path, "$.objectives[0].actions[1].id");
    assert!(reason.contains("duplicate action id \"a1\""), "{reason}");

    let mut v = base();
    push(
        &mut v["leads"],
        json!({"id": "vsh", "name": "Someone else"}),
    );
    assert_eq!(invalid_at(&v).0, "$.leads[1].id");

    let mut v = base();
    push(&mut v["objectives"], json!({"id": "o1", "title": "Twice"}));
    assert_eq!(invalid_at(&v).0, "$.objectives[1].id");
}

#[test]
fn duplicate_refs_are_reported_not_merged() {
    let mut v = base();
    v["objectives"][0]["actions"][0]["ref"] = json!("3a");
    push(
        &mut v["objectives"][0]["actions"],
        json!({"id": "a2", "ref": "3a", "text": "Same ref"}),
    );
    let plan = load(&v).expect("loads");
    assert_eq!(plan.actions().count(), 2);
    let w = plan.warnings();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].path, "$.objectives[0].actions[1].ref");
}

#[test]
fn updates_dated_impossibly_are_errors() {
    let mut v = base();
    v["reported_on"] = json!("2019-12-01");
    v["objectives"][0]["actions"][0]["progress"] =
        json!([{"date": "2019-12-02", "note": "future"}]);
    let (path, reason) = invalid_at(&v);
    assert_eq!(path, "$.objectives[0].actions[0].progress[0].date");
    assert!(
        reason.contains("after the plan's reported_on date 01/12/2019"),
        "{reason}"
    );

    let mut v = base();
    v["objectives"][0]["actions"][0]["start"] = json!("2019-06-01");
    v["objectives"][0]["actions"][0]["progress"] = json!([{"date": "2019-05-01", "note": "early"}]);
    assert!(invalid_at(&v).1.contains("before the action's start"));

    let mut v = base();
    v["objectives"][0]["actions"][0]["progress"] =
        json!([{"date": "2019-05-01", "note": "", "percent_complete": 140}]);
    assert_eq!(
        invalid_at(&v).0,
        "$.objectives[0].actions[0].progress[0].percent_complete"
    );
}

#[test]
fn references_to_missing_things_are_errors() {
    let mut v = base();
    v["objectives"][0]["group"] = json!("g9");
    assert_eq!(invalid_at(&v).0, "$.objectives[0].group");

    let mut v = base();
    v["priorities"] = json!([{"id": "p1", "title": "P", "objectives": ["o7"]}]);
    assert_eq!(invalid_at(&v).0, "$.priorities[0].objectives[0]");

    let mut v = base();
    v["groups"] = json!([{"id": "g1", "title": "A", "parent": "g2"}, {"id": "g2", "title": "B", "parent": "g1"}]);
    assert!(invalid_at(&v).1.contains("inside itself"));

    let mut v = base();
    v["objectives"][0]["source"] = json!("s1");
    assert_eq!(invalid_at(&v).0, "$.objectives[0].source");
}

#[test]
fn newer_versions_are_refused() {
    let mut v = base();
    v["schema_version"] = json!(2);
    assert!(matches!(
        load(&v),
        Err(LoadError::UnsupportedVersion {
            found: 2,
            supported: 1
        })
    ));
    v["schema_version"] = json!(0);
    assert_eq!(invalid_at(&v).0, "$.schema_version");
}

#[test]
fn plan_rules_are_checked_with_their_path() {
    let mut v = base();
    v["rules"] = json!({"expected_progress": {"green_at_least": 0.5, "amber_at_least": 0.8}});
    assert_eq!(invalid_at(&v).0, "$.rules.expected_progress.amber_at_least");
    let mut v = base();
    v["rules"] = json!({"due_soon": 3});
    assert!(load(&v)
        .unwrap_err()
        .to_string()
        .contains("unknown field `due_soon`"));
}

#[test]
fn rule_set_errors() {
    assert!(RuleSet::from_json("{}").is_ok());
    let err = RuleSet::from_json(
        r#"{"rollup": {"method": "share", "red_at_least": 1.5, "amber_at_least": 0.2}}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "rule set at $.rollup.red_at_least: 1.5 is not a fraction between 0 and 1"
    );
    let err = RuleSet::from_json(r#"{"rollup": {"method": "median"}}"#).unwrap_err();
    assert!(
        err.to_string().starts_with("rule set JSON at $.rollup"),
        "{err}"
    );
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        String::new(),
        "null".into(),
        "[]".into(),
        "\"plan\"".into(),
        "{".into(),
        "{\"schema_version\": -1}".into(),
        "{\"schema_version\": 99999999999999999999}".into(),
        "\u{0}\u{1}\u{feff}{}".into(),
        "x".repeat(10 * 1024 * 1024),
        "[".repeat(100_000),
    ];
    for input in &inputs {
        assert!(Plan::from_json(input).is_err());
        assert!(
            RuleSet::from_json(input).is_err(),
            "{:?}",
            &input[..input.len().min(20)]
        );
    }
}

#[test]
fn builtin_names() {
    assert!(lineofsight::builtin("Lancashire").is_ok());
    let err = lineofsight::builtin("atlantis").unwrap_err();
    assert_eq!(
        err.to_string(),
        "there is no built-in plan called \"atlantis\" (built-in plans: lancashire, lancashire-cla-2014-17, lancashire-cip-2017, lancashire-cps-2018-20)"
    );
}
