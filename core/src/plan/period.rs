//! A plan's period as dates, and whether it is current on a date.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Plan;

/// The dates a plan runs from and to, both inclusive.
///
/// A plan's `period` is the period as written (`2014–17`); its `dates` say
/// exactly when it starts and ends, so a report can tell a plan that is
/// running from one that has closed. Loading checks `start <= end`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::plan::PlanPeriod;
///
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let p = PlanPeriod::new(d(2014, 4, 1), d(2017, 3, 31));
/// assert!(p.contains(d(2017, 3, 31)));
/// assert!(!p.contains(d(2017, 4, 1)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct PlanPeriod {
    /// The first day of the plan.
    pub start: NaiveDate,
    /// The last day of the plan.
    pub end: NaiveDate,
}

impl PlanPeriod {
    /// A period from `start` to `end`, both inclusive (not checked here:
    /// [`Plan::check`] rejects `start > end`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::PlanPeriod;
    ///
    /// let p = PlanPeriod::new(NaiveDate::MIN, NaiveDate::MAX);
    /// assert_eq!(p.start, NaiveDate::MIN);
    /// ```
    pub fn new(start: NaiveDate, end: NaiveDate) -> PlanPeriod {
        PlanPeriod { start, end }
    }

    /// Whether `date` falls within the period (both ends included).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::PlanPeriod;
    ///
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// assert!(PlanPeriod::new(d(2019, 1, 1), d(2019, 12, 31)).contains(d(2019, 1, 1)));
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Where `as_of` falls against the period.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{PlanPeriod, PlanStatus};
    ///
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let p = PlanPeriod::new(d(2014, 4, 1), d(2017, 3, 31));
    /// assert_eq!(p.status(d(2014, 3, 31)), PlanStatus::NotYetStarted { starts: d(2014, 4, 1) });
    /// assert_eq!(p.status(d(2016, 6, 30)), PlanStatus::Current);
    /// assert_eq!(p.status(d(2019, 12, 31)), PlanStatus::Closed { ended: d(2017, 3, 31) });
    /// ```
    pub fn status(&self, as_of: NaiveDate) -> PlanStatus {
        if as_of < self.start {
            PlanStatus::NotYetStarted { starts: self.start }
        } else if as_of > self.end {
            PlanStatus::Closed { ended: self.end }
        } else {
            PlanStatus::Current
        }
    }
}

/// Where a date falls against a plan's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PlanStatus {
    /// The plan has not started yet.
    NotYetStarted {
        /// Its first day.
        starts: NaiveDate,
    },
    /// The plan is running (or has no dates, and so is taken as running).
    Current,
    /// The plan's period has ended.
    Closed {
        /// Its last day.
        ended: NaiveDate,
    },
}

impl PlanStatus {
    /// The status's name: `not_yet_started`, `current` or `closed`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::PlanStatus;
    ///
    /// assert_eq!(PlanStatus::Current.name(), "current");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            PlanStatus::NotYetStarted { .. } => "not_yet_started",
            PlanStatus::Current => "current",
            PlanStatus::Closed { .. } => "closed",
        }
    }
}

impl Plan {
    /// Where `as_of` falls against the plan's [`dates`](Plan::dates): a plan
    /// without dates is always [`PlanStatus::Current`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::PlanStatus;
    ///
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = lineofsight::builtin("lancashire-cla-2014-17")?;
    /// assert_eq!(plan.status(d(2016, 6, 30)), PlanStatus::Current);
    /// assert_eq!(plan.status(d(2019, 12, 31)), PlanStatus::Closed { ended: d(2017, 3, 31) });
    /// // The combined set has no dates of its own.
    /// assert_eq!(lineofsight::builtin("lancashire")?.status(d(2030, 1, 1)), PlanStatus::Current);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn status(&self, as_of: NaiveDate) -> PlanStatus {
        self.dates
            .map_or(PlanStatus::Current, |period| period.status(as_of))
    }

    /// Whether the plan is running on `as_of` (see [`Plan::status`]).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let plan = lineofsight::builtin("lancashire-cip-2017")?;
    /// assert!(plan.is_current(NaiveDate::from_ymd_opt(2018, 6, 30).unwrap()));
    /// assert!(!plan.is_current(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap()));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn is_current(&self, as_of: NaiveDate) -> bool {
        self.status(as_of) == PlanStatus::Current
    }

    /// The date to rate the plan as of when asked about `as_of`: `as_of`
    /// itself, or the plan's last day if it closed before then (a closed
    /// plan's position is its final one, not a growing list of overdue
    /// actions).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let plan = lineofsight::builtin("lancashire-cla-2014-17")?;
    /// assert_eq!(plan.rating_date(d(2019, 12, 31)), d(2017, 3, 31));
    /// assert_eq!(plan.rating_date(d(2016, 6, 30)), d(2016, 6, 30));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn rating_date(&self, as_of: NaiveDate) -> NaiveDate {
        match self.status(as_of) {
            PlanStatus::Closed { ended } => ended,
            _ => as_of,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).expect("valid date")
    }

    #[test]
    fn both_ends_are_inside() {
        let p = PlanPeriod::new(d(2017, 9, 1), d(2019, 3, 31));
        assert_eq!(p.status(d(2017, 8, 31)).name(), "not_yet_started");
        assert_eq!(p.status(d(2017, 9, 1)), PlanStatus::Current);
        assert_eq!(p.status(d(2019, 3, 31)), PlanStatus::Current);
        assert_eq!(
            p.status(d(2019, 4, 1)),
            PlanStatus::Closed {
                ended: d(2019, 3, 31)
            }
        );
    }

    #[test]
    fn a_one_day_plan_is_current_on_its_day() {
        let p = PlanPeriod::new(d(2020, 2, 29), d(2020, 2, 29));
        assert!(p.contains(d(2020, 2, 29)));
        assert_eq!(p.status(d(2020, 2, 29)), PlanStatus::Current);
    }

    #[test]
    fn a_plan_without_dates_is_current_and_rated_as_asked() {
        let plan = Plan::new("T", "O");
        assert!(plan.is_current(d(1990, 1, 1)));
        assert_eq!(plan.rating_date(d(2030, 1, 1)), d(2030, 1, 1));
    }

    #[test]
    fn status_serialises_with_a_tag() {
        let s = serde_json::to_string(&PlanStatus::Closed {
            ended: d(2017, 3, 31),
        })
        .expect("serialises");
        assert_eq!(s, r#"{"status":"closed","ended":"2017-03-31"}"#);
    }
}
