//! The importer against the public Lancashire seeds, the LAIT workbooks and
//! awkward inputs.

use lineofsight::import::{
    import_plan, read_table, read_workbook, Field, ImportError, ImportOptions, TableFormat,
};
use lineofsight::plan::{Action, Plan};

const MAPPINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/mappings");

/// The reference data folder; tests that need it return early (skip) when
/// it is missing.
fn shared() -> std::path::PathBuf {
    lineofsight_conformance::shared_dir().unwrap_or_default()
}

fn seed(prefix: &str) -> Vec<u8> {
    let dir = shared().join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
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
    let (plan, report) =
        import_plan(&seed(prefix), &mapping(map)).unwrap_or_else(|e| panic!("{e}"));
    for w in &report.warnings {
        println!("{map}: {w}");
    }
    plan
}

fn builtin() -> Plan {
    lineofsight::builtin("lancashire").expect("built-in plan")
}

fn rating(a: &Action) -> String {
    a.recorded_rating
        .as_ref()
        .map_or(String::new(), |r| r.rating.name().to_string())
}

#[test]
fn seed_002_gives_the_builtin_rated_rows() {
    if lineofsight_conformance::shared_or_skip("import::seed_002_gives_the_builtin_rated_rows")
        .is_none()
    {
        return;
    }
    let plan = import("002", "seed002");
    let got: Vec<(String, String, String, String, String)> = plan
        .objectives
        .iter()
        .flat_map(|o| {
            o.actions
                .iter()
                .filter(|a| a.recorded_rating.is_some())
                .map(move |a| {
                    (
                        o.reference
                            .as_ref()
                            .map_or(String::new(), |r| r.as_str().to_string()),
                        a.reference
                            .as_ref()
                            .map_or(String::new(), |r| r.as_str().to_string()),
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
            o.actions
                .iter()
                .filter(|a| a.source.as_deref() == Some("s002"))
                .map(move |a| {
                    (
                        o.reference
                            .as_ref()
                            .map_or(String::new(), |r| r.as_str().to_string()),
                        a.reference
                            .as_ref()
                            .map_or(String::new(), |r| r.as_str().to_string()),
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
    assert!(plan.objectives[1]
        .approach
        .as_deref()
        .unwrap_or("")
        .contains("We will work with our social workers"));
}

#[test]
fn seed_001_gives_the_builtin_outcomes_actions_leads_and_dates() {
    if lineofsight_conformance::shared_or_skip(
        "import::seed_001_gives_the_builtin_outcomes_actions_leads_and_dates",
    )
    .is_none()
    {
        return;
    }
    let plan = import("001", "seed001");
    let builtin = builtin();
    let summary = |p: &Plan,
                   o: &lineofsight::plan::Objective|
     -> Vec<(String, String, Vec<String>, String)> {
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
    let got: Vec<_> = plan
        .objectives
        .iter()
        .flat_map(|o| summary(&plan, o))
        .collect();
    assert_eq!(want.len(), 28);
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
    assert_eq!(got.len(), want.len());
    assert_eq!(plan.objectives.len(), 25);
    let care_leavers = plan
        .groups
        .iter()
        .find(|g| g.title == "Care Leavers")
        .expect("Care Leavers group");
    assert_eq!(
        plan.objectives
            .iter()
            .filter(|o| o.group.as_deref() == Some(care_leavers.id.as_str()))
            .count(),
        2
    );
}

#[test]
fn seed_004_gives_outcomes_activities_dates_leads_and_measures() {
    if lineofsight_conformance::shared_or_skip(
        "import::seed_004_gives_outcomes_activities_dates_leads_and_measures",
    )
    .is_none()
    {
        return;
    }
    let plan = import("004", "seed004");
    let builtin = builtin();
    let want: Vec<_> = builtin
        .objectives
        .iter()
        .filter(|o| o.source.as_deref() == Some("s004"))
        .collect();
    let refs = |os: &[&lineofsight::plan::Objective]| {
        os.iter()
            .map(|o| o.reference.as_ref().map(|r| r.as_str().to_string()))
            .collect::<Vec<_>>()
    };
    let got: Vec<_> = plan.objectives.iter().collect();
    assert_eq!(refs(&got), refs(&want));
    for (g, w) in got.iter().zip(&want) {
        println!(
            "{:?}: {} vs {} subs, {} vs {} measures",
            g.reference,
            g.actions[0].sub_activities.len(),
            w.actions[0].sub_activities.len(),
            g.measures.len(),
            w.measures.len()
        );
        assert_eq!(g.actions.len(), 1, "{:?}", g.reference);
        assert_eq!(
            plan.lead_names(&g.actions[0]),
            builtin.lead_names(&w.actions[0]),
            "{:?}",
            g.reference
        );
        assert_eq!(
            g.measures.iter().map(|m| &m.text).collect::<Vec<_>>(),
            w.measures.iter().map(|m| &m.text).collect::<Vec<_>>(),
            "{:?}",
            g.reference
        );
    }
    let dated = |p: &Plan| {
        p.actions()
            .flat_map(|a| &a.sub_activities)
            .filter(|s| !s.timescale.is_empty())
            .count()
    };
    println!("dated {} vs {}", dated(&plan), dated(&builtin));
    // Where the When? cell's dates line up with the activities, each
    // activity has its own date (the built-in plan re-joins two more cells by hand).
    assert!(dated(&plan) >= 99, "{}", dated(&plan));
    let o11 = &plan.objectives[0].actions[0];
    assert_eq!(o11.sub_activities.len(), 5);
    assert!(o11.sub_activities.iter().all(|s| !s.timescale.is_empty()));
    let total_measures: usize = plan.objectives.iter().map(|o| o.measures.len()).sum();
    assert_eq!(total_measures, 63);
    assert!(plan
        .leads
        .iter()
        .any(|l| l.name == "Tracey Poole-Nandy" && l.kind == lineofsight::plan::LeadKind::Person));
    assert_eq!(
        plan.groups.iter().filter(|g| g.parent.is_some()).count(),
        3,
        "{:?}",
        plan.groups
    );
}

#[test]
fn lait_workbooks_read_as_tables() {
    if lineofsight_conformance::shared_or_skip("import::lait_workbooks_read_as_tables").is_none() {
        return;
    }
    for name in ["sn_may_2025.xlsx", "la_code_list.xlsx"] {
        let bytes = std::fs::read(shared().join("data/lait").join(name)).expect("workbook");
        let sheets =
            read_workbook(&bytes, TableFormat::Auto).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!sheets.is_empty(), "{name}");
        for sheet in &sheets {
            let header = sheet.headers();
            println!(
                "{name} / {}: {} rows, header at {:?}: {:?}",
                sheet.name,
                sheet.rows.len(),
                sheet.header,
                header.map(|h| h.iter().take(6).collect::<Vec<_>>())
            );
        }
        let with_header: Vec<_> = sheets.iter().filter(|s| s.header.is_some()).collect();
        assert!(!with_header.is_empty(), "{name}: no sheet has a header");
        for sheet in with_header {
            let header = sheet.headers().expect("header");
            assert!(
                header.iter().filter(|c| !c.trim().is_empty()).count() >= 2,
                "{name}/{}",
                sheet.name
            );
            assert!(!sheet.data_rows().is_empty(), "{name}/{}", sheet.name);
        }
        let first = read_table(&bytes, TableFormat::Xlsx).expect("first table");
        assert!(first.header.is_some());
    }
}

#[test]
fn csv_markdown_and_encodings() {
    let csv = "Action plan 2024\r\n\r\nNo.,Actions Required,Lead Officer(s),Target date,R/A/G,Budget\r\n1,\"Recruit foster carers\r\n- in Preston\r\n- in Burnley\",Fostering; Commissioning,\"Jun-19, Dec-19\",Amber,£5k\r\n";
    let (plan, report) = import_plan(csv.as_bytes(), &ImportOptions::default()).expect("csv");
    assert_eq!(plan.title, "Action plan 2024");
    let a = plan.actions().next().expect("an action");
    assert_eq!(a.sub_activities.len(), 2);
    assert_eq!(a.sub_activities[1].timescale.raw(), "Dec-19");
    assert_eq!(plan.lead_names(a), ["Fostering", "Commissioning"]);
    assert_eq!(a.extra.get("Budget").map(String::as_str), Some("£5k"));
    assert_eq!(report.columns[5], ("Budget".to_string(), None));

    let md = "| Ref | What? | Who? | When? | Status |\n|---|---|---|---|---|\n| 1 | Launch MoMo | Participation | Ongoing | Purple |\n| 2 | _ | - | - | Green |\n";
    let (plan, report) = import_plan(md.as_bytes(), &ImportOptions::default()).expect("markdown");
    assert_eq!(plan.actions().count(), 2);
    let w = &report.warnings[0];
    assert_eq!((w.row, w.column.as_str()), (3, "Status"));
    assert!(w.message.contains("Purple"));

    // Windows-1252 (’ is 0x92) with a BOM-less header.
    let bytes = b"Ref\tAction\tLead\n1\tChildren\x92s voice\tLINX\n";
    let (plan, _) = import_plan(bytes, &ImportOptions::default()).expect("cp1252");
    assert_eq!(plan.actions().next().unwrap().text, "Children’s voice");
    let bom = "\u{feff}Ref\tAction\n1\tDo it\n";
    assert!(import_plan(bom.as_bytes(), &ImportOptions::default()).is_ok());
}

#[test]
fn explicit_mapping_by_header_and_index() {
    let csv = "Thing,Person,Deadline\nWrite the offer,Head of Service,Mar-20\n";
    assert!(matches!(
        import_plan(csv.as_bytes(), &ImportOptions::default()),
        Err(ImportError::NoHeader { .. })
    ));
    let mut options = ImportOptions::default();
    options.columns.insert("Thing".into(), Field::Action);
    options.columns.insert("1".into(), Field::Lead);
    options.columns.insert("deadline".into(), Field::Timescale);
    let (plan, _) = import_plan(csv.as_bytes(), &options).expect("mapped");
    let a = plan.actions().next().unwrap();
    assert_eq!(a.timescale.raw(), "Mar-20");
    assert_eq!(plan.lead_names(a), ["Head of Service"]);
    options.columns.insert("Nope".into(), Field::Rag);
    let err = import_plan(csv.as_bytes(), &options).unwrap_err();
    assert!(
        matches!(&err, ImportError::Mapping { column, .. } if column == "Nope"),
        "{err}"
    );
}

#[test]
fn nonsense_is_an_error_not_an_empty_plan() {
    for bytes in [
        &b""[..],
        b"\x00\x01\x02",
        b"PK\x03\x04\x00\x00",
        b"hello\nworld",
        b"Ref,Action\n",
    ] {
        let err = import_plan(bytes, &ImportOptions::default()).unwrap_err();
        assert!(!err.to_string().is_empty());
        println!("{err}");
    }
    let err = import_plan(b"Ref,Action\n,\n", &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(err, ImportError::NoActions { row: 1, .. }),
        "{err}"
    );
}

proptest::proptest! {
    #[test]
    fn no_input_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
        let _ = import_plan(&bytes, &ImportOptions::default());
        let _ = read_workbook(&bytes, TableFormat::Auto);
    }

    #[test]
    fn no_text_panics(text in "(Ref|Action|Lead|When\\?|RAG|[a-z ]{0,8}|<li>|<ul>|br>|•|▪|- |1\\. |_|\\||\t|,|\n|\"|Objective 1 -|## |Measures of success:){0,40}") {
        let _ = import_plan(text.as_bytes(), &ImportOptions::default());
    }
}
