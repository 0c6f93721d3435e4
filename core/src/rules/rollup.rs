//! Rolling ratings up from actions to objectives, groups, priorities and the plan.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::reason::{Rated, Reason, ReasonCode};
use super::RuleSet;
use crate::rating::Rating;

/// How ratings roll up. Unrated children (not rated, no data) are always
/// left out, and counted.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Rollup {
    /// The worst rating beneath.
    #[default]
    WorstOf,
    /// Red when at least `red_at_least` of the rated children are Red;
    /// otherwise Amber when at least `amber_at_least` are Red, Amber/Red or
    /// Amber; otherwise Green (Blue when all are complete).
    Share {
        /// Share of Red children (0–1) that makes the parent Red, e.g. 0.25.
        red_at_least: f64,
        /// Share of Red or Amber children (0–1) that makes the parent Amber.
        amber_at_least: f64,
    },
    /// The rating nearest the average score of the children (Red 0 to Green 4).
    AverageScore,
    /// Like `average_score` at objective level; above it, every rated action
    /// beneath counts once, so each objective weighs as much as its rated
    /// actions and a plan's score is the average over all its actions.
    WeightedAverage,
}

/// How many items have each rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct RatingCounts {
    /// Red.
    pub red: usize,
    /// Amber/Red.
    pub amber_red: usize,
    /// Amber.
    pub amber: usize,
    /// Amber/Green.
    pub amber_green: usize,
    /// Green.
    pub green: usize,
    /// Blue (complete).
    pub blue: usize,
    /// Not rated.
    pub not_rated: usize,
    /// No data.
    pub no_data: usize,
}

impl RatingCounts {
    /// Counts one more of a rating.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rules::RatingCounts;
    /// use lineofsight::Rating;
    ///
    /// let mut counts = RatingCounts::default();
    /// counts.add(Rating::Red);
    /// assert_eq!(counts.red, 1);
    /// ```
    pub fn add(&mut self, rating: Rating) {
        *self.slot(rating) += 1;
    }

    /// Adds another set of counts.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rules::RatingCounts;
    ///
    /// let mut a = RatingCounts { red: 1, ..Default::default() };
    /// a.merge(&RatingCounts { red: 2, green: 1, ..Default::default() });
    /// assert_eq!((a.red, a.green), (3, 1));
    /// ```
    pub fn merge(&mut self, other: &RatingCounts) {
        for r in Rating::ALL {
            *self.slot(r) += other.get(r);
        }
    }

    fn slot(&mut self, rating: Rating) -> &mut usize {
        match rating {
            Rating::Red => &mut self.red,
            Rating::AmberRed => &mut self.amber_red,
            Rating::Amber => &mut self.amber,
            Rating::AmberGreen => &mut self.amber_green,
            Rating::Green => &mut self.green,
            Rating::Blue => &mut self.blue,
            Rating::NotRated => &mut self.not_rated,
            Rating::NoData => &mut self.no_data,
        }
    }

    /// How many have this rating.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rules::RatingCounts;
    /// use lineofsight::Rating;
    ///
    /// let counts = RatingCounts { amber: 4, ..Default::default() };
    /// assert_eq!(counts.get(Rating::Amber), 4);
    /// ```
    pub fn get(&self, rating: Rating) -> usize {
        match rating {
            Rating::Red => self.red,
            Rating::AmberRed => self.amber_red,
            Rating::Amber => self.amber,
            Rating::AmberGreen => self.amber_green,
            Rating::Green => self.green,
            Rating::Blue => self.blue,
            Rating::NotRated => self.not_rated,
            Rating::NoData => self.no_data,
        }
    }

    /// How many have a real rating.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rules::RatingCounts;
    ///
    /// let counts = RatingCounts { red: 1, green: 2, no_data: 5, ..Default::default() };
    /// assert_eq!(counts.rated(), 3);
    /// ```
    pub fn rated(&self) -> usize {
        Rating::ALL
            .iter()
            .filter(|r| r.is_rated())
            .map(|r| self.get(*r))
            .sum()
    }

    /// How many are not rated or have no data.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rules::RatingCounts;
    ///
    /// let counts = RatingCounts { red: 1, not_rated: 2, no_data: 5, ..Default::default() };
    /// assert_eq!(counts.left_out(), 7);
    /// ```
    pub fn left_out(&self) -> usize {
        self.not_rated + self.no_data
    }

    /// How many in all.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rules::RatingCounts;
    ///
    /// let counts = RatingCounts { red: 1, not_rated: 2, ..Default::default() };
    /// assert_eq!(counts.total(), 3);
    /// ```
    pub fn total(&self) -> usize {
        self.rated() + self.left_out()
    }
}

/// Rolls child ratings up into one, under the rule set's roll-up method and
/// scale. For `weighted_average` the caller passes every action beneath
/// (see [`Rollup::WeightedAverage`]); for the other methods, the direct children.
///
/// # Example
///
/// ```
/// use lineofsight::rating::Rating;
/// use lineofsight::rules::{roll_up, ReasonCode, Rollup, RuleSet};
///
/// let children = [Rating::Green, Rating::Red, Rating::Green, Rating::Green, Rating::NoData];
/// let worst = roll_up(children, &RuleSet::default());
/// assert_eq!(worst.rating, Rating::Red);
/// assert_eq!(worst.reason.message(), "Red: worst of 4 rated (1 unrated left out)");
///
/// let mut share = RuleSet::default();
/// share.rollup = Rollup::Share { red_at_least: 0.5, amber_at_least: 0.25 };
/// assert_eq!(roll_up(children, &share).rating, Rating::Amber);
/// ```
pub fn roll_up(children: impl IntoIterator<Item = Rating>, rules: &RuleSet) -> Rated {
    let mut counts = RatingCounts::default();
    for r in children {
        counts.add(r);
    }
    roll_up_counts(&counts, rules)
}

/// [`roll_up`] of the ratings `counts` counts: a roll-up depends only on
/// how many of each rating there are, so a group's or the plan's can be
/// worked out from its objectives' counts merged, without visiting every
/// action again.
///
/// # Example
///
/// ```
/// use lineofsight::rating::Rating;
/// use lineofsight::rules::{roll_up, roll_up_counts, RatingCounts, RuleSet};
///
/// let mut counts = RatingCounts { green: 3, ..Default::default() };
/// counts.merge(&RatingCounts { red: 1, no_data: 1, ..Default::default() });
/// let children = [Rating::Green, Rating::Red, Rating::Green, Rating::Green, Rating::NoData];
/// assert_eq!(roll_up_counts(&counts, &RuleSet::default()), roll_up(children, &RuleSet::default()));
/// ```
pub fn roll_up_counts(counts: &RatingCounts, rules: &RuleSet) -> Rated {
    let mut normalised = RatingCounts::default();
    for r in Rating::ALL {
        *normalised.slot(rules.scale.normalise(r)) += counts.get(r);
    }
    let counts = normalised;
    let rated = |r: &Rating| r.is_rated() && counts.get(*r) > 0;
    let left = counts.left_out();
    let left_note = if left > 0 {
        format!(" ({left} unrated left out)")
    } else {
        String::new()
    };
    let n: usize = Rating::ALL
        .iter()
        .filter(|r| r.is_rated())
        .map(|r| counts.get(*r))
        .sum();
    if n == 0 {
        let rating = if counts.no_data > 0 || counts.total() == 0 {
            Rating::NoData
        } else {
            Rating::NotRated
        };
        return Rated {
            rating,
            reason: Reason::written(
                ReasonCode::NothingRated,
                format!("{}: nothing beneath is rated{left_note}", rating.name()),
            ),
        };
    }
    let all_blue = counts.blue == n;
    let (rating, detail) = match rules.rollup {
        Rollup::WorstOf => {
            let worst = Rating::ALL
                .iter()
                .copied()
                .filter(rated)
                .min()
                .unwrap_or(Rating::NoData);
            (worst, format!("worst of {n} rated"))
        }
        Rollup::Share {
            red_at_least,
            amber_at_least,
        } => {
            let red = counts.red as f64 / n as f64;
            let at_risk = (counts.red + counts.amber_red + counts.amber) as f64 / n as f64;
            if red >= red_at_least && counts.red > 0 {
                (
                    Rating::Red,
                    format!(
                        "{} of {n} rated are Red ({:.0}%, Red at {:.0}% or more)",
                        counts.red,
                        red * 100.0,
                        red_at_least * 100.0
                    ),
                )
            } else if at_risk >= amber_at_least && at_risk > 0.0 {
                (
                    Rating::Amber,
                    format!(
                        "{} of {n} rated are Red or Amber ({:.0}%, Amber at {:.0}% or more)",
                        counts.red + counts.amber_red + counts.amber,
                        at_risk * 100.0,
                        amber_at_least * 100.0
                    ),
                )
            } else if all_blue {
                (Rating::Blue, format!("all {n} rated are complete"))
            } else {
                (
                    Rating::Green,
                    format!(
                        "{:.0}% of {n} rated are Red or Amber, below {:.0}%",
                        at_risk * 100.0,
                        amber_at_least * 100.0
                    ),
                )
            }
        }
        Rollup::AverageScore | Rollup::WeightedAverage => {
            let weighted = matches!(rules.rollup, Rollup::WeightedAverage);
            // Scores are whole numbers, so the sum is exact in any order.
            let sum: f64 = Rating::ALL
                .iter()
                .filter(|r| r.is_rated())
                .filter_map(|r| r.score().map(|s| s * counts.get(*r) as f64))
                .sum();
            let score = sum / n as f64;
            let rating = if all_blue {
                Rating::Blue
            } else {
                rules.scale.from_score(score)
            };
            let how = if weighted {
                "weighted average"
            } else {
                "average"
            };
            (
                rating,
                format!("{how} score {score:.1} of 4 over {n} rated"),
            )
        }
    };
    let rating = rules.scale.normalise(rating);
    Rated {
        rating,
        reason: Reason::written(
            ReasonCode::RollUp,
            format!("{}: {detail}{left_note}", rating.name()),
        ),
    }
}
