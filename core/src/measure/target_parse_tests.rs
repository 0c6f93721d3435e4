// Parsed numbers are compared exactly: they are read, not computed.
#![allow(clippy::float_cmp)]
use super::*;
use crate::measure::target::{Comparison::*, Unit};

const PCT: Unit = Unit::Percent;
const N: Unit = Unit::Count;
const PER_10K: Unit = Unit::Rate { per: 10_000 };

/// Text, comparison, value, unit, deadline, metric.
type Case<'a> = (&'a str, Comparison, f64, Unit, Option<&'a str>, &'a str);

fn read(text: &str) -> Target {
    match parse_target(text) {
        TargetReading::Target { target, .. } => target,
        other => panic!("{text:?} read as {other:?}"),
    }
}

#[test]
fn seed_004_sentences() {
    let cases: &[Case] = &[
        ("Rate of referrals is less than 46 per 10,000", Below, 46.0, PER_10K, None, "Rate of referrals"),
        ("More than 30% of contacts are converted to a referral", Above, 30.0, PCT, None, "contacts are converted to a referral"),
        ("Less than 20% of audited CLA cases are inadequate", Below, 20.0, PCT, None, "audited CLA cases are inadequate"),
        (
            "80% of all CiN cases are audited as being 'requires improvement' or better",
            AtLeast,
            80.0,
            PCT,
            None,
            "all CiN cases are audited as being 'requires improvement' or better",
        ),
        ("More than 45% of CLA are in EET", Above, 45.0, PCT, None, "CLA are in EET"),
        ("80% of CLA are in suitable accommodation", AtLeast, 80.0, PCT, None, "CLA are in suitable accommodation"),
        ("There are less than 64 CLA per 10,000 of the population", Below, 64.0, PER_10K, None, "CLA per 10,000 of the population"),
        (
            "Less than 10% of CLA have more than three placement moves in a year",
            Below,
            10.0,
            PCT,
            None,
            "CLA have more than three placement moves in a year",
        ),
        (
            "Increased numbers of in-house Children's Homes placements to 54 by March 2019",
            IncreaseTo,
            54.0,
            N,
            Some("2019-03-31"),
            "Increased numbers of in-house Children's Homes placements",
        ),
        (
            "Reduction in the Number of 10-17 Year Olds Starting to be Looked After who are Accommodated Under Section 20 to 105 in March 2019",
            DecreaseTo,
            105.0,
            N,
            Some("2019-03-31"),
            "Reduction in the Number of 10-17 Year Olds Starting to be Looked After who are Accommodated Under Section 20",
        ),
        ("Less than 9% of CLA are placed with parents", Below, 9.0, PCT, None, "CLA are placed with parents"),
    ];
    for (text, cmp, value, unit, deadline, metric) in cases {
        let t = read(text);
        assert_eq!(
            (t.comparison, t.value, t.unit),
            (*cmp, *value, *unit),
            "{text}"
        );
        assert_eq!(
            t.deadline.map(|d| d.date.to_string()).as_deref(),
            *deadline,
            "{text}"
        );
        assert_eq!(t.metric, *metric, "{text}");
    }
}

#[test]
fn other_councils_forms() {
    let t = read("=<12%");
    assert_eq!((t.comparison, t.value, t.unit), (AtMost, 12.0, PCT));
    let t = read("at least 85 per cent");
    assert_eq!((t.comparison, t.value, t.unit), (AtLeast, 85.0, PCT));
    let t = read("Target \u{2013} 59.1%");
    assert_eq!((t.comparison, t.value, t.unit), (Equal, 59.1, PCT));
    let t = read("target 10 for 2015/16");
    assert_eq!((t.comparison, t.value, t.unit), (Equal, 10.0, N));
    assert_eq!(t.deadline.unwrap().date.to_string(), "2016-03-31");
    let t = read("16-18 cases on average");
    assert_eq!(
        (t.comparison, t.value, t.upper, t.unit),
        (Between, 16.0, Some(18.0), N)
    );
    assert_eq!(t.metric, "cases on average");
    let t = read("reduce to 60 per 10,000 by March 2020");
    assert_eq!((t.comparison, t.value, t.unit), (DecreaseTo, 60.0, PER_10K));
    assert_eq!(t.deadline.unwrap().date.to_string(), "2020-03-31");
    let t = read("no escapes");
    assert_eq!(
        (t.comparison, t.value, t.unit, t.metric.as_str()),
        (AtMost, 0.0, N, "escapes")
    );
}

#[test]
fn more_forms() {
    let t = read("Reduce from 70 to 60 per 10,000 by March 2020");
    assert_eq!((t.comparison, t.value), (DecreaseTo, 60.0));
    assert_eq!(t.baseline.map(|b| b.value), Some(70.0));
    let t = read(">= 95% of assessments completed within 45 working days");
    assert_eq!((t.comparison, t.value, t.unit), (AtLeast, 95.0, PCT));
    let t = read("Average cost below £1,200 per week");
    assert_eq!(
        (t.comparison, t.value, t.unit),
        (Below, 1200.0, Unit::Money)
    );
    let t = read("Increase in numbers of CLA who we have been in contact with more than 90% of CLA in the last three months");
    assert_eq!((t.comparison, t.value), (Above, 90.0));
    let t = read("Between 16 and 18 cases per worker");
    assert_eq!(
        (t.comparison, t.value, t.upper),
        (Between, 16.0, Some(18.0))
    );
}

#[test]
fn qualitative_sentences_stay_qualitative() {
    for text in [
        "Audit model embedded across all parts of children's services",
        "Reduce contacts that are No Further Action",
        "Re-referrals rates are maintained in the good or outstanding thresholds",
        "Able to place more complex CYP",
        "Reduce emergency placements",
        "",
    ] {
        assert_eq!(parse_target(text), TargetReading::Qualitative, "{text}");
    }
}

#[test]
fn numbers_without_direction_are_reported_not_guessed() {
    for text in [
        "Section 20 review complete",
        "Children aged 10-17 years",
        "3rd sector partners engaged in 12 districts",
    ] {
        match parse_target(text) {
            TargetReading::NotUnderstood { reason } => {
                assert!(reason.starts_with("found "), "{reason}");
            }
            other => panic!("{text:?} read as {other:?}"),
        }
    }
}

#[test]
fn describe_reads_back() {
    assert_eq!(
        read("There are less than 64 CLA per 10,000 of the population").describe(),
        "below 64 per 10,000"
    );
    assert_eq!(
        read("16-18 cases on average").describe(),
        "between 16 and 18"
    );
    assert_eq!(read("=<12%").describe(), "at most 12%");
}

/// Text with characters of more than one byte where a metric's prefix or
/// suffix is looked for never panics (a 10 MB fuzz from Python found one).
#[test]
fn multibyte_metrics_do_not_panic() {
    for metric in [
        "oé", "thé", "thereé", "é", "aé is", "xx bé", "ofé", "–", "£",
    ] {
        for text in [
            format!("{metric} below 5"),
            format!("{metric} less than 5%"),
            format!("less than 5 {metric}"),
            format!("reduce {metric} to 5 by March 2020"),
            format!("{metric} 5"),
        ] {
            let _ = parse_target(&text);
        }
    }
}

#[test]
fn results_are_not_targets() {
    for (text, shown) in [
        (
            "Performance was behind target at 31.5%",
            "31.5% after \"behind target\"",
        ),
        (
            "Performance this quarter is 6.2%",
            "6.2% after \"this quarter\"",
        ),
        ("Currently 58%", "58% after \"currently\""),
    ] {
        match parse_target(text) {
            TargetReading::NotATarget { reason } => {
                assert!(reason.contains(shown), "{text:?}: {reason}");
            }
            other => panic!("{text:?} read as {other:?}"),
        }
    }
    // A result next to a target: the target is read, the result is not it.
    let t = read("Currently 58%, target more than 65%");
    assert_eq!((t.comparison, t.value), (Above, 65.0));
}

#[test]
fn two_targets_in_one_sentence_are_both_kept() {
    let r = parse_target("Fewer than 64 per 10,000 and more than 45% in EET");
    let all: Vec<(Comparison, f64, Unit)> = r
        .targets()
        .map(|t| (t.comparison, t.value, t.unit))
        .collect();
    assert_eq!(all, [(Below, 64.0, PER_10K), (Above, 45.0, PCT)]);
    assert_eq!(r.target().map(|t| t.value), Some(64.0));
    // A range's `and` is not a second target.
    assert_eq!(parse_target("between 16 and 18 cases").targets().count(), 1);
    assert_eq!(
        parse_target("Rate of referrals is less than 46 per 10,000, and falling")
            .targets()
            .count(),
        1
    );
}

#[test]
fn a_deadline_is_read_from_its_own_clause() {
    let t = read("Reduce to 60 per 10,000 by March 2020 (currently 70)");
    assert_eq!(
        t.deadline.map(|d| d.date.to_string()).as_deref(),
        Some("2020-03-31")
    );
    let t = read("Increase to 75% by end of March 2020 (3 year plan)");
    assert_eq!(
        t.deadline.map(|d| d.date.to_string()).as_deref(),
        Some("2020-03-31")
    );
}

#[test]
fn target_wording_before_result_words_is_a_target() {
    assert_eq!(read("On target: 95%").value, 95.0);
    for text in ["Target to date: 95%", "Target this year: 95%"] {
        let reading = parse_target(text);
        assert!(
            !matches!(reading, TargetReading::NotATarget { .. }),
            "{text}: {reading:?}"
        );
    }
    assert!(matches!(
        parse_target("currently 58%"),
        TargetReading::NotATarget { .. }
    ));
}

#[test]
fn a_bare_number_after_and_is_not_a_second_target() {
    let TargetReading::Target { also, .. } =
        parse_target("Increase to 60%, 65% and 70% over three years")
    else {
        panic!("not a target");
    };
    assert!(also.is_empty(), "{also:?}");
}
