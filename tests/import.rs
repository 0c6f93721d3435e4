//! The importer against the public Lancashire seeds, the LAIT workbooks and
//! awkward inputs.

use lineofsight::import::{import_plan, read_table, read_workbook, Field, ImportError, ImportOptions, TableFormat};
use lineofsight::plan::{Action, Plan};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared");
const MAPPINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/mappings");

fn seed(prefix: &str) -> Vec<u8> {
    let dir = format!("{SHARED}/seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))
        .collect();
    names.sort();
    std::fs::read(&names[0]).expect("seed readable")
}

fn mapping(name: &str) -> ImportOptions {
    let path = format!("{MAPPINGS}/{name}.json");
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    ImportOptions::from_json(&json).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn import(prefix: &str, map: &str) -> Plan {
    let (plan, report) = import_plan(&seed(prefix), &mapping(map)).unwrap_or_else(|e| panic!("{e}"));
    for w in &report.warnings {
        println!("{map}: {w}");
    }
    plan
}

fn builtin() -> Plan {
    lineofsight::builtin("lancashire").expect("built-in plan")
}

fn rating(a: &Action) -> String {
    a.recorded_rating.as_ref().map_or(String::new(), |r| r.rating.name().to_string())
}

#[test]
fn seed_002_gives_the_builtin_rated_rows() {
    let plan = import("002", "seed002");
    let got: Vec<(String, String, String, String, String)> = plan
        .objectives
        .iter()
        .flat_map(|o| {
            o.actions.iter().filter(|a| a.recorded_rating.is_some()).map(move |a| {
                (
                    o.reference.as_ref().map_or(String::new(), |r| r.as_str().to_string()),
                    a.reference.as_ref().map_or(String::new(), |r| r.as_str().to_string()),
                    a.text.clone(),
                    a.timescale.raw().to_string(),
                    rating(a),
                )
            })
        })
        .collect();
    let builtin = builtin();
    let want: Vec<(String, String, String, String, String)> = builtin
        .objectives
        .iter()
        .filter(|o| o.group.as_deref() == Some("cps"))
        .flat_map(|o| {
            o.actions.iter().filter(|a| a.source.as_deref() == Some("s002")).map(move |a| {
                (
                    o.reference.as_ref().map_or(String::new(), |r| r.as_str().to_string()),
                    a.reference.as_ref().map_or(String::new(), |r| r.as_str().to_string()),
                    a.text.clone(),
                    a.timescale.raw().to_string(),
                    rating(a),
                )
            })
        })
        .collect();
    assert_eq!(want.len(), 102);
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
    assert_eq!(got.len(), want.len());
    assert_eq!(plan.objectives.len(), 9);
    assert!(plan.objectives[1].approach.as_deref().unwrap_or("").contains("We will work with our social workers"));
}

#[test]
fn seed_001_gives_the_builtin_outcomes_actions_leads_and_dates() {
    let plan = import("001", "seed001");
    let builtin = builtin();
    let summary = |p: &Plan, o: &lineofsight::plan::Objective| -> Vec<(String, String, Vec<String>, String)> {
        o.actions
            .iter()
            .map(|a| {
                (
                    o.title.clone(),
                    a.text.clone(),
                    p.lead_names(a).into_iter().map(String::from).collect(),
                    a.timescale.raw().to_string(),
                )
            })
            .collect()
    };
    let want: Vec<_> = builtin
        .objectives
        .iter()
        .filter(|o| o.source.as_deref() == Some("s001"))
        .flat_map(|o| summary(&builtin, o))
        .collect();
    let got: Vec<_> = plan.objectives.iter().flat_map(|o| summary(&plan, o)).collect();
    assert_eq!(want.len(), 28);
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
    assert_eq!(got.len(), want.len());
    assert_eq!(plan.objectives.len(), 25);
    let care_leavers = plan.groups.iter().find(|g| g.title == "Care Leavers").expect("Care Leavers group");
    assert_eq!(plan.objectives.iter().filter(|o| o.group.as_deref() == Some(care_leavers.id.as_str())).count(), 2);
}

#[test]
fn seed_004_gives_outcomes_activities_dates_leads_and_measures() {
    let plan = import("004", "seed004");
    let builtin = builtin();
    let want: Vec<_> = builtin.objectives.iter().filter(|o| o.source.as_deref() == Some("s004")).collect();
    let refs = |os: &[&lineofsight::plan::Objective]| os.iter().map(|o| o.reference.as_ref().map(|r| r.as_str().to_string())).collect::<Vec<_>>();
    let got: Vec<_> = plan.objectives.iter().collect();
    assert_eq!(refs(&got), refs(&want));
    for (g, w) in got.iter().zip(&want) {
        println!("{:?}: {} vs {} subs, {} vs {} measures", g.reference, g.actions[0].sub_activities.len(), w.actions[0].sub_activities.len(), g.measures.len(), w.measures.len());
        assert_eq!(g.actions.len(), 1, "{:?}", g.reference);
        assert_eq!(plan.lead_names(&g.actions[0]), builtin.lead_names(&w.actions[0]), "{:?}", g.reference);
        assert_eq!(g.measures.iter().map(|m| &m.text).collect::<Vec<_>>(), w.measures.iter().map(|m| &m.text).collect::<Vec<_>>(), "{:?}", g.reference);
    }
    let dated = |p: &Plan| p.actions().flat_map(|a| &a.sub_activities).filter(|s| !s.timescale.is_empty()).count();
    println!("dated {} vs {}", dated(&plan), dated(&builtin));
}
