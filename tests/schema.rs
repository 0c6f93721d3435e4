//! The checked-in JSON Schemas must match what the code generates. To update
//! them after a deliberate change:
//! `LINEOFSIGHT_BLESS=1 cargo test -p lineofsight-conformance -- schema::`.

use std::path::PathBuf;

fn check(file: &str, generated: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/schema")
        .join(file);
    if std::env::var_os("LINEOFSIGHT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, generated).expect("write schema");
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} differs from the schema the code generates; if the change is deliberate run \
         LINEOFSIGHT_BLESS=1 cargo test -p lineofsight-conformance -- schema:: and commit the file",
        path.display()
    );
}

#[test]
fn plan_schema_is_checked_in() {
    check("plan.schema.json", &lineofsight::schema::plan_schema());
}

#[test]
fn rules_schema_is_checked_in() {
    check("rules.schema.json", &lineofsight::schema::rules_schema());
}

#[test]
fn evaluation_schema_is_checked_in() {
    check(
        "evaluation.schema.json",
        &lineofsight::schema::evaluation_schema(),
    );
}

#[test]
fn report_schema_is_checked_in() {
    check("report.schema.json", &lineofsight::schema::report_schema());
}

/// The JSON report is the report model: every report the main job writes
/// validates against the checked-in schema, with and without changes.
#[test]
fn the_json_report_validates_against_its_checked_in_schema() {
    use lineofsight::report::{BoardReport, ReportOptions};
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/schema/report.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("json");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let plan = lineofsight::builtin("lancashire").expect("builtin");
    let as_of = chrono::NaiveDate::from_ymd_opt(2019, 12, 31).expect("date");
    let options = [ReportOptions::default(), {
        let mut built = ReportOptions::default();
        built.since = chrono::NaiveDate::from_ymd_opt(2019, 9, 30);
        built.by_lead = true;
        built.publish = true;
        built
    }];
    for options in &options {
        let report = BoardReport::build(&plan, as_of, &plan.rules_or_default(), options);
        let json: serde_json::Value =
            serde_json::from_str(&lineofsight::export::report_json(&report)).expect("json");
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn the_builtin_plan_validates_against_the_schema_shape() {
    // Every top-level property the built-in plan uses is one the schema declares.
    let schema: serde_json::Value =
        serde_json::from_str(&lineofsight::schema::plan_schema()).expect("json");
    let plan: serde_json::Value = serde_json::from_str(
        &lineofsight::builtin("lancashire")
            .expect("builtin")
            .to_json(),
    )
    .expect("json");
    let props = schema["properties"].as_object().expect("properties");
    for key in plan.as_object().expect("object").keys() {
        assert!(props.contains_key(key), "schema lacks {key}");
    }
}
