//! Years, financial and academic years, year spans and quarters.

use chrono::NaiveDate;

use super::dates::{fragment, full_year, last_day, span, Context, Found};
use super::words::{is_connector, is_quarter_word, month_number, number_word, Tok, Token};
use crate::timescale::{DatePoint, Precision};

/// A year as written: a calendar year, or a year running April to March
/// (`2019/20`, `19/20`).
#[derive(Debug, Clone, Copy)]
enum YearSpec {
    Calendar(i32),
    /// A financial year, by the calendar year it starts in.
    Financial(i32),
}

fn four_digit_year(tok: Option<&Tok>) -> Option<i32> {
    match tok {
        Some(Tok::Num(y, 4)) => i32::try_from(*y).ok().filter(|y| (1900..=2100).contains(y)),
        _ => None,
    }
}

/// `19/20`, `21-22`: a two-digit financial year. Only when the first year is
/// 12 or more (so the pair cannot be a day and a month) and no date follows.
fn short_financial_year(toks: &[Token], i: usize) -> Option<i32> {
    let t = |k: usize| toks.get(i + k).map(|t| &t.tok);
    let (Some(Tok::Num(first, 2)), Some(Tok::Sep('/' | '-')), Some(Tok::Num(second, 2))) =
        (t(0), t(1), t(2))
    else {
        return None;
    };
    let follows_date = match (t(3), t(4)) {
        (Some(Tok::Sep(_)), Some(Tok::Num(..))) => true,
        (Some(Tok::Word(w)), _) => month_number(w).is_some(),
        _ => false,
    };
    (*first >= 12 && *second == (*first + 1) % 100 && !follows_date)
        .then(|| full_year(*first, 2))
        .flatten()
}

/// A year written at token `i`, and how many tokens it used.
fn year_spec(toks: &[Token], i: usize) -> Option<(YearSpec, usize)> {
    let t = |k: usize| toks.get(i + k).map(|t| &t.tok);
    if let Some(year) = four_digit_year(t(0)) {
        if let (Some(Tok::Sep('/' | '-')), Some(Tok::Num(y2, l2 @ (2 | 4)))) = (t(1), t(2)) {
            if full_year(*y2, *l2) == Some(year + 1) {
                return Some((YearSpec::Financial(year), 3));
            }
        }
        return Some((YearSpec::Calendar(year), 1));
    }
    short_financial_year(toks, i).map(|y| (YearSpec::Financial(y), 3))
}

/// The quarter number at token `i` (`Q3`, `Qtr 3`, `Quarter Two`, `3rd
/// quarter`, `second quarter`), and how many tokens it used.
fn quarter_number(toks: &[Token], i: usize) -> Option<(u64, usize)> {
    let t = |k: usize| toks.get(i + k).map(|t| &t.tok);
    match (t(0), t(1)) {
        (Some(Tok::Word(q)), Some(Tok::Num(n, 1))) if is_quarter_word(q) => Some((*n, 2)),
        (Some(Tok::Word(q)), Some(Tok::Word(n))) if is_quarter_word(q) => {
            number_word(n).filter(|n| *n <= 4).map(|n| (n, 2))
        }
        (Some(Tok::Num(n, 1)), Some(Tok::Word(q))) if q == "quarter" || q == "qtr" => Some((*n, 2)),
        (Some(Tok::Word(n)), Some(Tok::Word(q))) if q == "quarter" || q == "qtr" => {
            number_word(n).filter(|n| *n <= 4).map(|n| (n, 2))
        }
        _ => None,
    }
}

/// The span of quarter `q` of a year.
fn quarter_found(q: u64, year: YearSpec, fragment: impl FnOnce() -> String) -> Option<Found> {
    if !(1..=4).contains(&q) {
        return Some(Found::Impossible {
            fragment: fragment(),
            reason: format!("there is no quarter {q}"),
        });
    }
    let q = u32::try_from(q).ok()?;
    // Financial quarters start in April: Q1 is April to June, Q4 January to March.
    let (sy, sm) = match year {
        YearSpec::Financial(y) if q == 4 => (y + 1, 1),
        YearSpec::Financial(y) => (y, 3 * q + 1),
        YearSpec::Calendar(y) => (y, 3 * q - 2),
    };
    let start = NaiveDate::from_ymd_opt(sy, sm, 1)?;
    let end = last_day(sy, sm + 2)?;
    Some(Found::Point(span(start, end, Precision::Quarter)))
}

/// Words and separators allowed between a quarter and its year.
fn joiner(tok: Option<&Tok>) -> bool {
    match tok {
        Some(Tok::Sep('-' | ':')) => true,
        Some(Tok::Word(w)) => matches!(
            w.as_str(),
            "of" | "in" | "for" | "the" | "fy" | "financial" | "year" | "yr"
        ),
        _ => false,
    }
}

/// `Q3 2019/20`, `Quarter Two 2020/21`, `second quarter of 2021/22`, `Q3 2019`.
pub(super) fn quarter_at(toks: &[Token], i: usize, text: &str) -> Option<(Found, usize)> {
    let (q, n) = quarter_number(toks, i)?;
    let mut j = i + n;
    while j < i + n + 4 && joiner(toks.get(j).map(|t| &t.tok)) {
        j += 1;
    }
    let (year, used) = year_spec(toks, j)?;
    let total = j + used - i;
    let found = quarter_found(q, year, || fragment(toks, text, i, total))?;
    Some((found, total))
}

/// `21/22 Q3`, `2021/22 Q3`: the year first.
pub(super) fn year_quarter_at(toks: &[Token], i: usize, text: &str) -> Option<(Found, usize)> {
    let (year, used) = year_spec(toks, i)?;
    let mut j = i + used;
    while j < i + used + 3 && joiner(toks.get(j).map(|t| &t.tok)) {
        j += 1;
    }
    let (q, n) = quarter_number(toks, j)?;
    let total = j + n - i;
    let found = quarter_found(q, year, || fragment(toks, text, i, total))?;
    Some((found, total))
}

fn calendar_year(year: i32) -> Option<DatePoint> {
    Some(span(
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
        Precision::Year,
    ))
}

fn year_from_april(year: i32, cx: Context) -> Option<DatePoint> {
    Some(if cx.academic {
        span(
            NaiveDate::from_ymd_opt(year, 9, 1)?,
            NaiveDate::from_ymd_opt(year + 1, 8, 31)?,
            Precision::AcademicYear,
        )
    } else {
        span(
            NaiveDate::from_ymd_opt(year, 4, 1)?,
            NaiveDate::from_ymd_opt(year + 1, 3, 31)?,
            Precision::FinancialYear,
        )
    })
}

/// `2019/20`, `2019-20`, `2019/2020`, `19/20`, `2021 to 22` (financial or
/// academic years); `2018-2019`, `2018-21`, `2018 to 21` (calendar spans);
/// `2015`.
pub(super) fn years_at(toks: &[Token], i: usize, cx: Context) -> Option<(Found, usize)> {
    let t = |k: usize| toks.get(i + k).map(|t| &t.tok);
    let Some(year) = four_digit_year(t(0)) else {
        let y = short_financial_year(toks, i)?;
        return Some((Found::Point(year_from_april(y, cx)?), 3));
    };
    let range = |last: i32| -> Option<Found> {
        Some(Found::YearRange(calendar_year(year)?, calendar_year(last)?))
    };
    match (t(1), t(2), t(3)) {
        (Some(Tok::Sep(s @ ('/' | '-'))), Some(Tok::Num(y2, l2 @ (2 | 4))), _) => {
            if let Some(second) = full_year(*y2, *l2) {
                if *s == '-' && *l2 == 4 && second > year {
                    return Some((range(second)?, 3));
                }
                if second == year + 1 {
                    return Some((Found::Point(year_from_april(year, cx)?), 3));
                }
                if *l2 == 2 && second > year + 1 && second - year <= 10 {
                    return Some((range(second)?, 3));
                }
            }
        }
        // `2021 to 22`: the second year in two digits.
        (Some(Tok::Word(w)), Some(Tok::Num(y2, 2)), next)
            if is_connector(w)
                && !matches!(next, Some(Tok::Sep(_)))
                && !matches!(next, Some(Tok::Word(m)) if month_number(m).is_some()) =>
        {
            if let Some(second) = full_year(*y2, 2) {
                if second == year + 1 {
                    return Some((Found::Point(year_from_april(year, cx)?), 3));
                }
                if second > year + 1 && second - year <= 10 {
                    return Some((range(second)?, 3));
                }
            }
        }
        _ => {}
    }
    Some((Found::Point(calendar_year(year)?), 1))
}
