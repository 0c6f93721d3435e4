//! The board report as data: what a council officer takes to the Corporate
//! Parenting Board, independent of how it is rendered.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::measures::MeasureRow;
use crate::evaluate::{ActionRating, Evaluation, RollupRating};
use crate::plan::{Action, Plan};
use crate::rating::Rating;
use crate::rules::Reason;

/// One action's line in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportRow {
    /// The action's id.
    pub action_id: String,
    /// The id of its objective.
    pub objective_id: String,
    /// The ref as written, if any.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// What will be done.
    pub text: String,
    /// The timescale as written.
    pub timescale: String,
    /// The names of its leads.
    pub leads: Vec<String>,
    /// The rating recorded in the plan, if any.
    pub recorded: Option<Rating>,
    /// The rating that stands.
    pub rating: Rating,
    /// Whether the recorded rating replaced the computed one.
    pub overridden: bool,
    /// Why the rules rate it so.
    pub reason: Reason,
    /// Its next due date, if any.
    pub due: Option<NaiveDate>,
    /// The progress commentary to show, from the evaluation's
    /// [`ActionRating::commentary_note`]; `None` when there is none.
    #[serde(default)]
    pub commentary_note: Option<String>,
    /// The commentary's date; `None` when it is undated.
    #[serde(default)]
    pub commentary_date: Option<NaiveDate>,
}

impl ReportRow {
    /// The commentary as a board paper shows it: `30/09/2019: Draft agreed.`,
    /// `undated: Awaiting sign-off.`, or `None` when there is none. The text
    /// is plain: each renderer escapes it for where it lands.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan, ProgressUpdate};
    /// use lineofsight::report::action_rows;
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
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let rows = action_rows(&plan, &eval);
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

/// One objective's part of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ObjectiveSection {
    /// The objective's id.
    pub id: String,
    /// Its ref as written, if any.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// Its title.
    pub title: String,
    /// The title of its group (workstream, section or source plan), if any.
    pub group: Option<String>,
    /// Its aim, if any.
    pub aim: Option<String>,
    /// How it will be achieved, if stated.
    pub approach: Option<String>,
    /// Its roll-up rating and counts.
    pub rollup: RollupRating,
    /// Its open actions (not complete, deferred or cancelled).
    pub open_actions: Vec<ReportRow>,
}

/// The board report: open actions by objective, RAG counts, discrepancies
/// and upcoming deadlines.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::report::BoardReport;
/// use lineofsight::rules::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let report = BoardReport::new(&plan, &eval, 90);
/// assert_eq!(report.objectives.len(), plan.objectives.len());
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BoardReport {
    /// The plan's title.
    pub title: String,
    /// The plan's organisation.
    pub organisation: String,
    /// The date rated as of.
    pub as_of: NaiveDate,
    /// The whole plan's roll-up.
    pub plan: RollupRating,
    /// Objective by objective, in plan order.
    pub objectives: Vec<ObjectiveSection>,
    /// Red and Amber open actions, worst first.
    pub exceptions: Vec<ReportRow>,
    /// Recorded ratings that disagree with the rules.
    pub discrepancies: Vec<ReportRow>,
    /// Open actions due in the look-ahead window, soonest first.
    pub upcoming: Vec<ReportRow>,
    /// How many days ahead `upcoming` looks.
    pub upcoming_days: u32,
    /// Whether any lead is a named person.
    pub names_people: bool,
    /// Plan warnings (impossible dates, duplicate refs), as sentences.
    pub warnings: Vec<String>,
    /// Measures of success with a numeric target or published values.
    #[serde(default)]
    pub measures: Vec<MeasureRow>,
    /// How many measures have neither (qualitative, rated by hand).
    #[serde(default)]
    pub qualitative_measures: usize,
    /// Set when the plan's period ended before the date asked about: the
    /// report is then its final position, rated as at its last day (see
    /// [`board_report_as_of`](super::board_report_as_of)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<super::ClosedNote>,
}

impl BoardReport {
    /// The line under the title: `Board report for Lancashire County
    /// Council, as of 31/12/2019`, or `Board report as of 31/12/2019` when
    /// the plan names no organisation (an imported tracker often does not).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::BoardReport;
    /// use lineofsight::{Plan, RuleSet};
    ///
    /// let plan = Plan::new("Tracker", "");
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let report = BoardReport::new(&plan, &eval, 90);
    /// assert_eq!(report.subtitle(), "Board report as of 31/12/2019");
    /// ```
    pub fn subtitle(&self) -> String {
        let as_of = crate::rules::reason::uk_date(self.as_of);
        match self.organisation.trim() {
            "" => format!("Board report as of {as_of}"),
            org => format!("Board report for {org}, as of {as_of}"),
        }
    }

    /// Builds the report from a plan and its evaluation, looking
    /// `upcoming_days` ahead for deadlines.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan};
    /// use lineofsight::report::BoardReport;
    /// use lineofsight::RuleSet;
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    /// o.actions.push(Action::new("a1", "Improve the Local Offer.", "Nov-19"));
    /// o.actions.push(Action::new("a2", "Review SGO support.", "31/01/2020"));
    /// plan.objectives.push(o);
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let report = BoardReport::new(&plan, &eval, 90);
    /// assert_eq!(report.exceptions.len(), 1);
    /// assert_eq!(report.upcoming[0].action_id, "a2");
    /// ```
    pub fn new(plan: &Plan, eval: &Evaluation, upcoming_days: u32) -> BoardReport {
        let (measures, qualitative_measures) =
            super::measures::measure_rows(plan, eval, &plan.style);
        let actions: Vec<(&Action, &ActionRating)> = plan.actions().zip(&eval.actions).collect();
        let row = |(a, r): &(&Action, &ActionRating)| report_row(plan, a, r);
        let is_open = |r: &ActionRating| r.state.is_open() && r.rating != Rating::Blue;
        let objectives = plan
            .objectives
            .iter()
            .zip(&eval.objectives)
            .map(|(o, rollup)| ObjectiveSection {
                id: o.id.clone(),
                reference: o.reference.as_ref().map(|r| r.as_str().to_string()),
                title: o.title.clone(),
                group: o
                    .group
                    .as_deref()
                    .and_then(|g| plan.group(g))
                    .map(|g| g.title.clone()),
                aim: o.aim.clone(),
                approach: o.approach.clone(),
                rollup: rollup.clone(),
                open_actions: actions
                    .iter()
                    .filter(|(_, r)| r.objective_id == o.id && is_open(r))
                    .map(row)
                    .collect(),
            })
            .collect();
        let mut exceptions: Vec<ReportRow> = actions
            .iter()
            .filter(|(_, r)| {
                is_open(r) && matches!(r.rating, Rating::Red | Rating::AmberRed | Rating::Amber)
            })
            .map(row)
            .collect();
        exceptions.sort_by_key(|r| r.rating);
        let discrepancies = eval
            .discrepancies
            .iter()
            .filter_map(|d| actions.iter().find(|(a, _)| a.id == d.action_id))
            .map(row)
            .collect();
        let upcoming = eval
            .due_within(upcoming_days)
            .into_iter()
            .filter_map(|u| actions.iter().find(|(a, _)| a.id == u.action_id))
            .map(row)
            .collect();
        BoardReport {
            title: plan.title.clone(),
            organisation: plan.organisation.clone(),
            as_of: eval.as_of,
            plan: eval.plan.clone(),
            objectives,
            exceptions,
            discrepancies,
            upcoming,
            upcoming_days,
            names_people: plan.names_people(),
            warnings: plan.warnings().into_iter().map(|w| w.message).collect(),
            measures,
            qualitative_measures,
            closed: None,
        }
    }
}

/// Every action's report row, in plan order, whatever its state: what a
/// dashboard lists and filters (by objective, lead or rating). The board
/// report itself shows only open actions; this is the full table.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::plan::{Action, Objective, Plan};
/// use lineofsight::report::action_rows;
/// use lineofsight::{Rating, RuleSet};
///
/// let mut plan = Plan::new("Plan", "Council");
/// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
/// o.actions.push(Action::new("a1", "Improve the Local Offer.", "Nov-19"));
/// o.actions.push(Action::new("a2", "Review SGO support.", "Achieved"));
/// plan.objectives.push(o);
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let rows = action_rows(&plan, &eval);
/// assert_eq!(rows.len(), 2);
/// assert_eq!(rows[0].rating, Rating::Red);
/// assert_eq!(rows[0].timescale, "Nov-19");
/// ```
pub fn action_rows(plan: &Plan, eval: &Evaluation) -> Vec<ReportRow> {
    plan.actions()
        .zip(&eval.actions)
        .map(|(a, r)| report_row(plan, a, r))
        .collect()
}

/// One action's report row: its text, timescale and lead names from the
/// plan, its rating and reason from the evaluation.
fn report_row(plan: &Plan, a: &Action, r: &ActionRating) -> ReportRow {
    ReportRow {
        action_id: a.id.clone(),
        objective_id: r.objective_id.clone(),
        reference: r.reference.clone(),
        text: a.text.clone(),
        timescale: a.timescale.raw().trim().to_string(),
        leads: plan.lead_names(a).into_iter().map(str::to_string).collect(),
        recorded: r.recorded,
        rating: r.rating,
        overridden: r.overridden,
        reason: r.reason.clone(),
        due: r.due,
        commentary_note: r.commentary_note.clone(),
        commentary_date: r.commentary_date,
    }
}
