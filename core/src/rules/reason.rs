//! Why a rating is what it is.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::rating::Rating;

/// A machine-readable reason for a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReasonCode {
    /// The action is complete.
    Complete,
    /// The action was deferred.
    Deferred,
    /// The action was cancelled.
    Cancelled,
    /// Past its due date and not complete.
    Overdue,
    /// Due within the due-soon window and not complete.
    DueSoon,
    /// Due later than the due-soon window.
    OnTrack,
    /// Its start date has not come yet.
    NotYetStarted,
    /// Behind the progress expected for the time elapsed.
    BehindExpectedProgress,
    /// Ongoing, with a progress update within the review period.
    OngoingUpdated,
    /// Ongoing, with its last progress update older than the review period.
    UpdateOverdue,
    /// Ongoing, with no progress update on record.
    NoProgressUpdate,
    /// No timescale given.
    NoTimescale,
    /// Timescale to be confirmed.
    ToBeConfirmed,
    /// The timescale could not be understood or names an impossible date.
    TimescaleNotUnderstood,
    /// A roll-up of the ratings beneath.
    RollUp,
    /// Nothing beneath is rated.
    NothingRated,
    /// A measure's latest value meets its target.
    OnTarget,
    /// A measure is off target but within the tolerance.
    WithinTolerance,
    /// A measure is off target beyond the tolerance.
    OffTarget,
    /// A measure is off target but better than a year earlier.
    OffTargetImproving,
    /// A measure has no value published by the as-of date.
    NoValue,
    /// A measure has no number to rate against.
    QualitativeMeasure,
    /// A qualitative measure rated by hand.
    RatedByHand,
    /// A measure's target could not be read with confidence.
    TargetNotUnderstood,
}

/// Why a rating is what it is: a code for machines and a sentence for people
/// (`Red: due 31/08/2019, 122 days ago, not complete`).
///
/// An action's reason carries the figures its sentence is written from (the
/// due date, the days to go, the last update, the percentages), not the
/// sentence: rating a plan writes no text, and the sentence is written when
/// it is asked for, by [`Reason::message`] or `Display` (`{}`), and when the
/// reason is serialized (as `"message"`, the same sentence every time). A
/// reason read back from JSON keeps the sentence as it was written.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::plan::Action;
/// use lineofsight::rules::{rate_action, RuleSet};
///
/// let action = Action::new("a7", "Review s.20 children.", "31/08/2019");
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let reason = rate_action(&action, as_of, &RuleSet::default()).reason;
/// assert_eq!(reason.to_string(), "Red: due 31/08/2019, 122 days ago, not complete");
/// let json = serde_json::to_string(&reason).unwrap();
/// assert_eq!(
///     json,
///     r#"{"code":"overdue","message":"Red: due 31/08/2019, 122 days ago, not complete","due":"2019-08-31"}"#
/// );
/// let back: lineofsight::rules::Reason = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, reason);
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Reason {
    /// The machine-readable reason.
    pub code: ReasonCode,
    /// The due date the rating was judged against, if any.
    pub due: Option<NaiveDate>,
    /// The sub-activity the rating came from, if it came from one.
    pub sub_activity: Option<String>,
    /// What the sentence is written from.
    words: Words,
}

/// What a reason's sentence is written from.
#[derive(Debug, Clone)]
enum Words {
    /// The whole sentence as written: read back from JSON, or written by
    /// the roll-up and measure rules (a few per plan).
    Written(String),
    /// An action's rating and the figures behind it: the sentence is
    /// `{rating}: {detail}` (with `sub-activity "{text}" ` before the
    /// detail when the reason names a sub-activity).
    Action { rating: Rating, detail: Detail },
}

/// The figures an action's sentence is written from, after the rating's
/// name: one variant per sentence [`write_detail`] writes.
#[derive(Debug, Clone)]
pub(crate) enum Detail {
    Deferred,
    Cancelled,
    Complete,
    /// The timescale text (trimmed) that says it is done.
    Achieved(Box<str>),
    NoTimescaleGiven,
    /// The timescale text (trimmed) that says it is to be confirmed.
    ToBeConfirmed(Box<str>),
    /// The timescale text (trimmed) and the parser's first problem, if any.
    NotUnderstood {
        raw: Box<str>,
        why: Option<Box<str>>,
    },
    OngoingFrom(NaiveDate),
    NoUpdate {
        what: &'static str,
    },
    UpdateOverdue {
        what: &'static str,
        date: NaiveDate,
        age: i64,
        period: u32,
    },
    Updated {
        what: &'static str,
        date: NaiveDate,
        age: i64,
    },
    NoDueDate,
    /// Overdue or due soon: `due {date}, {days}, not complete`.
    NotComplete {
        due: NaiveDate,
        days: i64,
    },
    Behind {
        due: NaiveDate,
        percent: f64,
        expected: f64,
        as_of: NaiveDate,
    },
    StartsLater {
        start: NaiveDate,
        due: NaiveDate,
    },
    OnTrack {
        due: NaiveDate,
        days: i64,
    },
}

impl Reason {
    /// An action's reason: the rating (on the rule set's scale) and the
    /// figures its sentence is written from.
    pub(crate) fn of_action(
        code: ReasonCode,
        rating: Rating,
        detail: Detail,
        due: Option<NaiveDate>,
        sub_activity: Option<String>,
    ) -> Reason {
        Reason {
            code,
            due,
            sub_activity,
            words: Words::Action { rating, detail },
        }
    }

    /// A reason whose sentence is already written (the roll-up and measure
    /// rules write theirs), with no due date or sub-activity.
    pub(crate) fn written(code: ReasonCode, message: String) -> Reason {
        Reason {
            code,
            due: None,
            sub_activity: None,
            words: Words::Written(message),
        }
    }

    /// The plain-English sentence, starting with the rating: written out
    /// now for an action's reason (as `Display` does), borrowed for one
    /// read back from JSON or written by the roll-up and measure rules.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::Action;
    /// use lineofsight::rules::{rate_action, RuleSet};
    ///
    /// let action = Action::new("a1", "Refresh the pledge.", "Mar-20");
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let reason = rate_action(&action, as_of, &RuleSet::default()).reason;
    /// assert_eq!(reason.message(), "Green: due 31/03/2020, in 91 days");
    /// ```
    pub fn message(&self) -> Cow<'_, str> {
        match &self.words {
            Words::Written(s) => Cow::Borrowed(s),
            Words::Action { .. } => Cow::Owned(self.to_string()),
        }
    }
}

impl fmt::Display for Reason {
    /// Writes the sentence ([`Reason::message`]) without building a string.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::Action;
    /// use lineofsight::rules::{rate_action, RuleSet};
    ///
    /// let action = Action::new("a7", "Review s.20 children.", "31/08/2019");
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let rated = rate_action(&action, as_of, &RuleSet::default());
    /// assert_eq!(
    ///     format!("a7 — {}", rated.reason),
    ///     "a7 — Red: due 31/08/2019, 122 days ago, not complete"
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.words {
            Words::Written(s) => f.write_str(s),
            Words::Action { rating, detail } => {
                f.write_str(rating.name())?;
                f.write_str(": ")?;
                if let Some(text) = &self.sub_activity {
                    write!(f, "sub-activity {text:?} ")?;
                }
                write_detail(f, detail)
            }
        }
    }
}

/// The one writer of an action's sentence after `{rating}: ` (the object
/// and columnar paths both come here, through [`Reason`]'s `Display`).
fn write_detail(f: &mut impl fmt::Write, detail: &Detail) -> fmt::Result {
    match detail {
        Detail::Deferred => f.write_str("deferred"),
        Detail::Cancelled => f.write_str("cancelled"),
        Detail::Complete => f.write_str("complete"),
        Detail::Achieved(raw) => write!(f, "timescale says {raw:?}"),
        Detail::NoTimescaleGiven => f.write_str("no timescale given"),
        Detail::ToBeConfirmed(raw) => write!(f, "timescale {raw:?} is to be confirmed"),
        Detail::NotUnderstood { raw, why } => {
            write!(f, "timescale {raw:?} could not be read")?;
            match why {
                Some(why) => write!(f, ": {why}"),
                None => Ok(()),
            }
        }
        Detail::OngoingFrom(from) => {
            f.write_str("ongoing from ")?;
            write_uk_date(f, *from)?;
            f.write_str(", not yet started")
        }
        Detail::NoUpdate { what } => write!(f, "{what}, no progress update on record"),
        Detail::UpdateOverdue {
            what,
            date,
            age,
            period,
        } => {
            write!(f, "{what}, last progress update ")?;
            write_uk_date(f, *date)?;
            write!(f, ", {age} days ago (review every {period} days)")
        }
        Detail::Updated { what, date, age } => {
            write!(f, "{what}, last progress update ")?;
            write_uk_date(f, *date)?;
            f.write_str(", ")?;
            write_days_phrase(f, -age)
        }
        Detail::NoDueDate => f.write_str("no due date"),
        Detail::NotComplete { due, days } => {
            f.write_str("due ")?;
            write_uk_date(f, *due)?;
            f.write_str(", ")?;
            write_days_phrase(f, *days)?;
            f.write_str(", not complete")
        }
        Detail::Behind {
            due,
            percent,
            expected,
            as_of,
        } => {
            write!(
                f,
                "{percent:.0}% complete against {expected:.0}% expected by "
            )?;
            write_uk_date(f, *as_of)?;
            f.write_str(" (due ")?;
            write_uk_date(f, *due)?;
            f.write_str(")")
        }
        Detail::StartsLater { start, due } => {
            f.write_str("starts ")?;
            write_uk_date(f, *start)?;
            f.write_str(", due ")?;
            write_uk_date(f, *due)
        }
        Detail::OnTrack { due, days } => {
            f.write_str("due ")?;
            write_uk_date(f, *due)?;
            f.write_str(", ")?;
            write_days_phrase(f, *days)
        }
    }
}

/// Two reasons are equal when their codes, due dates, sub-activities and
/// sentences are: a reason read back from JSON equals the one written.
impl PartialEq for Reason {
    fn eq(&self, other: &Reason) -> bool {
        self.code == other.code
            && self.due == other.due
            && self.sub_activity == other.sub_activity
            && self.message() == other.message()
    }
}

impl Eq for Reason {}

// The JSON form of a `Reason`, as it has always been written: the schema
// and the reading back come from here. Its doc comment is the schema's
// description, so it stays the one `Reason` always had.
/// Why a rating is what it is: a code for machines and a sentence for people
/// (`Red: due 31/08/2019, 122 days ago, not complete`).
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(rename = "Reason")]
#[schemars(rename = "Reason")]
struct ReasonJson {
    /// The machine-readable reason.
    code: ReasonCode,
    /// A plain-English sentence, starting with the rating.
    message: String,
    /// The due date the rating was judged against, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<NaiveDate>,
    /// The sub-activity the rating came from, if it came from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    sub_activity: Option<String>,
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        /// The sentence, written straight into the output.
        struct Message<'a>(&'a Reason);
        impl Serialize for Message<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self.0)
            }
        }

        let fields = 2 + usize::from(self.due.is_some()) + usize::from(self.sub_activity.is_some());
        let mut out = serializer.serialize_struct("Reason", fields)?;
        out.serialize_field("code", &self.code)?;
        out.serialize_field("message", &Message(self))?;
        match &self.due {
            Some(due) => out.serialize_field("due", due)?,
            None => out.skip_field("due")?,
        }
        match &self.sub_activity {
            Some(text) => out.serialize_field("sub_activity", text)?,
            None => out.skip_field("sub_activity")?,
        }
        out.end()
    }
}

impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Reason, D::Error> {
        let json = ReasonJson::deserialize(deserializer)?;
        Ok(Reason {
            code: json.code,
            due: json.due,
            sub_activity: json.sub_activity,
            words: Words::Written(json.message),
        })
    }
}

impl JsonSchema for Reason {
    fn inline_schema() -> bool {
        ReasonJson::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        ReasonJson::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        ReasonJson::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ReasonJson::json_schema(generator)
    }
}

/// `31/08/2019`: how UK reports write a date.
pub(crate) fn uk_date(d: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    let _ = write_uk_date(&mut out, d);
    out
}

/// Writes a date as [`uk_date`] does. Written out by hand: chrono's
/// strftime parser was a tenth of the evaluation time.
fn write_uk_date(f: &mut impl fmt::Write, d: NaiveDate) -> fmt::Result {
    use chrono::Datelike;
    write!(f, "{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// `in 3 days`, `today`, `1 day ago`.
fn write_days_phrase(f: &mut impl fmt::Write, days: i64) -> fmt::Result {
    match days {
        0 => f.write_str("today"),
        1 => f.write_str("tomorrow"),
        -1 => f.write_str("1 day ago"),
        d if d > 0 => write!(f, "in {d} days"),
        d => write!(f, "{} days ago", d.unsigned_abs()),
    }
}

/// A rating with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Rated {
    /// The rating.
    pub rating: crate::rating::Rating,
    /// Why.
    pub reason: Reason,
}
