//! The discrepancy audit: recorded ratings that disagree with the rules.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ActionRating;
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Discrepancy {
    /// The action's id.
    pub action_id: String,
    /// The id of its objective.
    pub objective_id: String,
    /// The action's ref as written, if any.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// The rating recorded in the plan.
    pub recorded: Rating,
    /// The rating the rules give.
    pub computed: Rating,
    /// Which way the recorded rating is off.
    pub direction: Direction,
    /// Why the rules give what they give.
    pub reason: Reason,
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
                action_id: a.action_id.clone(),
                objective_id: a.objective_id.clone(),
                reference: a.reference.clone(),
                recorded,
                computed: a.computed,
                direction: if recorded > a.computed {
                    Direction::Optimistic
                } else {
                    Direction::Pessimistic
                },
                reason: a.reason.clone(),
            })
        })
        .collect()
}
