//! Targets: what a measure of success says good looks like, as structured data
//! that keeps the plan's own words.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::polarity::Polarity;
use super::value::format_number;

/// How a value is compared with the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// At least the value (`at least 85 per cent`, `80% of CLA are in suitable accommodation`).
    AtLeast,
    /// At most the value (`=<12%`, `no escapes`).
    AtMost,
    /// More than the value (`More than 45% of CLA are in EET`).
    Above,
    /// Less than the value (`less than 64 CLA per 10,000`).
    Below,
    /// The value itself (`Target – 59.1%`); judged in the measure's better
    /// direction when it has a polarity.
    Equal,
    /// Between `value` and `upper`, inclusive (`16-18 cases on average`).
    Between,
    /// Rise to the value (`Increased numbers … to 54 by March 2019`).
    IncreaseTo,
    /// Fall to the value (`reduce to 60 per 10,000 by March 2020`).
    DecreaseTo,
    /// Stay at or better than the value or the baseline.
    Maintain,
}

/// The unit a target and its measure are stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "unit", rename_all = "snake_case")]
pub enum Unit {
    /// A percentage.
    Percent,
    /// A number of things.
    Count,
    /// A rate per `per` (`per 10,000`).
    Rate {
        /// The denominator (10,000 for `per 10,000`).
        per: u32,
    },
    /// A number of days.
    Days,
    /// An amount of money in pounds.
    Money,
}

impl Unit {
    /// A value written with its unit: `45%`, `64 per 10,000`, `£1,200`, `20 days`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Unit;
    ///
    /// assert_eq!(Unit::Rate { per: 10_000 }.show(64.0), "64 per 10,000");
    /// assert_eq!(Unit::Percent.show(45.5), "45.5%");
    /// ```
    pub fn show(self, v: f64) -> String {
        let n = format_number(v);
        match self {
            Unit::Percent => format!("{n}%"),
            Unit::Count => n,
            Unit::Rate { per } => format!("{n} per {}", thousands(per)),
            Unit::Days => format!("{n} days"),
            Unit::Money => format!("£{n}"),
        }
    }
}

impl Unit {
    /// The unit as an axis label: `Percent`, `Rate per 10,000`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Unit;
    ///
    /// assert_eq!(Unit::Rate { per: 10_000 }.axis_label(), "Rate per 10,000");
    /// ```
    pub fn axis_label(self) -> String {
        match self {
            Unit::Percent => "Percent".into(),
            Unit::Count => "Number".into(),
            Unit::Rate { per } => format!("Rate per {}", thousands(per)),
            Unit::Days => "Days".into(),
            Unit::Money => "Pounds".into(),
        }
    }
}

fn thousands(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A target's deadline: the words and the last day they name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Deadline {
    /// As written (`March 2019`).
    pub text: String,
    /// The last day it names.
    pub date: NaiveDate,
}

/// Where the measure started, for trajectories and `maintain`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Baseline {
    /// The value.
    pub value: f64,
    /// The period it was measured in, if known (a period label).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// A structured target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Target {
    /// What is measured, in the plan's words (`Rate of referrals`).
    pub metric: String,
    /// How a value is compared.
    pub comparison: Comparison,
    /// The target value (the lower bound for `between`).
    pub value: f64,
    /// The upper bound, for `between`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// The unit.
    #[serde(flatten)]
    pub unit: Unit,
    /// When it should be met, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// Where it started, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
}

impl Target {
    /// The direction that counts as better under this target, given the
    /// measure's polarity: the comparison decides where it can (`less than`
    /// is lower-is-better whatever the data's polarity), the polarity
    /// otherwise.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{parse_target, Polarity};
    ///
    /// let t = parse_target("There are less than 64 CLA per 10,000 of the population").target().unwrap().clone();
    /// assert_eq!(t.better(Polarity::None), Polarity::LowerIsBetter);
    /// ```
    pub fn better(&self, polarity: Polarity) -> Polarity {
        match self.comparison {
            Comparison::AtLeast | Comparison::Above | Comparison::IncreaseTo => {
                Polarity::HigherIsBetter
            }
            Comparison::AtMost | Comparison::Below | Comparison::DecreaseTo => {
                Polarity::LowerIsBetter
            }
            Comparison::Equal | Comparison::Between | Comparison::Maintain => polarity,
        }
    }

    /// Whether `value` meets the target.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{parse_target, Polarity};
    ///
    /// let t = parse_target("More than 45% of CLA are in EET").target().unwrap().clone();
    /// assert!(t.is_met(46.0, Polarity::HigherIsBetter));
    /// assert!(!t.is_met(45.0, Polarity::HigherIsBetter));
    /// ```
    pub fn is_met(&self, value: f64, polarity: Polarity) -> bool {
        self.shortfall(value, polarity) <= 0.0 && self.strictly_ok(value)
    }

    /// `above` and `below` exclude the value itself.
    fn strictly_ok(&self, value: f64) -> bool {
        match self.comparison {
            Comparison::Above => value > self.value,
            Comparison::Below => value < self.value,
            _ => true,
        }
    }

    /// How far `value` is from meeting the target, in the target's unit
    /// (0 or less when it is met, ignoring strictness).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{parse_target, Polarity};
    ///
    /// let t = parse_target("Less than 10% of CLA have more than three placement moves in a year").target().unwrap().clone();
    /// assert_eq!(t.shortfall(12.0, Polarity::None), 2.0);
    /// ```
    pub fn shortfall(&self, value: f64, polarity: Polarity) -> f64 {
        if self.comparison == Comparison::Between {
            let upper = self.upper.unwrap_or(self.value);
            return (self.value - value).max(value - upper);
        }
        match self.better(polarity) {
            Polarity::HigherIsBetter => self.value - value,
            Polarity::LowerIsBetter => value - self.value,
            Polarity::None => (value - self.value).abs(),
        }
    }

    /// The target in words: `below 64 per 10,000 by 31/03/2019`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::parse_target;
    ///
    /// let t = parse_target("Increased numbers of in-house Children's Homes placements to 54 by March 2019");
    /// assert_eq!(t.target().unwrap().describe(), "increase to 54 by March 2019");
    /// ```
    pub fn describe(&self) -> String {
        let v = self.unit.show(self.value);
        let mut s = match self.comparison {
            Comparison::AtLeast => format!("at least {v}"),
            Comparison::AtMost => format!("at most {v}"),
            Comparison::Above => format!("above {v}"),
            Comparison::Below => format!("below {v}"),
            Comparison::Equal => v.clone(),
            Comparison::Between => format!(
                "between {} and {}",
                format_number(self.value),
                self.unit.show(self.upper.unwrap_or(self.value))
            ),
            Comparison::IncreaseTo => format!("increase to {v}"),
            Comparison::DecreaseTo => format!("reduce to {v}"),
            Comparison::Maintain => format!("maintain {v}"),
        };
        if let Some(d) = &self.deadline {
            s.push_str(" by ");
            s.push_str(&d.text);
        }
        s
    }
}

/// What a measure's sentence was read as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetReading {
    /// A numeric target, and any further targets the same sentence sets
    /// (`fewer than 64 per 10,000 and more than 45% in EET`).
    Target {
        /// The target (the first the sentence sets): the one a measure is
        /// rated against.
        target: Target,
        /// Further targets set in the same sentence, in text order.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also: Vec<Target>,
    },
    /// No number: rated by hand (`Audit model embedded across all parts of children's services`).
    Qualitative,
    /// The sentence has numbers but reports a result rather than setting a
    /// target (`currently 58%`, `was behind target at 31.5%`): rated by hand
    /// like a qualitative measure.
    NotATarget {
        /// Why, naming the number that is a result.
        reason: String,
    },
    /// A number was found but no target could be read with confidence.
    NotUnderstood {
        /// Why.
        reason: String,
    },
}

impl From<Target> for TargetReading {
    fn from(target: Target) -> Self {
        TargetReading::Target {
            target,
            also: Vec::new(),
        }
    }
}

impl TargetReading {
    /// The target, if one was read (the first, when the sentence sets more).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::parse_target;
    ///
    /// assert!(parse_target("Audit model embedded").target().is_none());
    /// ```
    pub fn target(&self) -> Option<&Target> {
        match self {
            TargetReading::Target { target, .. } => Some(target),
            _ => None,
        }
    }

    /// Every target the sentence sets, in text order (none when it sets none).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{parse_target, Comparison, Unit};
    ///
    /// let r = parse_target("Fewer than 64 CLA per 10,000 and more than 45% in EET");
    /// let all: Vec<_> = r.targets().map(|t| (t.comparison, t.value, t.unit)).collect();
    /// assert_eq!(all, [
    ///     (Comparison::Below, 64.0, Unit::Rate { per: 10_000 }),
    ///     (Comparison::Above, 45.0, Unit::Percent),
    /// ]);
    /// assert_eq!(parse_target("Currently 58%").targets().count(), 0);
    /// ```
    pub fn targets(&self) -> impl Iterator<Item = &Target> + '_ {
        let (first, also): (Option<&Target>, &[Target]) = match self {
            TargetReading::Target { target, also } => (Some(target), also),
            _ => (None, &[]),
        };
        first.into_iter().chain(also)
    }
}
