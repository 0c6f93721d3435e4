//! What changed since the previous report: between two dates of one plan,
//! or between last quarter's tracker and this quarter's, matching actions
//! by id or ref.

use std::collections::HashMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ReportRow;
use crate::evaluate::{ActionRating, Evaluation};
use crate::plan::{Action, Plan};
use crate::rating::Rating;

/// Which way a rating moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// Towards Green or Blue.
    Better,
    /// Towards Red.
    Worse,
    /// To or from not rated or no data.
    Changed,
}

/// An action whose rating changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RatingMove {
    /// The action's position in the report's `actions`.
    pub row: usize,
    /// Its rating at the previous report.
    pub from: Rating,
    /// Its rating now.
    pub to: Rating,
    /// Which way it moved.
    pub movement: Movement,
    /// Why it was rated so then.
    pub from_reason: String,
    /// Why it is rated so now.
    pub to_reason: String,
}

/// An action whose deadline is not what it was at the previous report: a
/// re-baselined date is what scrutiny most needs to see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MovedDeadline {
    /// The action's position in the report's `actions`.
    pub row: usize,
    /// The timescale as written then.
    pub from_timescale: String,
    /// The timescale as written now.
    pub to_timescale: String,
    /// The deadline then, if it had one.
    pub from_due: Option<NaiveDate>,
    /// The deadline now, if it has one.
    pub to_due: Option<NaiveDate>,
    /// How many days later the deadline is now (negative: earlier), when
    /// both have one.
    pub days_later: Option<i64>,
}

/// An action in the previous version that this one no longer has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RemovedAction {
    /// Its id then.
    pub action_id: String,
    /// Its ref then, if any.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// What it said.
    pub text: String,
}

/// What changed since the previous report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Changes {
    /// The previous report's date.
    pub since: NaiveDate,
    /// The title of the previous version compared with, when it was another
    /// file of the plan; `None` when the same plan was rated at both dates.
    pub previous: Option<String>,
    /// Ratings that went up or down, in plan order.
    pub ratings: Vec<RatingMove>,
    /// Actions completed since (positions in `actions`).
    pub completed: Vec<usize>,
    /// Actions that were not in the previous version.
    pub new_actions: Vec<usize>,
    /// Actions the previous version had and this one does not.
    pub removed: Vec<RemovedAction>,
    /// Deadlines that moved between the two versions.
    pub moved_deadlines: Vec<MovedDeadline>,
    /// Open actions whose commentary was not updated since: none then and
    /// none now, the same note as then, or a note dated on or before the
    /// previous report.
    pub not_updated: Vec<usize>,
}

impl Changes {
    /// Whether nothing at all changed.
    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty()
            && self.completed.is_empty()
            && self.new_actions.is_empty()
            && self.removed.is_empty()
            && self.moved_deadlines.is_empty()
    }

    /// How many ratings went up and how many down.
    pub fn ups_and_downs(&self) -> (usize, usize) {
        let up = self
            .ratings
            .iter()
            .filter(|m| m.movement == Movement::Better)
            .count();
        let down = self
            .ratings
            .iter()
            .filter(|m| m.movement == Movement::Worse)
            .count();
        (up, down)
    }
}

fn movement(from: Rating, to: Rating) -> Movement {
    if !from.is_rated() || !to.is_rated() {
        Movement::Changed
    } else if to > from {
        Movement::Better
    } else {
        Movement::Worse
    }
}

/// A ref as a key: trimmed, lower case, inner spaces dropped.
fn ref_key(r: &str) -> String {
    r.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What changed between `before` (the previous version, rated as of the
/// previous date) and the report's rows. `now` is the current plan, rated
/// as of `as_of`. Actions are matched by ref, then by id where the refs do
/// not disagree; each side's timescale is the one it had on its own date.
pub(super) fn between(
    previous: &Plan,
    before: &Evaluation,
    now: &Plan,
    as_of: chrono::NaiveDate,
    rows: &[ReportRow],
    previous_title: Option<String>,
) -> Changes {
    let since = before.as_of;
    let old: Vec<(&Action, &ActionRating)> = previous.actions().zip(&before.actions).collect();
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(old.len());
    let mut by_ref: HashMap<String, usize> = HashMap::with_capacity(old.len());
    for (i, (a, _)) in old.iter().enumerate() {
        by_id.entry(a.id.as_str()).or_insert(i);
        if let Some(r) = &a.reference {
            by_ref.entry(ref_key(r.as_str())).or_insert(i);
        }
    }
    let mut matched = vec![false; old.len()];
    let mut changes = Changes {
        since,
        previous: previous_title,
        ratings: Vec::new(),
        completed: Vec::new(),
        new_actions: Vec::new(),
        removed: Vec::new(),
        moved_deadlines: Vec::new(),
        not_updated: Vec::new(),
    };
    for (row, (action, r)) in now.actions().zip(rows).enumerate() {
        // A ref is what a tracker's reader knows an action by; an imported
        // tracker's ids are row positions, so one row added above shifts
        // them all. Match by ref first, then by id only where the refs do
        // not disagree.
        let now_ref = r.reference.as_deref().map(ref_key);
        let found = now_ref
            .as_ref()
            .and_then(|k| by_ref.get(k))
            .copied()
            .filter(|&i| !matched[i])
            .or_else(|| {
                by_id.get(action.id.as_str()).copied().filter(|&i| {
                    let then_ref = old[i].0.reference.as_ref().map(|x| ref_key(x.as_str()));
                    !matched[i] && (then_ref.is_none() || now_ref.is_none() || then_ref == now_ref)
                })
            });
        let Some(i) = found else {
            changes.new_actions.push(row);
            continue;
        };
        matched[i] = true;
        let (then_action, then) = old[i];
        if then.rating != r.rating {
            changes.ratings.push(RatingMove {
                row,
                from: then.rating,
                to: r.rating,
                movement: movement(then.rating, r.rating),
                from_reason: then.reason.message().into_owned(),
                to_reason: r.reason.message().into_owned(),
            });
        }
        let was_open = then.is_open();
        if was_open && !r.open && (r.rating == Rating::Blue || !r.state.is_open()) {
            changes.completed.push(row);
        }
        let (then_timescale, now_timescale) = (
            then_action.timescale_as_of(since),
            action.timescale_as_of(as_of),
        );
        let (from_due, to_due) = (then_timescale.due(), now_timescale.due());
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        if from_due != to_due || words(then_timescale.raw()) != words(now_timescale.raw()) {
            changes.moved_deadlines.push(MovedDeadline {
                row,
                from_timescale: then_timescale.raw().trim().to_string(),
                to_timescale: now_timescale.raw().trim().to_string(),
                from_due,
                to_due,
                days_later: from_due.zip(to_due).map(|(a, b)| (b - a).num_days()),
            });
        }
        let then_note = then
            .commentary
            .and_then(|i| then_action.progress.get(i))
            .map(|u| u.note.trim());
        let same_note = then_note == r.commentary_note.as_deref();
        let dated_before = r.commentary_date.is_some_and(|d| d <= since);
        if r.open && (same_note || dated_before) {
            changes.not_updated.push(row);
        }
    }
    changes.removed = old
        .iter()
        .zip(&matched)
        .filter(|(_, m)| !**m)
        .map(|((a, _), _)| RemovedAction {
            action_id: a.id.clone(),
            reference: a.reference.as_ref().map(|r| r.as_str().to_string()),
            text: a.text.clone(),
        })
        .collect();
    changes
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::Changes;
    use crate::plan::{Action, Objective, Plan};
    use crate::report::{BoardReport, ReportOptions};
    use crate::RuleSet;

    /// A tracker as the importer makes it: ids are row positions.
    fn tracker(rows: &[(&str, &str, &str)]) -> Plan {
        let mut plan = Plan::new("Tracker", "Council");
        let mut o = Objective::new("o1", "Care leavers");
        for (n, (reference, text, due)) in rows.iter().enumerate() {
            let mut a = Action::new(&format!("o1-a{}", n + 1), text, due);
            a.reference = Some((*reference).into());
            o.actions.push(a);
        }
        plan.objectives.push(o);
        plan
    }

    /// What changed from `previous` to `now`, as of 31/12/2019.
    fn compared(previous: &Plan, now: &Plan) -> Changes {
        let d = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
        let options = ReportOptions::default();
        let report = BoardReport::build_compared(previous, now, d, &RuleSet::default(), &options);
        report.changes.unwrap()
    }

    #[test]
    fn a_row_added_above_does_not_shift_the_matching() {
        let q2 = tracker(&[
            ("1.1", "Refresh the pledge.", "Dec-19"),
            ("1.2", "Audit plans.", "Mar-20"),
        ]);
        let q3 = tracker(&[
            ("3.1", "Offer apprenticeships.", "Sep-20"),
            ("1.1", "Refresh the pledge.", "Dec-19"),
            ("1.2", "Audit plans.", "Mar-20"),
        ]);
        let changes = compared(&q2, &q3);
        assert_eq!(changes.new_actions, [0]);
        assert!(
            changes.moved_deadlines.is_empty(),
            "{:?}",
            changes.moved_deadlines
        );
        assert!(changes.removed.is_empty());
    }

    #[test]
    fn ids_still_match_actions_without_refs() {
        let mut q2 = tracker(&[("1.1", "Refresh the pledge.", "Dec-19")]);
        let mut q3 = tracker(&[("1.1", "Refresh the pledge.", "Jun-20")]);
        for plan in [&mut q2, &mut q3] {
            plan.objectives[0].actions[0].reference = None;
        }
        assert_eq!(compared(&q2, &q3).moved_deadlines.len(), 1);
    }
}
