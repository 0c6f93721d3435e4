//! What a board report is asked for: how far ahead to look for deadlines,
//! the previous report's date, whether it will be published, and how it is
//! laid out.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How many days ahead a board report lists deadlines unless asked
/// otherwise: about a quarter, the time between two board meetings.
pub const DEFAULT_LOOK_AHEAD_DAYS: u32 = 90;

/// The choices a board report is built with. Every format renders the same
/// report, so these are decided once, when it is built.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::report::{ReportOptions, DEFAULT_LOOK_AHEAD_DAYS};
///
/// let options = ReportOptions::default();
/// assert_eq!(options.look_ahead_days, DEFAULT_LOOK_AHEAD_DAYS);
/// let quarterly = ReportOptions::default()
///     .with_since(NaiveDate::from_ymd_opt(2019, 9, 30).unwrap())
///     .with_publish(true);
/// assert!(quarterly.since.is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
#[non_exhaustive]
pub struct ReportOptions {
    /// How many days ahead to list deadlines coming up.
    pub look_ahead_days: u32,
    /// The previous report's date: the report then says what changed
    /// between it and the as-of date (ratings up and down, actions
    /// completed, new actions, deadlines moved, commentary not updated).
    pub since: Option<NaiveDate>,
    /// Publish-safe: named people among the leads are replaced by their
    /// role (or "Named officer") before anything is built.
    pub publish: bool,
    /// Lay the actions out lead by lead rather than objective by objective.
    pub by_lead: bool,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            look_ahead_days: DEFAULT_LOOK_AHEAD_DAYS,
            since: None,
            publish: false,
            by_lead: false,
        }
    }
}

impl ReportOptions {
    /// Lists deadlines this many days ahead.
    #[must_use]
    pub fn with_look_ahead_days(mut self, days: u32) -> ReportOptions {
        self.look_ahead_days = days;
        self
    }

    /// Says what changed since the previous report's date.
    #[must_use]
    pub fn with_since(mut self, since: NaiveDate) -> ReportOptions {
        self.since = Some(since);
        self
    }

    /// Makes the report publish-safe (named people replaced by their role).
    #[must_use]
    pub fn with_publish(mut self, publish: bool) -> ReportOptions {
        self.publish = publish;
        self
    }

    /// Lays the actions out lead by lead.
    #[must_use]
    pub fn with_by_lead(mut self, by_lead: bool) -> ReportOptions {
        self.by_lead = by_lead;
        self
    }
}
