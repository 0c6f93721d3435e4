//! Rating one action as of a date.
//!
//! The rules are written once, in [`decide`], over plain values (a
//! timescale or a due date, a state, a start, the latest update), and give a
//! [`Verdict`]: the rating, the reason code and the figures the sentence is
//! written from. The object API ([`rate_action`]) and the columnar API
//! ([`super::columns`]) both call it, so they cannot drift apart.

use chrono::{Datelike, NaiveDate};

use super::reason::{Detail, Rated, Reason, ReasonCode};
use super::RuleSet;
use crate::plan::{Action, Lifecycle};
use crate::rating::Rating;
use crate::timescale::{Cadence, Timescale, TimescaleKind};

/// Rates an action as of a date under a rule set, with the reason. The
/// recorded rating plays no part here (see [`crate::evaluate`] for
/// overrides and discrepancies).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::plan::Action;
/// use lineofsight::rating::Rating;
/// use lineofsight::rules::{rate_action, ReasonCode, RuleSet};
///
/// let action = Action::new("a7", "Review s.20 children.", "31/08/2019");
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let rated = rate_action(&action, as_of, &RuleSet::default());
/// assert_eq!(rated.rating, Rating::Red);
/// assert_eq!(rated.reason.code, ReasonCode::Overdue);
/// assert_eq!(rated.reason.message(), "Red: due 31/08/2019, 122 days ago, not complete");
/// ```
pub fn rate_action(action: &Action, as_of: NaiveDate, rules: &RuleSet) -> Rated {
    let latest = action.latest_update(as_of).and_then(|u| {
        Some(Latest {
            date: u.date?,
            percent: u.percent_complete,
        })
    });
    let state = action.state_as_of(as_of);
    let own = decide(
        When::Timescale(action.timescale_as_of(as_of)),
        state,
        action.start,
        latest,
        as_of,
        rules,
    );
    if !state.is_open() || action.sub_activities.is_empty() {
        return own.rated(None, rules);
    }
    let mut worst = Worst::new(own);
    for (k, sub) in action.sub_activities.iter().enumerate() {
        let state = sub.state.unwrap_or(state);
        if state.is_open() {
            let candidate = decide(
                When::Timescale(&sub.timescale),
                state,
                action.start,
                latest,
                as_of,
                rules,
            );
            worst.consider(candidate, k);
        }
    }
    let (verdict, sub) = worst.finish();
    verdict.rated(
        sub.and_then(|k| action.sub_activities.get(k))
            .map(|s| s.text.as_str()),
        rules,
    )
}

/// The worst of an action's own verdict and its open sub-activities': a
/// sub-activity replaces the verdict held when it is rated and strictly
/// worse (the first of equals stays), and an unrated own verdict gives way
/// to any rated sub-activity.
pub(crate) struct Worst<'a> {
    own: Verdict<'a>,
    worst: Option<(Verdict<'a>, Option<usize>)>,
}

impl<'a> Worst<'a> {
    #[inline]
    pub(crate) fn new(own: Verdict<'a>) -> Self {
        Worst {
            own,
            worst: own.rating().is_rated().then_some((own, None)),
        }
    }

    /// Weighs the verdict of sub-activity `k` (an open one).
    #[inline]
    pub(crate) fn consider(&mut self, candidate: Verdict<'a>, k: usize) {
        let rating = candidate.rating();
        let replaces = rating.is_rated()
            && match &self.worst {
                None => true,
                Some((w, _)) => rating < w.rating(),
            };
        if replaces {
            self.worst = Some((candidate, Some(k)));
        }
    }

    /// The verdict that stands, and the sub-activity it came from.
    #[inline]
    pub(crate) fn finish(self) -> (Verdict<'a>, Option<usize>) {
        self.worst.unwrap_or((self.own, None))
    }
}

/// The latest dated progress update on or before the as-of date.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Latest {
    pub(crate) date: NaiveDate,
    pub(crate) percent: Option<f64>,
}

/// What an action (or sub-activity) is judged against: a parsed timescale,
/// or a bare due date (`None`: none given), which is read as a timescale
/// naming that one day.
#[derive(Debug, Clone, Copy)]
pub(crate) enum When<'a> {
    Timescale(&'a Timescale),
    Due(Option<NaiveDate>),
}

impl When<'_> {
    /// As [`Timescale::next_due`].
    pub(crate) fn next_due(self, as_of: NaiveDate) -> Option<NaiveDate> {
        match self {
            When::Timescale(t) => t.next_due(as_of),
            When::Due(d) => d,
        }
    }
}

/// What the rules decided, before any sentence is written.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Verdict<'a> {
    Deferred,
    Cancelled,
    Complete,
    Achieved(&'a str),
    NoTimescaleGiven,
    ToBeConfirmed(&'a str),
    NotUnderstood(&'a Timescale),
    OngoingFrom(NaiveDate),
    NoUpdate {
        what: &'static str,
        due: Option<NaiveDate>,
    },
    UpdateOverdue {
        what: &'static str,
        due: Option<NaiveDate>,
        date: NaiveDate,
        age: i64,
        period: u32,
    },
    Updated {
        what: &'static str,
        due: Option<NaiveDate>,
        date: NaiveDate,
        age: i64,
    },
    NoDueDate,
    Overdue {
        due: NaiveDate,
        days: i64,
    },
    DueSoon {
        due: NaiveDate,
        days: i64,
    },
    Behind {
        rating: Rating,
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

impl Verdict<'_> {
    /// The rating, before the rule set's scale is applied.
    #[inline]
    pub(crate) fn rating(&self) -> Rating {
        match self {
            Verdict::Deferred | Verdict::Cancelled => Rating::NotRated,
            Verdict::Complete | Verdict::Achieved(_) => Rating::Blue,
            Verdict::NoTimescaleGiven
            | Verdict::ToBeConfirmed(_)
            | Verdict::NotUnderstood(_)
            | Verdict::NoDueDate => Rating::NoData,
            Verdict::Overdue { .. } => Rating::Red,
            Verdict::NoUpdate { .. } | Verdict::UpdateOverdue { .. } | Verdict::DueSoon { .. } => {
                Rating::Amber
            }
            Verdict::Behind { rating, .. } => *rating,
            Verdict::OngoingFrom(_)
            | Verdict::Updated { .. }
            | Verdict::StartsLater { .. }
            | Verdict::OnTrack { .. } => Rating::Green,
        }
    }

    /// The reason code.
    #[inline]
    pub(crate) fn code(&self) -> ReasonCode {
        match self {
            Verdict::Deferred => ReasonCode::Deferred,
            Verdict::Cancelled => ReasonCode::Cancelled,
            Verdict::Complete | Verdict::Achieved(_) => ReasonCode::Complete,
            Verdict::NoTimescaleGiven | Verdict::NoDueDate => ReasonCode::NoTimescale,
            Verdict::ToBeConfirmed(_) => ReasonCode::ToBeConfirmed,
            Verdict::NotUnderstood(_) => ReasonCode::TimescaleNotUnderstood,
            Verdict::OngoingFrom(_) | Verdict::StartsLater { .. } => ReasonCode::NotYetStarted,
            Verdict::NoUpdate { .. } => ReasonCode::NoProgressUpdate,
            Verdict::UpdateOverdue { .. } => ReasonCode::UpdateOverdue,
            Verdict::Updated { .. } => ReasonCode::OngoingUpdated,
            Verdict::Overdue { .. } => ReasonCode::Overdue,
            Verdict::DueSoon { .. } => ReasonCode::DueSoon,
            Verdict::Behind { .. } => ReasonCode::BehindExpectedProgress,
            Verdict::OnTrack { .. } => ReasonCode::OnTrack,
        }
    }

    /// The due date the rating was judged against, if any.
    pub(crate) fn due(&self) -> Option<NaiveDate> {
        match self {
            Verdict::NoUpdate { due, .. }
            | Verdict::UpdateOverdue { due, .. }
            | Verdict::Updated { due, .. } => *due,
            Verdict::Overdue { due, .. }
            | Verdict::DueSoon { due, .. }
            | Verdict::Behind { due, .. }
            | Verdict::StartsLater { due, .. }
            | Verdict::OnTrack { due, .. } => Some(*due),
            _ => None,
        }
    }

    /// The figures the sentence after the rating's name is written from.
    fn detail(&self) -> Detail {
        match *self {
            Verdict::Deferred => Detail::Deferred,
            Verdict::Cancelled => Detail::Cancelled,
            Verdict::Complete => Detail::Complete,
            Verdict::Achieved(raw) => Detail::Achieved(raw.into()),
            Verdict::NoTimescaleGiven => Detail::NoTimescaleGiven,
            Verdict::ToBeConfirmed(raw) => Detail::ToBeConfirmed(raw.into()),
            Verdict::NotUnderstood(t) => Detail::NotUnderstood {
                raw: t.raw().trim().into(),
                why: t.problems().first().map(|p| p.reason.as_str().into()),
            },
            Verdict::OngoingFrom(from) => Detail::OngoingFrom(from),
            Verdict::NoUpdate { what, .. } => Detail::NoUpdate { what },
            Verdict::UpdateOverdue {
                what,
                date,
                age,
                period,
                ..
            } => Detail::UpdateOverdue {
                what,
                date,
                age,
                period,
            },
            Verdict::Updated {
                what, date, age, ..
            } => Detail::Updated { what, date, age },
            Verdict::NoDueDate => Detail::NoDueDate,
            Verdict::Overdue { due, days } | Verdict::DueSoon { due, days } => {
                Detail::NotComplete { due, days }
            }
            Verdict::Behind {
                due,
                percent,
                expected,
                as_of,
                ..
            } => Detail::Behind {
                due,
                percent,
                expected,
                as_of,
            },
            Verdict::StartsLater { start, due } => Detail::StartsLater { start, due },
            Verdict::OnTrack { due, days } => Detail::OnTrack { due, days },
        }
    }

    /// The rating on the rule set's scale, with its reason (the figures
    /// its sentence is written from, not the sentence); `sub_activity` is
    /// the text of the sub-activity it came from.
    pub(crate) fn rated(&self, sub_activity: Option<&str>, rules: &RuleSet) -> Rated {
        let rating = rules.scale.normalise(self.rating());
        Rated {
            rating,
            reason: Reason::of_action(
                self.code(),
                rating,
                self.detail(),
                self.due(),
                sub_activity.map(str::to_string),
            ),
        }
    }
}

/// The rules for one timescale (an action's own or a sub-activity's) in a
/// state, with the action's start and latest update.
pub(crate) fn decide<'a>(
    when: When<'a>,
    state: Lifecycle,
    start: Option<NaiveDate>,
    latest: Option<Latest>,
    as_of: NaiveDate,
    rules: &RuleSet,
) -> Verdict<'a> {
    match state {
        Lifecycle::Deferred => Verdict::Deferred,
        Lifecycle::Cancelled => Verdict::Cancelled,
        Lifecycle::Complete => Verdict::Complete,
        Lifecycle::NotStarted | Lifecycle::InProgress => {
            Judged::new(when, as_of, rules).decide(start, latest, as_of, rules)
        }
    }
}

/// The number of days from `from` to `to` (negative when `to` is earlier):
/// `(to - from).num_days()`, worked out from day numbers, which is cheaper
/// than chrono's duration arithmetic in a loop over millions of rows.
pub(crate) fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    i64::from(to.num_days_from_ce()) - i64::from(from.num_days_from_ce())
}

/// How often an ongoing or recurring item should be updated, and what to
/// call it in the sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Review {
    what: &'static str,
    period: u32,
}

impl Review {
    /// The number of days an update stays recent: an update older than
    /// this (as of the date) is overdue.
    pub(crate) fn period(self) -> u32 {
        self.period
    }

    fn of(timescale: &Timescale, rules: &RuleSet) -> Review {
        match timescale.kind() {
            TimescaleKind::Recurring { cadence, .. } => Review {
                period: cadence_days(*cadence).map_or(rules.review_period_days, |d| {
                    d.min(rules.review_period_days)
                }),
                what: "recurring",
            },
            _ => Review {
                period: rules.review_period_days,
                what: "ongoing",
            },
        }
    }

    /// Judged by how recent the latest update is; `due` is the due date
    /// the item also has, if any.
    fn judge<'a>(
        self,
        latest: Option<Latest>,
        as_of: NaiveDate,
        due: Option<NaiveDate>,
    ) -> Verdict<'a> {
        let Review { what, period } = self;
        match latest {
            None => Verdict::NoUpdate { what, due },
            Some(Latest { date, .. }) => {
                let age = days_between(date, as_of);
                if age > i64::from(period) {
                    Verdict::UpdateOverdue {
                        what,
                        due,
                        date,
                        age,
                        period,
                    }
                } else {
                    Verdict::Updated {
                        what,
                        due,
                        date,
                        age,
                    }
                }
            }
        }
    }
}

/// What one timescale (or due date) says as of a date under a rule set for
/// an open action, before the action's start and latest update are known.
///
/// [`decide`] is `Judged::new` then [`Judged::decide`]; the columnar path
/// works out `Judged::new` once per distinct timescale in a batch, so the
/// timescale's kind, next due date and days to go are not worked out again
/// for every row.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Judged<'a> {
    /// The verdict, whatever the start and updates.
    Fixed(Verdict<'a>),
    /// Ongoing or recurring with no end date: judged by the latest update.
    Ongoing(Review),
    /// Due after the due-soon window: judged by expected progress, then
    /// (when ongoing) by the latest update, then by when it starts.
    Ahead {
        due: NaiveDate,
        days: i64,
        /// When the timescale says the work starts.
        from: Option<NaiveDate>,
        /// `Some` when the timescale is ongoing or recurring.
        review: Option<Review>,
    },
}

impl<'a> Judged<'a> {
    /// The part of the rules that depends only on the timescale, the date
    /// and the rule set.
    pub(crate) fn new(when: When<'a>, as_of: NaiveDate, rules: &RuleSet) -> Judged<'a> {
        let timescale = match when {
            When::Due(None) => return Judged::Fixed(Verdict::NoTimescaleGiven),
            When::Due(Some(due)) => return Judged::dated(due, None, None, as_of, rules),
            When::Timescale(t) => t,
        };
        match timescale.kind() {
            TimescaleKind::Achieved => {
                return Judged::Fixed(Verdict::Achieved(timescale.raw().trim()))
            }
            TimescaleKind::Empty => return Judged::Fixed(Verdict::NoTimescaleGiven),
            TimescaleKind::ToBeConfirmed => {
                return Judged::Fixed(Verdict::ToBeConfirmed(timescale.raw().trim()))
            }
            TimescaleKind::NotUnderstood => {
                return Judged::Fixed(Verdict::NotUnderstood(timescale))
            }
            TimescaleKind::Ongoing {
                until: None, from, ..
            }
            | TimescaleKind::Recurring {
                until: None, from, ..
            } => {
                if let Some(from) = from {
                    if from.start > as_of {
                        return Judged::Fixed(Verdict::OngoingFrom(from.start));
                    }
                }
                return Judged::Ongoing(Review::of(timescale, rules));
            }
            _ => {}
        }
        let Some(due) = timescale.next_due(as_of) else {
            return Judged::Fixed(Verdict::NoDueDate);
        };
        Judged::dated(
            due,
            timescale.start(),
            timescale.is_ongoing().then(|| Review::of(timescale, rules)),
            as_of,
            rules,
        )
    }

    /// Something with a due date: `from` is when the timescale says it
    /// starts, `review` set when it is ongoing or recurring.
    fn dated(
        due: NaiveDate,
        from: Option<NaiveDate>,
        review: Option<Review>,
        as_of: NaiveDate,
        rules: &RuleSet,
    ) -> Judged<'a> {
        let days = days_between(as_of, due);
        if days < 0 {
            Judged::Fixed(Verdict::Overdue { due, days })
        } else if days <= i64::from(rules.due_soon_days) {
            Judged::Fixed(Verdict::DueSoon { due, days })
        } else {
            Judged::Ahead {
                due,
                days,
                from,
                review,
            }
        }
    }

    /// The rest of the rules, with the action's start and latest update.
    #[inline]
    pub(crate) fn decide(
        &self,
        start: Option<NaiveDate>,
        latest: Option<Latest>,
        as_of: NaiveDate,
        rules: &RuleSet,
    ) -> Verdict<'a> {
        match *self {
            Judged::Fixed(verdict) => verdict,
            Judged::Ongoing(review) => review.judge(latest, as_of, None),
            Judged::Ahead {
                due,
                days,
                from,
                review,
            } => {
                if let Some(v) = expected_progress(start.or(from), latest, due, as_of, rules) {
                    return v;
                }
                if let Some(review) = review {
                    return review.judge(latest, as_of, Some(due));
                }
                if let Some(start) = from.filter(|s| *s > as_of) {
                    return Verdict::StartsLater { start, due };
                }
                Verdict::OnTrack { due, days }
            }
        }
    }
}

fn cadence_days(c: Cadence) -> Option<u32> {
    match c {
        Cadence::Weekly => Some(7),
        Cadence::Monthly => Some(31),
        Cadence::Quarterly => Some(92),
        Cadence::Termly => Some(122),
        Cadence::Annually => Some(366),
        Cadence::EachMeeting => None,
    }
}

fn expected_progress<'a>(
    start: Option<NaiveDate>,
    latest: Option<Latest>,
    due: NaiveDate,
    as_of: NaiveDate,
    rules: &RuleSet,
) -> Option<Verdict<'a>> {
    let mode = rules.expected_progress?;
    let start = start?;
    let percent = latest?.percent?;
    let total = days_between(start, due);
    let elapsed = days_between(start, as_of);
    if total <= 0 || elapsed <= 0 {
        return None;
    }
    let expected = (elapsed as f64 / total as f64).min(1.0) * 100.0;
    let ratio = percent / expected;
    let rating = if ratio >= mode.green_at_least {
        return None;
    } else if ratio >= mode.amber_at_least {
        Rating::Amber
    } else {
        Rating::Red
    };
    Some(Verdict::Behind {
        rating,
        due,
        percent,
        expected,
        as_of,
    })
}
