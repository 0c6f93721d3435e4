//! Each action's progress commentary, decided once in the evaluation,
//! appears in every output: the terminal, Markdown and HTML board reports,
//! CSV, the workbook and the JSON report and evaluation. The plan is small
//! and built here: dated, undated, future, hostile and long notes.

use chrono::NaiveDate;
use lineofsight::export::{
    actions_csv, evaluation_json, render_html, render_markdown, report_json, workbook, CSV_COLUMNS,
};
use lineofsight::import::{read_workbook, TableFormat};
use lineofsight::plan::{Action, Objective, Plan, ProgressUpdate};
use lineofsight::report::{render_terminal, BoardReport, ReportOptions};

fn report(plan: &lineofsight::Plan, eval: &lineofsight::Evaluation) -> BoardReport {
    BoardReport::build(plan, eval.as_of, &eval.rules, &ReportOptions::default())
}
use lineofsight::evaluate::EvaluationRecord;
use lineofsight::{Evaluation, RuleSet};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

const LONG: &str = "Recruitment of foster carers continues across all districts; \
    the marketing campaign reached twelve thousand households, forty enquiries \
    became eleven assessments and three approvals, and the panel meets again \
    in January to consider four more households, with a further report to the \
    board in March on the sufficiency strategy and its costs. END-OF-NOTE";

fn plan() -> Plan {
    let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    o.reference = Some("1".into());
    let mut a1 = Action::new("a1", "Refresh the pledge.", "Mar-20");
    a1.reference = Some("1a".into());
    a1.progress
        .push(ProgressUpdate::undated("Care leavers' forum consulted."));
    a1.progress.push(ProgressUpdate::dated(
        d(2019, 9, 30),
        "Draft agreed | signed <b>off</b>",
    ));
    a1.progress
        .push(ProgressUpdate::dated(d(2020, 2, 1), "Future note"));
    let mut a2 = Action::new("a2", "Review SGO support.", "Nov-19");
    a2.reference = Some("1b".into());
    a2.progress.push(ProgressUpdate::undated(
        "Awaiting sign-off.\nSecond line\u{1b}[31m red",
    ));
    let mut a3 = Action::new("a3", "Launch Mind of My Own.", "Oct-19");
    a3.reference = Some("1c".into());
    let mut a4 = Action::new("a4", "Recruit more foster carers.", "Feb-20");
    a4.reference = Some("1d".into());
    a4.progress
        .push(ProgressUpdate::dated(d(2019, 12, 2), LONG));
    o.actions.extend([a1, a2, a3, a4]);
    let mut plan = Plan::new("Commentary plan", "Council");
    plan.objectives.push(o);
    plan
}

fn evaluated() -> (Plan, Evaluation) {
    let plan = plan();
    let eval = plan.evaluate(d(2019, 12, 31), &RuleSet::default());
    (plan, eval)
}

#[test]
fn the_evaluation_decides_the_commentary() {
    let (plan, eval) = evaluated();
    let a = |id: &str| eval.action(&plan, id).expect("action");
    assert_eq!(
        a("a1").commentary_note(&plan),
        Some("Draft agreed | signed <b>off</b>")
    );
    assert_eq!(a("a1").commentary_date, Some(d(2019, 9, 30)));
    assert_eq!(
        a("a2").commentary_note(&plan),
        Some("Awaiting sign-off.\nSecond line\u{1b}[31m red")
    );
    assert_eq!(a("a2").commentary_date, None);
    assert_eq!(a("a3").commentary_note(&plan), None);
    assert_eq!(a("a3").commentary_date, None);
    // Before the dated update, the undated note shows.
    let early = plan.evaluate(d(2019, 6, 30), &RuleSet::default());
    let a1 = early.action(&plan, "a1").expect("a1");
    assert_eq!(
        a1.commentary_note(&plan),
        Some("Care leavers' forum consulted.")
    );
    assert_eq!(a1.commentary_date, None);
}

#[test]
fn terminal_shows_commentary_without_control_characters() {
    let (plan, eval) = evaluated();
    let text = render_terminal(&report(&plan, &eval));
    assert!(text.contains("Latest update (30/09/2019): Draft agreed | signed <b>off</b>"));
    assert!(text.contains("Latest update (undated): Awaiting sign-off. Second line[31m red"));
    assert!(!text.contains('\u{1b}'));
    assert!(!text.contains("Future note"));
    // The long note is cut off with an ellipsis after three lines.
    assert!(text.contains("Latest update (02/12/2019): Recruitment of foster carers"));
    assert!(!text.contains("END-OF-NOTE"));
    assert!(text.lines().any(|l| l.ends_with('…')));
    assert!(text.lines().all(|l| l.chars().count() <= 100));
}

#[test]
fn markdown_shows_commentary_escaped_and_whole() {
    let (plan, eval) = evaluated();
    let md = render_markdown(&report(&plan, &eval));
    assert!(md.contains("| Latest update |"));
    assert!(md.contains(r"| 30/09/2019: Draft agreed \| signed \<b\>off\</b\> |"));
    assert!(md.contains("| undated: Awaiting sign-off. Second line"));
    assert!(md.contains("END-OF-NOTE"));
    assert!(!md.contains("Future note"));
}

#[test]
fn html_shows_commentary_escaped_and_whole() {
    let (plan, eval) = evaluated();
    let html = render_html(&report(&plan, &eval), &[]);
    assert!(html.contains("<th scope=\"col\">Latest update</th>"));
    assert!(html.contains(
        "<span class=\"when\"><time datetime=\"2019-09-30\">30/09/2019</time>:</span> \
         Draft agreed | signed &lt;b&gt;off&lt;/b&gt;"
    ));
    assert!(html.contains("<span class=\"when\">Undated:</span> Awaiting sign-off.<br>Second line"));
    assert!(html.contains("END-OF-NOTE"));
    assert!(!html.contains("<b>off"));
    assert!(!html.contains("Future note"));
}

#[test]
fn csv_carries_the_same_commentary() {
    let (plan, eval) = evaluated();
    let text = actions_csv(&report(&plan, &eval)).expect("csv");
    let mut r = csv_rows(&text);
    let date = CSV_COLUMNS
        .iter()
        .position(|c| *c == "latest_update_date")
        .expect("date column");
    let note = CSV_COLUMNS
        .iter()
        .position(|c| *c == "latest_update")
        .expect("note column");
    let rows: Vec<Vec<String>> = r.drain(1..).collect();
    assert_eq!(rows[0][date], "2019-09-30");
    assert_eq!(rows[0][note], "Draft agreed | signed <b>off</b>");
    assert_eq!(rows[1][date], "");
    assert!(rows[1][note].starts_with("Awaiting sign-off.\nSecond line"));
    assert_eq!((rows[2][date].as_str(), rows[2][note].as_str()), ("", ""));
    assert!(rows[3][note].ends_with("END-OF-NOTE"));
}

/// The CSV's rows, header first, through the importer's reader.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let tables = read_workbook(text.as_bytes(), TableFormat::Csv).expect("csv reads");
    tables[0].rows.iter().map(|r| r.cells.clone()).collect()
}

#[test]
fn workbook_cells_carry_the_same_commentary() {
    let (plan, eval) = evaluated();
    let bytes = workbook(&report(&plan, &eval)).expect("workbook");
    let sheets = read_workbook(&bytes, TableFormat::Xlsx).expect("workbook reads");
    let actions = sheets
        .iter()
        .find(|t| t.name == "Actions")
        .expect("Actions sheet");
    let head = actions.headers().expect("header row");
    let col = |name: &str| head.iter().position(|h| h == name).expect(name);
    let (date, note) = (col("Latest update"), col("Latest update note"));
    let rows = actions.data_rows();
    assert_eq!(rows[0].cells[note], "Draft agreed | signed <b>off</b>");
    assert!(
        !rows[0].cells[date].is_empty(),
        "a dated update has its date"
    );
    assert!(rows[1].cells[note].starts_with("Awaiting sign-off."));
    assert!(rows[1].cells.get(date).is_none_or(String::is_empty));
    assert!(rows[2].cells.get(note).is_none_or(String::is_empty));
    assert!(rows[3].cells[note].ends_with("END-OF-NOTE"));
}

#[test]
fn json_report_and_evaluation_carry_the_commentary() {
    let (plan, eval) = evaluated();
    let report: serde_json::Value =
        serde_json::from_str(&report_json(&report(&plan, &eval))).expect("json");
    let rows = report["actions"].as_array().expect("rows");
    assert_eq!(
        rows[0]["commentary_note"],
        "Draft agreed | signed <b>off</b>"
    );
    assert_eq!(rows[0]["commentary_date"], "2019-09-30");
    assert_eq!(rows[1]["commentary_date"], serde_json::Value::Null);
    assert!(rows[2]["commentary_note"].is_null());

    let json = evaluation_json(&plan, &eval);
    let back: EvaluationRecord = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, eval.record(&plan));
    assert_eq!(back.to_evaluation(&plan).as_ref(), Some(&eval));
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(value["actions"][0]["commentary_date"], "2019-09-30");
    // An evaluation written before the commentary fields still reads.
    let mut old = value.clone();
    for a in old["actions"].as_array_mut().expect("actions") {
        let a = a.as_object_mut().expect("object");
        a.remove("commentary_note");
        a.remove("commentary_date");
    }
    let old: EvaluationRecord = serde_json::from_value(old).expect("old evaluation reads");
    assert!(old.actions.iter().all(|a| a.commentary_note.is_none()));
}
