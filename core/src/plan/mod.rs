//! The plan: priorities, groups, objectives, actions, leads and measures.

mod action;
mod edit;
mod lead;
mod measure;
mod objective;
mod period;
mod reference;
mod validate;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use action::{Action, ActionChange, Lifecycle, ProgressUpdate, RecordedRating, SubActivity};
pub use edit::{Edit, EditError};
pub use lead::{lead_id, Lead, LeadKind};
pub use measure::{Aggregation, DataLink, Frequency, Measure, Observation, ProfiledTarget};
pub use objective::{Group, Objective, Priority};
pub use period::{PlanPeriod, PlanStatus};
pub use reference::Ref;
pub use validate::{PlanWarning, WarningKind};

use crate::error::LoadError;
pub use crate::load::{JsonLimits, LoadOptions, LoadWarning};
use crate::rating::RatingStyle;
use crate::rules::RuleSet;

/// The plan format version this library writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A document a plan was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Source {
    /// The source's id, referred to by the parts that came from it.
    pub id: String,
    /// Its title, e.g. `Children Looked After Strategic Action Plan 2014-17`.
    pub title: String,
    /// What it is and what was taken from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Source {
    /// A source document with its id and title.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Source;
    ///
    /// let s = Source::new("s1", "Corporate Parenting Strategy 2019-22")
    ///     .with_description("The action plan's appendix");
    /// assert!(s.description.is_some());
    /// ```
    pub fn new(id: &str, title: &str) -> Source {
        Source {
            id: id.to_string(),
            title: title.to_string(),
            description: None,
        }
    }

    /// Says what the source is and what was taken from it.
    #[must_use]
    pub fn with_description(mut self, description: &str) -> Source {
        self.description = Some(description.to_string());
        self
    }
}

/// A corporate parenting plan (or any council action plan).
///
/// # Example
///
/// ```
/// use lineofsight::plan::Plan;
///
/// let plan = Plan::from_json(r#"{
///   "schema_version": 1,
///   "title": "Corporate Parenting Strategy",
///   "organisation": "Anyshire County Council",
///   "leads": [{"id": "vsh", "name": "Virtual School Head"}],
///   "objectives": [{
///     "id": "o1", "title": "Children have a voice",
///     "actions": [{"id": "a1", "ref": "1", "text": "Set up a children in care council",
///                  "leads": ["vsh"], "timescale": "Dec-19"}]
///   }]
/// }"#)?;
/// assert_eq!(plan.actions().count(), 1);
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "lineofsight plan")]
#[non_exhaustive]
pub struct Plan {
    /// The version of this format the file was written in (currently 1).
    pub schema_version: u32,
    /// The plan's title.
    pub title: String,
    /// The council or partnership that owns the plan.
    pub organisation: String,
    /// The period the plan covers, as written (`2014–17`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The dates the plan runs from and to (both inclusive), if known: what
    /// [`Plan::status`] judges a date against. A plan without them is
    /// always current. `start` must not be after `end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<PlanPeriod>,
    /// The plan's version, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// When the plan was published, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// The date the recorded ratings and progress in the file were reported
    /// as at, if known. No progress update may be dated after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_on: Option<NaiveDate>,
    /// The documents the plan was built from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The priorities the objectives serve.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<Priority>,
    /// Groupings of objectives (workstreams, sections, source plans).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// The objectives, each with its actions and measures.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Everyone responsible for an action, listed once.
    #[serde(default)]
    pub leads: Vec<Lead>,
    /// The authority the plan belongs to, for benchmarking its measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<crate::measure::Authority>,
    /// Published data sets that feed the measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub datasets: Vec<crate::measure::Dataset>,
    /// The plan's own rating rules, if it carries them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<RuleSet>,
    /// The plan's own rating labels and colours.
    #[serde(default, skip_serializing_if = "is_default_style")]
    pub style: RatingStyle,
    /// The plan's key: words its source uses for ratings and states beyond
    /// the built-in vocabulary (`"Data not available": "no_data"`,
    /// `"Parked": {"state": "deferred"}`); see [`Plan::rating_key`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rating_key: BTreeMap<String, crate::rating::KeyMeaning>,
    /// Fields from the source that have no place above.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

fn is_default_style(style: &RatingStyle) -> bool {
    *style == RatingStyle::default()
}

impl Plan {
    /// Makes an empty plan.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::{Plan, SCHEMA_VERSION};
    ///
    /// let plan = Plan::new("Corporate Parenting Strategy", "Anyshire County Council");
    /// assert_eq!(plan.schema_version, SCHEMA_VERSION);
    /// assert!(plan.objectives.is_empty());
    /// ```
    pub fn new(title: &str, organisation: &str) -> Plan {
        Plan {
            schema_version: SCHEMA_VERSION,
            title: title.to_string(),
            organisation: organisation.to_string(),
            period: None,
            dates: None,
            version: None,
            published: None,
            reported_on: None,
            sources: Vec::new(),
            priorities: Vec::new(),
            groups: Vec::new(),
            objectives: Vec::new(),
            leads: Vec::new(),
            authority: None,
            datasets: Vec::new(),
            rules: None,
            style: RatingStyle::default(),
            rating_key: BTreeMap::new(),
            extra: BTreeMap::new(),
        }
    }

    /// The key for reading this plan's rating and status words: the
    /// built-in vocabulary with the plan's declared words on top.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::{KeyMeaning, Rating};
    /// use lineofsight::Plan;
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// plan.rating_key.insert("N/A".into(), KeyMeaning::Rating(Rating::NoData));
    /// assert_eq!(plan.rating_key().read("N/A")?.rating, Some(Rating::NoData));
    /// assert_eq!(plan.rating_key().read("On course")?.rating, Some(Rating::Green));
    /// # Ok::<(), lineofsight::rating::RatingError>(())
    /// ```
    pub fn rating_key(&self) -> crate::rating::RatingKey {
        crate::rating::RatingKey::new(self.rating_key.clone())
    }

    /// Loads a plan from its native JSON and checks it, with the default
    /// [`LoadOptions`]: fields this library does not read are ignored, and
    /// the warnings naming them are dropped. Use [`Plan::from_json_with`] to
    /// see them (or refuse them), and [`Plan::from_json_bytes`] for bytes
    /// read from a file.
    ///
    /// # Errors
    ///
    /// Returns [`LoadError::Json`] for malformed JSON, a wrong value or data
    /// after the plan's closing brace (with the JSON path, line and column),
    /// [`LoadError::TooLarge`] past the default [`JsonLimits`],
    /// [`LoadError::UnsupportedVersion`] for a newer format, and
    /// [`LoadError::Invalid`] when the plan breaks an invariant (see
    /// [`Plan::check`]).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Plan;
    ///
    /// let err = Plan::from_json(r#"{"schema_version": 1, "title": "T", "organisation": "O",
    ///   "objectives": [{"id": "o1", "title": "x", "actions": [{"id": "a1", "text": "y", "leads": ["nobody"]}]}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "plan at $.objectives[0].actions[0].leads[0]: unknown lead id \"nobody\" (the plan's leads list has no such id)");
    ///
    /// let err = Plan::from_json(r#"{"schema_version": 1, "title": "T", "organisation": "O"}
    /// {"schema_version": 1, "title": "Second", "organisation": "O"}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "plan JSON at $ (line 2, column 1): more data after the \
    ///     plan's closing brace, from byte 57: a file holds one plan");
    /// ```
    pub fn from_json(json: &str) -> Result<Plan, LoadError> {
        Plan::from_json_with(json, &LoadOptions::default()).map(|(plan, _)| plan)
    }

    /// Loads a plan from its native JSON with the given options, and checks
    /// it; returns the plan and a [`LoadWarning`] for every field it did not
    /// read (none when `options.strict`, which refuses them).
    ///
    /// # Errors
    ///
    /// As [`Plan::from_json`], and [`LoadError::UnknownField`] for a field
    /// this library does not read when `options.strict`; the limits are
    /// `options.limits`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::{LoadOptions, Plan};
    ///
    /// let json = r#"{"schema_version": 1, "title": "T", "organisation": "O", "orgnisation": "P"}"#;
    /// let (plan, warnings) = Plan::from_json_with(json, &LoadOptions::default())?;
    /// assert_eq!(plan.organisation, "O");
    /// assert_eq!(warnings[0].path, "$.orgnisation");
    /// let strict = LoadOptions::default().with_strict(true);
    /// assert_eq!(Plan::from_json_with(json, &strict).unwrap_err().to_string(),
    ///     "plan JSON at $.orgnisation: unknown field (check its spelling; strict loading \
    ///      refuses fields this library does not read)");
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn from_json_with(
        json: &str,
        options: &LoadOptions,
    ) -> Result<(Plan, Vec<LoadWarning>), LoadError> {
        #[derive(Deserialize)]
        struct Version {
            schema_version: Option<u32>,
        }
        let newer = |found: u32| LoadError::UnsupportedVersion {
            found,
            supported: SCHEMA_VERSION,
        };
        let (plan, warnings) = match crate::load::from_json::<Plan>("plan", json, options) {
            Ok(loaded) => loaded,
            Err(e @ LoadError::Json { .. }) => {
                // A newer format may not parse as this one: say so first.
                // (Size and nesting were checked before the error.)
                let body = json.strip_prefix('\u{feff}').unwrap_or(json);
                let mut de = serde_json::Deserializer::from_str(body);
                if let Ok(Version {
                    schema_version: Some(found),
                }) = Version::deserialize(&mut de)
                {
                    if found > SCHEMA_VERSION {
                        return Err(newer(found));
                    }
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        if plan.schema_version > SCHEMA_VERSION {
            return Err(newer(plan.schema_version));
        }
        let max_groups = options.limits.max_groups;
        if plan.groups.len() > max_groups {
            return Err(crate::load::too_large(
                "plan",
                format!("$.groups[{max_groups}]"),
                format!("{max_groups} groups"),
                "max_groups",
            ));
        }
        plan.check()?;
        Ok((plan, warnings))
    }

    /// Loads a plan from the bytes of a JSON file: refuses bytes that are
    /// not UTF-8 (a UTF-8 byte-order mark is allowed), naming the first bad
    /// byte, then loads as [`Plan::from_json_with`]. The Python and
    /// JavaScript packages and the `board_report` example load files
    /// through this, so all refuse a Latin-1 or UTF-16 plan the same way.
    ///
    /// # Errors
    ///
    /// [`LoadError::NotUtf8`] with the byte offset, line and column of the
    /// first byte that is not UTF-8 (and a hint when the file looks like
    /// Windows-1252 or UTF-16); otherwise as [`Plan::from_json_with`].
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::{LoadOptions, Plan};
    ///
    /// let latin1 = b"{\"schema_version\": 1, \"title\": \"Caf\xE9\", \"organisation\": \"O\"}";
    /// let err = Plan::from_json_bytes(latin1, &LoadOptions::default()).unwrap_err();
    /// assert!(err.to_string().starts_with(
    ///     "plan JSON is not UTF-8 at byte 35 (line 1, column 36): byte 0xE9 is not UTF-8; \
    ///      it looks like Windows-1252 (Latin-1) text"));
    /// ```
    pub fn from_json_bytes(
        bytes: &[u8],
        options: &LoadOptions,
    ) -> Result<(Plan, Vec<LoadWarning>), LoadError> {
        // Refused before the UTF-8 check reads it all.
        options.limits.check_bytes("plan", bytes.len())?;
        Plan::from_json_with(crate::load::utf8("plan", bytes)?, options)
    }

    /// The plan as pretty-printed native JSON.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Plan;
    ///
    /// let plan = Plan::new("T", "O");
    /// assert_eq!(Plan::from_json(&plan.to_json())?, plan);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| {
            // Serialising plain data to a string cannot fail; keep the
            // message rather than panic if it ever does.
            format!("{{\"error\": {:?}}}", e.to_string())
        })
    }

    /// Checks the plan's invariants: ids are unique (objectives, actions,
    /// leads, groups, priorities, measures, sources), every lead, group,
    /// objective and source an item refers to exists, groups do not nest in
    /// a loop, the schema version is supported, the plan's dates do not end
    /// before they start, percentages are 0–100, no
    /// progress update is dated before its action's start or after the
    /// plan's `reported_on`, and every colour in `style.colours` is
    /// `#rrggbb` or `#rgb` (see [`Colour`](crate::rating::Colour)).
    ///
    /// Loading checks the JSON itself before this: bytes that are not
    /// UTF-8 ([`Plan::from_json_bytes`]), data after the plan, the
    /// [`JsonLimits`], and fields this library does not read (a
    /// [`LoadWarning`], or an error when [`LoadOptions::strict`]); see
    /// [`Plan::from_json_with`].
    ///
    /// # Errors
    ///
    /// Returns the first [`LoadError::Invalid`] found, naming its JSON path.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::{Action, Objective, Plan};
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// let mut o = Objective::new("o1", "Children have a voice");
    /// let mut a = Action::new("a1", "Set up a children in care council", "Dec-19");
    /// a.leads.push("nobody".into());
    /// o.actions.push(a);
    /// plan.objectives.push(o);
    /// let err = plan.check().unwrap_err();
    /// assert!(err.to_string().starts_with("plan at $.objectives[0].actions[0].leads[0]"));
    /// ```
    pub fn check(&self) -> Result<(), LoadError> {
        validate::check(self)
    }

    /// Things worth a reader's attention that do not stop the plan loading:
    /// duplicate refs within an objective, timescales that could not be
    /// understood, impossible dates.
    ///
    /// # Example
    ///
    /// ```
    /// let plan = lineofsight::builtin("lancashire")?;
    /// assert!(plan.warnings().iter().any(|w| w.message.contains("31/04/2019")));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn warnings(&self) -> Vec<PlanWarning> {
        validate::warnings(self)
    }

    /// Every action in the plan, objective by objective.
    ///
    /// # Example
    ///
    /// ```
    /// let plan = lineofsight::builtin("lancashire")?;
    /// assert!(plan.actions().any(|a| a.timescale.raw() == "Nov 18 – Nov 19"));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn actions(&self) -> impl Iterator<Item = &Action> {
        self.objectives.iter().flat_map(|o| o.actions.iter())
    }

    /// The lead with this id.
    ///
    /// # Example
    ///
    /// ```
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let lead = plan.lead("childrens-social-care").expect("a lead of seed 001");
    /// assert_eq!(lead.name, "Children's Social Care");
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn lead(&self, id: &str) -> Option<&Lead> {
        self.leads.iter().find(|l| l.id == id)
    }

    /// The objective with this id.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::{Objective, Plan};
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// plan.objectives.push(Objective::new("o4", "Education, employment and training"));
    /// assert_eq!(plan.objective("o4").map(|o| o.title.as_str()), Some("Education, employment and training"));
    /// ```
    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }

    /// The data set with this id.
    ///
    /// # Example
    ///
    /// ```
    /// let plan = lineofsight::builtin("lancashire")?;
    /// assert!(plan.dataset("lait-lac").is_some());
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn dataset(&self, id: &str) -> Option<&crate::measure::Dataset> {
        self.datasets.iter().find(|d| d.id == id)
    }

    /// Every measure, with the id of its objective, in plan order.
    ///
    /// # Example
    ///
    /// ```
    /// let plan = lineofsight::builtin("lancashire")?;
    /// assert_eq!(plan.measures().count(), 63);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn measures(&self) -> impl Iterator<Item = (&str, &Measure)> {
        self.objectives
            .iter()
            .flat_map(|o| o.measures.iter().map(move |m| (o.id.as_str(), m)))
    }

    /// Each group's position by id (the first of an id), and the position
    /// of the group each sits in (`None` at the top, or for a parent the
    /// plan does not list): the index the loop check and the roll-ups walk.
    pub(crate) fn group_parents(
        &self,
    ) -> (std::collections::HashMap<&str, usize>, Vec<Option<usize>>) {
        let mut index = std::collections::HashMap::with_capacity(self.groups.len());
        for (i, g) in self.groups.iter().enumerate() {
            index.entry(g.id.as_str()).or_insert(i);
        }
        let parent = self
            .groups
            .iter()
            .map(|g| g.parent.as_deref().and_then(|p| index.get(p).copied()))
            .collect();
        (index, parent)
    }

    /// The group with this id.
    ///
    /// # Example
    ///
    /// ```
    /// let plan = lineofsight::builtin("lancashire")?;
    /// assert_eq!(plan.group("cip-permanence").map(|g| g.title.as_str()), Some("Permanence and Corporate Parenting"));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The names of an action's leads, in order.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::{Action, Lead, LeadKind, Plan};
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// plan.leads.push(Lead::new("vsh", "Virtual School Head", LeadKind::Role));
    /// let mut a = Action::new("a1", "Review PEPs", "Sep-19");
    /// a.leads.push("vsh".into());
    /// assert_eq!(plan.lead_names(&a), ["Virtual School Head"]);
    /// ```
    pub fn lead_names<'a>(&'a self, action: &'a Action) -> Vec<&'a str> {
        action
            .leads
            .iter()
            .map(|id| self.lead(id).map_or(id.as_str(), |l| l.name.as_str()))
            .collect()
    }

    /// Whether any lead is a named person (reports say so, because a
    /// published report may need them replaced by their role).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::{Lead, LeadKind, Plan};
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// plan.leads.push(Lead::new("vsh", "Virtual School Head", LeadKind::Role));
    /// assert!(!plan.names_people());
    /// plan.leads.push(Lead::new("jo-bloggs", "Jo Bloggs", LeadKind::Person));
    /// assert!(plan.names_people());
    /// ```
    pub fn names_people(&self) -> bool {
        self.leads.iter().any(|l| l.kind == LeadKind::Person)
    }
}
