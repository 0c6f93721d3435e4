//! Plans with periods: the dates' validation and status, the built-in
//! Lancashire set split into its plans, and the main job's choice of plans.

use chrono::NaiveDate;
use lineofsight::export::{render, render_plans, ReportFormat};
use lineofsight::plan::{PlanPeriod, PlanStatus};
use lineofsight::report::plans_as_of;
use lineofsight::report::{BoardReport, ReportOptions};
use lineofsight::{LoadError, Plan, BUILTIN_PLANS, BUILTIN_SEPARATE_PLANS};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn separate() -> Vec<(String, Plan)> {
    BUILTIN_SEPARATE_PLANS
        .iter()
        .map(|n| (n.to_string(), lineofsight::builtin(n).expect("loads")))
        .collect()
}

const MINIMAL: &str = r#"{"schema_version": 1, "title": "T", "organisation": "O"DATES}"#;

#[test]
fn dates_are_optional_and_round_trip() {
    let plan = Plan::from_json(&MINIMAL.replace("DATES", "")).expect("loads without dates");
    assert_eq!(plan.dates, None);
    let plan = Plan::from_json(&MINIMAL.replace(
        "DATES",
        r#", "period": "2014–17", "dates": {"start": "2014-04-01", "end": "2017-03-31"}"#,
    ))
    .expect("loads with dates");
    assert_eq!(
        plan.dates,
        Some(PlanPeriod::new(date(2014, 4, 1), date(2017, 3, 31)))
    );
    assert_eq!(plan.period.as_deref(), Some("2014–17"));
    assert_eq!(Plan::from_json(&plan.to_json()).expect("round trip"), plan);
}

#[test]
fn dates_ending_before_they_start_are_refused_at_their_path() {
    let err = Plan::from_json(&MINIMAL.replace(
        "DATES",
        r#", "dates": {"start": "2017-03-31", "end": "2014-04-01"}"#,
    ))
    .unwrap_err();
    assert!(matches!(&err, LoadError::Invalid { path, .. } if path == "$.dates.end"));
    assert_eq!(
        err.to_string(),
        "plan at $.dates.end: the plan ends on 2014-04-01 before it starts on 2017-03-31 (end must not be before start)"
    );
    // A malformed date is a JSON error with its path.
    let err = Plan::from_json(&MINIMAL.replace(
        "DATES",
        r#", "dates": {"start": "2017-02-30", "end": "2018-01-01"}"#,
    ))
    .unwrap_err();
    assert!(err.to_string().contains("$.dates.start"), "{err}");
}

#[test]
fn status_at_the_edges() {
    let mut plan = Plan::new("T", "O");
    plan.dates = Some(PlanPeriod::new(date(2018, 11, 1), date(2020, 9, 30)));
    assert_eq!(
        plan.status(date(2018, 10, 31)),
        PlanStatus::NotYetStarted {
            starts: date(2018, 11, 1)
        }
    );
    assert!(plan.is_current(date(2018, 11, 1)));
    assert!(plan.is_current(date(2020, 9, 30)));
    assert_eq!(
        plan.status(date(2020, 10, 1)),
        PlanStatus::Closed {
            ended: date(2020, 9, 30)
        }
    );
    assert_eq!(plan.rating_date(date(2025, 1, 1)), date(2020, 9, 30));
}

#[test]
fn every_built_in_plan_loads_checks_and_the_separate_ones_have_dates() {
    for name in BUILTIN_PLANS {
        let plan = lineofsight::builtin(name).expect("loads");
        plan.check().expect("checks");
        assert_eq!(plan.dates.is_some(), name != "lancashire", "{name}");
    }
    let dates: Vec<(NaiveDate, NaiveDate)> = separate()
        .iter()
        .map(|(_, p)| p.dates.map(|d| (d.start, d.end)).expect("dates"))
        .collect();
    assert_eq!(
        dates,
        [
            (date(2014, 4, 1), date(2017, 3, 31)),
            (date(2017, 9, 1), date(2019, 3, 31)),
            (date(2018, 11, 1), date(2020, 9, 30)),
        ]
    );
    assert!(lineofsight::builtin(" Lancashire-CIP-2017 ").is_ok());
}

#[test]
fn the_separate_plans_together_are_the_combined_plan() {
    let combined = lineofsight::builtin("lancashire").expect("loads");
    let plans = separate();
    let mut objectives: Vec<&lineofsight::plan::Objective> =
        plans.iter().flat_map(|(_, p)| &p.objectives).collect();
    objectives.sort_by_key(|o| combined.objectives.iter().position(|c| c.id == o.id));
    let combined_objectives: Vec<&lineofsight::plan::Objective> =
        combined.objectives.iter().collect();
    assert_eq!(
        objectives, combined_objectives,
        "same objectives, same actions"
    );
    let actions: usize = plans.iter().map(|(_, p)| p.actions().count()).sum();
    assert_eq!(actions, combined.actions().count());
    assert_eq!(actions, 180);
    // Seed 002 (the board's open actions) reports on the strategy's
    // delivery plan, seed 000; seed 003's priorities belong with it too.
    let cps = &plans[2].1;
    for source in ["s000", "s002", "s003"] {
        assert!(cps.sources.iter().any(|s| s.id == source), "{source}");
    }
    assert_eq!(cps.priorities.len(), 4);
    assert_eq!(
        cps.actions()
            .filter(|a| a.recorded_rating.is_some())
            .count(),
        102
    );
    // Each plan's leads are the ones its actions use, all from the set.
    for (name, p) in &plans {
        for lead in &p.leads {
            assert_eq!(combined.lead(&lead.id), Some(lead), "{name}");
        }
    }
    // The measures data stays with the plan whose measures use it.
    assert_eq!(plans[0].1.datasets.len(), 0);
    assert_eq!(plans[1].1.datasets, combined.datasets);
    assert_eq!(plans[1].1.authority, combined.authority);
    assert_eq!(plans[2].1.datasets.len(), 0);
    assert_eq!(plans[1].1.measures().count(), 63);
}

fn statuses(as_of: NaiveDate) -> Vec<&'static str> {
    plans_as_of(&separate(), as_of, None)
        .iter()
        .map(|e| e.status.name())
        .collect()
}

#[test]
fn the_main_job_chooses_the_plans_current_on_the_date() {
    assert_eq!(
        statuses(date(2016, 6, 30)),
        ["current", "not_yet_started", "not_yet_started"]
    );
    assert_eq!(
        statuses(date(2018, 12, 31)),
        ["closed", "current", "current"]
    );
    assert_eq!(
        statuses(date(2019, 12, 31)),
        ["closed", "closed", "current"]
    );
    assert_eq!(statuses(date(2026, 1, 1)), ["closed", "closed", "closed"]);
}

#[test]
fn a_closed_plan_gives_its_final_position_as_at_its_end() {
    let entries = plans_as_of(&separate(), date(2019, 12, 31), None);
    let cla = entries[0].closed.as_ref().expect("closed");
    assert_eq!(cla.ended, date(2017, 3, 31));
    assert_eq!(cla.actions, 28);
    assert_eq!(cla.complete + cla.open + cla.stopped, 28);
    // The same position whatever later date is asked about.
    let later = plans_as_of(&separate(), date(2030, 1, 1), None);
    assert_eq!(later[0].closed.as_ref(), Some(cla));
    let cip = entries[1].closed.as_ref().expect("closed");
    assert_eq!(cip.ended, date(2019, 3, 31));
    assert_eq!(cip.measures_with_data, 4);
    assert!(entries[2].closed.is_none());
}

#[test]
fn the_main_job_text_at_2016_and_2019() {
    let render = |as_of| {
        String::from_utf8(
            render_plans(
                &separate(),
                as_of,
                None,
                ReportFormat::Terminal,
                &ReportOptions::default(),
            )
            .expect("renders"),
        )
        .expect("utf-8")
    };
    let text = render(date(2016, 6, 30));
    assert!(text.starts_with("PLANS AS OF 30/06/2016\n- Children Looked After Strategic Action Plan 2014-17 (2014–17): current\n"));
    assert!(text.contains("Board report for Lancashire County Council, as of 30/06/2016"));
    assert!(!text.contains("CLOSED PLAN"));
    let text = render(date(2019, 12, 31));
    assert!(text.contains(
        "CLOSED PLAN, FINAL POSITION: Children Looked After Strategic Action Plan 2014-17"
    ));
    assert!(text.contains("Ended 31/03/2017 with 28 actions:"));
    assert!(text.contains("Corporate Parenting Strategy delivery plan\nBoard report for Lancashire County Council, as of 31/12/2019"));
    // Only the current plan has a full report.
    assert_eq!(text.matches("OPEN ACTIONS BY OBJECTIVE").count(), 1);
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "{line}");
    }
    for format in [
        ReportFormat::Markdown,
        ReportFormat::Html,
        ReportFormat::Json,
        ReportFormat::Csv,
    ] {
        let out = render_plans(
            &separate(),
            date(2019, 12, 31),
            None,
            format,
            &ReportOptions::default(),
        )
        .expect("renders");
        let out = String::from_utf8(out).expect("utf-8");
        assert!(
            out.contains("Corporate Parenting Strategy delivery plan"),
            "{format}"
        );
    }
    let json = render_plans(
        &separate(),
        date(2019, 12, 31),
        None,
        ReportFormat::Json,
        &ReportOptions::default(),
    )
    .expect("renders");
    let json: serde_json::Value = serde_json::from_slice(&json).expect("json");
    assert_eq!(json["plans"][0]["status"]["status"], "closed");
    assert!(json["plans"][0]["report"].is_null());
    assert_eq!(json["plans"][2]["status"]["status"], "current");
    assert!(json["plans"][2]["report"]["objectives"].is_array());
}

#[test]
fn a_plan_file_that_has_closed_says_so_and_is_rated_at_its_end() {
    let plan = lineofsight::builtin("lancashire-cla-2014-17").expect("loads");
    let rules = plan.rules_or_default();
    let report = BoardReport::build(&plan, date(2019, 12, 31), &rules, &ReportOptions::default());
    let html = render(&report, ReportFormat::Html).expect("renders");
    let html = String::from_utf8(html).expect("utf-8");
    assert!(html.contains("Closed: this plan ended on 31/03/2017. This is its final position, rated as at 31/03/2017 (asked as of 31/12/2019)."));
    assert!(html.contains("as of 31/03/2017"));
    // A plan without dates is rated on the date asked.
    let combined = lineofsight::builtin("lancashire").expect("loads");
    let report = BoardReport::build(
        &combined,
        date(2019, 12, 31),
        &combined.rules_or_default(),
        &ReportOptions::default(),
    );
    assert_eq!(report.as_of, date(2019, 12, 31));
    assert!(report.closed.is_none());
}

#[test]
fn plan_text_in_the_plans_list_is_escaped_for_the_terminal() {
    use lineofsight::report::{closed_plans_text, plans_as_of, plans_index_text};
    let mut plan = lineofsight::builtin("lancashire-cla-2014-17").unwrap();
    plan.title = "Evil\x1b]0;pwned\x07\x1b[2J plan".to_string();
    let as_of = chrono::NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    let entries = plans_as_of(&[("cla".to_string(), plan)], as_of, None);
    let text = plans_index_text(&entries, as_of) + &closed_plans_text(&entries);
    assert!(text.contains("pwned"));
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}
