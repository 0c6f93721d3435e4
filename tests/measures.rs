//! Measures on real DfE data: quartile bands checked against values computed
//! by hand (numpy, R type 7) from the LAIT file, EES files read and checked
//! against LAIT, derived rates, suppression symbols in real files, the
//! built-in plan's measure ratings, and escaping in charts.

use chrono::NaiveDate;
use lineofsight::measure::{
    derive_rate, measure_chart, read_ees, EesError, EesQuery, ObservedValue, Polarity,
    QuartileBand, Suppression, Unit,
};
use lineofsight::plan::{Measure, Objective, Observation, Plan};
use lineofsight::{Rating, RuleSet};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn dfe(name: &str) -> Vec<u8> {
    let dir = lineofsight_conformance::shared_dir()
        .unwrap_or_default()
        .join("data/dfe");
    std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn quartile_bands_match_values_computed_by_hand_from_lait() {
    // numpy.quantile over the local authorities' 2019 values in
    // bds_long_0.parquet (England and regions excluded).
    let plan = lineofsight::builtin("lancashire").unwrap();
    let lancs = plan.authority.as_ref().unwrap();
    let cases = [
        (
            "lait-care-leavers-eet",
            151,
            [47.0, 52.0, 57.0],
            50.0,
            Some(QuartileBand::C),
        ),
        (
            "lait-placement-stability",
            149,
            [9.0, 11.0, 12.0],
            11.0,
            Some(QuartileBand::B),
        ),
        (
            "lait-care-leavers-accommodation",
            149,
            [82.0, 88.0, 91.0],
            94.0,
            Some(QuartileBand::A),
        ),
        // LAIT gives children looked after no polarity, so no band.
        ("lait-lac", 149, [50.0, 68.0, 92.0], 85.0, None),
    ];
    for (id, count, [q1, q2, q3], value, band) in cases {
        let b = lineofsight::measure::benchmark(plan.dataset(id).unwrap(), lancs, "2019");
        let q = b.quartiles.unwrap();
        assert_eq!((q.count, q.q1, q.median, q.q3), (count, q1, q2, q3), "{id}");
        assert_eq!((b.value, b.band), (Some(value), band), "{id}");
    }
}

#[test]
fn ees_children_looked_after_agrees_with_lait() {
    if lineofsight_conformance::shared_or_skip(
        "measures::ees_children_looked_after_agrees_with_lait",
    )
    .is_none()
    {
        return;
    }
    let q = {
        let mut built = EesQuery::new("", "", "", "");
        built.id = "ees-cla-rate".into();
        built.title = "Children looked after per 10,000".into();
        built.source = "DfE".into();
        built.value_column = "rate_per_10000".into();
        built.filters = vec![(
            "population_type".into(),
            "Children looked after on 31 March each year".into(),
        )];
        built.polarity = Polarity::None;
        built.unit = Unit::Rate { per: 10_000 };
        built
    };
    let ees = read_ees(&dfe("cla_number_and_rate_per_10k_children.csv"), &q).unwrap();
    let plan = lineofsight::builtin("lancashire").unwrap();
    let lait = plan.dataset("lait-lac").unwrap();
    for year in ["2021", "2022", "2023", "2024", "2025"] {
        for code in ["888", "891", "381"] {
            assert_eq!(
                ees.area(code).unwrap().values[year],
                lait.area(code).unwrap().values[year],
                "{code} {year}"
            );
        }
    }
    assert_eq!(
        ees.england().unwrap().values["2025"],
        ObservedValue::Number(67.0)
    );
    // The North West is coded E12000002 in EES; Lancashire's record says so.
    assert_eq!(
        ees.area("888").unwrap().region.as_deref(),
        Some("E12000002")
    );
    let b = lineofsight::measure::benchmark(&ees, plan.authority.as_ref().unwrap(), "2025");
    assert_eq!(b.region.map(|r| r.name), Some("North West".to_string()));
}

#[test]
fn suppression_symbols_in_real_files_are_states() {
    if lineofsight_conformance::shared_or_skip(
        "measures::suppression_symbols_in_real_files_are_states",
    )
    .is_none()
    {
        return;
    }
    let q = {
        let mut built = EesQuery::new("", "", "", "");
        built.id = "eet".into();
        built.title = "Care leavers aged 19 to 21 in EET".into();
        built.source = "DfE".into();
        built.value_column = "care_leaver_percent".into();
        built.filters = vec![
            ("care_leaver_age".into(), "19 to 21 years".into()),
            (
                "breakdown".into(),
                "Total in education, employment or training".into(),
            ),
        ];
        built.polarity = Polarity::HigherIsBetter;
        built.unit = Unit::Percent;
        built
    };
    let ds = read_ees(&dfe("la_care_leavers_activity.csv"), &q).unwrap();
    let suppressed: Vec<Suppression> = ds
        .areas
        .iter()
        .flat_map(|a| a.values.values())
        .filter_map(|v| match v {
            ObservedValue::Suppressed(s) => Some(*s),
            ObservedValue::Number(_) => None,
        })
        .collect();
    assert!(!suppressed.is_empty(), "the real file has suppressed cells");
    assert!(ds.areas.len() > 150);
}

#[test]
fn referral_rate_is_derived_from_two_series() {
    if lineofsight_conformance::shared_or_skip("measures::referral_rate_is_derived_from_two_series")
        .is_none()
    {
        return;
    }
    let referrals = read_ees(
        &dfe("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"),
        &{
            let mut built = EesQuery::new("", "", "", "");
            built.id = "referrals".into();
            built.title = "Referrals".into();
            built.source = "DfE CIN".into();
            built.value_column = "referral_count".into();
            built.filters = vec![];
            built.polarity = Polarity::None;
            built.unit = Unit::Count;
            built
        },
    )
    .unwrap();
    let population = read_ees(
        &dfe("ons_mid-year_population_estimates_2012_to_2024.csv"),
        &{
            let mut built = EesQuery::new("", "", "", "");
            built.id = "population".into();
            built.title = "Children aged 0 to 17".into();
            built.source = "ONS".into();
            built.value_column = "population_estimate".into();
            built.filters = vec![("age_group".into(), "Children aged 0 to 17 years".into())];
            built.polarity = Polarity::None;
            built.unit = Unit::Count;
            built
        },
    )
    .unwrap();
    let rate = derive_rate(
        "referral-rate",
        "Referrals per 10,000",
        &referrals,
        &population,
        10_000,
        1,
    );
    let v = rate.area("888").unwrap().values["2025"].number().unwrap();
    // 7,948 referrals in 2024-25; 261,392 children at mid-2024.
    assert!((v - 7_948.0 / 261_392.0 * 10_000.0).abs() < 1e-9, "{v}");
    assert_eq!(rate.unit, Unit::Rate { per: 10_000 });
}

#[test]
fn ees_errors_name_line_and_column() {
    let q = {
        let mut built = EesQuery::new("", "", "", "");
        built.id = "x".into();
        built.title = "x".into();
        built.source = "x".into();
        built.value_column = "v".into();
        built.filters = vec![];
        built.polarity = Polarity::None;
        built.unit = Unit::Count;
        built
    };
    let bad = "time_period,time_identifier,geographic_level,old_la_code,v\n2019,Reporting year,Local authority,888,lots\n";
    match read_ees(bad.as_bytes(), &q) {
        Err(EesError::BadValue { line, column, text }) => {
            assert_eq!((line, column.as_str(), text.as_str()), (2, "v", "lots"));
        }
        other => panic!("{other:?}"),
    }
    let missing = "time_period,time_identifier\n";
    assert!(matches!(
        read_ees(missing.as_bytes(), &q),
        Err(EesError::MissingColumn { .. })
    ));
    let period = "time_period,time_identifier,geographic_level,old_la_code,v\n2019,Week 3,Local authority,888,1\n";
    assert!(matches!(
        read_ees(period.as_bytes(), &q),
        Err(EesError::BadPeriod { line: 2, .. })
    ));
    assert!(read_ees(&[0xff, 0xfe, 0x00, 0x12], &q).is_err());
}

#[test]
fn did_lancashire_meet_the_2017_plans_measures() {
    let plan = lineofsight::builtin("lancashire").unwrap();
    let eval = plan.evaluate(d(2019, 12, 31), &RuleSet::default());
    let rating = |id: &str| eval.measure(id).unwrap();
    assert_eq!(rating("cip-4.2-m1").rating, Rating::Green);
    assert_eq!(rating("cip-4.2-m3").rating, Rating::Green);
    assert_eq!(rating("cip-4.5-m4").rating, Rating::Red);
    let lac = rating("cip-4.5-m1");
    assert_eq!(lac.rating, Rating::Red);
    assert!(lac.recovery_plan_needed);
    assert_eq!(
        lac.reason.message(),
        "Red: 85 per 10,000 in 2019, target below 64 per 10,000; off target for 4 periods in a row: recovery plan needed"
    );
    // Measures count in the objective's roll-up.
    let o = eval.objective("cip-4.5").unwrap();
    assert_eq!(o.measures.red, 2);
    // Qualitative measures are not rated and say why.
    assert_eq!(rating("cip-1.5-m1").rating, Rating::NotRated);
}

#[test]
fn direction_of_travel_and_trajectory() {
    let mut plan = Plan::new("Plan", "Council");
    let mut o = Objective::new("o1", "Fewer children need to come into care");
    let mut m = Measure::new("m1", "reduce from 90 to 60 per 10,000 by March 2020");
    m.observations = ["2016:90", "2017:88", "2018:84"]
        .iter()
        .map(|s| {
            let (p, v) = s.split_once(':').unwrap();
            {
                let mut built =
                    Observation::new("", lineofsight::measure::ObservedValue::Number(0.0));
                built.period = p.into();
                built.value = ObservedValue::parse(v).unwrap();
                built
            }
        })
        .collect();
    o.measures.push(m);
    plan.objectives.push(o);
    // Before the deadline the value is judged against the straight line
    // from the first value (90 at the end of 2016) to 60 at 31/03/2020.
    let eval = plan.evaluate(d(2019, 1, 31), &RuleSet::default());
    let r = eval.measure("m1").unwrap();
    assert!(
        r.reason
            .message()
            .contains("expected 71.53 per 10,000 by now on the way to"),
        "{}",
        r.reason.message()
    );
    let mut rules = RuleSet::default();
    rules.measures.trajectory = false;
    rules.measures.direction_of_travel = true;
    let r = plan.evaluate(d(2019, 1, 31), &rules);
    let r = r.measure("m1").unwrap();
    assert_eq!(r.rating, Rating::Amber, "{}", r.reason.message());
    assert!(r.reason.message().ends_with("but better than the same period a year earlier; off target for 3 periods in a row: recovery plan needed"), "{}", r.reason.message());
}

#[test]
fn chart_escapes_every_string_from_the_plan() {
    let mut plan = Plan::new("Plan", "Council");
    let mut o = Objective::new("o1", "Objective");
    let mut m = Measure::new(
        "m\"1",
        "<script>alert(1)</script> less than 10% \"><img src=x onerror=alert(1)>",
    );
    m.observations.push({
        let mut built = Observation::new("", lineofsight::measure::ObservedValue::Number(0.0));
        built.period = "2019".into();
        built.value = ObservedValue::Number(12.0);
        built
    });
    o.measures.push(m);
    plan.objectives.push(o);
    let eval = plan.evaluate(d(2020, 6, 30), &RuleSet::default());
    let svg = measure_chart(&eval.measures[0], &plan.style);
    assert!(!svg.contains("<script"));
    assert!(!svg.contains("<img"));
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains("role=\"img\""));
}
