//! Period labels as published statistics write them: `2019`, `2019/20`,
//! `2019-20`, `2013/14-15/16`, `2014-16`, `2016-17 (OT)`, `2018 (Rev)`,
//! `2020 (Final)`, `2025 (prov)`, `Q3 2019/20`, `March 2019`, and the
//! `time_period` + `time_identifier` pairs of Explore Education Statistics.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of span a period label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// One year, ending on the day [`YearEnd`] says (`2019`).
    Year,
    /// A financial year, 1 April to 31 March (`2019/20`, `2019-20`, `201920`).
    FinancialYear,
    /// An academic year, 1 September to 31 August (EES `Academic year`).
    AcademicYear,
    /// A quarter (`Q3 2019/20` is October to December 2019).
    Quarter,
    /// A month (`March 2019`).
    Month,
    /// Several years together (`2014-16`, `2013/14-15/16`).
    Span,
}

/// The status a label's suffix gives a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStatus {
    /// `(prov)`: provisional, may be revised.
    Provisional,
    /// `(Rev)`: revised.
    Revised,
    /// `(Final)`: final.
    Final,
    /// `(OT)`: outturn (spending actually incurred).
    Outturn,
}

/// Where a bare year such as `2019` ends. Children's social care statistics
/// count at 31 March (`2019` is the year to 31 March 2019); others use the
/// calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum YearEnd {
    /// The year to 31 December.
    #[default]
    December,
    /// The year to 31 March, as the DfE's looked-after children statistics count.
    March,
}

/// A period label read into the span of days it covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Period {
    /// The label as written.
    pub label: String,
    /// What kind of span it is.
    pub kind: PeriodKind,
    /// Its first day.
    pub start: NaiveDate,
    /// Its last day.
    pub end: NaiveDate,
    /// The status its suffix gives, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PeriodStatus>,
}

/// A period label that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("period {label:?} is not understood: {reason}")]
pub struct PeriodError {
    /// The label as found.
    pub label: String,
    /// Why it could not be read.
    pub reason: String,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

fn year_of(text: &str) -> Option<i32> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// `19`/`20` as the two digits after a four-digit year `2019`: the year it names.
fn next_two_digits(first: i32, two: &str) -> Option<i32> {
    if two.len() != 2 || !two.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let yy: i32 = two.parse().ok()?;
    let century = first - first.rem_euclid(100);
    let mut y = century + yy;
    if y < first {
        y += 100;
    }
    Some(y)
}

fn financial(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, 4, 1)?, ymd(y + 1, 3, 31)?))
}

impl Period {
    /// Reads a period label; a bare year ends as `year_end` says.
    ///
    /// # Errors
    ///
    /// [`PeriodError`] naming the label and what was wrong (LAIT's `0`, a
    /// financial year whose halves are not consecutive, an unknown month).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{Period, PeriodKind, PeriodStatus, YearEnd};
    ///
    /// let p = Period::parse("2016-17 (OT)", YearEnd::March)?;
    /// assert_eq!(p.kind, PeriodKind::FinancialYear);
    /// assert_eq!(p.status, Some(PeriodStatus::Outturn));
    /// assert_eq!(p.end.to_string(), "2017-03-31");
    ///
    /// let q = Period::parse("Q3 2019/20", YearEnd::March)?;
    /// assert_eq!((q.start.to_string(), q.end.to_string()), ("2019-10-01".into(), "2019-12-31".into()));
    ///
    /// assert_eq!(Period::parse("2019", YearEnd::March)?.end.to_string(), "2019-03-31");
    /// assert!(Period::parse("0", YearEnd::March).is_err());
    /// # Ok::<(), lineofsight::measure::PeriodError>(())
    /// ```
    pub fn parse(label: &str, year_end: YearEnd) -> Result<Period, PeriodError> {
        let err = |reason: &str| PeriodError {
            label: label.to_string(),
            reason: reason.to_string(),
        };
        let mut text = label.trim();
        let mut status = None;
        if let Some(open) = text.rfind('(') {
            let suffix = text[open..].trim_end_matches(')').trim_start_matches('(');
            status = Some(match suffix.trim().to_ascii_lowercase().as_str() {
                "prov" | "provisional" | "p" => PeriodStatus::Provisional,
                "rev" | "revised" | "r" => PeriodStatus::Revised,
                "final" => PeriodStatus::Final,
                "ot" | "outturn" => PeriodStatus::Outturn,
                _ => {
                    return Err(err(
                        "unknown status in brackets (expected prov, Rev, Final or OT)",
                    ))
                }
            });
            text = text[..open].trim();
        }
        let (kind, start, end) = read_span(text, year_end).ok_or_else(|| {
            err("expected a year (2019), financial year (2019/20, 2019-20), span (2014-16, 2013/14-15/16), quarter (Q3 2019/20) or month (March 2019)")
        })?;
        Ok(Period {
            label: label.trim().to_string(),
            kind,
            start,
            end,
            status,
        })
    }

    /// Reads an Explore Education Statistics `time_period` with its
    /// `time_identifier`: (`2024`, `Reporting year`), (`201920`,
    /// `Financial year`), (`201920`, `Academic year`), (`2019`, `Calendar
    /// year`). A reporting year is read as the year to 31 March, as the
    /// children's social care publications count.
    ///
    /// # Errors
    ///
    /// [`PeriodError`] for an identifier this crate does not know, or a
    /// period that does not fit it.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{Period, PeriodKind};
    ///
    /// let p = Period::from_ees("201920", "Financial year")?;
    /// assert_eq!(p.kind, PeriodKind::FinancialYear);
    /// assert_eq!(p.label, "2019/20");
    /// let r = Period::from_ees("2024", "Reporting year")?;
    /// assert_eq!(r.end.to_string(), "2024-03-31");
    /// # Ok::<(), lineofsight::measure::PeriodError>(())
    /// ```
    pub fn from_ees(time_period: &str, time_identifier: &str) -> Result<Period, PeriodError> {
        let tp = time_period.trim();
        let id = time_identifier.trim().to_ascii_lowercase();
        let err = |reason: &str| PeriodError {
            label: format!("{tp} ({})", time_identifier.trim()),
            reason: reason.to_string(),
        };
        let two_year = |tp: &str| -> Option<(i32, i32)> {
            if tp.len() != 6 {
                return None;
            }
            let y = year_of(tp.get(..4)?)?;
            let y2 = next_two_digits(y, tp.get(4..)?)?;
            (y2 == y + 1).then_some((y, y2))
        };
        let (label, kind, start, end) = match id.as_str() {
            "reporting year" | "calendar year" => {
                let y = year_of(tp).ok_or_else(|| err("expected a four-digit year"))?;
                let ye = if id == "reporting year" { YearEnd::March } else { YearEnd::December };
                let (s, e) = year_span(y, ye).ok_or_else(|| err("year out of range"))?;
                (tp.to_string(), PeriodKind::Year, s, e)
            }
            "financial year" | "academic year" => {
                let (y, y2) = two_year(tp).ok_or_else(|| err("expected six digits naming two consecutive years, such as 201920"))?;
                let (s, e, kind) = if id == "financial year" {
                    let (s, e) = financial(y).ok_or_else(|| err("year out of range"))?;
                    (s, e, PeriodKind::FinancialYear)
                } else {
                    let s = ymd(y, 9, 1).ok_or_else(|| err("year out of range"))?;
                    let e = ymd(y2, 8, 31).ok_or_else(|| err("year out of range"))?;
                    (s, e, PeriodKind::AcademicYear)
                };
                (format!("{y}/{:02}", y2 % 100), kind, s, e)
            }
            _ => {
                return Err(err(
                    "time_identifier must be Reporting year, Calendar year, Financial year or Academic year",
                ))
            }
        };
        Ok(Period {
            label,
            kind,
            start,
            end,
            status: None,
        })
    }

    /// The same span one year earlier: what "the same period last year" means.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{Period, YearEnd};
    ///
    /// let p = Period::parse("Q3 2019/20", YearEnd::March)?;
    /// assert_eq!(p.year_before().map(|(s, e)| (s.to_string(), e.to_string())),
    ///            Some(("2018-10-01".into(), "2018-12-31".into())));
    /// # Ok::<(), lineofsight::measure::PeriodError>(())
    /// ```
    pub fn year_before(&self) -> Option<(NaiveDate, NaiveDate)> {
        let back = |d: NaiveDate| {
            ymd(d.year() - 1, d.month(), d.day()).or_else(|| month_end(d.year() - 1, d.month()))
        };
        Some((back(self.start)?, back(self.end)?))
    }

    /// Orders periods by their last day, then their first.
    ///
    /// # Example
    ///
    /// ```
    /// use std::cmp::Ordering;
    /// use lineofsight::measure::{Period, YearEnd};
    ///
    /// let a = Period::parse("2018/19", YearEnd::March)?;
    /// let b = Period::parse("2019", YearEnd::December)?;
    /// assert_eq!(a.chronological(&b), Ordering::Less);
    /// # Ok::<(), lineofsight::measure::PeriodError>(())
    /// ```
    pub fn chronological(&self, other: &Period) -> Ordering {
        (self.end, self.start).cmp(&(other.end, other.start))
    }
}

fn year_span(y: i32, year_end: YearEnd) -> Option<(NaiveDate, NaiveDate)> {
    match year_end {
        YearEnd::December => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
        YearEnd::March => Some((ymd(y - 1, 4, 1)?, ymd(y, 3, 31)?)),
    }
}

/// `2019/20` or `2019-20` as a financial year's first year, if the halves
/// are consecutive.
fn financial_year_start(text: &str) -> Option<i32> {
    let (a, b) = text.split_once(['/', '-'])?;
    let y = year_of(a.trim())?;
    let b = b.trim();
    let y2 = if b.len() == 4 {
        year_of(b)?
    } else {
        next_two_digits(y, b)?
    };
    (y2 == y + 1).then_some(y)
}

fn read_span(text: &str, year_end: YearEnd) -> Option<(PeriodKind, NaiveDate, NaiveDate)> {
    if let Some(y) = year_of(text) {
        let (s, e) = year_span(y, year_end)?;
        return Some((PeriodKind::Year, s, e));
    }
    // Quarter: `Q3 2019/20` (financial) or `Q3 2019` (calendar).
    let lower = text.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix('q') {
        let (q, year) = rest.split_once(' ')?;
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        let year = year.trim();
        let (first_month, y) = if let Some(y) = financial_year_start(year) {
            // Q1 is April to June.
            let m = 4 + (q - 1) * 3;
            if m > 12 {
                (m - 12, y + 1)
            } else {
                (m, y)
            }
        } else {
            (1 + (q - 1) * 3, year_of(year)?)
        };
        return Some((
            PeriodKind::Quarter,
            ymd(y, first_month, 1)?,
            month_end(y, first_month + 2)?,
        ));
    }
    // Month: `March 2019`, `Mar 2019`, `Mar-19`.
    if let Some((m, y)) = lower.split_once([' ', '-']) {
        if let Some(mi) = (1u8..)
            .zip(MONTHS)
            .find_map(|(i, p)| (m.trim().starts_with(p) && m.trim().len() >= 3).then_some(i))
        {
            let full_ok = chrono::Month::try_from(mi)
                .is_ok_and(|mm| mm.name().to_ascii_lowercase().starts_with(m.trim()));
            let y = y.trim();
            let year = year_of(y).or_else(|| next_two_digits(2000, y));
            if let (true, Some(year)) = (full_ok, year) {
                let month = u32::from(mi);
                return Some((
                    PeriodKind::Month,
                    ymd(year, month, 1)?,
                    month_end(year, month)?,
                ));
            }
        }
    }
    // `2013/14-15/16`: a span of financial years.
    if let Some((a, b)) = text.split_once('-') {
        if a.contains('/') && b.contains('/') {
            let y = financial_year_start(a)?;
            let (b1, b2) = b.split_once('/')?;
            let y_last = next_two_digits(y, b1.trim())?;
            if next_two_digits(y_last, b2.trim())? != y_last + 1 || y_last <= y {
                return None;
            }
            return Some((PeriodKind::Span, ymd(y, 4, 1)?, ymd(y_last + 1, 3, 31)?));
        }
    }
    if let Some(y) = financial_year_start(text) {
        let (s, e) = financial(y)?;
        return Some((PeriodKind::FinancialYear, s, e));
    }
    // `2014-16`, `2014-2016`: a span of years.
    let (first, second) = text.split_once('-')?;
    let y = year_of(first.trim())?;
    let second = second.trim();
    let y2 = if second.len() == 4 {
        year_of(second)?
    } else {
        next_two_digits(y, second)?
    };
    if y2 <= y + 1 {
        return None;
    }
    let (s, _) = year_span(y, year_end)?;
    let (_, e) = year_span(y2, year_end)?;
    Some((PeriodKind::Span, s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(label: &str) -> (PeriodKind, String, String, Option<PeriodStatus>) {
        let p = Period::parse(label, YearEnd::March).unwrap_or_else(|e| panic!("{e}"));
        (p.kind, p.start.to_string(), p.end.to_string(), p.status)
    }

    #[test]
    fn every_label_the_data_uses() {
        use PeriodKind::*;
        use PeriodStatus::*;
        let cases = [
            ("2019", Year, "2018-04-01", "2019-03-31", None),
            ("2019/20", FinancialYear, "2019-04-01", "2020-03-31", None),
            ("2019-20", FinancialYear, "2019-04-01", "2020-03-31", None),
            ("1999/00", FinancialYear, "1999-04-01", "2000-03-31", None),
            ("2013/14-15/16", Span, "2013-04-01", "2016-03-31", None),
            ("2014-16", Span, "2013-04-01", "2016-03-31", None),
            (
                "2016-17 (OT)",
                FinancialYear,
                "2016-04-01",
                "2017-03-31",
                Some(Outturn),
            ),
            (
                "2018 (Rev)",
                Year,
                "2017-04-01",
                "2018-03-31",
                Some(Revised),
            ),
            (
                "2020 (Final)",
                Year,
                "2019-04-01",
                "2020-03-31",
                Some(Final),
            ),
            (
                "2025 (prov)",
                Year,
                "2024-04-01",
                "2025-03-31",
                Some(Provisional),
            ),
            ("Q3 2019/20", Quarter, "2019-10-01", "2019-12-31", None),
            ("Q4 2019/20", Quarter, "2020-01-01", "2020-03-31", None),
            ("Q1 2019", Quarter, "2019-01-01", "2019-03-31", None),
            ("March 2019", Month, "2019-03-01", "2019-03-31", None),
            ("Feb 2020", Month, "2020-02-01", "2020-02-29", None),
            ("Mar-19", Month, "2019-03-01", "2019-03-31", None),
        ];
        for (label, kind, s, e, status) in cases {
            assert_eq!(span(label), (kind, s.into(), e.into(), status), "{label}");
        }
    }

    #[test]
    fn calendar_years_when_asked() {
        let p = Period::parse("2014-16", YearEnd::December).unwrap();
        assert_eq!(
            (p.start.to_string(), p.end.to_string()),
            ("2014-01-01".into(), "2016-12-31".into())
        );
    }

    #[test]
    fn ees_pairs() {
        let cases = [
            ("2024", "Reporting year", "2023-04-01", "2024-03-31", "2024"),
            (
                "201920",
                "Financial year",
                "2019-04-01",
                "2020-03-31",
                "2019/20",
            ),
            (
                "201920",
                "Academic year",
                "2019-09-01",
                "2020-08-31",
                "2019/20",
            ),
            ("2019", "Calendar year", "2019-01-01", "2019-12-31", "2019"),
        ];
        for (tp, id, s, e, label) in cases {
            let p = Period::from_ees(tp, id).unwrap();
            assert_eq!(
                (p.start.to_string(), p.end.to_string(), p.label.as_str()),
                (s.into(), e.into(), label)
            );
        }
        assert!(Period::from_ees("201921", "Financial year").is_err());
        assert!(Period::from_ees("2019", "Week").is_err());
    }

    #[test]
    fn nonsense_is_an_error_naming_the_label() {
        for bad in [
            "0",
            "",
            "2019/21",
            "Q5 2019",
            "Smarch 2019",
            "2019 (draft)",
            "20199",
            "2019-19",
        ] {
            let e = Period::parse(bad, YearEnd::March).unwrap_err();
            assert_eq!(e.label, bad.trim());
        }
    }
}
