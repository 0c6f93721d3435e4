//! A test for every timescale form in the seeds and the other forms
//! councils write.

use chrono::NaiveDate;

use crate::timescale::{Cadence, DatePoint, Precision, ProblemKind, Timescale, TimescaleKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid")
}

fn day(y: i32, m: u32, dd: u32) -> DatePoint {
    DatePoint {
        start: d(y, m, dd),
        end: d(y, m, dd),
        precision: Precision::Day,
    }
}

fn month(y: i32, m: u32) -> DatePoint {
    let end = if m == 12 {
        d(y, 12, 31)
    } else {
        d(y, m + 1, 1).pred_opt().expect("valid")
    };
    DatePoint {
        start: d(y, m, 1),
        end,
        precision: Precision::Month,
    }
}

fn year(y: i32) -> DatePoint {
    DatePoint {
        start: d(y, 1, 1),
        end: d(y, 12, 31),
        precision: Precision::Year,
    }
}

fn kind(raw: &str) -> TimescaleKind {
    let t = Timescale::parse(raw);
    if t.kind() != &TimescaleKind::NotUnderstood {
        assert!(
            !t.is_partly_read(),
            "{raw:?} has unread date text {:?}",
            t.unused()
        );
        assert!(
            t.problems().is_empty(),
            "{raw:?} has problems {:?}",
            t.problems()
        );
    }
    t.kind().clone()
}

fn point(p: DatePoint) -> TimescaleKind {
    TimescaleKind::Point { at: p }
}

#[test]
fn exact_dates() {
    assert_eq!(kind("01/09/2019"), point(day(2019, 9, 1)));
    assert_eq!(kind("30/11/ 2019"), point(day(2019, 11, 30)));
    assert_eq!(kind("26/4/2019"), point(day(2019, 4, 26)));
    assert_eq!(kind("30th April 2020"), point(day(2020, 4, 30)));
    assert_eq!(kind("9.12.16"), point(day(2016, 12, 9)));
    assert_eq!(kind("2019-12-31"), point(day(2019, 12, 31)));
    assert_eq!(kind("45809"), point(day(2025, 6, 1)));
}

#[test]
fn impossible_dates_are_problems_never_moved() {
    for (raw, text, reason) in [
        ("31/04/2019", "31/04/2019", "April 2019 has only 30 days"),
        ("29/02/2019", "29/02/2019", "February 2019 has only 28 days"),
        ("99/99/9999", "99/99/9999", "there is no month 99"),
        ("00/00/00", "00/00/00", "there is no month 0"),
        ("00/01/2019", "00/01/2019", "there is no day 0"),
        ("Q5 2019/20", "Q5 2019/20", "there is no quarter 5"),
        (
            "by 31/04/2019 at the latest",
            "31/04/2019",
            "April 2019 has only 30 days",
        ),
    ] {
        let t = Timescale::parse(raw);
        assert_eq!(t.kind(), &TimescaleKind::NotUnderstood, "{raw:?}");
        assert_eq!(t.problems().len(), 1);
        let p = &t.problems()[0];
        assert_eq!(
            (p.kind, p.text.as_str(), p.reason.as_str()),
            (ProblemKind::ImpossibleDate, text, reason),
            "{raw:?}"
        );
        assert!(Timescale::parse_strict(raw).is_err());
    }
    assert_eq!(kind("29/02/2020"), point(day(2020, 2, 29)));
}

#[test]
fn months_are_due_at_their_end() {
    assert_eq!(kind("Dec-19"), point(month(2019, 12)));
    assert_eq!(kind("Oct-19"), point(month(2019, 10)));
    assert_eq!(kind("Jun-20"), point(month(2020, 6)));
    assert_eq!(kind("June 2015"), point(month(2015, 6)));
    assert_eq!(kind("September 2015"), point(month(2015, 9)));
    assert_eq!(kind("September\n2015"), point(month(2015, 9)));
    assert_eq!(kind("End Oct 03"), point(month(2003, 10)));
    assert_eq!(kind("By September 2015"), point(month(2015, 9)));
    assert_eq!(kind("Sept 2017"), point(month(2017, 9)));
    assert_eq!(Timescale::parse("Feb-20").due(), Some(d(2020, 2, 29)));
}

#[test]
fn quarters_and_years() {
    let q = |s: (i32, u32, u32), e: (i32, u32, u32)| {
        point(DatePoint {
            start: d(s.0, s.1, s.2),
            end: d(e.0, e.1, e.2),
            precision: Precision::Quarter,
        })
    };
    assert_eq!(kind("Q3 2019/20"), q((2019, 10, 1), (2019, 12, 31)));
    assert_eq!(kind("Q4 2019/20"), q((2020, 1, 1), (2020, 3, 31)));
    assert_eq!(kind("Q1 2019/20"), q((2019, 4, 1), (2019, 6, 30)));
    assert_eq!(kind("Q3 2019"), q((2019, 7, 1), (2019, 9, 30)));
    let fy = point(DatePoint {
        start: d(2019, 4, 1),
        end: d(2020, 3, 31),
        precision: Precision::FinancialYear,
    });
    assert_eq!(kind("2019/20"), fy);
    assert_eq!(kind("2019-20"), fy);
    assert_eq!(kind("2019/2020"), fy);
    let ay = point(DatePoint {
        start: d(2019, 9, 1),
        end: d(2020, 8, 31),
        precision: Precision::AcademicYear,
    });
    assert_eq!(kind("AY 2019/20"), ay);
    assert_eq!(kind("2019/20 academic year"), ay);
    assert_eq!(kind("2015"), point(year(2015)));
    assert_eq!(
        kind("2018-2019"),
        TimescaleKind::Range {
            from: year(2018),
            to: year(2019)
        }
    );
}

#[test]
fn ranges_and_milestones() {
    assert_eq!(
        kind("Nov 18 – Nov 19"),
        TimescaleKind::Range {
            from: month(2018, 11),
            to: month(2019, 11)
        }
    );
    assert_eq!(
        kind("Nov 18 - Nov 19"),
        TimescaleKind::Range {
            from: month(2018, 11),
            to: month(2019, 11)
        }
    );
    assert_eq!(
        kind("November 2018 Revisit through 2019"),
        TimescaleKind::Range {
            from: month(2018, 11),
            to: year(2019)
        }
    );
    assert_eq!(
        kind("Roll out Jan 19 Nov 19"),
        TimescaleKind::Milestones {
            dates: vec![month(2019, 1), month(2019, 11)]
        }
    );
    assert_eq!(
        kind("December 2015 April 2016"),
        TimescaleKind::Milestones {
            dates: vec![month(2015, 12), month(2016, 4)]
        }
    );
    assert_eq!(
        kind("April 2016 April 2016"),
        TimescaleKind::Milestones {
            dates: vec![month(2016, 4), month(2016, 4)]
        }
    );
    assert_eq!(
        kind("November 2017  January 2018  October 2017"),
        TimescaleKind::Milestones {
            dates: vec![month(2017, 10), month(2017, 11), month(2018, 1)]
        }
    );
}

#[test]
fn ongoing_and_recurring() {
    let ongoing = |from, until, immediate| TimescaleKind::Ongoing {
        from,
        until,
        immediate,
    };
    assert_eq!(kind("Ongoing"), ongoing(None, None, false));
    assert_eq!(kind("Immediate and ongoing"), ongoing(None, None, true));
    assert_eq!(kind("Immediate and ongoing."), ongoing(None, None, true));
    assert_eq!(
        kind("Ongoing review/ assessment"),
        ongoing(None, None, false)
    );
    assert_eq!(
        kind("Ongoing-Mar-20"),
        ongoing(None, Some(month(2020, 3)), false)
    );
    assert_eq!(
        kind("01/03/2019 and ongoing"),
        ongoing(Some(day(2019, 3, 1)), None, false)
    );
    assert_eq!(
        kind("October 2017 ongoing"),
        ongoing(Some(month(2017, 10)), None, false)
    );
    assert_eq!(
        kind("December 2017 and ongoing December 2017"),
        ongoing(Some(month(2017, 12)), Some(month(2017, 12)), false)
    );
    let recurring = |cadence, from, until| TimescaleKind::Recurring {
        cadence,
        from,
        until,
    };
    assert_eq!(
        kind("Mar 19 – ongoing quarterly"),
        recurring(Cadence::Quarterly, Some(month(2019, 3)), None)
    );
    assert_eq!(
        kind("Dec 18 Monthly monitoring September 2020"),
        recurring(
            Cadence::Monthly,
            Some(month(2018, 12)),
            Some(month(2020, 9))
        )
    );
    assert_eq!(
        kind("Reports to be provide to each Board. Review April 2020"),
        recurring(Cadence::EachMeeting, None, Some(month(2020, 4)))
    );
    assert_eq!(kind("Quarterly"), recurring(Cadence::Quarterly, None, None));
    assert_eq!(kind("Monthly"), recurring(Cadence::Monthly, None, None));
    assert_eq!(kind("Annually"), recurring(Cadence::Annually, None, None));
    assert_eq!(kind("Termly"), recurring(Cadence::Termly, None, None));
    assert_eq!(kind("Weekly"), recurring(Cadence::Weekly, None, None));
}

#[test]
fn words() {
    assert_eq!(kind("Achieved"), TimescaleKind::Achieved);
    assert_eq!(kind("Completed"), TimescaleKind::Achieved);
    assert_eq!(kind("TBC"), TimescaleKind::ToBeConfirmed);
    assert_eq!(kind("To be confirmed"), TimescaleKind::ToBeConfirmed);
    for empty in ["", "  ", "_", "-", "–", "N/A"] {
        assert_eq!(kind(empty), TimescaleKind::Empty, "{empty:?}");
    }
}

#[test]
fn what_is_not_understood_keeps_the_text() {
    for raw in [
        "banana",
        "See sufficiency strategy",
        "September",
        "1234",
        "12",
    ] {
        let t = Timescale::parse(raw);
        assert_eq!(t.kind(), &TimescaleKind::NotUnderstood, "{raw:?}");
        assert_eq!(t.raw(), raw);
        assert_eq!(t.problems()[0].kind, ProblemKind::NotUnderstood);
        assert_eq!(t.problems()[0].text, raw);
    }
    let huge = "x".repeat(10 * 1024 * 1024);
    assert_eq!(
        Timescale::parse(&huge).kind(),
        &TimescaleKind::NotUnderstood
    );
}

#[test]
fn no_input_panics() {
    // A deterministic generator of date-ish strings.
    let pieces = [
        "31",
        "/",
        "04",
        "2019",
        "-",
        "–",
        "Dec",
        "19",
        ".",
        "ongoing",
        "Q",
        "3",
        "0",
        "99",
        "th",
        " ",
        "and",
        "quarterly",
        "each",
        "Board",
        "9999",
        "99999999999999999999999",
        "2/",
        "é",
        "\u{0}",
        "Achieved",
        "TBC",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..5000 {
        let mut s = String::new();
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let n = (seed >> 60) as usize + 1;
        for _ in 0..n {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let t = Timescale::parse(&s);
        if t.kind() == &TimescaleKind::NotUnderstood {
            assert_eq!(t.problems().len(), 1, "{s:?}");
        } else {
            // A timescale that was read carries warnings only, one for each
            // unused run that looks like part of a date.
            assert!(
                t.problems()
                    .iter()
                    .all(|p| p.kind == ProblemKind::Ignored && t.unused().contains(&p.text)),
                "{s:?}"
            );
        }
        for u in t.unused() {
            assert!(s.contains(u.as_str()), "{s:?}: {u:?}");
        }
        let _ = t.due();
        let _ = t.next_due(d(2019, 12, 31));
    }
}

#[path = "tests_partial.rs"]
mod partial;
