//! The exports of the built-in plan as of 31/12/2019: Markdown and HTML
//! board reports as snapshots (`tests/snapshots/`), the JSON round trip, and
//! publish-safe redaction.
//!
//! After an intended change to a report, review and accept the new
//! snapshots with `cargo insta review` (or run with `INSTA_UPDATE=always`
//! and read the diff).

use chrono::NaiveDate;
use lineofsight::export::{
    actions_csv, plan_json, redact_people, render_html, render_markdown, workbook, HtmlSection,
};
use lineofsight::report::{BoardReport, ReportOptions};
use lineofsight::Plan;

fn lancashire() -> Plan {
    lineofsight::builtin("lancashire").expect("built-in plan loads")
}

fn report(plan: &Plan) -> BoardReport {
    report_with(plan, &ReportOptions::default())
}

fn report_with(plan: &Plan, options: &ReportOptions) -> BoardReport {
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid date");
    BoardReport::build(plan, as_of, &plan.rules_or_default(), options)
}

#[test]
fn markdown_board_report_snapshot() {
    let plan = lancashire();
    insta::assert_snapshot!(
        "lancashire_2019_12_31_markdown",
        render_markdown(&report(&plan))
    );
}

#[test]
fn html_board_report_snapshot() {
    let plan = lancashire();
    insta::assert_snapshot!(
        "lancashire_2019_12_31_html",
        render_html(&report(&plan), &[])
    );
}

#[test]
fn html_extra_sections_follow_the_discrepancies() {
    let plan = lancashire();
    let html = render_html(
        &report(&plan),
        &[HtmlSection::new("Measures of success", "<p>To come.</p>")],
    );
    let discrepancies = html.find("id=\"discrepancies\"").expect("discrepancies");
    let measures = html.find("Measures of success</h2>").expect("measures");
    let warnings = html.find("id=\"warnings\"").unwrap_or(html.len());
    assert!(discrepancies < measures && measures < warnings);
    assert!(html.contains("<a href=\"#extra-1\">Measures of success</a>"));
}

#[test]
fn builtin_plan_round_trips_through_json() {
    let plan = lancashire();
    let back = Plan::from_json(&plan_json(&plan)).expect("reads back");
    assert_eq!(back, plan);
}

#[test]
fn default_report_says_it_names_people_and_published_one_does_not() {
    let plan = lancashire();
    let named: Vec<String> = plan
        .leads
        .iter()
        .filter(|l| l.kind == lineofsight::plan::LeadKind::Person)
        .map(|l| l.name.clone())
        .collect();
    assert!(!named.is_empty());

    let html = render_html(&report(&plan), &[]);
    let md = render_markdown(&report(&plan));
    assert!(html.contains("some leads are named people"));
    assert!(md.contains("some leads are named people"));

    let public = redact_people(&plan);
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid date");
    let eval = public.evaluate(as_of, &public.rules_or_default());
    let r = report_with(&plan, &{
        let mut built = ReportOptions::default();
        built.publish = true;
        built
    });
    let outputs = [
        render_html(&r, &[]),
        render_markdown(&r),
        actions_csv(&r).expect("csv"),
        lineofsight::export::report_json(&r),
        plan_json(&public),
    ];
    for out in &outputs {
        assert!(!out.contains("some leads are named people"));
        for name in &named {
            assert!(!out.contains(name.as_str()), "{name} is published");
        }
    }
    // The ratings do not change.
    assert_eq!(
        eval.actions.iter().map(|a| a.rating).collect::<Vec<_>>(),
        plan.evaluate(as_of, &plan.rules_or_default())
            .actions
            .iter()
            .map(|a| a.rating)
            .collect::<Vec<_>>()
    );
    assert!(workbook(&r).expect("xlsx").starts_with(b"PK"));
}
