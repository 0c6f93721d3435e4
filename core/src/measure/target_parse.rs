//! Reading a measure of success's sentence into a [`Target`].
//!
//! The reading is deliberately cautious: a sentence is a target only when it
//! has a number and wording that says which way (`less than`, `at least`,
//! `=<`, `increase … to`, `Target –`, a range, a leading `80% of`, `no`);
//! a sentence with no number is qualitative; a number without such wording
//! is reported as not understood, never guessed.

use super::target::{Baseline, Comparison, Deadline, Target, TargetReading, Unit};
use crate::timescale::Timescale;

/// A number found in the text: its byte span and value.
#[derive(Debug, Clone, Copy)]
struct Number {
    start: usize,
    end: usize,
    value: f64,
}

const BELOW: &[&str] = &["less than", "fewer than", "lower than", "below", "under"];
const ABOVE: &[&str] = &[
    "more than",
    "greater than",
    "higher than",
    "above",
    "over",
    "exceeds",
    "exceed",
];
const AT_LEAST: &[&str] = &[
    "at least",
    "no less than",
    "not less than",
    "no fewer than",
    "a minimum of",
    "minimum of",
    ">=",
    "=>",
    "\u{2265}",
];
const AT_MOST: &[&str] = &[
    "at most",
    "no more than",
    "not more than",
    "a maximum of",
    "maximum of",
    "<=",
    "=<",
    "\u{2264}",
];
const INCREASE: &[&str] = &[
    "increase",
    "increased",
    "increasing",
    "increases",
    "raise",
    "raised",
    "rise",
    "improve",
    "improved",
    "grow",
];
const DECREASE: &[&str] = &[
    "reduce",
    "reduced",
    "reducing",
    "reduction",
    "decrease",
    "decreased",
    "decreasing",
    "lower",
    "lowered",
    "cut",
    "fall",
];
const MAINTAIN: &[&str] = &["maintain", "maintained", "sustain", "sustained", "keep"];

/// Reads a measure's sentence.
///
/// A sentence may set more than one target (`fewer than 64 per 10,000 and
/// more than 45% in EET`): all are kept, see [`TargetReading::targets`]. A
/// sentence that reports a result (`currently 58%`, `was behind target at
/// 31.5%`) is [`TargetReading::NotATarget`], with the reason.
///
/// # Example
///
/// ```
/// use lineofsight::measure::{parse_target, Comparison, TargetReading, Unit};
///
/// let t = parse_target("Rate of referrals is less than 46 per 10,000");
/// let t = t.target().unwrap();
/// assert_eq!((t.comparison, t.value, t.unit), (Comparison::Below, 46.0, Unit::Rate { per: 10_000 }));
/// assert_eq!(t.metric, "Rate of referrals");
///
/// assert_eq!(parse_target("Audit model embedded across all parts of children's services"), TargetReading::Qualitative);
/// assert!(matches!(parse_target("Section 20 review"), TargetReading::NotUnderstood { .. }));
/// assert!(matches!(parse_target("Currently 58%"), TargetReading::NotATarget { .. }));
/// assert_eq!(parse_target("Fewer than 64 per 10,000 and more than 45% in EET").targets().count(), 2);
/// ```
pub fn parse_target(text: &str) -> TargetReading {
    let original = normalise(text);
    let mut found: Vec<Target> = Vec::new();
    let mut rest = original.as_str();
    while found.len() < MAX_TARGETS - 1 {
        let Some((head, tail)) = split_targets(rest) else {
            break;
        };
        found.push(head);
        rest = tail;
    }
    let last = read_one(rest).0;
    let mut found = found.into_iter();
    match (found.next(), last) {
        (None, reading) => reading,
        (Some(target), TargetReading::Target { target: t, .. }) => TargetReading::Target {
            target,
            also: found.chain(std::iter::once(t)).collect(),
        },
        // `split_targets` only splits where the tail is a target.
        (Some(target), _) => TargetReading::Target {
            target,
            also: found.collect(),
        },
    }
}

/// Most targets read from one sentence.
const MAX_TARGETS: usize = 4;

/// Most conjunctions tried when looking for a further target.
const MAX_SPLITS: usize = 8;

/// The first `and`, `;` or `,` with a target before it and a target after
/// it: the target before, and the text after.
fn split_targets(text: &str) -> Option<(Target, &str)> {
    let mut cuts: Vec<(usize, usize)> = [" and ", "; ", ", "]
        .iter()
        .flat_map(|c| text.match_indices(c).map(|(i, m)| (i, m.len())))
        .collect();
    cuts.sort_unstable();
    for (at, len) in cuts.into_iter().take(MAX_SPLITS) {
        let (Some(head), Some(tail)) = (text.get(..at), text.get(at + len..)) else {
            continue;
        };
        // The tail must say which way itself (`and more than 45%`); a bare
        // `and 80%` is not a second target.
        if !has_wording(tail) {
            continue;
        }
        if let TargetReading::Target { target, .. } = read_one(head).0 {
            if read_one(tail).0.target().is_some() {
                return Some((target, tail));
            }
        }
    }
    None
}

/// Whether text has its own wording for a target (`more than`, `increase
/// to`, `Target –`), not just a number.
fn has_wording(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let values = numbers(&lower);
    comparator(&lower, &values).is_some()
        || change_to(text, &lower, &values).is_some()
        || keyword_target(text, &lower, &values).is_some()
}

/// Reads one target from normalised text, and where its value ends.
fn read_one(original: &str) -> (TargetReading, Option<usize>) {
    let lower = original.to_ascii_lowercase();
    let numbers = numbers(&lower);
    let rate = rate_denominator(&lower, &numbers);
    let all: Vec<Number> = numbers
        .iter()
        .copied()
        .filter(|n| rate.is_none_or(|(_, at)| n.start != at))
        .collect();
    let results = results::result_numbers(&lower, &all);
    let values: Vec<Number> = all
        .iter()
        .copied()
        .filter(|n| !results.iter().any(|(r, _)| r.start == n.start))
        .collect();

    if values.is_empty() {
        if !results.is_empty() {
            let reason = results::reason(original, &lower, &results);
            return (TargetReading::NotATarget { reason }, None);
        }
        if let Some(t) = zero_target(original, &lower) {
            return (TargetReading::from(t), None);
        }
        return (TargetReading::Qualitative, None);
    }
    let unit_of = |n: &Number| unit_after(&lower, n, rate.map(|(per, _)| per));
    let found = comparator(&lower, &values)
        .map(|(cmp, at, n)| {
            let metric = if at <= 10 {
                after_value(original, &lower, &n)
            } else {
                before(original, at)
            };
            (cmp, n, None, None, metric)
        })
        .or_else(|| change_to(original, &lower, &values))
        .or_else(|| keyword_target(original, &lower, &values))
        .or_else(|| range(original, &lower, &values))
        .or_else(|| leading_percent(original, &lower, &values));
    let Some((comparison, n, upper, baseline, metric)) = found else {
        let shown: Vec<String> = values
            .iter()
            .map(|n| original[n.start..n.end].to_string())
            .collect();
        return (
            TargetReading::NotUnderstood {
                reason: format!(
                    "found {} but no wording that says which way (such as less than, at least, =<, increase to, Target –)",
                    shown.join(", ")
                ),
            },
            None,
        );
    };
    let unit = unit_of(&n);
    let last = upper.unwrap_or(n);
    let deadline = deadline_after(original, &lower, &last);
    let metric = tidy_metric(&metric, original);
    let target = Target {
        metric,
        comparison,
        value: n.value,
        upper: upper.map(|u| u.value),
        unit,
        deadline,
        baseline: baseline.map(|b: Number| Baseline {
            value: b.value,
            period: None,
        }),
    };
    (TargetReading::from(target), Some(last.end))
}

type Found = (Comparison, Number, Option<Number>, Option<Number>, String);

/// Dashes, non-breaking spaces and `per cent` written one way.
fn normalise(text: &str) -> String {
    let mut s: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{a0}' => ' ',
            '\u{2018}' | '\u{2019}' => '\'',
            c => c,
        })
        .collect();
    for pat in ["per cent", "percent"] {
        while let Some(at) = s.to_ascii_lowercase().find(pat) {
            s.replace_range(at..at + pat.len(), "%");
        }
    }
    s.trim_end_matches(['.', ';', ',']).trim().to_string()
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Every plain number: `46`, `10,000`, `59.1`. Digits that are part of a
/// word (`B12`) are not numbers.
fn numbers(lower: &str) -> Vec<Number> {
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphabetic()) {
            let start = i;
            let mut digits = String::new();
            while i < bytes.len() {
                let b = bytes[i];
                if b.is_ascii_digit() {
                    digits.push(b as char);
                    i += 1;
                } else if b == b','
                    && i + 3 < bytes.len() + 1
                    && bytes
                        .get(i + 1..i + 4)
                        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                    && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
                {
                    i += 1;
                } else if b == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    digits.push('.');
                    i += 1;
                } else {
                    break;
                }
            }
            if bytes.get(i).is_some_and(u8::is_ascii_alphabetic) && !lower[i..].starts_with("st ") {
                // `3rd`, `2nd`, `10am`: not a target value.
                let word_end = lower[i..]
                    .find(|c: char| !c.is_ascii_alphabetic())
                    .map_or(lower.len(), |e| i + e);
                let suffix = &lower[i..word_end];
                if matches!(suffix, "st" | "nd" | "rd" | "th" | "am" | "pm") {
                    i = word_end;
                    continue;
                }
            }
            if let Ok(value) = digits.parse::<f64>() {
                out.push(Number {
                    start,
                    end: i,
                    value,
                });
            }
        } else {
            i += lower[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// `per 10,000`: the denominator and where its number starts.
fn rate_denominator(lower: &str, numbers: &[Number]) -> Option<(u32, usize)> {
    numbers.iter().find_map(|n| {
        let head = lower[..n.start].trim_end();
        let per = head.ends_with(" per") || head == "per";
        let round = [100.0, 1_000.0, 10_000.0, 100_000.0].contains(&n.value);
        // One of four round numbers (checked above), so exactly a u32.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let denominator = n.value as u32;
        (per && round).then_some((denominator, n.start))
    })
}

fn unit_after(lower: &str, n: &Number, rate: Option<u32>) -> Unit {
    let rest = lower[n.end..].trim_start();
    if rest.starts_with('%') {
        return Unit::Percent;
    }
    if lower[..n.start].trim_end().ends_with('£') {
        return Unit::Money;
    }
    if let Some(per) = rate {
        return Unit::Rate { per };
    }
    if rest.starts_with("days") || rest.starts_with("working days") {
        return Unit::Days;
    }
    Unit::Count
}

/// Where the phrase `pat` occurs as whole words.
fn find_words(lower: &str, pat: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find(pat) {
        let at = from + i;
        let end = at + pat.len();
        let symbolic = !pat.starts_with(|c: char| c.is_alphabetic());
        let ok = symbolic
            || (!is_word_char(lower[..at].chars().next_back())
                && !is_word_char(lower[end..].chars().next()));
        if ok {
            out.push(at);
        }
        from = at + pat.len().max(1);
    }
    out
}

/// The first number within a few characters after byte `end`.
fn number_after(lower: &str, values: &[Number], end: usize) -> Option<Number> {
    let n = values.iter().find(|n| n.start >= end)?;
    let gap = lower[end..n.start].trim();
    let gap = gap.trim_start_matches("the").trim();
    matches!(gap, "" | "£" | "=" | "of" | "a" | "an").then_some(*n)
}

/// The earliest comparator phrase followed by a number.
fn comparator(lower: &str, values: &[Number]) -> Option<(Comparison, usize, Number)> {
    let lists: [(&[&str], Comparison); 4] = [
        (AT_LEAST, Comparison::AtLeast),
        (AT_MOST, Comparison::AtMost),
        (BELOW, Comparison::Below),
        (ABOVE, Comparison::Above),
    ];
    let mut best: Option<(Comparison, usize, Number)> = None;
    for (phrases, cmp) in lists {
        for p in phrases {
            for at in find_words(lower, p) {
                if let Some(n) = number_after(lower, values, at + p.len()) {
                    if best.as_ref().is_none_or(|b| at < b.1) {
                        best = Some((cmp, at, n));
                    }
                }
            }
        }
    }
    // `<`, `>` and `=` alone, at the start: `<10%`, `> 45%`, `= 0`.
    if best.is_none() {
        let t = lower.trim_start();
        let cmp = match t.chars().next() {
            Some('<') => Some(Comparison::Below),
            Some('>') => Some(Comparison::Above),
            Some('=') => Some(Comparison::Equal),
            _ => None,
        };
        if let Some(cmp) = cmp {
            let at = lower.len() - t.len();
            if let Some(n) = number_after(lower, values, at + 1) {
                best = Some((cmp, at, n));
            }
        }
    }
    best
}

/// `Increased numbers of … to 54`, `reduce from 70 to 60`.
fn change_to(original: &str, lower: &str, values: &[Number]) -> Option<Found> {
    let lists: [(&[&str], Comparison); 3] = [
        (INCREASE, Comparison::IncreaseTo),
        (DECREASE, Comparison::DecreaseTo),
        (MAINTAIN, Comparison::Maintain),
    ];
    let (cmp, verb) = lists
        .iter()
        .flat_map(|(words, cmp)| {
            words
                .iter()
                .flat_map(move |w| find_words(lower, w).into_iter().map(move |at| (*cmp, at)))
        })
        .min_by_key(|(_, at)| *at)?;
    let target = values.iter().rev().find(|n| {
        n.start > verb && {
            let head = lower[verb..n.start].trim_end();
            head.ends_with(" to")
                || head.ends_with(" at")
                || (cmp == Comparison::Maintain && head.ends_with(" of"))
        }
    })?;
    let baseline = values
        .iter()
        .find(|n| {
            n.start > verb
                && n.start < target.start
                && lower[..n.start].trim_end().ends_with(" from")
        })
        .copied();
    let cut = baseline.map_or(target.start, |b| b.start);
    let head = lower[..cut].trim_end();
    let head_len = head
        .strip_suffix(" from")
        .or_else(|| head.strip_suffix(" to"))
        .or_else(|| head.strip_suffix(" at"))
        .unwrap_or(head)
        .len();
    Some((
        cmp,
        *target,
        None,
        baseline,
        original[..head_len].to_string(),
    ))
}

/// `Target – 59.1%`, `target 10 for 2015/16`.
fn keyword_target(original: &str, lower: &str, values: &[Number]) -> Option<Found> {
    let at = find_words(lower, "target").into_iter().next()?;
    let end = at + "target".len();
    let n = values.iter().find(|n| n.start >= end)?;
    let gap = lower[end..n.start]
        .trim()
        .trim_matches(['-', ':', '='])
        .trim();
    if !matches!(gap, "" | "of" | "is" | "set at" | "at") {
        return None;
    }
    Some((Comparison::Equal, *n, None, None, before(original, at)))
}

/// `16-18 cases on average`, `between 16 and 18`.
fn range(original: &str, lower: &str, values: &[Number]) -> Option<Found> {
    for pair in values.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let gap = lower[a.end..b.start].trim();
        let between = lower[..a.start].trim_end().ends_with("between") && gap == "and";
        if (gap == "-" || gap == "to" || between) && a.value < b.value {
            let rest = lower[b.end..].trim_start();
            if rest.starts_with("year")
                || rest.starts_with("yr")
                || lower[..a.start].trim_end().ends_with("aged")
            {
                continue;
            }
            let metric = original[b.end..].trim_start_matches(['%', ' ']).to_string();
            return Some((Comparison::Between, a, Some(b), None, metric));
        }
    }
    None
}

/// `80% of CLA are in suitable accommodation`: at least.
fn leading_percent(original: &str, lower: &str, values: &[Number]) -> Option<Found> {
    let n = values.first()?;
    let starts = lower[..n.start].trim().is_empty();
    let percent = lower[n.end..].trim_start().starts_with('%');
    (starts && percent).then(|| {
        (
            Comparison::AtLeast,
            *n,
            None,
            None,
            after_value(original, lower, n),
        )
    })
}

/// `no escapes`, `zero exclusions`: at most 0.
fn zero_target(original: &str, lower: &str) -> Option<Target> {
    let rest = ["no ", "zero ", "none "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    // `No Further Action` is a name, not a target of zero.
    if rest.starts_with("further") || rest.is_empty() {
        return None;
    }
    Some(Target {
        metric: original[original.len() - rest.len()..].trim().to_string(),
        comparison: Comparison::AtMost,
        value: 0.0,
        upper: None,
        unit: Unit::Count,
        deadline: None,
        baseline: None,
    })
}

/// The text before byte `at` (tidied later by `tidy_metric`).
fn before(original: &str, at: usize) -> String {
    original[..at].to_string()
}

/// The text after a number and its `%`, without a leading `of`.
fn after_value(original: &str, lower: &str, n: &Number) -> String {
    let mut end = n.end;
    if lower[end..].trim_start().starts_with('%') {
        end = lower[end..].find('%').map_or(end, |p| end + p + 1);
    }
    original[end..].to_string()
}

fn tidy_metric(metric: &str, original: &str) -> String {
    let mut m = metric.trim().trim_matches(['-', ':', ',']).trim();
    for prefix in ["there are", "there is", "of the", "of", "the"] {
        // `get` rather than indexing: a cut may fall inside a multi-byte character.
        if let (Some(head), Some(rest)) = (m.get(..prefix.len()), m.get(prefix.len()..)) {
            if head.eq_ignore_ascii_case(prefix) && rest.starts_with(' ') {
                m = rest.trim_start();
            }
        }
    }
    for suffix in [" is", " are", " be", " will be", " should be"] {
        let cut = m.len().saturating_sub(suffix.len());
        if let (true, Some(head), Some(tail)) = (m.len() > suffix.len(), m.get(..cut), m.get(cut..))
        {
            if tail.eq_ignore_ascii_case(suffix) {
                m = head.trim_end();
            }
        }
    }
    let lower = m.to_ascii_lowercase();
    let only_a_verb = [INCREASE, DECREASE, MAINTAIN]
        .iter()
        .any(|l| l.contains(&lower.as_str()));
    if m.is_empty() || only_a_verb {
        original.to_string()
    } else {
        m.to_string()
    }
}

/// `by March 2019`, `in March 2019`, `for 2015/16` after the target value.
fn deadline_after(original: &str, lower: &str, n: &Number) -> Option<Deadline> {
    let rest = &lower[n.end..];
    for word in [" by ", " in ", " for ", " before ", " until "] {
        let Some(i) = rest.find(word) else { continue };
        let from = n.end + i + word.len();
        // Only the clause the deadline stands in: `by March 2020 (currently
        // 70)` is March 2020.
        let clause = original[from..].split([',', '(', ';']).next().unwrap_or("");
        let text = clause.trim().trim_end_matches(['.', ')']);
        let ts = Timescale::parse(text);
        if ts.problems().is_empty() {
            if let (Some(date), crate::timescale::TimescaleKind::Point { .. }) =
                (ts.due(), ts.kind())
            {
                return Some(Deadline {
                    text: text.to_string(),
                    date,
                });
            }
        }
    }
    None
}

#[path = "target_parse_results.rs"]
mod results;

#[cfg(test)]
#[path = "target_parse_tests.rs"]
mod tests;
