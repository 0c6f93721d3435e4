//! The rules for rating measures against their targets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How far off target a value may be and still be Amber.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tolerance {
    /// Within this many units of the target (`2` percentage points).
    Absolute(f64),
    /// Within this share of the target value (`0.05` is 5% of it).
    Relative(f64),
}

impl Tolerance {
    /// The tolerance in the target's units, for a target value.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Tolerance;
    ///
    /// assert_eq!(Tolerance::Relative(0.05).allowance(64.0), 3.2);
    /// assert_eq!(Tolerance::Absolute(2.0).allowance(64.0), 2.0);
    /// ```
    pub fn allowance(self, target: f64) -> f64 {
        match self {
            Tolerance::Absolute(a) => a.abs(),
            Tolerance::Relative(r) => (r * target).abs(),
        }
    }
}

/// The rules for measures; part of the [`RuleSet`](crate::RuleSet).
///
/// | Situation | Rating |
/// |---|---|
/// | The latest value meets the target (or the profiled target for its period) | Green |
/// | Before the deadline, with a baseline: at or better than the straight line from baseline to target | Green |
/// | Off target, but within the tolerance | Amber |
/// | Off target beyond the tolerance, but better than the same period a year earlier (direction of travel, if on) | Amber |
/// | Off target beyond the tolerance | Red |
/// | No published value by the as-of date | No data |
/// | No number in the target (qualitative) | the recorded rating, else not rated |
///
/// Off target (not Green) for `recovery_after_periods` periods in a row
/// raises the recovery-plan flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct MeasureRules {
    /// The tolerance for measures that set none (default 5% of the target).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<Tolerance>,
    /// Judge against the trajectory from baseline to target before the
    /// deadline (default on).
    pub trajectory: bool,
    /// Off target but improving on the same period last year is Amber, not
    /// Red (default off).
    pub direction_of_travel: bool,
    /// Periods off target in a row that call for a recovery plan (default 3).
    pub recovery_after_periods: u32,
    /// Whether measures count in objective roll-ups (default on).
    pub in_rollups: bool,
}

impl Default for MeasureRules {
    fn default() -> Self {
        MeasureRules {
            tolerance: Some(Tolerance::Relative(0.05)),
            trajectory: true,
            direction_of_travel: false,
            recovery_after_periods: 3,
            in_rollups: true,
        }
    }
}
