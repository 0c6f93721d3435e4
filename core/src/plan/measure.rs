//! Measures of success.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A measure of success, as the plan states it (`There are less than 64 CLA
/// per 10,000 of the population`). It belongs to the objective it is listed
/// under. Targets, observations and measure ratings are added by a later
/// schema version; `extra` keeps anything else the source says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Measure {
    /// The measure's id, unique within the plan.
    pub id: String,
    /// The measure as written.
    pub text: String,
    /// The source document (an id in the plan's sources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Fields from the source that have no place above.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}
