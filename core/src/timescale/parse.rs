//! The timescale parser: a small tokenizer and a left-to-right scan for date
//! expressions and keywords (`ongoing`, `quarterly`, `achieved`, `TBC`).

use chrono::{Datelike, NaiveDate};

use super::{Cadence, DatePoint, Precision, ProblemKind, TimescaleKind, TimescaleProblem};

/// A timescale that strict parsing refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimescaleError {
    /// The text names a date that does not exist.
    #[error("timescale {raw:?}: {fragment:?} is not a real date: {reason}")]
    ImpossibleDate {
        /// The whole timescale text.
        raw: String,
        /// The part that names the impossible date.
        fragment: String,
        /// Why it is impossible.
        reason: String,
    },
    /// The text matches no known form.
    #[error("timescale {raw:?} is not understood: {reason}")]
    NotUnderstood {
        /// The whole timescale text.
        raw: String,
        /// What the parser could not read.
        reason: String,
    },
}

impl TimescaleError {
    pub(crate) fn from_problem(raw: &str, p: &TimescaleProblem) -> Self {
        match p.kind {
            ProblemKind::ImpossibleDate => TimescaleError::ImpossibleDate {
                raw: raw.to_string(),
                fragment: p.text.clone(),
                reason: p.reason.clone(),
            },
            ProblemKind::NotUnderstood => TimescaleError::NotUnderstood {
                raw: raw.to_string(),
                reason: p.reason.clone(),
            },
        }
    }
}

/// Longest text the parser reads; longer cells are not timescales.
const MAX_LEN: usize = 500;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A run of digits: its value (saturating) and how many digits.
    Num(u64, usize),
    /// A run of letters, lower-cased.
    Word(String),
    /// A separator: `/`, `-`, `.`.
    Sep(char),
}

/// A token with the byte span it came from in the trimmed text.
#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            let mut value = u64::from(c as u8 - b'0');
            let mut len = 1;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                value = value
                    .saturating_mul(10)
                    .saturating_add(u64::from(d as u8 - b'0'));
                len += 1;
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(Token {
                tok: Tok::Num(value, len),
                start: i,
                end,
            });
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            let mut word: String = c.to_lowercase().collect();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                word.extend(d.to_lowercase());
                end = j + d.len_utf8();
                chars.next();
            }
            // Ordinals: the `th` of `30th` says nothing more.
            let ordinal = matches!(word.as_str(), "st" | "nd" | "rd" | "th")
                && matches!(out.last(), Some(Token { tok: Tok::Num(..), end: e, .. }) if *e == i);
            if !ordinal {
                out.push(Token {
                    tok: Tok::Word(word),
                    start: i,
                    end,
                });
            }
        } else if matches!(c, '/' | '-' | '–' | '—' | '.') {
            let sep = if c == '/' || c == '.' { c } else { '-' };
            out.push(Token {
                tok: Tok::Sep(sep),
                start: i,
                end: i + c.len_utf8(),
            });
        }
    }
    out
}

fn month_number(word: &str) -> Option<u32> {
    Some(match word {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Two-digit years: 00–69 are 20xx, 70–99 are 19xx.
fn full_year(value: u64, digits: usize) -> Option<i32> {
    match digits {
        1 | 2 if value < 70 => Some(2000 + value as i32),
        1 | 2 => Some(1900 + value as i32),
        4 => i32::try_from(value).ok(),
        _ => None,
    }
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn month_point(year: i32, month: u32) -> Option<DatePoint> {
    Some(DatePoint {
        start: NaiveDate::from_ymd_opt(year, month, 1)?,
        end: last_day(year, month)?,
        precision: Precision::Month,
    })
}

fn span(start: NaiveDate, end: NaiveDate, precision: Precision) -> DatePoint {
    DatePoint {
        start,
        end,
        precision,
    }
}

/// One date expression found in the text.
enum Found {
    Point(DatePoint),
    /// Two years written `2018-2019`: a range in themselves.
    YearRange(DatePoint, DatePoint),
    Impossible(String),
}

/// Why a day, month and year do not make a date.
fn impossible_day(day: u64, month: u64, year: i32) -> String {
    if !(1..=12).contains(&month) {
        format!("there is no month {month}")
    } else if day == 0 {
        "there is no day 0".to_string()
    } else {
        let days = last_day(year, month as u32).map_or(31, |d| d.day());
        format!(
            "{} {year} has only {days} days",
            MONTH_NAMES[month as usize - 1]
        )
    }
}

fn day_point(day: u64, month: u64, year: i32) -> Result<DatePoint, String> {
    let date = u32::try_from(day)
        .ok()
        .zip(u32::try_from(month).ok())
        .and_then(|(d, m)| NaiveDate::from_ymd_opt(year, m, d));
    match date {
        Some(d) => Ok(span(d, d, Precision::Day)),
        None => Err(impossible_day(day, month, year)),
    }
}

/// Tries to read a date expression at token `i`; returns what it found and
/// how many tokens it used.
fn date_at(toks: &[Token], i: usize, text: &str) -> Option<(Found, usize)> {
    let t = |k: usize| toks.get(i + k).map(|t| &t.tok);
    let fragment = |n: usize| text[toks[i].start..toks[i + n - 1].end].to_string();
    // 01/09/2019, 9.12.16, 30/11/ 2019
    if let (
        Some(Tok::Num(d, dl)),
        Some(Tok::Sep(s1)),
        Some(Tok::Num(m, ml)),
        Some(Tok::Sep(s2)),
        Some(Tok::Num(y, yl)),
    ) = (t(0), t(1), t(2), t(3), t(4))
    {
        if *dl <= 2 && *ml <= 2 && s1 == s2 && matches!(s1, '/' | '.' | '-') {
            if let Some(year) = full_year(*y, *yl) {
                return Some(match day_point(*d, *m, year) {
                    Ok(p) => (Found::Point(p), 5),
                    Err(why) => (Found::Impossible(format!("{}\u{0}{why}", fragment(5))), 5),
                });
            }
        }
        // 2019-12-31
        if *dl == 4 && *s1 == '-' && *s2 == '-' && *ml <= 2 && *yl <= 2 {
            let year = i32::try_from(*d).ok()?;
            return Some(match day_point(*y, *m, year) {
                Ok(p) => (Found::Point(p), 5),
                Err(why) => (Found::Impossible(format!("{}\u{0}{why}", fragment(5))), 5),
            });
        }
    }
    // 30th April 2020
    if let (Some(Tok::Num(d, dl)), Some(Tok::Word(w)), Some(Tok::Num(y, yl))) = (t(0), t(1), t(2)) {
        if let (Some(m), true, Some(year)) = (month_number(w), *dl <= 2, full_year(*y, *yl)) {
            return Some(match day_point(*d, u64::from(m), year) {
                Ok(p) => (Found::Point(p), 3),
                Err(why) => (Found::Impossible(format!("{}\u{0}{why}", fragment(3))), 3),
            });
        }
    }
    // Dec-19, June 2015, Oct 03
    if let Some(Tok::Word(w)) = t(0) {
        if let Some(m) = month_number(w) {
            let (num, used) = match (t(1), t(2)) {
                (Some(Tok::Sep('-' | '/' | '.')), Some(Tok::Num(y, yl))) => (Some((*y, *yl)), 3),
                (Some(Tok::Num(y, yl)), _) => (Some((*y, *yl)), 2),
                _ => (None, 0),
            };
            if let Some((y, yl)) = num {
                if let Some(year) = full_year(y, yl) {
                    return month_point(year, m).map(|p| (Found::Point(p), used));
                }
            }
        }
        // Q3 2019/20 (financial year quarter) or Q3 2019 (calendar quarter)
        if w == "q" {
            if let (Some(Tok::Num(q, 1)), Some(Tok::Num(y, 4))) = (t(1), t(2)) {
                let year = i32::try_from(*y).ok()?;
                let fy = matches!(
                    (t(3), t(4)),
                    (Some(Tok::Sep('/' | '-')), Some(Tok::Num(_, 2 | 4)))
                );
                let used = if fy { 5 } else { 3 };
                if !(1..=4).contains(q) {
                    return Some((
                        Found::Impossible(format!(
                            "{}\u{0}there is no quarter {q}",
                            fragment(used)
                        )),
                        used,
                    ));
                }
                let q = *q as u32;
                let (sy, sm) = if fy {
                    if q == 4 {
                        (year + 1, 1)
                    } else {
                        (year, 3 * q + 1)
                    }
                } else {
                    (year, 3 * q - 2)
                };
                let start = NaiveDate::from_ymd_opt(sy, sm, 1)?;
                let end = last_day(sy, sm + 2)?;
                return Some((Found::Point(span(start, end, Precision::Quarter)), used));
            }
        }
    }
    // 2019/20, 2019-20, 2019/2020 (financial years), 2018-2019 (two years), 2015
    if let Some(Tok::Num(y, 4)) = t(0) {
        let year = i32::try_from(*y)
            .ok()
            .filter(|y| (1900..=2100).contains(y))?;
        if let (Some(Tok::Sep(s)), Some(Tok::Num(y2, l2))) = (t(1), t(2)) {
            let second = full_year(*y2, *l2).filter(|_| *s != '.');
            if let Some(second) = second {
                if *s == '-' && *l2 == 4 && second > year {
                    let a = span(
                        NaiveDate::from_ymd_opt(year, 1, 1)?,
                        NaiveDate::from_ymd_opt(year, 12, 31)?,
                        Precision::Year,
                    );
                    let b = span(
                        NaiveDate::from_ymd_opt(second, 1, 1)?,
                        NaiveDate::from_ymd_opt(second, 12, 31)?,
                        Precision::Year,
                    );
                    return Some((Found::YearRange(a, b), 3));
                }
                if second == year + 1 {
                    let academic = toks
                        .iter()
                        .any(|t| matches!(&t.tok, Tok::Word(w) if w == "ay" || w == "academic"));
                    let p = if academic {
                        span(
                            NaiveDate::from_ymd_opt(year, 9, 1)?,
                            NaiveDate::from_ymd_opt(second, 8, 31)?,
                            Precision::AcademicYear,
                        )
                    } else {
                        span(
                            NaiveDate::from_ymd_opt(year, 4, 1)?,
                            NaiveDate::from_ymd_opt(second, 3, 31)?,
                            Precision::FinancialYear,
                        )
                    };
                    return Some((Found::Point(p), 3));
                }
            }
        }
        let p = span(
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
            Precision::Year,
        );
        return Some((Found::Point(p), 1));
    }
    None
}

fn cadence(word: &str) -> Option<Cadence> {
    Some(match word {
        "weekly" => Cadence::Weekly,
        "monthly" => Cadence::Monthly,
        "quarterly" => Cadence::Quarterly,
        "termly" => Cadence::Termly,
        "annually" | "annual" | "yearly" => Cadence::Annually,
        _ => return None,
    })
}

fn problem(
    kind: ProblemKind,
    text: &str,
    reason: String,
) -> (TimescaleKind, Vec<TimescaleProblem>) {
    (
        TimescaleKind::NotUnderstood,
        vec![TimescaleProblem {
            kind,
            text: text.to_string(),
            reason,
        }],
    )
}

pub(super) fn parse(raw: &str) -> (TimescaleKind, Vec<TimescaleProblem>) {
    let text = raw.trim().trim_end_matches('.').trim();
    let lower = text.to_lowercase();
    if text.is_empty()
        || matches!(
            lower.as_str(),
            "_" | "-" | "–" | "—" | "n/a" | "na" | "none"
        )
    {
        return (TimescaleKind::Empty, vec![]);
    }
    if text.len() > MAX_LEN {
        let shown: String = text.chars().take(40).collect();
        return problem(
            ProblemKind::NotUnderstood,
            &format!("{shown}…"),
            format!(
                "a timescale of {} characters is too long to be a date",
                text.chars().count()
            ),
        );
    }
    if matches!(
        lower.as_str(),
        "tbc" | "tba" | "to be confirmed" | "to be agreed" | "tbd"
    ) {
        return (TimescaleKind::ToBeConfirmed, vec![]);
    }
    if matches!(
        lower.as_str(),
        "achieved" | "complete" | "completed" | "done"
    ) {
        return (TimescaleKind::Achieved, vec![]);
    }
    let toks = tokenize(text);
    // An Excel serial date: a bare 5-digit number (10000 is 18/05/1927,
    // 99999 is in 2173); shorter numbers are more likely years or typos.
    if let [Token {
        tok: Tok::Num(n, 5),
        ..
    }] = toks.as_slice()
    {
        {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
            let date = base.checked_add_days(chrono::Days::new(*n));
            return match date {
                Some(d) => (
                    TimescaleKind::Point {
                        at: span(d, d, Precision::Day),
                    },
                    vec![],
                ),
                _ => problem(
                    ProblemKind::NotUnderstood,
                    text,
                    format!("{n} is not a date"),
                ),
            };
        }
    }

    let mut dates: Vec<(usize, Found)> = Vec::new();
    let mut ongoing_at: Option<usize> = None;
    let mut immediate = false;
    let mut cadence_at: Option<(usize, Cadence)> = None;
    let mut connectors: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((found, used)) = date_at(&toks, i, text) {
            dates.push((i, found));
            i += used;
            continue;
        }
        match &toks[i].tok {
            Tok::Word(w) => match w.as_str() {
                "ongoing" | "continuous" | "continuing" => ongoing_at = ongoing_at.or(Some(i)),
                "immediate" | "immediately" => immediate = true,
                "to" | "through" | "until" | "till" | "thru" => connectors.push(i),
                "each" | "every" if matches!(toks.get(i + 1).map(|t| &t.tok), Some(Tok::Word(n)) if n == "board" || n == "meeting") =>
                {
                    cadence_at = cadence_at.or(Some((i, Cadence::EachMeeting)));
                }
                w => {
                    if let Some(c) = cadence(w) {
                        cadence_at = cadence_at.or(Some((i, c)));
                    }
                }
            },
            Tok::Sep('-') => connectors.push(i),
            _ => {}
        }
        i += 1;
    }

    if let Some((_, Found::Impossible(msg))) = dates
        .iter()
        .find(|(_, f)| matches!(f, Found::Impossible(_)))
    {
        let (fragment, why) = msg
            .split_once('\u{0}')
            .unwrap_or((msg.as_str(), "not a real date"));
        return problem(
            ProblemKind::ImpossibleDate,
            fragment.trim(),
            why.to_string(),
        );
    }
    let points: Vec<(usize, DatePoint)> = dates
        .iter()
        .flat_map(|(at, f)| match f {
            Found::Point(p) => vec![(*at, *p)],
            Found::YearRange(a, b) => vec![(*at, *a), (*at, *b)],
            Found::Impossible(_) => vec![],
        })
        .collect();

    // Recurring and ongoing: the first date before the keyword says when it
    // started, the last date after it when it stops.
    let around = |at: usize| {
        let from = points.iter().find(|(p, _)| *p < at).map(|(_, d)| *d);
        let until = points.iter().rev().find(|(p, _)| *p > at).map(|(_, d)| *d);
        (from, until)
    };
    if let Some((at, cadence)) = cadence_at {
        let (from, until) = around(at);
        return (
            TimescaleKind::Recurring {
                cadence,
                from,
                until,
            },
            vec![],
        );
    }
    if let Some(at) = ongoing_at {
        let (from, until) = around(at);
        return (
            TimescaleKind::Ongoing {
                from,
                until,
                immediate,
            },
            vec![],
        );
    }
    match points.as_slice() {
        [] => {
            let reason = if toks
                .iter()
                .any(|t| matches!(&t.tok, Tok::Word(w) if month_number(w).is_some()))
            {
                "it names a month without a year".to_string()
            } else {
                "it names no date, period or ongoing cadence lineofsight recognises".to_string()
            };
            problem(ProblemKind::NotUnderstood, text, reason)
        }
        [(_, one)] => (TimescaleKind::Point { at: *one }, vec![]),
        [(a, first), (b, second)]
            if connectors.iter().any(|c| c > a && c < b)
                || matches!(dates.first(), Some((_, Found::YearRange(..)))) =>
        {
            (
                TimescaleKind::Range {
                    from: *first,
                    to: *second,
                },
                vec![],
            )
        }
        many => {
            let mut dates: Vec<DatePoint> = many.iter().map(|(_, d)| *d).collect();
            dates.sort_by_key(|d| (d.start, d.end));
            (TimescaleKind::Milestones { dates }, vec![])
        }
    }
}

#[cfg(test)]
mod tests;
