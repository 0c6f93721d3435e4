//! Period labels (`2019/20`, `Q3 2019/20`, `2016-17 (OT)`) and EES time
//! periods: never a panic; a period read starts on or before its end and
//! its label reads back as the same period.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineofsight::measure::{ObservedValue, Period, YearEnd};

const EES_IDENTIFIERS: &[&str] = &[
    "Financial year",
    "Academic year",
    "Calendar year",
    "Reporting year",
    "Financial year Q3",
    "March",
];

fuzz_target!(|text: &str| {
    for year_end in [YearEnd::March, YearEnd::December] {
        if let Ok(p) = Period::parse(text, year_end) {
            assert!(p.start <= p.end, "{text:?}: {p:?}");
            assert_eq!(
                Period::parse(&p.label, year_end).ok(),
                Some(p.clone()),
                "{text:?}"
            );
            let _ = p.year_before();
        }
    }
    // The text as an EES identifier too, after a `|`.
    let (period, identifier) = text.split_once('|').unwrap_or((text, ""));
    for id in EES_IDENTIFIERS.iter().copied().chain([identifier]) {
        if let Ok(p) = Period::from_ees(period, id) {
            assert!(p.start <= p.end, "{period:?} {id:?}: {p:?}");
        }
    }
    let _ = ObservedValue::parse(text);
});
