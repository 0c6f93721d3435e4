//! The board report and the discrepancy audit on the built-in plan.

use chrono::NaiveDate;
use lineofsight::evaluate::Direction;
use lineofsight::report::{render_terminal, BoardReport, ReportOptions};
use lineofsight::{Plan, Rating, RuleSet};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn lancashire() -> Plan {
    lineofsight::builtin("lancashire").expect("built-in plan loads")
}

#[test]
fn terminal_report_fits_100_columns_and_has_every_section() {
    let plan = lancashire();
    let eval = plan.evaluate(date(2019, 12, 31), &RuleSet::default());
    let report = BoardReport::build(
        &plan,
        eval.as_of,
        &RuleSet::default(),
        &ReportOptions::default(),
    );
    let text = render_terminal(&report);
    for (i, line) in text.lines().enumerate() {
        assert!(
            line.chars().count() <= 100,
            "line {} is {} wide: {line}",
            i + 1,
            line.chars().count()
        );
    }
    for needle in [
        "Board report for Lancashire County Council, as of 31/12/2019",
        "SUMMARY",
        "OPEN ACTIONS BY OBJECTIVE",
        "DISCREPANCIES:",
        "DUE IN THE NEXT 90 DAYS",
        "Whole plan",
    ] {
        assert!(text.contains(needle), "report lacks {needle:?}");
    }
    for o in &plan.objectives {
        let start: String = o.title.chars().take(30).collect();
        assert!(
            text.contains(start.trim()),
            "report lacks objective {:?}",
            o.title
        );
    }
}

#[test]
fn seed_002_greens_past_their_dates_are_found() {
    let plan = lancashire();
    let as_of = date(2019, 12, 31);
    let eval = plan.evaluate(as_of, &RuleSet::default());
    let mut expected = 0;
    for (action, rating) in plan.actions().zip(&eval.actions) {
        let recorded_green =
            action.recorded_rating.as_ref().map(|r| r.rating) == Some(Rating::Green);
        let past_due = action.timescale.due().is_some_and(|d| d < as_of);
        if recorded_green && past_due && action.state.is_open() {
            expected += 1;
            let d = eval
                .discrepancies
                .iter()
                .find(|d| d.action_id(&plan) == Some(action.id.as_str()))
                .unwrap_or_else(|| {
                    panic!("{} ({}) is not in the audit", action.id, action.timescale)
                });
            assert_eq!(d.computed, Rating::Red, "{}", action.id);
            assert_eq!(d.direction, Direction::Optimistic);
            assert_eq!(rating.computed, Rating::Red);
        }
    }
    assert!(
        expected >= 5,
        "seed 002 has several Greens past their dates, found {expected}"
    );
}

#[test]
fn the_audit_depends_on_the_date() {
    let plan = lancashire();
    let a3a1 = plan
        .actions()
        .find(|a| {
            a.source.as_deref() == Some("s002")
                && a.reference.as_ref().is_some_and(|r| r.as_str() == "3a1")
        })
        .expect("seed 002 ref 3a1");
    let before = plan.evaluate(date(2019, 6, 30), &RuleSet::default());
    let after = plan.evaluate(date(2019, 12, 31), &RuleSet::default());
    assert!(before
        .discrepancies
        .iter()
        .all(|d| d.action_id(&plan) != Some(a3a1.id.as_str())));
    assert!(after
        .discrepancies
        .iter()
        .any(|d| d.action_id(&plan) == Some(a3a1.id.as_str())));

    let changes = plan.changes(date(2019, 6, 30), date(2019, 12, 31), &RuleSet::default());
    let c = changes
        .iter()
        .find(|c| c.action_id == a3a1.id)
        .expect("3a1 changed");
    assert_eq!((c.from, c.to), (Rating::Green, Rating::Red));
    assert_eq!(
        c.to_reason.message(),
        "Red: due 30/11/2019, 31 days ago, not complete"
    );
}

#[test]
fn report_json_round_trips() {
    let plan = lancashire();
    let eval = plan.evaluate(date(2019, 12, 31), &RuleSet::default());
    let report = BoardReport::build(
        &plan,
        eval.as_of,
        &RuleSet::default(),
        &ReportOptions::default(),
    );
    let json = serde_json::to_string(&report).expect("serialises");
    let back: BoardReport = serde_json::from_str(&json).expect("deserialises");
    // The plan's outline, for the workbook, is not part of the JSON.
    assert!(report.outline.is_some());
    assert_eq!(back, {
        let mut built = report.clone();
        built.outline = None;
        built
    });
    assert!(report
        .rows(&report.upcoming)
        .all(|r| r.due.is_some_and(|d| d >= eval.as_of)));
}

#[test]
fn report_rows_list_every_action_and_agree_with_the_evaluation() {
    let plan = lancashire();
    let eval = plan.evaluate(date(2019, 12, 31), &RuleSet::default());
    let report = BoardReport::build(
        &plan,
        eval.as_of,
        &RuleSet::default(),
        &ReportOptions::default(),
    );
    let rows = &report.actions;
    assert_eq!(rows.len(), plan.actions().count());
    for (row, rating) in rows.iter().zip(&eval.actions) {
        assert_eq!(Some(row.action_id.as_str()), rating.action_id(&plan));
        assert_eq!(row.rating, rating.rating);
        assert_eq!(row.open, rating.is_open());
    }
    // Each objective's open actions are exactly its open rows.
    for section in &report.objectives {
        for &i in &section.open {
            assert!(rows[i].open);
            assert_eq!(rows[i].objective_id, section.id);
        }
    }
}

/// `ReportRow::as_reported` (the bindings' tables) gives exactly the board
/// report's rows, closed plans rated as at their last day included: every
/// built-in plan at dates before, during and after its period, and every
/// plan in the shared vectors at its date.
#[test]
fn rows_as_reported_are_the_board_reports_rows() {
    use lineofsight::report::ReportRow;
    use lineofsight_conformance::vectors;
    let check = |name: &str, plan: &Plan, as_of: NaiveDate, rules: &RuleSet| {
        let eval = plan.evaluate(as_of, rules);
        let report = BoardReport::build(plan, as_of, rules, &ReportOptions::default());
        assert_eq!(
            ReportRow::as_reported(plan, &eval),
            report.actions,
            "{name} as of {as_of}"
        );
        plan.rating_date(as_of) != as_of
    };
    let mut closed = 0;
    let mut checked = 0;
    for name in lineofsight::BUILTIN_PLANS {
        let plan = lineofsight::builtin(name).expect("built-in plan loads");
        let rules = plan.rules_or_default();
        for (y, m, d) in [
            (2014, 1, 1),
            (2016, 6, 30),
            (2017, 3, 31),
            (2017, 4, 1),
            (2018, 9, 30),
            (2019, 12, 31),
            (2021, 4, 1),
        ] {
            closed += usize::from(check(name, &plan, date(y, m, d), &rules));
            checked += 1;
        }
    }
    for file in [
        "ratings.json",
        "reports.json",
        "edits.json",
        "measures.json",
    ] {
        for case in vectors(file)["cases"].as_array().expect("cases") {
            let (name, plan, rules, as_of) = lineofsight_conformance::rating_case(case);
            closed += usize::from(check(name, &plan, as_of, &rules));
            checked += 1;
        }
    }
    assert!(closed >= 5, "only {closed} closed plans among {checked}");
    assert!(checked >= 50, "only {checked} plans and dates");
}
