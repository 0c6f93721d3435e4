//! Round trips: the built-in plan out to JSON, CSV and xlsx and back in
//! through the loader and the generic importer. JSON keeps the whole plan;
//! a flat table of actions keeps what a table can hold, and that is compared
//! as data: objectives (ref, title) and every action's id, ref, text,
//! timescale, leads, evidence and recorded rating, in order.

use chrono::NaiveDate;
use lineofsight::import::{import_plan, ImportOptions, TableFormat};
use lineofsight::{Plan, Rating, RuleSet};

/// What a table of actions carries, per action.
#[derive(Debug, PartialEq)]
struct Row {
    objective_ref: Option<String>,
    objective: String,
    id: String,
    reference: Option<String>,
    text: String,
    timescale: String,
    leads: Vec<String>,
    evidence: Option<String>,
    recorded: Option<Rating>,
}

fn rows(plan: &Plan) -> Vec<Row> {
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    plan.objectives
        .iter()
        .flat_map(|o| {
            o.actions.iter().map(move |a| Row {
                objective_ref: o.reference.as_ref().map(|r| r.as_str().to_string()),
                objective: tidy(&o.title),
                id: a.id.clone(),
                reference: a.reference.as_ref().map(|r| r.as_str().to_string()),
                text: tidy(&a.text),
                timescale: tidy(a.timescale.raw()),
                leads: plan.lead_names(a).into_iter().map(tidy).collect(),
                evidence: a.evidence.as_deref().map(tidy).filter(|e| !e.is_empty()),
                recorded: a.recorded_rating.as_ref().map(|r| r.rating),
            })
        })
        .collect()
}

fn check(name: &str, original: &Plan, back: &Plan) {
    let (a, b) = (rows(original), rows(back));
    assert_eq!(a.len(), b.len(), "{name}: number of actions");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y, "{name}");
    }
}

fn builtin() -> (Plan, lineofsight::Evaluation) {
    let plan = lineofsight::builtin("lancashire").unwrap();
    let eval = plan.evaluate(
        NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(),
        &RuleSet::default(),
    );
    (plan, eval)
}

#[test]
fn json_keeps_the_whole_plan() {
    let (plan, _) = builtin();
    assert_eq!(Plan::from_json(&plan.to_json()).unwrap(), plan);
}

#[test]
fn csv_round_trip() {
    let (plan, eval) = builtin();
    let report = lineofsight::report::BoardReport::build(
        &plan,
        eval.as_of,
        &eval.rules,
        &lineofsight::report::ReportOptions::default(),
    );
    let csv = lineofsight::export::actions_csv(&report).unwrap();
    let options = {
        let mut built = ImportOptions::lineofsight_export();
        built.format = TableFormat::Csv;
        built
    };
    let (back, _) = import_plan(csv.as_bytes(), &options).unwrap();
    check("csv", &plan, &back);
}

#[test]
fn xlsx_round_trip() {
    let (plan, eval) = builtin();
    let report = lineofsight::report::BoardReport::build(
        &plan,
        eval.as_of,
        &eval.rules,
        &lineofsight::report::ReportOptions::default(),
    );
    let bytes = lineofsight::export::workbook(&report).unwrap();
    let (back, _) = import_plan(&bytes, &ImportOptions::lineofsight_export()).unwrap();
    check("xlsx", &plan, &back);
}
