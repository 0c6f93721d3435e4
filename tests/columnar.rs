//! The columnar API (`lineofsight::rules::columns`) gives exactly what the
//! object API (`Plan::evaluate`) gives: the same rating, computed rating,
//! reason code, reason sentence and due date, due date shown, recorded
//! rating, override and discrepancy, for generated plans with every
//! timescale form of `tests/vectors/timescales.json`, sub-activities,
//! progress updates (dated, undated, after the as-of date, with and without
//! percentages and ratings) and generated rule sets; and for every case of
//! `tests/vectors/ratings.json`.

use std::collections::HashSet;

use chrono::NaiveDate;
use lineofsight::plan::{
    Action, Lifecycle, Objective, ProgressUpdate, RecordedRating, SubActivity,
};
use lineofsight::rating::Scale;
use lineofsight::rules::columns::{
    ActionColumns, RatingColumns, SubActivityColumns, TimescaleColumn, TimescaleDictionary,
};
use lineofsight::rules::{ExpectedProgress, ManualOverride};
use lineofsight::timescale::{Precision, TimescaleKind};
use lineofsight::{Plan, Rating, RuleSet};
use lineofsight_conformance::vectors;
use proptest::prelude::*;

/// Every action of a plan as columns, as a caller holding a table would
/// give them: the latest dated update on or before the date, its
/// percentage, the rating recorded as of the date; sub-activities as rows
/// naming their action's row.
struct Columns {
    timescales: TimescaleDictionary,
    state: Vec<Lifecycle>,
    start: Vec<Option<NaiveDate>>,
    last_update: Vec<Option<NaiveDate>>,
    percent: Vec<Option<f64>>,
    recorded: Vec<Option<Rating>>,
    sub_action: Vec<u32>,
    sub_timescales: TimescaleDictionary,
    sub_state: Vec<Option<Lifecycle>>,
    sub_text: Vec<String>,
}

fn columns_of(plan: &Plan, as_of: NaiveDate, reverse_subs: bool) -> Columns {
    let actions: Vec<&Action> = plan.objectives.iter().flat_map(|o| &o.actions).collect();
    let mut subs: Vec<(u32, &SubActivity)> = actions
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            a.sub_activities
                .iter()
                .map(move |s| (u32::try_from(i).unwrap(), s))
        })
        .collect();
    if reverse_subs {
        // Rows of different actions interleaved in any order; each action's
        // own sub-activities stay in order.
        subs.sort_by_key(|(i, _)| std::cmp::Reverse(*i));
    }
    Columns {
        timescales: TimescaleDictionary::from_texts(actions.iter().map(|a| a.timescale.raw())),
        state: actions.iter().map(|a| a.state).collect(),
        start: actions.iter().map(|a| a.start).collect(),
        last_update: actions
            .iter()
            .map(|a| a.latest_update(as_of).and_then(|u| u.date))
            .collect(),
        percent: actions
            .iter()
            .map(|a| a.latest_update(as_of).and_then(|u| u.percent_complete))
            .collect(),
        recorded: actions.iter().map(|a| a.recorded_as_of(as_of)).collect(),
        sub_action: subs.iter().map(|(i, _)| *i).collect(),
        sub_timescales: TimescaleDictionary::from_texts(
            subs.iter().map(|(_, s)| s.timescale.raw()),
        ),
        sub_state: subs.iter().map(|(_, s)| s.state).collect(),
        sub_text: subs.iter().map(|(_, s)| s.text.clone()).collect(),
    }
}

/// Rates the plan both ways and checks every column against the evaluation.
fn check_same(plan: &Plan, as_of: NaiveDate, rules: &RuleSet, reverse_subs: bool) {
    let c = columns_of(plan, as_of, reverse_subs);
    let text: Vec<&str> = c.sub_text.iter().map(String::as_str).collect();
    let subs = SubActivityColumns::new(&c.sub_action, c.sub_timescales.column())
        .and_then(|s| s.with_state(&c.sub_state))
        .and_then(|s| s.with_text(&text))
        .expect("sub-activity columns");
    let columns = ActionColumns::checked(c.timescales.column())
        .and_then(|a| a.with_state(&c.state))
        .and_then(|a| a.with_start(&c.start))
        .and_then(|a| a.with_last_update(&c.last_update))
        .and_then(|a| a.with_percent_complete(&c.percent))
        .and_then(|a| a.with_recorded(&c.recorded))
        .and_then(|a| a.with_sub_activities(subs))
        .expect("action columns");
    let rated = columns.rate(as_of, rules);
    let eval = plan.evaluate(as_of, rules);
    assert_eq!(rated.len(), eval.actions.len());
    let discrepant: HashSet<&str> = eval
        .discrepancies
        .iter()
        .filter_map(|d| d.action_id(plan))
        .collect();
    for (i, a) in eval.actions.iter().enumerate() {
        let at = format!("action {:?} ({i}) as of {as_of}", a.action_id(plan));
        assert_eq!(rated.rating[i], a.rating, "{at}: rating");
        assert_eq!(rated.computed[i], a.computed, "{at}: computed");
        assert_eq!(rated.reason[i], a.reason.code, "{at}: reason code");
        assert_eq!(rated.due[i], a.due, "{at}: due");
        assert_eq!(rated.recorded[i], a.recorded, "{at}: recorded");
        assert_eq!(rated.overridden[i], a.overridden, "{at}: overridden");
        assert_eq!(
            rated.discrepancy[i],
            a.action_id(plan).is_some_and(|id| discrepant.contains(id)),
            "{at}: discrepancy"
        );
        assert_eq!(
            rated.sub_activity[i].map(|row| c.sub_text[row as usize].as_str()),
            a.reason.sub_activity.as_deref(),
            "{at}: sub-activity"
        );
        assert_eq!(
            columns.reason(i, as_of, rules).as_ref(),
            Some(&a.reason),
            "{at}: reason"
        );
    }
    let mut again = RatingColumns::default();
    columns.rate_into(as_of, rules, &mut again);
    assert_eq!(
        again, rated,
        "rate_into reuses its buffers to the same answer"
    );
}

fn timescale_forms() -> Vec<String> {
    let file = vectors("timescales.json");
    let mut forms: Vec<String> = file["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter_map(|c| c["raw"].as_str().map(str::to_string))
        .collect();
    forms.extend(["", "TBC", "Achieved", "Ongoing"].map(str::to_string));
    forms
}

fn date_in(years: std::ops::Range<i32>) -> impl Strategy<Value = NaiveDate> {
    (years, 1u32..13, 1u32..29).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn state() -> impl Strategy<Value = Lifecycle> {
    prop::sample::select(vec![
        Lifecycle::NotStarted,
        Lifecycle::InProgress,
        Lifecycle::InProgress,
        Lifecycle::Complete,
        Lifecycle::Deferred,
        Lifecycle::Cancelled,
    ])
}

fn rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::ALL.to_vec())
}

fn update() -> impl Strategy<Value = ProgressUpdate> {
    (
        proptest::option::of(date_in(2014..2023)),
        proptest::option::of(rating()),
        proptest::option::of(prop::sample::select(vec![0.0, 10.0, 45.0, 80.0, 100.0])),
    )
        .prop_map(|(date, rating, percent)| {
            let mut u = match date {
                Some(d) => ProgressUpdate::dated(d, "update"),
                None => ProgressUpdate::undated("update"),
            };
            u.rating = rating;
            u.percent_complete = percent;
            u
        })
}

fn sub_activity(forms: Vec<String>) -> impl Strategy<Value = SubActivity> {
    (
        "[a-z ]{0,8}",
        prop::sample::select(forms),
        proptest::option::of(state()),
    )
        .prop_map(|(text, t, state)| {
            let sub = SubActivity::new(&text, &t);
            match state {
                Some(state) => sub.with_state(state),
                None => sub,
            }
        })
}

fn action(forms: Vec<String>) -> impl Strategy<Value = Action> {
    (
        prop::sample::select(forms.clone()),
        state(),
        proptest::option::of(date_in(2014..2021)),
        proptest::collection::vec(update(), 0..4),
        proptest::option::of(rating()),
        proptest::collection::vec(sub_activity(forms), 0..4),
    )
        .prop_map(|(t, state, start, progress, recorded, subs)| {
            let mut a = Action::new("a", "Action", &t);
            a.state = state;
            a.start = start;
            a.progress = progress;
            a.recorded_rating = recorded.map(RecordedRating::new);
            // Half the actions have no sub-activities.
            if subs.len() > 1 {
                a.sub_activities = subs;
            }
            a
        })
}

fn plan() -> impl Strategy<Value = Plan> {
    proptest::collection::vec(action(timescale_forms()), 1..24).prop_map(|actions| {
        let mut plan = Plan::new("Generated plan", "Council");
        for (k, chunk) in actions.chunks(5).enumerate() {
            let mut o = Objective::new(&format!("o{k}"), "Objective");
            for (j, a) in chunk.iter().enumerate() {
                let mut a = a.clone();
                a.id = format!("o{k}a{j}");
                o.actions.push(a);
            }
            plan.objectives.push(o);
        }
        plan
    })
}

// Fields set one by one: RuleSet may not be built by a literal outside the core.
#[allow(clippy::field_reassign_with_default)]
fn rules() -> impl Strategy<Value = RuleSet> {
    (
        prop::sample::select(vec![Scale::Brag, Scale::Rag, Scale::Ipa5]),
        prop::sample::select(vec![0u32, 14, 30, 90]),
        prop::sample::select(vec![7u32, 30, 91, 400]),
        proptest::option::of(prop::sample::select(vec![
            (0.9, 0.7),
            (0.5, 0.5),
            (1.0, 0.0),
        ])),
        prop::sample::select(vec![
            ManualOverride::Never,
            ManualOverride::WorseOnly,
            ManualOverride::Always,
        ]),
    )
        .prop_map(|(scale, soon, review, expected, manual)| {
            let mut rules = RuleSet::default();
            rules.scale = scale;
            rules.due_soon_days = soon;
            rules.review_period_days = review;
            rules.expected_progress =
                expected.map(|(green_at_least, amber_at_least)| ExpectedProgress {
                    green_at_least,
                    amber_at_least,
                });
            rules.manual_override = manual;
            rules
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn columnar_equals_object_api(
        plan in plan(),
        as_of in date_in(2015..2022),
        rules in rules(),
        reverse in any::<bool>(),
    ) {
        check_same(&plan, as_of, &rules, reverse);
    }

    /// A due-date column is read as a timescale naming that one day.
    #[test]
    fn due_column_equals_day_timescales(
        dues in proptest::collection::vec(proptest::option::of(date_in(2015..2022)), 0..40),
        states in proptest::collection::vec(state(), 40),
        updates in proptest::collection::vec(proptest::option::of(date_in(2015..2022)), 40),
        as_of in date_in(2015..2022),
        rules in rules(),
    ) {
        let texts: Vec<String> = dues
            .iter()
            .map(|d| d.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default())
            .collect();
        let parsed = TimescaleDictionary::from_texts(texts.iter().map(String::as_str));
        for t in parsed.values() {
            prop_assert!(
                t.is_empty()
                    || matches!(t.kind(), TimescaleKind::Point { at } if at.precision == Precision::Day),
                "{} is read as one day", t.raw()
            );
        }
        let n = dues.len();
        let by_due = ActionColumns::new(TimescaleColumn::Due(&dues))
            .with_state(&states[..n])
            .and_then(|c| c.with_last_update(&updates[..n]))
            .expect("columns");
        let by_text = ActionColumns::checked(parsed.column())
            .and_then(|c| c.with_state(&states[..n]))
            .and_then(|c| c.with_last_update(&updates[..n]))
            .expect("columns");
        prop_assert_eq!(by_due.rate(as_of, &rules), by_text.rate(as_of, &rules));
        for i in 0..n {
            prop_assert_eq!(by_due.reason(i, as_of, &rules), by_text.reason(i, as_of, &rules));
        }
    }
}

#[test]
fn every_rating_vector_case_agrees() {
    let file = vectors("ratings.json");
    let cases = file["cases"].as_array().expect("cases");
    assert!(cases.len() >= 20);
    for case in cases {
        let (_, plan, rules, as_of) = lineofsight_conformance::rating_case(case);
        check_same(&plan, as_of, &rules, false);
        check_same(&plan, as_of, &rules, true);
    }
}

#[test]
fn bad_columns_are_errors_not_panics() {
    use lineofsight::rules::columns::ColumnError;
    let t = TimescaleDictionary::from_texts(["Dec-19", "Ongoing"]);
    let err = ActionColumns::new(t.column())
        .with_state(&[Lifecycle::InProgress])
        .unwrap_err();
    assert_eq!(
        err,
        ColumnError::Length {
            column: "state",
            expected: 2,
            found: 1
        }
    );
    let bad_keys = [0u32, 7];
    let values = t.values();
    let column = TimescaleColumn::Dictionary {
        values,
        keys: &bad_keys,
    };
    assert!(matches!(
        ActionColumns::checked(column),
        Err(ColumnError::Key { row: 1, key: 7, .. })
    ));
    // Unchecked, a bad key is no timescale rather than a panic.
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    let rated = ActionColumns::new(column).rate(as_of, &RuleSet::default());
    assert_eq!(rated.rating[1], Rating::NoData);
    let subs = SubActivityColumns::new(&[2], TimescaleColumn::Due(&[None])).unwrap();
    assert!(matches!(
        ActionColumns::new(t.column()).with_sub_activities(subs),
        Err(ColumnError::NoSuchAction {
            row: 0,
            action: 2,
            actions: 2
        })
    ));
    assert_eq!(
        ActionColumns::new(t.column()).reason(5, as_of, &RuleSet::default()),
        None
    );
}
