//! Rating one action as of a date.

use chrono::NaiveDate;

use super::reason::{days_phrase, uk_date, Rated, Reason, ReasonCode};
use super::RuleSet;
use crate::plan::{Action, Lifecycle, ProgressUpdate};
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
/// assert_eq!(rated.reason.message, "Red: due 31/08/2019, 122 days ago, not complete");
/// ```
pub fn rate_action(action: &Action, as_of: NaiveDate, rules: &RuleSet) -> Rated {
    let state = action.state_as_of(as_of);
    let own = rate_timescale(action, action.timescale_as_of(as_of), state, as_of, rules);
    if !state.is_open() || action.sub_activities.is_empty() {
        return finish(own, rules);
    }
    let mut worst = own.rating.is_rated().then(|| own.clone());
    for sub in &action.sub_activities {
        let state = sub.state.unwrap_or(state);
        if !state.is_open() {
            continue;
        }
        let mut candidate = rate_timescale(action, &sub.timescale, state, as_of, rules);
        let replaces = match &worst {
            None => candidate.rating.is_rated(),
            Some(w) => candidate.rating.is_rated() && candidate.rating < w.rating,
        };
        if replaces {
            if let Some((head, tail)) = candidate.reason.message.split_once(": ") {
                candidate.reason.message = format!("{head}: sub-activity {:?} {tail}", sub.text);
            }
            candidate.reason.sub_activity = Some(sub.text.clone());
            worst = Some(candidate);
        }
    }
    finish(worst.unwrap_or(own), rules)
}

fn finish(mut rated: Rated, rules: &RuleSet) -> Rated {
    let shown = rules.scale.normalise(rated.rating);
    if shown != rated.rating {
        if let Some(rest) = rated.reason.message.strip_prefix(rated.rating.name()) {
            rated.reason.message = format!("{}{rest}", shown.name());
        }
        rated.rating = shown;
    }
    rated
}

fn rated(rating: Rating, code: ReasonCode, due: Option<NaiveDate>, detail: String) -> Rated {
    Rated {
        rating,
        reason: Reason {
            code,
            message: super::prefixed(rating, detail),
            due,
            sub_activity: None,
        },
    }
}

fn rate_timescale(
    action: &Action,
    timescale: &Timescale,
    state: Lifecycle,
    as_of: NaiveDate,
    rules: &RuleSet,
) -> Rated {
    match state {
        Lifecycle::Deferred => {
            return rated(
                Rating::NotRated,
                ReasonCode::Deferred,
                None,
                "deferred".into(),
            )
        }
        Lifecycle::Cancelled => {
            return rated(
                Rating::NotRated,
                ReasonCode::Cancelled,
                None,
                "cancelled".into(),
            )
        }
        Lifecycle::Complete => {
            return rated(Rating::Blue, ReasonCode::Complete, None, "complete".into())
        }
        Lifecycle::NotStarted | Lifecycle::InProgress => {}
    }
    let due = timescale.next_due(as_of);
    match timescale.kind() {
        TimescaleKind::Achieved => {
            return rated(
                Rating::Blue,
                ReasonCode::Complete,
                None,
                format!("timescale says {:?}", timescale.raw().trim()),
            )
        }
        TimescaleKind::Empty => {
            return rated(
                Rating::NoData,
                ReasonCode::NoTimescale,
                None,
                "no timescale given".into(),
            )
        }
        TimescaleKind::ToBeConfirmed => {
            return rated(
                Rating::NoData,
                ReasonCode::ToBeConfirmed,
                None,
                format!("timescale {:?} is to be confirmed", timescale.raw().trim()),
            )
        }
        TimescaleKind::NotUnderstood => {
            let why = timescale
                .problems()
                .first()
                .map(|p| format!(": {}", p.reason))
                .unwrap_or_default();
            return rated(
                Rating::NoData,
                ReasonCode::TimescaleNotUnderstood,
                None,
                format!(
                    "timescale {:?} could not be read{why}",
                    timescale.raw().trim()
                ),
            );
        }
        TimescaleKind::Ongoing {
            until: None, from, ..
        }
        | TimescaleKind::Recurring {
            until: None, from, ..
        } => {
            if let Some(from) = from {
                if from.start > as_of {
                    return rated(
                        Rating::Green,
                        ReasonCode::NotYetStarted,
                        None,
                        format!("ongoing from {}, not yet started", uk_date(from.start)),
                    );
                }
            }
            return rate_ongoing(action, timescale, as_of, rules, None);
        }
        _ => {}
    }
    let Some(due) = due else {
        return rated(
            Rating::NoData,
            ReasonCode::NoTimescale,
            None,
            "no due date".into(),
        );
    };
    let days = (due - as_of).num_days();
    if days < 0 {
        return rated(
            Rating::Red,
            ReasonCode::Overdue,
            Some(due),
            format!("due {}, {}, not complete", uk_date(due), days_phrase(days)),
        );
    }
    if days <= i64::from(rules.due_soon_days) {
        return rated(
            Rating::Amber,
            ReasonCode::DueSoon,
            Some(due),
            format!("due {}, {}, not complete", uk_date(due), days_phrase(days)),
        );
    }
    if let Some(r) = expected_progress(action, timescale, due, as_of, rules) {
        return r;
    }
    if timescale.is_ongoing() {
        return rate_ongoing(action, timescale, as_of, rules, Some(due));
    }
    if let Some(start) = timescale.start().filter(|s| *s > as_of) {
        return rated(
            Rating::Green,
            ReasonCode::NotYetStarted,
            Some(due),
            format!("starts {}, due {}", uk_date(start), uk_date(due)),
        );
    }
    rated(
        Rating::Green,
        ReasonCode::OnTrack,
        Some(due),
        format!("due {}, {}", uk_date(due), days_phrase(days)),
    )
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

fn rate_ongoing(
    action: &Action,
    timescale: &Timescale,
    as_of: NaiveDate,
    rules: &RuleSet,
    due: Option<NaiveDate>,
) -> Rated {
    let period = match timescale.kind() {
        TimescaleKind::Recurring { cadence, .. } => cadence_days(*cadence)
            .map_or(rules.review_period_days, |d| {
                d.min(rules.review_period_days)
            }),
        _ => rules.review_period_days,
    };
    let what = if matches!(timescale.kind(), TimescaleKind::Recurring { .. }) {
        "recurring"
    } else {
        "ongoing"
    };
    match action.latest_update(as_of) {
        None | Some(ProgressUpdate { date: None, .. }) => rated(
            Rating::Amber,
            ReasonCode::NoProgressUpdate,
            due,
            format!("{what}, no progress update on record"),
        ),
        Some(ProgressUpdate {
            date: Some(date), ..
        }) => {
            let date = *date;
            let age = (as_of - date).num_days();
            if age > i64::from(period) {
                rated(
                    Rating::Amber,
                    ReasonCode::UpdateOverdue,
                    due,
                    format!(
                        "{what}, last progress update {}, {} days ago (review every {period} days)",
                        uk_date(date),
                        age
                    ),
                )
            } else {
                rated(
                    Rating::Green,
                    ReasonCode::OngoingUpdated,
                    due,
                    format!(
                        "{what}, last progress update {}, {}",
                        uk_date(date),
                        days_phrase(-age)
                    ),
                )
            }
        }
    }
}

fn expected_progress(
    action: &Action,
    timescale: &Timescale,
    due: NaiveDate,
    as_of: NaiveDate,
    rules: &RuleSet,
) -> Option<Rated> {
    let mode = rules.expected_progress?;
    let start = action.start.or_else(|| timescale.start())?;
    let percent = action.latest_update(as_of)?.percent_complete?;
    let total = (due - start).num_days();
    let elapsed = (as_of - start).num_days();
    if total <= 0 || elapsed <= 0 {
        return None;
    }
    let expected = (elapsed as f64 / total as f64).min(1.0) * 100.0;
    let ratio = percent / expected;
    let detail = format!(
        "{percent:.0}% complete against {expected:.0}% expected by {} (due {})",
        uk_date(as_of),
        uk_date(due)
    );
    let rating = if ratio >= mode.green_at_least {
        return None;
    } else if ratio >= mode.amber_at_least {
        Rating::Amber
    } else {
        Rating::Red
    };
    Some(rated(
        rating,
        ReasonCode::BehindExpectedProgress,
        Some(due),
        detail,
    ))
}
