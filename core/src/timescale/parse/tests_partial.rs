//! Timescales are never confidently wrong: stage numbers, start markers,
//! year spans, quarters in words and short financial years are read, and
//! anything date-like left unread is a warning.

use super::{d, day, kind, month, point, year};
use crate::timescale::{DatePoint, Precision, ProblemKind, Timescale, TimescaleKind};

fn quarter(s: (i32, u32), e: (i32, u32, u32)) -> TimescaleKind {
    point(DatePoint {
        start: d(s.0, s.1, 1),
        end: d(e.0, e.1, e.2),
        precision: Precision::Quarter,
    })
}

fn financial(y: i32) -> TimescaleKind {
    point(DatePoint {
        start: d(y, 4, 1),
        end: d(y + 1, 3, 31),
        precision: Precision::FinancialYear,
    })
}

fn from(p: DatePoint) -> TimescaleKind {
    TimescaleKind::Ongoing {
        from: Some(p),
        until: None,
        immediate: false,
    }
}

#[test]
fn stage_and_phase_numbers_are_labels_not_days() {
    assert_eq!(kind("Stage 3 Jun 2021"), point(month(2021, 6)));
    assert_eq!(kind("Phase 2: March 2022"), point(month(2022, 3)));
    assert_eq!(kind("Year 1 2019/20"), financial(2019));
    // A date written with slashes after a label word is still a date.
    assert_eq!(kind("Action 1/5/23"), point(day(2023, 5, 1)));
}

#[test]
fn start_markers_are_ongoing_from_the_date() {
    assert_eq!(kind("From Sept 22"), from(month(2022, 9)));
    assert_eq!(kind("Starting April 2024"), from(month(2024, 4)));
    assert_eq!(kind("Commencing 1/5/23"), from(day(2023, 5, 1)));
    assert_eq!(kind("Beginning Jan 2020"), from(month(2020, 1)));
    let t = Timescale::parse("From Sept 22");
    assert_eq!(
        (t.start(), t.due(), t.is_ongoing()),
        (Some(d(2022, 9, 1)), None, true)
    );
    // With an end it is a range, with a cadence recurring from the start.
    assert_eq!(
        kind("From Sept 22 to Dec 22"),
        TimescaleKind::Range {
            from: month(2022, 9),
            to: month(2022, 12)
        }
    );
    assert_eq!(
        kind("Quarterly from April 2020"),
        TimescaleKind::Recurring {
            cadence: crate::timescale::Cadence::Quarterly,
            from: Some(month(2020, 4)),
            until: None
        }
    );
    // `Start by` is a deadline for starting, not a start date.
    assert_eq!(kind("Start by March 2020"), point(month(2020, 3)));
}

#[test]
fn week_commencing_is_the_week() {
    let week = point(DatePoint {
        start: d(2019, 3, 4),
        end: d(2019, 3, 10),
        precision: Precision::Week,
    });
    assert_eq!(kind("w/c 4 March 2019"), week);
    assert_eq!(kind("Week commencing 04/03/2019"), week);
}

#[test]
fn year_spans() {
    assert_eq!(kind("2021 to 22"), financial(2021));
    assert_eq!(kind("2021-22"), financial(2021));
    assert_eq!(kind("2021/22"), financial(2021));
    let span = |a, b| TimescaleKind::Range {
        from: year(a),
        to: year(b),
    };
    assert_eq!(kind("2021 to 2022"), span(2021, 2022));
    assert_eq!(kind("2018-21"), span(2018, 2021));
    assert_eq!(kind("2018 to 21"), span(2018, 2021));
    assert_eq!(Timescale::parse("2018-21").due(), Some(d(2021, 12, 31)));
}

#[test]
fn quarters_in_words_and_short_financial_years() {
    assert_eq!(
        kind("Quarter Two 2020/21"),
        quarter((2020, 7), (2020, 9, 30))
    );
    assert_eq!(
        kind("second quarter of 2021/22"),
        quarter((2021, 7), (2021, 9, 30))
    );
    assert_eq!(
        kind("3rd quarter 2019/20"),
        quarter((2019, 10), (2019, 12, 31))
    );
    assert_eq!(kind("Qtr 4 2019/20"), quarter((2020, 1), (2020, 3, 31)));
    assert_eq!(kind("Q3 19/20"), quarter((2019, 10), (2019, 12, 31)));
    assert_eq!(kind("21/22 Q3"), quarter((2021, 10), (2021, 12, 31)));
    assert_eq!(kind("2021/22 Q1"), quarter((2021, 4), (2021, 6, 30)));
    assert_eq!(kind("Quarter 2 2020"), quarter((2020, 4), (2020, 6, 30)));
    assert_eq!(kind("19/20"), financial(2019));
    assert_eq!(kind("FY 19/20"), financial(2019));
    // Day and month forms are not financial years.
    assert_eq!(kind("19/2/20"), point(day(2020, 2, 19)));
    assert_eq!(kind("12/11/2019"), point(day(2019, 11, 12)));
    assert_eq!(
        Timescale::parse("10/11").kind(),
        &TimescaleKind::NotUnderstood
    );
    assert!(Timescale::parse("13-14 March 2020").is_partly_read());
}

#[test]
fn words_glued_to_numbers() {
    assert_eq!(kind("12March 2021"), point(day(2021, 3, 12)));
    assert_eq!(kind("March2021"), point(month(2021, 3)));
    assert_eq!(kind("31st July 2021"), point(day(2021, 7, 31)));
    assert_eq!(kind("1st of May 2021"), point(day(2021, 5, 1)));
}

#[test]
fn unread_date_text_is_a_warning_naming_it() {
    for (raw, unused) in [
        ("Nov 18-19", "19"),
        ("Spring 2020", "Spring"),
        ("Sept - Dec 2019", "Sept"),
        ("Within 6 months of April 2020", "6 months"),
        ("Q2 March 2020", "Q2"),
        ("Ongoing, review in 3 weeks", "review"),
    ] {
        let t = Timescale::parse(raw);
        assert_ne!(t.kind(), &TimescaleKind::NotUnderstood, "{raw:?}");
        assert!(
            t.unused().iter().any(|u| u.contains(unused)),
            "{raw:?}: {:?}",
            t.unused()
        );
        let p = t.problems().first().expect("a warning");
        assert_eq!(p.kind, ProblemKind::Ignored, "{raw:?}");
        assert!(p.reason.contains(&format!("{:?}", p.text)), "{raw:?}");
        assert!(Timescale::parse_strict(raw).is_err(), "{raw:?}");
    }
    // Words that are not dates are listed but not warned about.
    let t = Timescale::parse("Roll out by end of Jan 19, then review");
    assert_eq!(t.unused(), ["Roll out", "then review"]);
    assert!(t.problems().is_empty());
    // Fillers are skipped silently.
    for raw in [
        "No later than approx end of March 2020",
        "By the end of Dec-19",
    ] {
        let t = Timescale::parse(raw);
        assert!(
            t.unused().is_empty() && t.problems().is_empty(),
            "{raw:?}: {:?}",
            t.unused()
        );
    }
}

#[test]
fn existing_forms_keep_their_reading() {
    let t = Timescale::parse("Nov 18 – Nov 19");
    assert_eq!(t.due(), Some(d(2019, 11, 30)));
    assert_eq!(Timescale::parse("Dec-19").due(), Some(d(2019, 12, 31)));
    let bad = Timescale::parse("31/04/2019");
    assert_eq!(bad.kind(), &TimescaleKind::NotUnderstood);
    assert_eq!(bad.problems()[0].kind, ProblemKind::ImpossibleDate);
}

#[test]
fn a_number_after_action_or_item_is_the_day() {
    use crate::timescale::Timescale;
    for (text, due) in [
        ("Action 12 March 2021", "2021-03-12"),
        ("Item 30 April 2020", "2020-04-30"),
        ("Stage 3 Jun 2021", "2021-06-30"),
    ] {
        let t = Timescale::parse(text);
        assert_eq!(
            t.due().map(|d| d.to_string()).as_deref(),
            Some(due),
            "{text}"
        );
    }
}
