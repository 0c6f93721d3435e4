//! Leads: the roles, teams, organisations and named people responsible for
//! actions, each listed once per plan.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of lead this is. Named people matter when a report is
/// published: they can be replaced by their role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LeadKind {
    /// A post, such as `Virtual School Head` or `Head of Business Intelligence`.
    #[default]
    Role,
    /// A team or service, such as `Children's Social Care`.
    Team,
    /// An organisation, board or partnership, such as `Preston City Council`.
    Organisation,
    /// A named individual.
    Person,
}

/// A lead, listed once in the plan and referred to by id from actions.
///
/// # Example
///
/// ```
/// use lineofsight::plan::{Lead, LeadKind};
///
/// let lead = Lead::new("childrens-social-care", "Children's Social Care", LeadKind::Team);
/// assert_eq!(lead.name, "Children's Social Care");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Lead {
    /// The lead's id, unique within the plan.
    pub id: String,
    /// The name as written in the source.
    pub name: String,
    /// Role, team, organisation or person.
    #[serde(default)]
    pub kind: LeadKind,
    /// For a named person: their role, used when a report is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl Lead {
    /// Makes a lead.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::{Lead, LeadKind};
    ///
    /// let lead = Lead::new("virtual-school-head", "Virtual School Head", LeadKind::Role);
    /// assert_eq!(lead.kind, LeadKind::Role);
    /// assert!(lead.role.is_none());
    /// ```
    pub fn new(id: &str, name: &str, kind: LeadKind) -> Lead {
        Lead {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            role: None,
        }
    }
}

/// Makes a lead id from a name: lower case words joined by `-`, with
/// apostrophes dropped, so that the same name always gets the same id.
///
/// # Example
///
/// ```
/// use lineofsight::plan::lead_id;
///
/// assert_eq!(lead_id("Children's Social Care"), "childrens-social-care");
/// assert_eq!(lead_id("  Start Well Commissioning/ Fostering "), "start-well-commissioning-fostering");
/// ```
pub fn lead_id(name: &str) -> String {
    let mut id = String::new();
    for word in name
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        let word: String = word
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if word.is_empty() {
            continue;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word);
    }
    id
}
