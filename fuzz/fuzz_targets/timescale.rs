//! Timescales (`Nov 18 – Nov 19`, `Q3 2019/20`, `Immediate and ongoing`):
//! any text gives a timescale, its text re-parses to the same timescale,
//! and every date span it names starts on or before its end.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use lineofsight::timescale::{DatePoint, Timescale, TimescaleKind};

fn points(kind: &TimescaleKind) -> Vec<DatePoint> {
    match kind {
        TimescaleKind::Point { at } => vec![*at],
        TimescaleKind::Range { from, to } => vec![*from, *to],
        TimescaleKind::Milestones { dates } => dates.clone(),
        TimescaleKind::Ongoing { from, until, .. } => from.iter().chain(until).copied().collect(),
        _ => Vec::new(),
    }
}

fuzz_target!(|text: &str| {
    let t = Timescale::parse(text);
    assert_eq!(Timescale::parse(&t.to_string()), t, "re-parsing {text:?}");
    for p in points(t.kind()) {
        assert!(p.start <= p.end, "{text:?}: {p:?} ends before it starts");
    }
    let strict = Timescale::parse_strict(text);
    assert_eq!(strict.is_ok(), t.problems().is_empty(), "{text:?}");
    if let Err(e) = strict {
        let _ = e.to_string();
    }
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap_or_default();
    let _ = (t.due(), t.start(), t.next_due(as_of), t.is_ongoing());
});
