//! What changed between two as-of dates.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Evaluation;
use crate::plan::Plan;
use crate::rating::Rating;
use crate::rules::Reason;

/// An action whose rating changed between two dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RatingChange {
    /// The action's id.
    pub action_id: String,
    /// The action's ref as written, if any.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// The earlier date.
    pub from_date: NaiveDate,
    /// The later date.
    pub to_date: NaiveDate,
    /// The rating at the earlier date.
    pub from: Rating,
    /// The rating at the later date.
    pub to: Rating,
    /// Why it was rated as it was at the earlier date.
    pub from_reason: Reason,
    /// Why it is rated as it is at the later date.
    pub to_reason: Reason,
}

pub(super) fn between(plan: &Plan, before: &Evaluation, after: &Evaluation) -> Vec<RatingChange> {
    before
        .actions
        .iter()
        .zip(&after.actions)
        .filter(|(b, a)| b.rating != a.rating)
        .map(|(b, a)| RatingChange {
            action_id: a.action_id(plan).unwrap_or_default().to_string(),
            reference: a.reference(plan).map(str::to_string),
            from_date: before.as_of,
            to_date: after.as_of,
            from: b.rating,
            to: a.rating,
            from_reason: b.reason.clone(),
            to_reason: a.reason.clone(),
        })
        .collect()
}
