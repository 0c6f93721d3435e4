//! Runs the language-neutral test vectors in `tests/vectors/` against the
//! Rust core. The Python and WebAssembly bindings run the same files.

use chrono::NaiveDate;
use lineofsight::plan::Ref;
use lineofsight::timescale::{ParsedTimescale, Timescale};
use lineofsight::{Plan, Rating};
use lineofsight_conformance::vectors;
use serde_json::{json, Value};

fn to_value<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).expect("serialisable")
}

/// A rating case's name and its plan evaluated as of its date, with its
/// rules (the plan's own or the default when the case gives none).
fn evaluate_case(case: &Value) -> (&str, Plan, lineofsight::Evaluation) {
    let (name, plan, rules, as_of) = lineofsight_conformance::rating_case(case);
    let eval = plan.evaluate(as_of, &rules);
    (name, plan, eval)
}

/// Checks that every field in `expected` has the same value in `actual`.
fn check_fields(case: &str, what: &str, expected: &Value, actual: &Value) {
    for (key, want) in expected.as_object().expect("object") {
        let got = &actual[key];
        assert_eq!(got, want, "case {case}: {what}: field {key}");
    }
}

#[test]
fn ratings() {
    let file = vectors("ratings.json");
    let cases = file["cases"].as_array().expect("cases");
    assert!(cases.len() >= 20);
    for case in cases {
        let (name, plan, eval) = evaluate_case(case);
        let expected = &case["expected"];
        for want in expected["actions"].as_array().expect("actions") {
            let id = want["action_id"].as_str().expect("action_id");
            let a = eval
                .action(&plan, id)
                .unwrap_or_else(|| panic!("case {name}: no action {id}"));
            let mut got = to_value(&a.record(&plan));
            got["reason_code"] = to_value(&a.reason.code);
            got["reason_message"] = json!(a.reason.message());
            check_fields(name, id, want, &got);
        }
        for (key, list) in [
            ("objectives", &eval.objectives),
            ("groups", &eval.groups),
            ("priorities", &eval.priorities),
        ] {
            for want in expected
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let id = want["id"].as_str().expect("id");
                let r = list
                    .iter()
                    .find(|r| r.id == id)
                    .unwrap_or_else(|| panic!("case {name}: no {key} {id}"));
                let mut got = to_value(r);
                got["reason_message"] = json!(r.reason.message());
                check_fields(name, id, want, &got);
            }
        }
        if let Some(want) = expected.get("plan_rollup") {
            let mut got = to_value(&eval.plan);
            got["reason_message"] = json!(eval.plan.reason.message());
            check_fields(name, "plan", want, &got);
        }
        if let Some(want) = expected.get("discrepancies") {
            let got: Vec<Value> = eval
                .discrepancies
                .iter()
                .map(|d| json!({"action_id": d.action_id(&plan), "recorded": d.recorded, "computed": d.computed, "direction": d.direction}))
                .collect();
            assert_eq!(&Value::Array(got), want, "case {name}: discrepancies");
        }
    }
}

#[test]
fn rating_spellings() {
    let file = vectors("rating_spellings.json");
    for case in file["cases"].as_array().expect("cases") {
        let text = case["text"].as_str().expect("text");
        match Rating::parse(text) {
            Ok(r) => assert_eq!(to_value(&r), case["rating"], "{text:?}"),
            Err(e) => {
                assert_eq!(case["error"], json!(true), "{text:?} failed: {e}");
                assert_eq!(e.text, text);
            }
        }
    }
}

#[test]
fn refs() {
    let file = vectors("refs.json");
    let mut refs: Vec<Ref> = file["sort"]["input"]
        .as_array()
        .expect("input")
        .iter()
        .map(|v| Ref::new(v.as_str().expect("str")))
        .collect();
    refs.sort();
    let sorted: Vec<&str> = refs.iter().map(Ref::as_str).collect();
    assert_eq!(json!(sorted), file["sort"]["expected"]);
    for case in file["covers"].as_array().expect("covers") {
        let r = Ref::new(case["ref"].as_str().expect("ref"));
        assert_eq!(json!(r.covers()), case["covers"], "{r}");
    }
}

#[test]
fn timescales() {
    let mut file = vectors("timescales.json");
    let bless = std::env::var_os("LINEOFSIGHT_BLESS").is_some();
    let cases = file["cases"].as_array_mut().expect("cases");
    assert!(
        cases.len() >= 40,
        "timescale vectors cover every form in the seeds"
    );
    for case in cases.iter_mut() {
        let raw = case["raw"].as_str().expect("raw").to_string();
        let got = to_value(&ParsedTimescale::from(&Timescale::parse(&raw)));
        if bless {
            case["expected"] = got;
        } else {
            assert_eq!(got, case["expected"], "timescale {raw:?}");
        }
    }
    if bless {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/timescales.json");
        let text = serde_json::to_string_pretty(&file).expect("json") + "\n";
        std::fs::write(path, text).expect("write vectors");
    }
}

/// Writes a blessed vector file back.
fn write_vectors(name: &str, file: &Value) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join(name);
    let text = serde_json::to_string_pretty(file).expect("json") + "\n";
    std::fs::write(path, text).expect("write vectors");
}

/// Runs a vector file whose expected values the core writes when blessed.
fn blessed(name: &str, min: usize, run: impl Fn(&Value) -> Value) {
    let mut file = vectors(name);
    let bless = std::env::var_os("LINEOFSIGHT_BLESS").is_some();
    let cases = file["cases"].as_array_mut().expect("cases");
    assert!(cases.len() >= min, "{name} has {} cases", cases.len());
    for case in cases.iter_mut() {
        let got = run(case);
        if bless {
            case["expected"] = got;
        } else {
            assert_eq!(got, case["expected"], "{name}: {case}");
        }
    }
    if bless {
        write_vectors(name, &file);
    }
}

#[test]
fn targets() {
    blessed("targets.json", 20, |case| {
        to_value(&lineofsight::measure::parse_target(
            case["text"].as_str().expect("text"),
        ))
    });
}

#[test]
fn periods() {
    use lineofsight::measure::{Period, YearEnd};
    blessed("periods.json", 15, |case| {
        let read = match case.get("label") {
            Some(label) => {
                let year_end: YearEnd =
                    serde_json::from_value(case["year_end"].clone()).expect("year_end");
                Period::parse(label.as_str().expect("label"), year_end)
            }
            None => Period::from_ees(
                case["time_period"].as_str().expect("time_period"),
                case["time_identifier"].as_str().expect("time_identifier"),
            ),
        };
        match read {
            Ok(p) => to_value(&p),
            Err(e) => json!({ "error": e.to_string() }),
        }
    });
}

#[test]
fn values() {
    use lineofsight::measure::ObservedValue;
    blessed("values.json", 15, |case| {
        match ObservedValue::parse(case["text"].as_str().expect("text")) {
            Ok(v) => to_value(&v),
            Err(e) => json!({ "error": e.to_string() }),
        }
    });
}

#[test]
fn measures() {
    let file = vectors("measures.json");
    let cases = file["cases"].as_array().expect("cases");
    assert!(cases.len() >= 20);
    for case in cases {
        let (name, _, eval) = evaluate_case(case);
        let expected = &case["expected"];
        for want in expected["measures"].as_array().expect("measures") {
            let id = want["measure_id"].as_str().expect("measure_id");
            let m = eval
                .measure(id)
                .unwrap_or_else(|| panic!("case {name}: no measure {id}"));
            let mut got = to_value(m);
            got["reason_code"] = to_value(&m.reason.code);
            got["reason_message"] = json!(m.reason.message());
            got["latest_benchmark"] = to_value(&m.latest_benchmark());
            check_fields(name, id, want, &got);
        }
        for want in expected
            .get("objectives")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let id = want["id"].as_str().expect("id");
            let o = eval
                .objective(id)
                .unwrap_or_else(|| panic!("case {name}: no objective {id}"));
            check_fields(name, id, want, &to_value(o));
        }
    }
}

/// Every field of `expected` matches `actual`; objects are matched field by
/// field (a subset), arrays and values exactly.
fn check_subset(case: &str, path: &str, expected: &Value, actual: &Value) {
    match expected {
        Value::Object(fields) => {
            for (key, want) in fields {
                check_subset(case, &format!("{path}.{key}"), want, &actual[key]);
            }
        }
        Value::Array(items) => {
            let got = actual
                .as_array()
                .unwrap_or_else(|| panic!("case {case}: {path}: not a list: {actual}"));
            assert_eq!(got.len(), items.len(), "case {case}: {path}: {actual}");
            for (i, (want, got)) in items.iter().zip(got).enumerate() {
                check_subset(case, &format!("{path}[{i}]"), want, got);
            }
        }
        want => assert_eq!(actual, want, "case {case}: {path}"),
    }
}

#[test]
fn reports() {
    use lineofsight::report::{BoardReport, ReportOptions};
    let file = vectors("reports.json");
    let cases = file["cases"].as_array().expect("cases");
    assert!(cases.len() >= 4);
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let plan = Plan::from_json(&case["plan"].to_string()).expect("plan");
        let as_of: NaiveDate = case["as_of"]
            .as_str()
            .expect("as_of")
            .parse()
            .expect("date");
        let given = &case["options"];
        let options = {
            let mut built = ReportOptions::default();
            built.since = given["since"].as_str().map(|d| d.parse().expect("since"));
            built.by_lead = given["by_lead"].as_bool().unwrap_or(false);
            built
        };
        let rules = plan.rules_or_default();
        let report = match case.get("previous") {
            Some(p) => {
                let previous = Plan::from_json(&p.to_string()).expect("previous");
                BoardReport::build_compared(&previous, &plan, as_of, &rules, &options)
            }
            None => BoardReport::build(&plan, as_of, &rules, &options),
        };
        let report = match given["lead"].as_str() {
            Some(lead) => report.for_lead(lead),
            None => report,
        };
        let json: Value =
            serde_json::from_str(&lineofsight::export::report_json(&report)).expect("json");
        check_subset(name, "$", &case["expected"], &json);
    }
}

#[test]
fn edits() {
    use lineofsight::plan::{Edit, EditError};
    let file = vectors("edits.json");
    let cases = file["cases"].as_array().expect("cases");
    assert!(cases.len() >= 7);
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let mut plan = Plan::from_json(&case["plan"].to_string())
            .unwrap_or_else(|e| panic!("case {name}: plan: {e}"));
        let before = plan.clone();
        let edits = Edit::list_from_json(&case["edits"].to_string())
            .unwrap_or_else(|e| panic!("case {name}: edits: {e}"));
        match (plan.apply_all(&edits), case.get("expected_error")) {
            (Err(e), Some(want)) => {
                assert_eq!(plan, before, "case {name}: the plan changed");
                let got = match &e {
                    EditError::UnknownAction { edit, id } => {
                        json!({"kind": "unknown_action", "edit": edit, "id": id})
                    }
                    EditError::UnknownObjective { edit, id } => {
                        json!({"kind": "unknown_objective", "edit": edit, "id": id})
                    }
                    EditError::DuplicateAction { edit, id } => {
                        json!({"kind": "duplicate_action", "edit": edit, "id": id})
                    }
                    EditError::Invalid {
                        edit,
                        error: lineofsight::LoadError::Invalid { path, .. },
                    } => {
                        json!({"kind": "invalid", "edit": edit, "path": path})
                    }
                    other => panic!("case {name}: unexpected error {other}"),
                };
                check_fields(name, "error", want, &got);
            }
            (Ok(()), None) => {
                let expected = &case["expected"];
                let ids: Vec<&str> = plan.actions().map(|a| a.id.as_str()).collect();
                assert_eq!(
                    json!(ids),
                    expected["action_ids"],
                    "case {name}: action ids"
                );
                assert_eq!(
                    to_value(&plan.reported_on),
                    expected["reported_on"],
                    "case {name}: reported_on"
                );
                let as_of: NaiveDate = case["as_of"]
                    .as_str()
                    .and_then(|d| d.parse().ok())
                    .expect("as_of");
                let eval = plan.evaluate(as_of, &plan.rules_or_default());
                for want in expected["actions"].as_array().expect("actions") {
                    let id = want["action_id"].as_str().expect("action_id");
                    let a = eval.action(&plan, id).expect("rated");
                    let mut got = to_value(&a.record(&plan));
                    got["reason_code"] = to_value(&a.reason.code);
                    check_fields(name, id, want, &got);
                }
                if let Some(progress) = expected.get("progress").and_then(Value::as_object) {
                    for (id, want) in progress {
                        let a = plan.actions().find(|a| a.id == *id).expect("action");
                        assert_eq!(
                            &to_value(&a.progress),
                            want,
                            "case {name}: progress of {id}"
                        );
                    }
                }
            }
            (got, want) => panic!("case {name}: got {got:?}, expected error {want:?}"),
        }
    }
}
