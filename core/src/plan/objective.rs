//! Objectives (or outcomes), the groups they sit in, and the priorities they
//! serve.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Action, Measure, Ref};

/// A corporate parenting priority (seed 003 names four), linked to the
/// objectives that serve it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Priority {
    /// The priority's id, unique within the plan.
    pub id: String,
    /// The priority as written, e.g. `Achieving Permanence`.
    pub title: String,
    /// Ids of the objectives that serve it.
    #[serde(default)]
    pub objectives: Vec<String>,
    /// The source document (an id in the plan's sources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// How the links to objectives were made, where the source does not state them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A grouping of objectives: a workstream (`Governance`, `Purposeful
/// Practice`), a section, or a whole source plan. Groups may nest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Group {
    /// The group's id, unique within the plan.
    pub id: String,
    /// The group's title as written.
    pub title: String,
    /// The id of the group this one sits in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The source document (an id in the plan's sources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// An objective or outcome, with its actions and measures of success.
///
/// # Example
///
/// ```
/// use lineofsight::plan::Objective;
///
/// let o = Objective::new("o1", "Children and young people have a voice");
/// assert!(o.actions.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Objective {
    /// The objective's id, unique within the plan.
    pub id: String,
    /// The number or reference as written (`1`, `2.3`), if any.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<Ref>,
    /// The objective's title.
    pub title: String,
    /// The aim: `To ensure that …`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aim: Option<String>,
    /// A motto: `Nothing about me without me`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motto: Option<String>,
    /// How it will be achieved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approach: Option<String>,
    /// The impact expected or seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<String>,
    /// Links (web addresses) given with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// The id of the group (workstream, section, source plan) it sits in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The source document (an id in the plan's sources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its actions.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Its measures of success.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Fields from the source that have no place above.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl Objective {
    /// Makes an objective with no actions.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Objective;
    ///
    /// let mut o = Objective::new("o1", "Children and young people have a voice");
    /// o.motto = Some("Nothing about me without me".into());
    /// assert!(o.measures.is_empty());
    /// ```
    pub fn new(id: &str, title: &str) -> Objective {
        Objective {
            id: id.to_string(),
            reference: None,
            title: title.to_string(),
            aim: None,
            motto: None,
            approach: None,
            impact: None,
            links: Vec::new(),
            group: None,
            source: None,
            actions: Vec::new(),
            measures: Vec::new(),
            extra: BTreeMap::new(),
        }
    }
}
