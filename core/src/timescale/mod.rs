//! Timescales: the free-text "By when?", "Timescale" and "Target date" cells of
//! council plans, parsed into structured values that keep the raw text.
//!
//! Dates are UK day-first. Two-digit years `00`–`69` are read as 20xx and
//! `70`–`99` as 19xx. An impossible date such as `31/04/2019` is never moved
//! to another day: the timescale is kept as [`TimescaleKind::NotUnderstood`]
//! with a [`TimescaleProblem`] naming the text that caused it.
//!
//! The parser never returns a date after skipping text that may change it:
//! words and numbers it did not read are listed by [`Timescale::unused`],
//! and when any of them is a number or a date word (a month, `quarter`,
//! `year`, `spring`, …) the timescale carries a [`ProblemKind::Ignored`]
//! warning naming it. Filler words (`by`, `end of`, `no later than`,
//! `approx`) are skipped silently.
//!
//! | Text | Read as |
//! |---|---|
//! | `Stage 3 Jun 2021`, `Phase 2: March 2022` | due at the month's end; the stage number is a label |
//! | `From Sept 22`, `Commencing 1/5/23` | ongoing from that date, no due date |
//! | `w/c 4 March 2019` | the week 4–10 March 2019 |
//! | `2021/22`, `2021-22`, `2021 to 22`, `19/20` | a financial year, due 31 March |
//! | `2021 to 2022`, `2018-21` | calendar years, due 31 December of the last |
//! | `Q3 2019/20`, `Quarter Two 2020/21`, `21/22 Q3` | a financial quarter (Q1 is April to June) |
//! | `Q3 2019` | a calendar quarter (Q1 is January to March) |

mod parse;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use parse::TimescaleError;

/// How precisely a [`DatePoint`] was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// An exact day, such as `01/09/2019` or `30th April 2020`.
    Day,
    /// A week, such as `w/c 4 March 2019` (4 to 10 March); due at its end.
    Week,
    /// A month, such as `Dec-19` or `June 2015`; due at the month's end.
    Month,
    /// A quarter: of a financial year when written with one, such as `Q3
    /// 2019/20` (October to December 2019), else of a calendar year (`Q3 2019`
    /// is July to September).
    Quarter,
    /// A calendar year, such as `2019`.
    Year,
    /// A financial year, 1 April to 31 March, such as `2019/20`.
    FinancialYear,
    /// An academic year, 1 September to 31 August, such as `AY 2019/20`.
    AcademicYear,
}

/// A span of time named by one date expression: its first and last day.
///
/// A timescale that names a month is due on the month's last day, so the
/// due date of any point is [`DatePoint::end`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct DatePoint {
    /// First day of the span.
    pub start: NaiveDate,
    /// Last day of the span: the day the item is due.
    pub end: NaiveDate,
    /// How precisely the text named it.
    pub precision: Precision,
}

/// How often a recurring item comes round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// Every week.
    Weekly,
    /// Every month (`monthly monitoring`).
    Monthly,
    /// Every quarter (`ongoing quarterly`).
    Quarterly,
    /// Every school term.
    Termly,
    /// Every year.
    Annually,
    /// At every meeting of a board (`Reports to be provided to each Board`).
    EachMeeting,
}

/// The structure found in a timescale's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimescaleKind {
    /// An empty cell, or one holding only `_` or `-`.
    Empty,
    /// One date, month, quarter or year: `01/09/2019`, `Dec-19`, `Q3 2019/20`, `2019/20`.
    Point {
        /// The date named.
        at: DatePoint,
    },
    /// From one point to another: `Nov 18 – Nov 19`, `2018-2019`.
    Range {
        /// Where the range starts.
        from: DatePoint,
        /// Where the range ends: the due date is `to.end`.
        to: DatePoint,
    },
    /// Several dates in one cell with no range between them:
    /// `December 2015 April 2016`, `Roll out Jan 19 Nov 19`. In date order.
    Milestones {
        /// The milestones, earliest first.
        dates: Vec<DatePoint>,
    },
    /// Ongoing work: `Ongoing`, `Immediate and ongoing`, `01/03/2019 and ongoing`,
    /// `Ongoing-Mar-20`.
    Ongoing {
        /// When it started, if the text says.
        from: Option<DatePoint>,
        /// When it stops, if the text says.
        until: Option<DatePoint>,
        /// Whether the text says it starts immediately.
        immediate: bool,
    },
    /// A recurring review or report: `Mar 19 – ongoing quarterly`,
    /// `Dec 18 Monthly monitoring September 2020`.
    Recurring {
        /// How often it recurs.
        cadence: Cadence,
        /// When it started, if the text says.
        from: Option<DatePoint>,
        /// When it stops or is next reviewed, if the text says.
        until: Option<DatePoint>,
    },
    /// The cell says the work is done: `Achieved`, `Complete`.
    Achieved,
    /// `TBC`, `To be confirmed`, `TBA`.
    ToBeConfirmed,
    /// Text that could not be understood, or that names an impossible date.
    /// The raw text is kept and [`Timescale::problems`] says why.
    NotUnderstood,
}

/// Why a timescale's text could not be fully understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProblemKind {
    /// The text names a date that does not exist, such as `31/04/2019`.
    ImpossibleDate,
    /// The text matches no form the parser knows.
    NotUnderstood,
    /// A warning: the text was read, but a number or date word in it was
    /// not, so the date may not be what the text means (`Nov 18-19`).
    Ignored,
}

/// A problem found in a timescale's text, naming the text that caused it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct TimescaleProblem {
    /// What kind of problem.
    pub kind: ProblemKind,
    /// The part of the raw text that caused it, e.g. `31/04/2019`.
    pub text: String,
    /// A plain-English explanation, e.g. `April 2019 has only 30 days`.
    pub reason: String,
}

/// A parsed timescale that keeps its raw text.
///
/// In a plan's JSON a timescale is written as its raw text; the structure is
/// parsed on load, so the two can never disagree.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::timescale::{Timescale, TimescaleKind};
///
/// let t = Timescale::parse("Dec-19");
/// assert_eq!(t.raw(), "Dec-19");
/// assert_eq!(t.due(), NaiveDate::from_ymd_opt(2019, 12, 31));
///
/// let bad = Timescale::parse("31/04/2019");
/// assert_eq!(bad.kind(), &TimescaleKind::NotUnderstood);
/// assert_eq!(bad.problems()[0].text, "31/04/2019");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timescale {
    raw: String,
    kind: TimescaleKind,
    problems: Vec<TimescaleProblem>,
    unused: Vec<String>,
}

impl Timescale {
    /// Parses a timescale leniently: any text gives a timescale, and what
    /// could not be understood is reported in [`Timescale::problems`].
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::timescale::{Timescale, TimescaleKind};
    ///
    /// assert!(matches!(Timescale::parse("Immediate and ongoing").kind(),
    ///     TimescaleKind::Ongoing { immediate: true, .. }));
    /// ```
    pub fn parse(raw: &str) -> Timescale {
        let parse::Parsed {
            kind,
            problems,
            unused,
        } = parse::parse(raw);
        Timescale {
            raw: raw.to_string(),
            kind,
            problems,
            unused,
        }
    }

    /// Parses a timescale strictly.
    ///
    /// # Errors
    ///
    /// Returns [`TimescaleError`] when the text names an impossible date,
    /// matches no known form, or has a number or date word that was not read
    /// ([`ProblemKind::Ignored`]); the error names the text that caused it.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::timescale::Timescale;
    ///
    /// assert!(Timescale::parse_strict("30/11/ 2019").is_ok());
    /// let err = Timescale::parse_strict("31/04/2019").unwrap_err();
    /// assert!(err.to_string().contains("31/04/2019"));
    /// let err = Timescale::parse_strict("Nov 18-19").unwrap_err();
    /// assert!(err.to_string().contains("\"19\" was not read"));
    /// ```
    pub fn parse_strict(raw: &str) -> Result<Timescale, TimescaleError> {
        let t = Timescale::parse(raw);
        match t.problems.first() {
            None => Ok(t),
            Some(p) => Err(TimescaleError::from_problem(raw, p)),
        }
    }

    /// The text as written in the source.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::timescale::Timescale;
    ///
    /// assert_eq!(Timescale::parse("30/11/ 2019").raw(), "30/11/ 2019");
    /// ```
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The structure found in the text.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::timescale::{Timescale, TimescaleKind};
    ///
    /// assert_eq!(Timescale::parse("TBC").kind(), &TimescaleKind::ToBeConfirmed);
    /// ```
    pub fn kind(&self) -> &TimescaleKind {
        &self.kind
    }

    /// Problems found in the text (empty when it was fully understood). A
    /// timescale that is not [`TimescaleKind::NotUnderstood`] can still carry
    /// [`ProblemKind::Ignored`] warnings.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::timescale::{ProblemKind, Timescale};
    ///
    /// let t = Timescale::parse("31/04/2019");
    /// assert_eq!(t.problems()[0].kind, ProblemKind::ImpossibleDate);
    /// assert_eq!(t.problems()[0].reason, "April 2019 has only 30 days");
    /// ```
    pub fn problems(&self) -> &[TimescaleProblem] {
        &self.problems
    }

    /// The runs of words and numbers in the text that the parser did not
    /// read, in text order; filler words (`by`, `end of`, `the`, `no later
    /// than`, `approx`) are not listed. When one holds a number or a date
    /// word, [`Timescale::problems`] has a [`ProblemKind::Ignored`] warning
    /// naming it.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::timescale::{ProblemKind, Timescale};
    ///
    /// let t = Timescale::parse("Roll out by end of Jan 19");
    /// assert_eq!(t.unused(), ["Roll out"]);
    /// assert!(t.problems().is_empty());
    ///
    /// let t = Timescale::parse("Nov 18-19");
    /// assert_eq!(t.due(), NaiveDate::from_ymd_opt(2018, 11, 30));
    /// assert_eq!(t.unused(), ["19"]);
    /// assert_eq!(t.problems()[0].kind, ProblemKind::Ignored);
    /// assert_eq!(t.problems()[0].text, "19");
    /// ```
    pub fn unused(&self) -> &[String] {
        &self.unused
    }

    /// Whether some of the text was not read and may change the date: a
    /// [`ProblemKind::Ignored`] warning.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::timescale::Timescale;
    ///
    /// assert!(Timescale::parse("Spring 2020").is_partly_read());
    /// assert!(!Timescale::parse("By June 2020").is_partly_read());
    /// ```
    pub fn is_partly_read(&self) -> bool {
        self.problems.iter().any(|p| p.kind == ProblemKind::Ignored)
    }

    /// Whether the cell was empty.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::timescale::Timescale;
    ///
    /// assert!(Timescale::parse("_").is_empty());
    /// assert!(!Timescale::parse("Dec-19").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        matches!(self.kind, TimescaleKind::Empty)
    }

    /// The final due date, if the timescale has one: the end of a point, of a
    /// range's end, of the last milestone, or of an ongoing or recurring
    /// item's `until`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::timescale::Timescale;
    ///
    /// assert_eq!(Timescale::parse("Nov 18 – Nov 19").due(), NaiveDate::from_ymd_opt(2019, 11, 30));
    /// assert_eq!(Timescale::parse("Ongoing").due(), None);
    /// ```
    pub fn due(&self) -> Option<NaiveDate> {
        match &self.kind {
            TimescaleKind::Point { at } => Some(at.end),
            TimescaleKind::Range { to, .. } => Some(to.end),
            TimescaleKind::Milestones { dates } => dates.iter().map(|d| d.end).max(),
            TimescaleKind::Ongoing { until, .. } | TimescaleKind::Recurring { until, .. } => {
                until.map(|u| u.end)
            }
            _ => None,
        }
    }

    /// When the work starts, if the text says: the start of a range, of the
    /// first milestone, or an ongoing or recurring item's `from`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::timescale::Timescale;
    ///
    /// assert_eq!(Timescale::parse("Nov 18 – Nov 19").start(), NaiveDate::from_ymd_opt(2018, 11, 1));
    /// ```
    pub fn start(&self) -> Option<NaiveDate> {
        match &self.kind {
            TimescaleKind::Range { from, .. } => Some(from.start),
            TimescaleKind::Milestones { dates } => dates.iter().map(|d| d.start).min(),
            TimescaleKind::Ongoing { from, .. } | TimescaleKind::Recurring { from, .. } => {
                from.map(|f| f.start)
            }
            _ => None,
        }
    }

    /// The next date something is due on or after `as_of`: the first
    /// milestone not yet passed, or [`Timescale::due`] for other kinds.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::timescale::Timescale;
    ///
    /// let t = Timescale::parse("December 2015 April 2016");
    /// let as_of = NaiveDate::from_ymd_opt(2016, 1, 15).unwrap();
    /// assert_eq!(t.next_due(as_of), NaiveDate::from_ymd_opt(2016, 4, 30));
    /// ```
    pub fn next_due(&self, as_of: NaiveDate) -> Option<NaiveDate> {
        match &self.kind {
            TimescaleKind::Milestones { dates } => dates
                .iter()
                .map(|d| d.end)
                .filter(|d| *d >= as_of)
                .min()
                .or_else(|| self.due()),
            _ => self.due(),
        }
    }

    /// Whether the work is ongoing or recurring rather than due once.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::timescale::Timescale;
    ///
    /// assert!(Timescale::parse("Mar 19 – ongoing quarterly").is_ongoing());
    /// assert!(!Timescale::parse("Dec-19").is_ongoing());
    /// ```
    pub fn is_ongoing(&self) -> bool {
        matches!(
            self.kind,
            TimescaleKind::Ongoing { .. } | TimescaleKind::Recurring { .. }
        )
    }
}

impl Default for Timescale {
    fn default() -> Self {
        Timescale::parse("")
    }
}

impl std::fmt::Display for Timescale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.raw)
    }
}

impl From<&str> for Timescale {
    fn from(raw: &str) -> Self {
        Timescale::parse(raw)
    }
}

impl Serialize for Timescale {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for Timescale {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(Timescale::parse(&raw))
    }
}

impl JsonSchema for Timescale {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timescale".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A timescale as written in the plan (UK day-first), e.g. \"31/12/2019\", \"Dec-19\", \"Nov 18 – Nov 19\", \"Immediate and ongoing\". Parsed on load."
        })
    }
}

/// A parsed timescale as plain data, for reports, bindings and test vectors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ParsedTimescale {
    /// The text as written.
    pub raw: String,
    /// The structure found.
    #[serde(flatten)]
    pub kind: TimescaleKind,
    /// The final due date, if any.
    pub due: Option<NaiveDate>,
    /// Problems found in the text, including [`ProblemKind::Ignored`] warnings.
    pub problems: Vec<TimescaleProblem>,
    /// The words and numbers that were not read ([`Timescale::unused`]).
    pub unused: Vec<String>,
}

impl From<&Timescale> for ParsedTimescale {
    fn from(t: &Timescale) -> Self {
        ParsedTimescale {
            raw: t.raw.clone(),
            kind: t.kind.clone(),
            due: t.due(),
            problems: t.problems.clone(),
            unused: t.unused.clone(),
        }
    }
}
