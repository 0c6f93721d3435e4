//! Objectives (or outcomes), the groups they sit in, and the priorities they
//! serve.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Action, Measure, Ref};

/// A corporate parenting priority (seed 003 names four), linked to the
/// objectives that serve it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
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

impl Priority {
    /// Makes a priority served by no objective yet.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Priority;
    ///
    /// let p = Priority::new("p1", "Achieving Permanence").with_objective("o1");
    /// assert_eq!(p.objectives, ["o1"]);
    /// ```
    pub fn new(id: &str, title: &str) -> Priority {
        Priority {
            id: id.to_string(),
            title: title.to_string(),
            objectives: Vec::new(),
            source: None,
            note: None,
        }
    }

    /// Links an objective (by id) to the priority.
    #[must_use]
    pub fn with_objective(mut self, objective: &str) -> Priority {
        self.objectives.push(objective.to_string());
        self
    }
}

/// A grouping of objectives: a workstream (`Governance`, `Purposeful
/// Practice`), a section, or a whole source plan. Groups may nest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
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

impl Group {
    /// Makes a top-level group.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Group;
    ///
    /// let g = Group::new("g2", "Care Leavers").with_parent("g1");
    /// assert_eq!(g.parent.as_deref(), Some("g1"));
    /// ```
    pub fn new(id: &str, title: &str) -> Group {
        Group {
            id: id.to_string(),
            title: title.to_string(),
            parent: None,
            source: None,
        }
    }

    /// Places the group inside another (by id).
    #[must_use]
    pub fn with_parent(mut self, parent: &str) -> Group {
        self.parent = Some(parent.to_string());
        self
    }
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
#[non_exhaustive]
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

    /// Sets the number or reference as written (`2.3`).
    #[must_use]
    pub fn with_reference(mut self, reference: &str) -> Objective {
        self.reference = Some(Ref::new(reference));
        self
    }

    /// Places the objective in a group (by id).
    #[must_use]
    pub fn with_group(mut self, group: &str) -> Objective {
        self.group = Some(group.to_string());
        self
    }

    /// Adds an action.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::{Action, Measure, Objective};
    ///
    /// let o = Objective::new("o1", "Care leavers thrive")
    ///     .with_action(Action::new("a1", "Refresh the Local Offer.", "Mar-20"))
    ///     .with_measure(Measure::new("m1", "More than 45% of care leavers are in EET"));
    /// assert_eq!((o.actions.len(), o.measures.len()), (1, 1));
    /// ```
    #[must_use]
    pub fn with_action(mut self, action: Action) -> Objective {
        self.actions.push(action);
        self
    }

    /// Adds a measure of success.
    #[must_use]
    pub fn with_measure(mut self, measure: Measure) -> Objective {
        self.measures.push(measure);
        self
    }
}
