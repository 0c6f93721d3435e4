//! One action's row: the one row type every report, export and binding
//! shows, built once from the plan and its evaluation.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use crate::plan::{ActionChange, Lifecycle, ProgressUpdate, RecordedRating, SubActivity};
use crate::rating::Rating;
use crate::rules::Reason;

/// One action's line in a report: what the plan says about it and how it
/// is rated as of the report's date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ReportRow {
    /// The action's id.
    pub action_id: String,
    /// The id of its objective.
    pub objective_id: String,
    /// Its objective's ref as written, if any.
    #[serde(default)]
    pub objective_ref: Option<String>,
    /// Its objective's title.
    #[serde(default)]
    pub objective: String,
    /// The title of its objective's group (workstream, section or source
    /// plan), if any.
    #[serde(default)]
    pub group: Option<String>,
    /// The ref as written, if any.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// What will be done.
    pub text: String,
    /// The timescale as written.
    pub timescale: String,
    /// The names of its leads.
    pub leads: Vec<String>,
    /// The evidence of completion, if stated.
    #[serde(default)]
    pub evidence: Option<String>,
    /// Its lifecycle state.
    #[serde(default)]
    pub state: Lifecycle,
    /// Whether it is still to be done: not complete, deferred or cancelled,
    /// and not rated Blue. The one meaning of "open" in every report.
    #[serde(default)]
    pub open: bool,
    /// The rating recorded in the plan, if any.
    pub recorded: Option<Rating>,
    /// The rating the rules computed.
    #[serde(default = "no_data")]
    pub computed: Rating,
    /// The rating that stands.
    pub rating: Rating,
    /// Whether the recorded rating replaced the computed one.
    pub overridden: bool,
    /// Why the rules rate it so.
    pub reason: Reason,
    /// Its next due date (or the date it fell due), if any.
    pub due: Option<NaiveDate>,
    /// The progress commentary shown as of the report's date (see
    /// [`Action::commentary`](crate::plan::Action::commentary)); `None`
    /// when there is none.
    #[serde(default)]
    pub commentary_note: Option<String>,
    /// The commentary's date; `None` when it is undated.
    #[serde(default)]
    pub commentary_date: Option<NaiveDate>,
    /// The titles of its objective's group and the groups that one sits
    /// in, outermost first (empty when the objective has no group).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// When work started, if the plan says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// The rating recorded in the plan without a date, with its text
    /// exactly as written (`recorded` is the rating recorded as of the
    /// report's date, which a dated update may give instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_rating: Option<RecordedRating>,
    /// Every progress update, in the plan's order (`commentary_note` is
    /// the one shown as of the report's date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressUpdate>,
    /// Its sub-activities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_activities: Vec<SubActivity>,
    /// Its dated changes of state and timescale (`state` and `timescale`
    /// above are as of the report's date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<ActionChange>,
    /// The id of the source document it comes from, if the plan says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Fields from the source that have no place above.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

fn no_data() -> Rating {
    Rating::NoData
}

impl ReportRow {
    /// Every action's row, in plan order, for `eval`, an evaluation of
    /// `plan`: what the plan says (text, timescale as written, objective,
    /// lead names) beside how it is rated as of `eval`'s own date. For a
    /// plan whose period ended before that date a board report rates the
    /// plan as at its last day instead: [`ReportRow::as_reported`] gives
    /// the report's rows.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::ReportRow;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let eval = plan.evaluate(as_of, &plan.rules_or_default());
    /// let rows = ReportRow::of_evaluation(&plan, &eval);
    /// assert_eq!(rows.len(), eval.actions.len());
    /// assert_eq!(rows[0].rating, eval.actions[0].rating);
    /// assert!(!rows[0].text.is_empty());
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn of_evaluation(plan: &crate::plan::Plan, eval: &crate::Evaluation) -> Vec<ReportRow> {
        super::board::rows(plan, eval)
    }

    /// Every action's row exactly as a board report lists them (the
    /// `actions` of [`BoardReport::build`](super::BoardReport::build) on
    /// `plan` at `eval`'s date and rules, without publishing), without
    /// building the rest of the report: the bindings' tables. `eval` is an
    /// evaluation of `plan`. Like the report, a plan whose period ended
    /// before that date is rated as at its last day (see
    /// [`ClosedPosition`](super::ClosedPosition)): `eval` is used as it is
    /// for a plan that has not closed, and the plan is rated again at its
    /// last day for one that has.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::{BoardReport, ReportOptions, ReportRow};
    ///
    /// // The 2014–17 plan closed on 31 March 2017: rated as at that day.
    /// let plan = lineofsight::builtin("lancashire-cla-2014-17")?;
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let rules = plan.rules_or_default();
    /// let eval = plan.evaluate(as_of, &rules);
    /// let report = BoardReport::build(&plan, as_of, &rules, &ReportOptions::default());
    /// assert_eq!(ReportRow::as_reported(&plan, &eval), report.actions);
    /// assert_ne!(ReportRow::of_evaluation(&plan, &eval), report.actions);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn as_reported(plan: &crate::plan::Plan, eval: &crate::Evaluation) -> Vec<ReportRow> {
        let rating_date = plan.rating_date(eval.as_of);
        if rating_date == eval.as_of {
            super::board::rows(plan, eval)
        } else {
            super::board::rows(plan, &plan.evaluate(rating_date, &eval.rules))
        }
    }

    /// The rows of the open actions due from the evaluation's date up to
    /// `days` days after it, soonest first (plan order among equals): the
    /// actions of [`Evaluation::due_within`](crate::Evaluation::due_within)
    /// with what the plan says about each.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::ReportRow;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &plan.rules_or_default());
    /// let rows = ReportRow::due_within(&plan, &eval, 90);
    /// let ids: Vec<&str> = eval.due_within(90).iter().filter_map(|a| a.action_id(&plan)).collect();
    /// assert_eq!(rows.iter().map(|r| r.action_id.as_str()).collect::<Vec<_>>(), ids);
    /// assert!(rows.iter().all(|r| !r.text.is_empty()));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn due_within(
        plan: &crate::plan::Plan,
        eval: &crate::Evaluation,
        days: u32,
    ) -> Vec<ReportRow> {
        let mut rows: Vec<ReportRow> = Self::of_evaluation(plan, eval)
            .into_iter()
            .filter(|r| eval.falls_due_within(r.open, r.due, days))
            .collect();
        rows.sort_by_key(|r| r.due);
        rows
    }

    /// The commentary as a board paper shows it: `30/09/2019: Draft agreed.`,
    /// `undated: Awaiting sign-off.`, or `None` when there is none. The text
    /// is plain: each renderer escapes it for where it lands.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan, ProgressUpdate};
    /// use lineofsight::report::{BoardReport, ReportOptions};
    /// use lineofsight::RuleSet;
    ///
    /// let d = NaiveDate::from_ymd_opt(2019, 9, 30).unwrap();
    /// let mut a = Action::new("a1", "Refresh the pledge.", "Mar-20");
    /// a.progress.push(ProgressUpdate::dated(d, "Draft agreed."));
    /// let mut b = Action::new("a2", "Review SGO support.", "Mar-20");
    /// b.progress.push(ProgressUpdate::undated("Awaiting sign-off."));
    /// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    /// o.actions.extend([a, b, Action::new("a3", "Launch Mind of My Own.", "Mar-20")]);
    /// let mut plan = Plan::new("Plan", "Council");
    /// plan.objectives.push(o);
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default());
    /// let rows = &report.actions;
    /// assert_eq!(rows[0].commentary_line().as_deref(), Some("30/09/2019: Draft agreed."));
    /// assert_eq!(rows[1].commentary_line().as_deref(), Some("undated: Awaiting sign-off."));
    /// assert_eq!(rows[2].commentary_line(), None);
    /// ```
    pub fn commentary_line(&self) -> Option<String> {
        let note = self.commentary_note.as_deref()?;
        Some(format!(
            "{}: {note}",
            commentary_date_text(self.commentary_date)
        ))
    }

    /// The objective's ref and the action's, joined by `/` (`1/1.2`), or
    /// whichever of the two there is: how a list names an action before its
    /// text.
    pub fn full_ref(&self) -> Option<String> {
        match (&self.objective_ref, &self.reference) {
            (Some(o), Some(a)) => Some(format!("{o}/{a}")),
            (Some(x), None) | (None, Some(x)) => Some(x.clone()),
            (None, None) => None,
        }
    }

    /// The objective's ref, or its title where it has none: how a table of
    /// actions from several objectives names each one's objective.
    pub fn objective_label(&self) -> &str {
        self.objective_ref.as_deref().unwrap_or(&self.objective)
    }
}

/// A commentary's date as a board paper writes it: `30/09/2019`, or
/// `undated`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::report::commentary_date_text;
///
/// assert_eq!(commentary_date_text(NaiveDate::from_ymd_opt(2019, 9, 30)), "30/09/2019");
/// assert_eq!(commentary_date_text(None), "undated");
/// ```
pub fn commentary_date_text(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "undated".to_string(), crate::rules::reason::uk_date)
}
