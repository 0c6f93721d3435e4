//! The discrepancy audit: recorded ratings that disagree with the rules.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ActionPosition, ActionRating, Evaluation};
use crate::plan::{Action, Plan, Ref};
use crate::rating::Rating;
use crate::rules::Reason;

/// Which way a recorded rating is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The recorded rating is better than the rules give (e.g. Green when overdue).
    Optimistic,
    /// The recorded rating is worse than the rules give.
    Pessimistic,
}

/// An action whose recorded rating disagrees with the computed one.
///
/// It says which action by its position in the plan (the same as its
/// rating's [`ActionRating::position`]); the reason is its rating's.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::evaluate::Direction;
/// use lineofsight::plan::{Action, Objective, Plan, RecordedRating};
/// use lineofsight::{Rating, RuleSet};
///
/// let mut a = Action::new("a1", "Refresh the pledge.", "Nov-19");
/// a.recorded_rating = Some(RecordedRating::new(Rating::Green));
/// let mut plan = Plan::new("Plan", "Council");
/// plan.objectives.push(Objective::new("o1", "Care leavers have a Local Offer").with_action(a));
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let d = &eval.discrepancies[0];
/// assert_eq!(d.direction, Direction::Optimistic);
/// assert_eq!(d.action_id(&plan), Some("a1"));
/// assert_eq!(d.rating(&eval).map(|r| r.computed), Some(Rating::Red));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Discrepancy {
    /// Where the action is in the plan rated.
    pub position: ActionPosition,
    /// The rating recorded in the plan.
    pub recorded: Rating,
    /// The rating the rules give.
    pub computed: Rating,
    /// Which way the recorded rating is off.
    pub direction: Direction,
}

impl Discrepancy {
    /// The action's rating in `eval`, the evaluation that found the
    /// discrepancy (with the reason the rules give what they give).
    pub fn rating<'e>(&self, eval: &'e Evaluation) -> Option<&'e ActionRating> {
        eval.actions.get(self.position.index)
    }

    /// Why the rules give what they give: the reason of the action's
    /// rating in `eval`.
    pub fn reason<'e>(&self, eval: &'e Evaluation) -> Option<&'e Reason> {
        self.rating(eval).map(|r| &r.reason)
    }

    /// The action, in `plan` (the plan rated).
    pub fn action<'p>(&self, plan: &'p Plan) -> Option<&'p Action> {
        self.position.action_in(plan)
    }

    /// The action's id, read from `plan`.
    pub fn action_id<'p>(&self, plan: &'p Plan) -> Option<&'p str> {
        self.action(plan).map(|a| a.id.as_str())
    }

    /// The action's ref as written, read from `plan`; `None` when it has none.
    pub fn reference<'p>(&self, plan: &'p Plan) -> Option<&'p str> {
        self.action(plan)?.reference.as_ref().map(Ref::as_str)
    }
}

/// Every action with a recorded rating and a computed rating that differ.
/// Actions the rules cannot rate (no data) are not discrepancies.
pub(super) fn audit(actions: &[ActionRating]) -> Vec<Discrepancy> {
    actions
        .iter()
        .filter_map(|a| {
            let recorded = a.recorded?;
            if !a.computed.is_rated() || recorded == a.computed {
                return None;
            }
            Some(Discrepancy {
                position: a.position,
                recorded,
                computed: a.computed,
                direction: if recorded > a.computed {
                    Direction::Optimistic
                } else {
                    Direction::Pessimistic
                },
            })
        })
        .collect()
}
