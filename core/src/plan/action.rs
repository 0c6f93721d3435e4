//! Actions: what the plan says will be done, by whom and by when, and the
//! progress reported against it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Ref;
use crate::rating::Rating;
use crate::timescale::Timescale;

/// Where an action is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    /// Work has not begun.
    NotStarted,
    /// Work is under way (the default for an open action).
    #[default]
    InProgress,
    /// The action is done.
    Complete,
    /// Put off by decision; not rated.
    Deferred,
    /// Stopped by decision; not rated.
    Cancelled,
}

impl Lifecycle {
    /// Whether the action is still open (not complete, deferred or cancelled).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Lifecycle;
    ///
    /// assert!(Lifecycle::InProgress.is_open());
    /// assert!(!Lifecycle::Complete.is_open());
    /// ```
    pub fn is_open(self) -> bool {
        matches!(self, Lifecycle::NotStarted | Lifecycle::InProgress)
    }

    /// Plain-English name, e.g. `in progress`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Lifecycle;
    ///
    /// assert_eq!(Lifecycle::NotStarted.name(), "not started");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Lifecycle::NotStarted => "not started",
            Lifecycle::InProgress => "in progress",
            Lifecycle::Complete => "complete",
            Lifecycle::Deferred => "deferred",
            Lifecycle::Cancelled => "cancelled",
        }
    }
}

/// A rating recorded in the source without a date (e.g. the RAG column of a
/// board summary), with the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RecordedRating {
    /// The rating.
    pub rating: Rating,
    /// The cell as written, e.g. `Amber-Red`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl RecordedRating {
    /// A recorded rating with no source text.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::RecordedRating;
    /// use lineofsight::rating::Rating;
    ///
    /// let r = RecordedRating::new(Rating::Amber).with_text("Amber-Red");
    /// assert_eq!(r.text.as_deref(), Some("Amber-Red"));
    /// ```
    pub fn new(rating: Rating) -> RecordedRating {
        RecordedRating { rating, text: None }
    }

    /// Keeps the cell the rating was read from, as written.
    #[must_use]
    pub fn with_text(mut self, text: &str) -> RecordedRating {
        self.text = Some(text.to_string());
        self
    }
}

/// A progress update on an action: the commentary a tracker's Progress,
/// Update or Comments column carries, with its date when one is known.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::plan::ProgressUpdate;
/// use lineofsight::rating::Rating;
///
/// let d = NaiveDate::from_ymd_opt(2019, 9, 30).unwrap();
/// let u = ProgressUpdate::dated(d, "Draft policy out to consultation.")
///     .with_rating(Rating::Green)
///     .with_percent_complete(60.0)
///     .with_by("Head of Service");
/// assert_eq!(u.date, Some(d));
/// assert_eq!(u.rating, Some(Rating::Green));
/// assert!(ProgressUpdate::undated("Awaiting sign-off.").date.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ProgressUpdate {
    /// When the update was made; `None` when the source gives no date (the
    /// commentary is kept, and counts for nothing date-bound such as the
    /// staleness rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// What was reported.
    #[serde(default)]
    pub note: String,
    /// The rating recorded with the update, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// Percentage complete reported with the update (0–100), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_complete: Option<f64>,
    /// Who recorded the update (a name or a post), if the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl ProgressUpdate {
    /// An update made on a date.
    pub fn dated(date: NaiveDate, note: &str) -> ProgressUpdate {
        ProgressUpdate {
            date: Some(date),
            note: note.to_string(),
            rating: None,
            percent_complete: None,
            by: None,
        }
    }

    /// Commentary the source gives no date for.
    pub fn undated(note: &str) -> ProgressUpdate {
        ProgressUpdate {
            date: None,
            note: note.to_string(),
            rating: None,
            percent_complete: None,
            by: None,
        }
    }

    /// Records a rating with the update.
    #[must_use]
    pub fn with_rating(mut self, rating: Rating) -> ProgressUpdate {
        self.rating = Some(rating);
        self
    }

    /// Records the percentage complete (0–100; [`Plan::check`](crate::Plan::check)
    /// refuses other values).
    #[must_use]
    pub fn with_percent_complete(mut self, percent: f64) -> ProgressUpdate {
        self.percent_complete = Some(percent);
        self
    }

    /// Records who made the update (a name or a post).
    #[must_use]
    pub fn with_by(mut self, by: &str) -> ProgressUpdate {
        self.by = Some(by.to_string());
        self
    }
}

/// A sub-activity of an action, with its own timescale (seed 004's
/// activities under each outcome).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct SubActivity {
    /// What will be done.
    pub text: String,
    /// By when, as written.
    #[serde(default, skip_serializing_if = "Timescale::is_empty")]
    pub timescale: Timescale,
    /// Where it is in its life; when absent it follows its action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<Lifecycle>,
}

/// A dated change to an action's state or timescale, with the value
/// before it. The action's `state` and `timescale` are what holds now; the
/// history lets a rating as of an earlier date use what was known then
/// (see [`Action::state_as_of`] and [`Action::timescale_as_of`]).
///
/// As JSON: `{"field": "state", "date": "2019-12-01", "from":
/// "in_progress", "to": "complete"}` or `{"field": "timescale", "date":
/// "2019-12-01", "from": "Mar-20", "to": "Jun-20"}`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::plan::{Action, ActionChange, Lifecycle};
///
/// let on = NaiveDate::from_ymd_opt(2019, 12, 1).unwrap();
/// let change = ActionChange::State { date: on, from: Lifecycle::InProgress, to: Lifecycle::Complete };
/// assert_eq!(change.date(), on);
/// ```
// A history holds a few changes at most; boxing the timescales would cost
// every caller a `Box::new` for no saving worth having.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "field", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ActionChange {
    /// The action's state changed (e.g. it was completed or deferred).
    State {
        /// The day of the change.
        date: NaiveDate,
        /// The state before it.
        from: Lifecycle,
        /// The state after it.
        to: Lifecycle,
    },
    /// The action's timescale changed (a deadline moved).
    Timescale {
        /// The day of the change.
        date: NaiveDate,
        /// The timescale before it, as written.
        from: Timescale,
        /// The timescale after it, as written.
        to: Timescale,
    },
}

impl ActionChange {
    /// The day of the change.
    pub fn date(&self) -> NaiveDate {
        match self {
            ActionChange::State { date, .. } | ActionChange::Timescale { date, .. } => *date,
        }
    }
}

impl SubActivity {
    /// A sub-activity with a timescale parsed from its text, following its
    /// action's state.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::{Lifecycle, SubActivity};
    ///
    /// let s = SubActivity::new("Consult the children in care council.", "Sep-19")
    ///     .with_state(Lifecycle::Complete);
    /// assert_eq!(s.timescale.raw(), "Sep-19");
    /// ```
    pub fn new(text: &str, timescale: &str) -> SubActivity {
        SubActivity {
            text: text.to_string(),
            timescale: Timescale::parse(timescale),
            state: None,
        }
    }

    /// Gives the sub-activity its own state.
    #[must_use]
    pub fn with_state(mut self, state: Lifecycle) -> SubActivity {
        self.state = Some(state);
        self
    }
}

/// An action in a plan.
///
/// # Example
///
/// ```
/// use lineofsight::plan::Action;
///
/// let action = Action::new("a1", "Improve the Care Leaver Local Offer.", "Nov-19");
/// assert_eq!(action.timescale.raw(), "Nov-19");
/// assert!(action.state.is_open());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Action {
    /// The action's id, unique within the plan.
    pub id: String,
    /// The reference as written in the source (`3a1`, `5a-c`), if any.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<Ref>,
    /// What will be done.
    pub text: String,
    /// Sub-activities, each with its own timescale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_activities: Vec<SubActivity>,
    /// Ids of the plan's leads responsible.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leads: Vec<String>,
    /// By when, as written.
    #[serde(default, skip_serializing_if = "Timescale::is_empty")]
    pub timescale: Timescale,
    /// When work started, if known (used by the expected-progress rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Evidence recorded against the action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Dated progress updates, in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressUpdate>,
    /// The rating recorded in the source without a date, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_rating: Option<RecordedRating>,
    /// Where the action is in its life.
    #[serde(default)]
    pub state: Lifecycle,
    /// Dated changes to `state` and `timescale`, in any order, each with
    /// the value before it; what the fields say holds after the last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<ActionChange>,
    /// The source document the action came from (an id in the plan's sources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Fields from the source that have no place above, kept so nothing is lost.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl Action {
    /// Makes an open action with a timescale parsed from its text.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::{Action, Lifecycle};
    ///
    /// let a = Action::new("o3-7", "Explore tenancy options with District councils.", "Jul-19");
    /// assert_eq!(a.state, Lifecycle::InProgress);
    /// assert_eq!(a.timescale.due().map(|d| d.to_string()).as_deref(), Some("2019-07-31"));
    /// ```
    pub fn new(id: &str, text: &str, timescale: &str) -> Action {
        Action {
            id: id.to_string(),
            reference: None,
            text: text.to_string(),
            sub_activities: Vec::new(),
            leads: Vec::new(),
            timescale: Timescale::parse(timescale),
            start: None,
            evidence: None,
            progress: Vec::new(),
            recorded_rating: None,
            state: Lifecycle::InProgress,
            history: Vec::new(),
            source: None,
            extra: BTreeMap::new(),
        }
    }

    /// Sets the reference as written (`3a1`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Lifecycle, ProgressUpdate};
    ///
    /// let d = NaiveDate::from_ymd_opt(2019, 9, 30).unwrap();
    /// let a = Action::new("a1", "Launch Mind of My Own.", "Dec-19")
    ///     .with_reference("3a1")
    ///     .with_lead("vsh")
    ///     .with_update(ProgressUpdate::dated(d, "Launched.").with_percent_complete(100.0))
    ///     .with_state(Lifecycle::Complete);
    /// assert_eq!(a.reference.map(|r| r.as_str().to_string()).as_deref(), Some("3a1"));
    /// assert_eq!(a.leads, ["vsh"]);
    /// ```
    #[must_use]
    pub fn with_reference(mut self, reference: &str) -> Action {
        self.reference = Some(Ref::new(reference));
        self
    }

    /// Adds a lead (by id in the plan's leads).
    #[must_use]
    pub fn with_lead(mut self, lead: &str) -> Action {
        self.leads.push(lead.to_string());
        self
    }

    /// Adds a sub-activity.
    #[must_use]
    pub fn with_sub_activity(mut self, sub_activity: SubActivity) -> Action {
        self.sub_activities.push(sub_activity);
        self
    }

    /// Sets when work started (used by the expected-progress rule).
    #[must_use]
    pub fn with_start(mut self, start: NaiveDate) -> Action {
        self.start = Some(start);
        self
    }

    /// Sets the evidence recorded against the action.
    #[must_use]
    pub fn with_evidence(mut self, evidence: &str) -> Action {
        self.evidence = Some(evidence.to_string());
        self
    }

    /// Adds a progress update.
    #[must_use]
    pub fn with_update(mut self, update: ProgressUpdate) -> Action {
        self.progress.push(update);
        self
    }

    /// Sets the rating recorded without a date.
    #[must_use]
    pub fn with_recorded_rating(mut self, recorded: RecordedRating) -> Action {
        self.recorded_rating = Some(recorded);
        self
    }

    /// Sets where the action is in its life.
    #[must_use]
    pub fn with_state(mut self, state: Lifecycle) -> Action {
        self.state = state;
        self
    }

    /// Sets the source document (by id in the plan's sources).
    #[must_use]
    pub fn with_source(mut self, source: &str) -> Action {
        self.source = Some(source.to_string());
        self
    }

    /// The latest progress update on or before `as_of`, if any.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, ProgressUpdate};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();
    /// let mut a = Action::new("a", "Launch Mind of My Own.", "Ongoing");
    /// for (date, note) in [(d(3, 1), "Pilot"), (d(9, 1), "Launched")] {
    ///     a.progress.push(ProgressUpdate::dated(date, note));
    /// }
    /// assert_eq!(a.latest_update(d(6, 30)).map(|u| u.note.as_str()), Some("Pilot"));
    /// assert_eq!(a.latest_update(d(12, 31)).map(|u| u.note.as_str()), Some("Launched"));
    /// assert!(a.latest_update(d(1, 1)).is_none());
    /// ```
    pub fn latest_update(&self, as_of: NaiveDate) -> Option<&ProgressUpdate> {
        self.progress
            .iter()
            .filter(|u| u.date.is_some_and(|d| d <= as_of))
            .max_by_key(|u| u.date)
    }

    /// The commentary to show as of a date: the latest dated update on or
    /// before it that has a note, otherwise the last undated note.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, ProgressUpdate};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();
    /// let mut a = Action::new("a", "Refresh the pledge.", "Mar-20");
    /// a.progress.push(ProgressUpdate::undated("Care leavers' forum consulted."));
    /// assert_eq!(a.commentary(d(6, 30)).map(|u| u.note.as_str()), Some("Care leavers' forum consulted."));
    /// a.progress.push(ProgressUpdate::dated(d(9, 30), "Draft agreed."));
    /// assert_eq!(a.commentary(d(12, 31)).map(|u| u.note.as_str()), Some("Draft agreed."));
    /// ```
    pub fn commentary(&self, as_of: NaiveDate) -> Option<&ProgressUpdate> {
        self.commentary_position(as_of)
            .and_then(|i| self.progress.get(i))
    }

    /// The position in `progress` of [`Action::commentary`]'s update.
    pub(crate) fn commentary_position(&self, as_of: NaiveDate) -> Option<usize> {
        let noted = || {
            self.progress
                .iter()
                .enumerate()
                .filter(|(_, u)| !u.note.trim().is_empty())
        };
        noted()
            .filter(|(_, u)| u.date.is_some_and(|d| d <= as_of))
            .max_by_key(|(_, u)| u.date)
            .or_else(|| noted().rfind(|(_, u)| u.date.is_none()))
            .map(|(i, _)| i)
    }

    /// The rating recorded as of a date: the latest dated update that carries
    /// a rating, otherwise the undated recorded rating.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, RecordedRating};
    /// use lineofsight::rating::Rating;
    ///
    /// let mut a = Action::new("a", "Review SGO support.", "30th April 2020");
    /// a.recorded_rating = Some(RecordedRating::new(Rating::Green));
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// assert_eq!(a.recorded_as_of(as_of), Some(Rating::Green));
    /// ```
    pub fn recorded_as_of(&self, as_of: NaiveDate) -> Option<Rating> {
        self.progress
            .iter()
            .filter(|u| u.date.is_some_and(|d| d <= as_of) && u.rating.is_some())
            .max_by_key(|u| u.date)
            .and_then(|u| u.rating)
            .or_else(|| self.recorded_rating.as_ref().map(|r| r.rating))
    }

    /// The action's state as of a date: what it was before the earliest
    /// change to it dated after `as_of`, otherwise its `state`. A change
    /// takes effect on its own day.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, ActionChange, Lifecycle};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();
    /// let mut a = Action::new("a", "Refresh the pledge.", "Mar-20");
    /// a.state = Lifecycle::Complete;
    /// a.history.push(ActionChange::State { date: d(12, 1), from: Lifecycle::InProgress, to: Lifecycle::Complete });
    /// assert_eq!(a.state_as_of(d(9, 30)), Lifecycle::InProgress);
    /// assert_eq!(a.state_as_of(d(12, 1)), Lifecycle::Complete);
    /// ```
    pub fn state_as_of(&self, as_of: NaiveDate) -> Lifecycle {
        self.history
            .iter()
            .filter_map(|c| match c {
                ActionChange::State { date, from, .. } if *date > as_of => Some((*date, *from)),
                _ => None,
            })
            .min_by_key(|(date, _)| *date)
            .map_or(self.state, |(_, from)| from)
    }

    /// The action's timescale as of a date: the one before the earliest
    /// change to it dated after `as_of`, otherwise its `timescale`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, ActionChange};
    /// use lineofsight::timescale::Timescale;
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();
    /// let mut a = Action::new("a", "Refresh the pledge.", "Jun-20");
    /// a.history.push(ActionChange::Timescale {
    ///     date: d(12, 1),
    ///     from: Timescale::parse("Mar-20"),
    ///     to: Timescale::parse("Jun-20"),
    /// });
    /// assert_eq!(a.timescale_as_of(d(9, 30)).raw(), "Mar-20");
    /// assert_eq!(a.timescale_as_of(d(12, 31)).raw(), "Jun-20");
    /// ```
    pub fn timescale_as_of(&self, as_of: NaiveDate) -> &Timescale {
        self.history
            .iter()
            .filter_map(|c| match c {
                ActionChange::Timescale { date, from, .. } if *date > as_of => Some((*date, from)),
                _ => None,
            })
            .min_by_key(|(date, _)| *date)
            .map_or(&self.timescale, |(_, from)| from)
    }

    /// Sets the action's history, and its state and timescale to what the
    /// last change of each is to (a table written as of an earlier date
    /// shows the state and timescale of that date; the history says what
    /// they are now).
    pub(crate) fn set_history(&mut self, changes: Vec<ActionChange>) {
        let (state, timescale) = last_changes(&changes);
        if let Some((_, ActionChange::State { to, .. })) = state {
            self.state = *to;
        }
        if let Some((_, ActionChange::Timescale { to, .. })) = timescale {
            self.timescale = to.clone();
        }
        self.history = changes;
    }
}

/// The last change of state and the last change of timescale in a history,
/// each with its position: the latest by date, and of changes on the same
/// day the later listed. What the action's fields must agree with.
pub(crate) type LastChange<'a> = Option<(usize, &'a ActionChange)>;

/// See [`LastChange`].
pub(crate) fn last_changes(history: &[ActionChange]) -> (LastChange<'_>, LastChange<'_>) {
    let last = |state: bool| {
        history
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, ActionChange::State { .. }) == state)
            .max_by_key(|(_, c)| c.date())
    };
    (last(true), last(false))
}
