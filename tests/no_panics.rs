//! No input, however bad, panics: the readers of targets, periods, values,
//! timescales and EES files, and rating a measure built from them.

use chrono::NaiveDate;
use lineofsight::measure::{
    parse_target, read_ees, EesQuery, ObservedValue, Period, Polarity, Unit, YearEnd,
};
use lineofsight::plan::{Measure, Objective, Observation, Plan};
use lineofsight::RuleSet;
use proptest::prelude::*;

/// Text shaped like the plans' sentences: words, numbers, `%`, dashes,
/// `per 10,000`, multi-byte characters.
fn sentence() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("less than".to_string()),
            Just("more than".to_string()),
            Just("at least".to_string()),
            Just("to".to_string()),
            Just("by".to_string()),
            Just("from".to_string()),
            Just("per 10,000".to_string()),
            Just("Target –".to_string()),
            Just("=<".to_string()),
            Just("%".to_string()),
            Just("reduce".to_string()),
            Just("increase".to_string()),
            Just("no".to_string()),
            Just("£".to_string()),
            Just("é".to_string()),
            Just("March 2019".to_string()),
            "[0-9]{1,6}(\\.[0-9]{1,3})?",
            "[A-Za-z]{1,8}",
            "\\PC{0,4}",
        ],
        0..12,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn targets_never_panic(text in sentence()) {
        let _ = parse_target(&text);
        let _ = parse_target(&text.replace(' ', ""));
    }

    #[test]
    fn any_string_never_panics(text in "\\PC{0,40}") {
        let _ = parse_target(&text);
        let _ = Period::parse(&text, YearEnd::March);
        let _ = Period::from_ees(&text, "Financial year");
        let _ = ObservedValue::parse(&text);
    }

    #[test]
    fn rating_a_measure_never_panics(text in sentence(), period in "\\PC{0,12}|[0-9]{4}(/[0-9]{2})?", value in "\\PC{0,6}|[0-9]{1,4}") {
        let mut plan = Plan::new("Plan", "Council");
        let mut o = Objective::new("o1", "Objective");
        let mut m = Measure::new("m1", &text);
        if let Ok(v) = ObservedValue::parse(&value) {
            m.observations.push({ let mut built = Observation::new("", lineofsight::measure::ObservedValue::Number(0.0)); built.period = period; built.value = v; built });
        }
        o.measures.push(m);
        plan.objectives.push(o);
        let eval = plan.evaluate(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(), &RuleSet::default());
        let _ = lineofsight::measure::measure_chart(&eval.measures[0], &plan.style);
    }

    #[test]
    fn ees_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let q = { let mut built = EesQuery::new("", "", "", ""); built.id = "x".into(); built.title = "x".into(); built.source = "x".into(); built.value_column = "v".into(); built.filters = vec![]; built.polarity = Polarity::None; built.unit = Unit::Count; built };
        let _ = read_ees(&bytes, &q);
        let mut csv = b"time_period,time_identifier,geographic_level,old_la_code,v\n".to_vec();
        csv.extend_from_slice(&bytes);
        let _ = read_ees(&csv, &q);
    }
}
