//! Sentences that report a result rather than set a target: `was behind
//! target at 31.5%`, `performance this quarter is 6.2%`, `currently 58%`.
//! A number right after such wording is a result, never a target value.

use super::{find_words, Number};

/// Wording that introduces a measured result.
const MARKERS: &[&str] = &[
    "currently",
    "at present",
    "presently",
    "stands at",
    "stood at",
    "standing at",
    "was",
    "were",
    "has been",
    "have been",
    "behind target",
    "ahead of target",
    "off target",
    "below target",
    "above target",
    "this quarter",
    "last quarter",
    "this year",
    "last year",
    "this month",
    "last month",
    "to date",
    "so far",
    "achieved",
    "actual",
    "outturn",
    "latest",
];

/// What may stand between the wording and the result's number.
const GAPS: &[&str] = &[
    "", "at", "is", "was", "are", "were", "of", ":", "-", "=", "is at", "was at", "is now",
    "remains", "remained", "reached", "only",
];

/// The numbers that are results, each with the wording before it, in text order.
pub(super) fn result_numbers(lower: &str, values: &[Number]) -> Vec<(Number, &'static str)> {
    let mut out: Vec<(Number, &'static str)> = Vec::new();
    let mut taken = std::collections::HashSet::new();
    for marker in MARKERS {
        for at in find_words(lower, marker) {
            // `Target to date: 95%` sets a target: wording after `target`
            // in the same clause does not make a result.
            let clause_start = lower
                .get(..at)
                .and_then(|b| b.rfind([',', ';', '.', '(']))
                .map_or(0, |i| i + 1);
            if lower
                .get(clause_start..at)
                .is_some_and(|c| c.contains("target"))
            {
                continue;
            }
            let end = at + marker.len();
            // Values are in text order: the first at or after `end`.
            let Some(n) = values.get(values.partition_point(|n| n.start < end)) else {
                continue;
            };
            let gap = lower.get(end..n.start).unwrap_or("x").trim();
            if GAPS.contains(&gap) && taken.insert(n.start) {
                out.push((*n, marker));
            }
        }
    }
    out.sort_by_key(|(n, _)| n.start);
    out
}

/// Why a sentence whose only numbers are results is not a target.
pub(super) fn reason(original: &str, lower: &str, results: &[(Number, &str)]) -> String {
    let shown: Vec<String> = results
        .iter()
        .map(|(n, marker)| {
            let percent = if lower
                .get(n.end..)
                .is_some_and(|r| r.trim_start().starts_with('%'))
            {
                "%"
            } else {
                ""
            };
            let value = original.get(n.start..n.end).unwrap_or_default();
            format!("{value}{percent} after {marker:?}")
        })
        .collect();
    format!("it reports a result ({}), not a target", shown.join("; "))
}
