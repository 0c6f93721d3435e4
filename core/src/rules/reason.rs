//! Why a rating is what it is.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Reason {
    /// The machine-readable reason.
    pub code: ReasonCode,
    /// A plain-English sentence, starting with the rating.
    pub message: String,
    /// The due date the rating was judged against, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The sub-activity the rating came from, if it came from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_activity: Option<String>,
}

/// `31/08/2019`: how UK reports write a date.
pub(crate) fn uk_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    // Written out by hand: chrono's strftime parser was a tenth of the
    // evaluation time.
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// `in 3 days`, `today`, `1 day ago`.
pub(crate) fn days_phrase(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "1 day ago".to_string(),
        d if d > 0 => format!("in {d} days"),
        d => format!("{} days ago", d.unsigned_abs()),
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
