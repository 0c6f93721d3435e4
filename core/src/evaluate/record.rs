//! An evaluation as its JSON shows it: the ids, refs and commentary read
//! from the plan, beside the ratings. What `evaluation_json`, the
//! bindings' `to_json` and the JSON Schema are made from, and what an
//! evaluation's JSON reads back as.

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ActionRating, Direction, Discrepancy, Evaluation, RollupRating};
use crate::measure::MeasureRating;
use crate::plan::{Lifecycle, Plan};
use crate::rating::Rating;
use crate::rules::{Reason, RuleSet};

/// An [`Evaluation`] as its JSON shows it (the shape of
/// `core/schema/evaluation.schema.json`): each action and discrepancy
/// names its action by id and ref, read from the plan rated, and carries
/// its commentary's text.
///
/// [`Evaluation::record`] makes one that borrows the evaluation and the
/// plan, to write; an evaluation's JSON reads back as an
/// `EvaluationRecord<'static>`, which owns its text, and
/// [`EvaluationRecord::to_evaluation`] finds its actions again in the plan
/// it rates.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::evaluate::EvaluationRecord;
/// use lineofsight::export::evaluation_json;
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let json = evaluation_json(&plan, &eval);
/// let back: EvaluationRecord<'static> = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, eval.record(&plan));
/// assert_eq!(back.actions[0].action_id, plan.objectives[0].actions[0].id);
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    rename = "Evaluation",
    description = "A plan rated as of a date.\n\n# Example\n\n```\nuse chrono::NaiveDate;\nuse lineofsight::rules::RuleSet;\n\nlet plan = lineofsight::builtin(\"lancashire\")?;\nlet as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();\nlet eval = plan.evaluate(as_of, &RuleSet::default());\nassert_eq!(eval.actions.len(), plan.actions().count());\nassert!(!eval.discrepancies.is_empty());\n# Ok::<(), lineofsight::LoadError>(())\n```"
)]
#[non_exhaustive]
pub struct EvaluationRecord<'a> {
    /// The date everything was rated as of.
    pub as_of: NaiveDate,
    /// The rules used.
    pub rules: Cow<'a, RuleSet>,
    /// Every action, in plan order.
    pub actions: Vec<ActionRecord<'a>>,
    /// Every objective, in plan order.
    pub objectives: Cow<'a, [RollupRating]>,
    /// Every group, in plan order.
    pub groups: Cow<'a, [RollupRating]>,
    /// Every priority, in plan order.
    pub priorities: Cow<'a, [RollupRating]>,
    /// The whole plan.
    pub plan: Cow<'a, RollupRating>,
    /// Actions whose recorded rating disagrees with the computed one.
    pub discrepancies: Vec<DiscrepancyRecord<'a>>,
    /// Every measure of success, in plan order.
    #[serde(default)]
    pub measures: Cow<'a, [MeasureRating]>,
}

/// An [`ActionRating`] as the evaluation's JSON shows it: the action's id,
/// its objective's id, its ref and its commentary's note read from the
/// plan. An id is empty, and a ref or note missing, where the plan given
/// has no action at the rating's position (a plan other than the one
/// rated).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let row = eval.actions[0].record(&plan);
/// assert_eq!(row.objective_id, plan.objectives[0].id);
/// assert_eq!(row.rating, eval.actions[0].rating);
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    rename = "ActionRating",
    description = "One action's rating as of a date, with the commentary to show beside it.\n\n# Example\n\n```\nuse chrono::NaiveDate;\nuse lineofsight::plan::{Action, Objective, Plan, ProgressUpdate};\nuse lineofsight::RuleSet;\n\nlet d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();\nlet mut a = Action::new(\"a1\", \"Refresh the pledge.\", \"Mar-20\");\na.progress.push(ProgressUpdate::undated(\"Care leavers' forum consulted.\"));\na.progress.push(ProgressUpdate::dated(d(9, 30), \"Draft agreed.\"));\nlet mut o = Objective::new(\"o1\", \"Care leavers have a Local Offer\");\no.actions.push(a);\nlet mut plan = Plan::new(\"Plan\", \"Council\");\nplan.objectives.push(o);\n\nlet before = plan.evaluate(d(6, 30), &RuleSet::default());\nassert_eq!(before.actions[0].commentary_note(&plan), Some(\"Care leavers' forum consulted.\"));\nassert_eq!(before.actions[0].commentary_date, None);\nlet after = plan.evaluate(d(12, 31), &RuleSet::default());\nassert_eq!(after.actions[0].commentary_note(&plan), Some(\"Draft agreed.\"));\nassert_eq!(after.actions[0].commentary_date, Some(d(9, 30)));\n```"
)]
#[non_exhaustive]
pub struct ActionRecord<'a> {
    /// The action's id.
    pub action_id: Cow<'a, str>,
    /// The id of its objective.
    pub objective_id: Cow<'a, str>,
    /// The action's ref as written, if any.
    #[serde(rename = "ref")]
    pub reference: Option<Cow<'a, str>>,
    /// The rating that stands: the computed one, or the recorded one where
    /// the rule set lets it override.
    pub rating: Rating,
    /// The rating the rules computed.
    pub computed: Rating,
    /// Why the rules computed it.
    pub reason: Cow<'a, Reason>,
    /// The rating recorded in the plan as of the date, if any (on the rule set's scale).
    pub recorded: Option<Rating>,
    /// Whether the recorded rating replaced the computed one.
    pub overridden: bool,
    /// The next date the action is due on or after the as-of date (or the
    /// date it fell due), if it has one.
    pub due: Option<NaiveDate>,
    /// The action's lifecycle state.
    pub state: Lifecycle,
    /// The progress commentary to show as of the date, decided once here by
    /// [`Action::commentary`](crate::plan::Action::commentary): the note of
    /// the latest dated update on or before the date, else the last undated
    /// note; `None` when the action has no commentary. Every report, export
    /// and binding shows this field.
    #[serde(default)]
    pub commentary_note: Option<Cow<'a, str>>,
    /// The date of that commentary; `None` when it is undated (or there is
    /// none). Set only together with `commentary_note`.
    #[serde(default)]
    pub commentary_date: Option<NaiveDate>,
}

/// A [`Discrepancy`] as the evaluation's JSON shows it: the action named
/// by id and ref, with the reason of its rating.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let d = eval.discrepancies[0].record(&plan, &eval);
/// assert_eq!(d.computed, eval.discrepancies[0].computed);
/// assert!(plan.actions().any(|a| a.id == d.action_id));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    rename = "Discrepancy",
    description = "An action whose recorded rating disagrees with the computed one."
)]
#[non_exhaustive]
pub struct DiscrepancyRecord<'a> {
    /// The action's id.
    pub action_id: Cow<'a, str>,
    /// The id of its objective.
    pub objective_id: Cow<'a, str>,
    /// The action's ref as written, if any.
    #[serde(rename = "ref")]
    pub reference: Option<Cow<'a, str>>,
    /// The rating recorded in the plan.
    pub recorded: Rating,
    /// The rating the rules give.
    pub computed: Rating,
    /// Which way the recorded rating is off.
    pub direction: Direction,
    /// Why the rules give what they give.
    pub reason: Cow<'a, Reason>,
}

impl EvaluationRecord<'_> {
    /// The evaluation this record is of, given `plan`, the plan it rates:
    /// each action and discrepancy is found in the plan by its position and
    /// id; `None` when the record is not of this plan (an action missing,
    /// moved or renamed, or a commentary the action does not have).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::evaluate::EvaluationRecord;
    /// use lineofsight::export::evaluation_json;
    /// use lineofsight::{Plan, RuleSet};
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let back: EvaluationRecord<'static> = serde_json::from_str(&evaluation_json(&plan, &eval)).unwrap();
    /// assert_eq!(back.to_evaluation(&plan), Some(eval));
    /// assert_eq!(back.to_evaluation(&Plan::new("Another", "Council")), None);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn to_evaluation(&self, plan: &Plan) -> Option<Evaluation> {
        let mut positions = Vec::with_capacity(self.actions.len());
        for (k, o) in plan.objectives.iter().enumerate() {
            for (j, a) in o.actions.iter().enumerate() {
                positions.push((
                    super::ActionPosition {
                        index: positions.len(),
                        objective: k,
                        action: j,
                    },
                    a,
                    o,
                ));
            }
        }
        if positions.len() != self.actions.len() {
            return None;
        }
        let mut actions = Vec::with_capacity(self.actions.len());
        for (r, &(position, a, o)) in self.actions.iter().zip(&positions) {
            if r.action_id != a.id || r.objective_id != o.id {
                return None;
            }
            let commentary = match &r.commentary_note {
                None => None,
                Some(note) => Some(a.progress.iter().rposition(|u| {
                    u.note.trim() == note.as_ref() && u.date == r.commentary_date
                })?),
            };
            actions.push(ActionRating {
                position,
                rating: r.rating,
                computed: r.computed,
                reason: r.reason.clone().into_owned(),
                recorded: r.recorded,
                overridden: r.overridden,
                due: r.due,
                state: r.state,
                commentary,
                commentary_date: r.commentary_date,
            });
        }
        let mut discrepancies = Vec::with_capacity(self.discrepancies.len());
        let mut from = 0;
        for d in &self.discrepancies {
            // Discrepancies are in plan order: look on from the last one,
            // for the action of that id and objective whose rating holds
            // this disagreement (a plan read without its checks may repeat
            // an id).
            let at = from
                + positions.get(from..)?.iter().position(|(p, a, o)| {
                    a.id == d.action_id.as_ref()
                        && o.id == d.objective_id.as_ref()
                        && actions.get(p.index).is_some_and(|r: &ActionRating| {
                            r.recorded == Some(d.recorded) && r.computed == d.computed
                        })
                })?;
            from = at + 1;
            discrepancies.push(Discrepancy {
                position: positions.get(at)?.0,
                recorded: d.recorded,
                computed: d.computed,
                direction: d.direction,
            });
        }
        Some(Evaluation {
            as_of: self.as_of,
            rules: self.rules.clone().into_owned(),
            actions,
            objectives: self.objectives.clone().into_owned(),
            groups: self.groups.clone().into_owned(),
            priorities: self.priorities.clone().into_owned(),
            plan: self.plan.clone().into_owned(),
            discrepancies,
            measures: self.measures.clone().into_owned(),
        })
    }
}

impl<'a> EvaluationRecord<'a> {
    pub(super) fn of(plan: &'a Plan, eval: &'a Evaluation) -> Self {
        EvaluationRecord {
            as_of: eval.as_of,
            rules: Cow::Borrowed(&eval.rules),
            actions: eval.actions.iter().map(|a| a.record(plan)).collect(),
            objectives: Cow::Borrowed(&eval.objectives),
            groups: Cow::Borrowed(&eval.groups),
            priorities: Cow::Borrowed(&eval.priorities),
            plan: Cow::Borrowed(&eval.plan),
            discrepancies: eval
                .discrepancies
                .iter()
                .map(|d| d.record(plan, eval))
                .collect(),
            measures: Cow::Borrowed(&eval.measures),
        }
    }
}

/// The reason of a discrepancy read against an evaluation without a
/// rating at its position (not the one that found it).
fn no_reason<'a>() -> Cow<'a, Reason> {
    Cow::Owned(Reason::written(
        crate::rules::ReasonCode::NothingRated,
        "No data: no rating at this position in the evaluation given".to_string(),
    ))
}

impl ActionRating {
    /// The rating as the evaluation's JSON shows it ([`ActionRecord`]),
    /// its id, ref and commentary read from `plan`, the plan rated.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let json = serde_json::to_value(eval.actions[0].record(&plan)).unwrap();
    /// assert_eq!(json["action_id"], plan.objectives[0].actions[0].id.as_str());
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn record<'a>(&'a self, plan: &'a Plan) -> ActionRecord<'a> {
        ActionRecord {
            action_id: Cow::Borrowed(self.action_id(plan).unwrap_or_default()),
            objective_id: Cow::Borrowed(self.objective_id(plan).unwrap_or_default()),
            reference: self.reference(plan).map(Cow::Borrowed),
            rating: self.rating,
            computed: self.computed,
            reason: Cow::Borrowed(&self.reason),
            recorded: self.recorded,
            overridden: self.overridden,
            due: self.due,
            state: self.state,
            commentary_note: self.commentary_note(plan).map(Cow::Borrowed),
            commentary_date: self.commentary_date,
        }
    }
}

impl Discrepancy {
    /// The discrepancy as the evaluation's JSON shows it
    /// ([`DiscrepancyRecord`]): the action's id and ref read from `plan`,
    /// the reason from `eval`, the evaluation that found it.
    pub fn record<'a>(&self, plan: &'a Plan, eval: &'a Evaluation) -> DiscrepancyRecord<'a> {
        DiscrepancyRecord {
            action_id: Cow::Borrowed(self.action_id(plan).unwrap_or_default()),
            objective_id: Cow::Borrowed(
                self.position
                    .objective_in(plan)
                    .map(|o| o.id.as_str())
                    .unwrap_or_default(),
            ),
            reference: self.reference(plan).map(Cow::Borrowed),
            recorded: self.recorded,
            computed: self.computed,
            direction: self.direction,
            reason: self.reason(eval).map_or_else(no_reason, Cow::Borrowed),
        }
    }
}
