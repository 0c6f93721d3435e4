//! The rules that rate actions as of a date and roll ratings up.
//!
//! The default rule set (see [`RuleSet::default`]):
//!
//! | situation (as of the date) | rating | reason code |
//! |---|---|---|
//! | deferred or cancelled | not rated | `deferred`, `cancelled` |
//! | complete, or the timescale says `Achieved` | Blue (Green on the 3-point scale) | `complete` |
//! | timescale not understood (e.g. `31/04/2019`) | no data | `timescale_not_understood` |
//! | no timescale, or `TBC` | no data | `no_timescale`, `to_be_confirmed` |
//! | past its due date and not complete | Red | `overdue` |
//! | due within 30 days (`due_soon_days`) | Amber | `due_soon` |
//! | behind the expected progress (optional mode) | Red below 70%, Amber below 90% of expected | `behind_expected_progress` |
//! | ongoing with no progress update for over 91 days (`review_period_days`), or none at all | Amber | `update_overdue`, `no_progress_update` |
//! | otherwise | Green | `on_track`, `not_yet_started`, `ongoing_updated` |
//!
//! An action with sub-activities takes the worst rating of its own timescale
//! and its open sub-activities'. A recorded rating replaces the computed one
//! only where [`RuleSet::manual_override`] allows, and the evaluation shows
//! that it did.

mod action;
pub mod columns;
pub(crate) mod reason;
mod rollup;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use action::rate_action;
pub(crate) use reason::uk_date;
pub use reason::{Rated, Reason, ReasonCode};
pub use rollup::{roll_up, roll_up_counts, RatingCounts, Rollup};

/// A reason's message: the rating's name, then `detail` (whose buffer it reuses).
pub(crate) fn prefixed(rating: crate::Rating, mut detail: String) -> String {
    detail.insert_str(0, ": ");
    detail.insert_str(0, rating.name());
    detail
}

use crate::error::LoadError;
use crate::rating::Scale;

/// The expected-progress mode: compares the percentage complete reported in
/// the latest update with the share of the time elapsed between the action's
/// start and its due date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExpectedProgress {
    /// Green when progress is at least this fraction of what is expected (default 0.9).
    pub green_at_least: f64,
    /// Amber when at least this fraction, Red below it (default 0.7).
    pub amber_at_least: f64,
}

impl ExpectedProgress {
    /// The mode with its thresholds: Green when progress is at least
    /// `green_at_least` of what is expected, Amber when at least
    /// `amber_at_least`, Red below ([`RuleSet::check`] refuses thresholds out
    /// of order or outside 0–1).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rules::{ExpectedProgress, RuleSet};
    ///
    /// let mut rules = RuleSet::default();
    /// rules.expected_progress = Some(ExpectedProgress::new(0.8, 0.5));
    /// assert!(rules.check().is_ok());
    /// ```
    pub fn new(green_at_least: f64, amber_at_least: f64) -> ExpectedProgress {
        ExpectedProgress {
            green_at_least,
            amber_at_least,
        }
    }
}

impl Default for ExpectedProgress {
    fn default() -> Self {
        ExpectedProgress {
            green_at_least: 0.9,
            amber_at_least: 0.7,
        }
    }
}

/// When a recorded (manual) rating may replace the computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ManualOverride {
    /// Never: the computed rating stands, and disagreements are listed as discrepancies.
    #[default]
    Never,
    /// Only when the recorded rating is worse than the computed one.
    WorseOnly,
    /// Whenever a rating is recorded.
    Always,
}

/// A rule set: how actions are rated and ratings rolled up. Serialisable, so
/// a plan can carry its own.
///
/// # Example
///
/// ```
/// use lineofsight::rules::RuleSet;
///
/// let rules = RuleSet::from_json(r#"{"due_soon_days": 14, "rollup": {"method": "share", "red_at_least": 0.25, "amber_at_least": 0.5}}"#)?;
/// assert_eq!(rules.due_soon_days, 14);
/// assert_eq!(rules.review_period_days, 91);
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct RuleSet {
    /// The scale ratings are given on (default BRAG: complete is Blue).
    pub scale: Scale,
    /// An open action due within this many days is Amber (default 30).
    pub due_soon_days: u32,
    /// An ongoing action with no progress update for longer than this many
    /// days is Amber (default 91, one quarter).
    pub review_period_days: u32,
    /// The optional expected-progress mode (off by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_progress: Option<ExpectedProgress>,
    /// When a recorded rating may replace the computed one (default never).
    pub manual_override: ManualOverride,
    /// How ratings roll up to objectives, groups, priorities and the plan
    /// (default worst-of).
    pub rollup: Rollup,
    /// How measures of success are rated.
    pub measures: crate::measure::MeasureRules,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet {
            scale: Scale::Brag,
            due_soon_days: 30,
            review_period_days: 91,
            expected_progress: None,
            manual_override: ManualOverride::Never,
            rollup: Rollup::WorstOf,
            measures: crate::measure::MeasureRules::default(),
        }
    }
}

impl RuleSet {
    /// Loads a rule set from JSON; absent fields take their defaults.
    ///
    /// # Errors
    ///
    /// [`LoadError::Json`] for malformed JSON, unknown fields or wrong types;
    /// [`LoadError::Invalid`] for thresholds out of range (see [`RuleSet::check`]).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rules::RuleSet;
    ///
    /// let err = RuleSet::from_json(r#"{"due_soon_days": -3}"#).unwrap_err();
    /// assert!(err.to_string().starts_with("rule set JSON at $.due_soon_days"));
    /// ```
    pub fn from_json(json: &str) -> Result<RuleSet, LoadError> {
        let (rules, _): (RuleSet, _) =
            crate::load::from_json("rule set", json, &crate::LoadOptions::default())?;
        rules.check()?;
        Ok(rules)
    }

    /// The rule set as pretty-printed JSON.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::RuleSet;
    ///
    /// let rules = RuleSet::default();
    /// assert_eq!(RuleSet::from_json(&rules.to_json())?, rules);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks that thresholds are in range: expected-progress fractions
    /// between 0 and 1 with Amber's no higher than Green's, share thresholds
    /// between 0 and 1.
    ///
    /// # Errors
    ///
    /// Returns [`LoadError::Invalid`] naming the offending field.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rules::{ExpectedProgress, RuleSet};
    ///
    /// let mut rules = RuleSet::default();
    /// rules.expected_progress = Some(ExpectedProgress::new(0.7, 0.9));
    /// assert!(rules.check().is_err());
    /// ```
    pub fn check(&self) -> Result<(), LoadError> {
        let bad = |path: &str, reason: String| LoadError::Invalid {
            what: "rule set",
            path: path.to_string(),
            reason,
        };
        let fraction = |path: &str, v: f64| {
            if v.is_finite() && (0.0..=1.0).contains(&v) {
                Ok(())
            } else {
                Err(bad(path, format!("{v} is not a fraction between 0 and 1")))
            }
        };
        if let Some(e) = &self.expected_progress {
            fraction("$.expected_progress.green_at_least", e.green_at_least)?;
            fraction("$.expected_progress.amber_at_least", e.amber_at_least)?;
            if e.amber_at_least > e.green_at_least {
                return Err(bad(
                    "$.expected_progress.amber_at_least",
                    format!(
                        "amber_at_least {} is higher than green_at_least {}",
                        e.amber_at_least, e.green_at_least
                    ),
                ));
            }
        }
        if let Rollup::Share {
            red_at_least,
            amber_at_least,
        } = self.rollup
        {
            fraction("$.rollup.red_at_least", red_at_least)?;
            fraction("$.rollup.amber_at_least", amber_at_least)?;
        }
        Ok(())
    }
}
