//! Date expressions: days, weeks, months, and the spans they name.

use chrono::{Datelike, NaiveDate};

use super::words::{month_number, Tok, Token, MONTH_NAMES};
use super::years;
use crate::timescale::{DatePoint, Precision};

/// One date expression found in the text.
#[derive(Debug, Clone)]
pub(super) enum Found {
    Point(DatePoint),
    /// Two years written `2018-2019` or `2018-21`: a range in themselves.
    YearRange(DatePoint, DatePoint),
    /// A date that does not exist: the text naming it and why.
    Impossible {
        fragment: String,
        reason: String,
    },
}

/// What the whole text says about how to read years.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    /// The text says `AY` or `academic`: `2019/20` is September to August.
    pub(super) academic: bool,
}

/// Two-digit years: 00–69 are 20xx, 70–99 are 19xx.
pub(super) fn full_year(value: u64, digits: usize) -> Option<i32> {
    match digits {
        1 | 2 if value < 70 => i32::try_from(value).ok().map(|v| 2000 + v),
        1 | 2 => i32::try_from(value).ok().map(|v| 1900 + v),
        4 => i32::try_from(value).ok(),
        _ => None,
    }
}

pub(super) fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
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

pub(super) fn span(start: NaiveDate, end: NaiveDate, precision: Precision) -> DatePoint {
    DatePoint {
        start,
        end,
        precision,
    }
}

/// Why a day, month and year do not make a date.
fn impossible_day(day: u64, month: u64, year: i32) -> String {
    if !(1..=12).contains(&month) {
        format!("there is no month {month}")
    } else if day == 0 {
        "there is no day 0".to_string()
    } else {
        let days = u32::try_from(month)
            .ok()
            .and_then(|m| last_day(year, m))
            .map_or(31, |d| d.day());
        let name = usize::try_from(month - 1)
            .ok()
            .and_then(|i| MONTH_NAMES.get(i))
            .unwrap_or(&"");
        format!("{name} {year} has only {days} days")
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

/// The text of tokens `i..i + n`.
pub(super) fn fragment(toks: &[Token], text: &str, i: usize, n: usize) -> String {
    match (toks.get(i), toks.get(i + n.max(1) - 1)) {
        (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or_default().to_string(),
        _ => String::new(),
    }
}

fn day_found(
    toks: &[Token],
    text: &str,
    i: usize,
    n: usize,
    p: Result<DatePoint, String>,
) -> (Found, usize) {
    match p {
        Ok(p) => (Found::Point(p), n),
        Err(reason) => (
            Found::Impossible {
                fragment: fragment(toks, text, i, n),
                reason,
            },
            n,
        ),
    }
}

/// `w/c`, `wc`, `w/b`, `week commencing`, `week beginning`: how many tokens.
fn week_marker(toks: &[Token], i: usize) -> Option<usize> {
    let t = |k: usize| toks.get(i + k).map(|t| &t.tok);
    match (t(0), t(1), t(2)) {
        (Some(Tok::Word(w)), Some(Tok::Sep('/')), Some(Tok::Word(c)))
            if w == "w" && (c == "c" || c == "b") =>
        {
            Some(3)
        }
        (Some(Tok::Word(w)), _, _) if w == "wc" || w == "wb" => Some(1),
        (Some(Tok::Word(w)), Some(Tok::Word(c)), _)
            if w == "week" && matches!(c.as_str(), "commencing" | "beginning" | "starting") =>
        {
            Some(2)
        }
        _ => None,
    }
}

/// Tries to read a date expression at token `i`; returns what it found and
/// how many tokens it used.
pub(super) fn date_at(toks: &[Token], i: usize, text: &str, cx: Context) -> Option<(Found, usize)> {
    // w/c 4 March 2019: the week starting that day.
    if let Some(m) = week_marker(toks, i) {
        let (found, used) = date_at(toks, i + m, text, cx)?;
        let found = match found {
            Found::Point(p) if p.precision == Precision::Day => {
                let end = p.start.checked_add_days(chrono::Days::new(6))?;
                Found::Point(span(p.start, end, Precision::Week))
            }
            other => other,
        };
        return Some((found, m + used));
    }
    let t = |k: usize| toks.get(i + k).map(|t| &t.tok);
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
                return Some(day_found(toks, text, i, 5, day_point(*d, *m, year)));
            }
        }
        // 2019-12-31
        if *dl == 4 && *s1 == '-' && *s2 == '-' && *ml <= 2 && *yl <= 2 {
            let year = i32::try_from(*d).ok()?;
            return Some(day_found(toks, text, i, 5, day_point(*y, *m, year)));
        }
    }
    // 30th April 2020, 12March 2021, 1st of May 2021
    if let Some(Tok::Num(d, dl)) = t(0) {
        let of = usize::from(matches!(t(1), Some(Tok::Word(w)) if w == "of"));
        if let (Some(Tok::Word(w)), Some(Tok::Num(y, yl))) = (t(1 + of), t(2 + of)) {
            if let (Some(m), true, Some(year)) = (month_number(w), *dl <= 2, full_year(*y, *yl)) {
                let n = 3 + of;
                return Some(day_found(
                    toks,
                    text,
                    i,
                    n,
                    day_point(*d, u64::from(m), year),
                ));
            }
        }
    }
    // Dec-19, June 2015, Oct 03, March2021
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
    }
    years::quarter_at(toks, i, text)
        .or_else(|| years::year_quarter_at(toks, i, text))
        .or_else(|| years::years_at(toks, i, cx))
}
