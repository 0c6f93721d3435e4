//! Rating a whole plan as of a date: every action, roll-ups to objectives,
//! groups, priorities and the plan, the discrepancy audit, and what changed
//! between two dates.

mod change;
mod discrepancy;
mod record;

use std::collections::HashMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use change::RatingChange;
pub use discrepancy::{Direction, Discrepancy};
pub use record::{ActionRecord, DiscrepancyRecord, EvaluationRecord};

use crate::error::LoadError;
use crate::measure::rate::{rate_measure_in, Datasets};
use crate::measure::MeasureRating;
use crate::plan::{Action, Lifecycle, Objective, Plan, ProgressUpdate, Ref};
use crate::rating::Rating;
use crate::rules::{rate_action, roll_up, roll_up_counts, RatingCounts, Reason, RuleSet};

/// Where an action sits in the plan it was rated from: its place among
/// all the plan's actions and, for going back to the plan in one step,
/// its objective's position and its own among that objective's actions.
///
/// A position belongs to the plan its evaluation was made from; read
/// against another plan it names whatever sits there, or nothing (the
/// look-ups return `None`, never panic).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::plan::{Action, Objective, Plan};
/// use lineofsight::RuleSet;
///
/// let mut plan = Plan::new("Plan", "Council");
/// plan.objectives.push(Objective::new("o1", "Children have a voice")
///     .with_action(Action::new("a1", "Set up a children in care council", "Dec-19")));
/// plan.objectives.push(Objective::new("o2", "Care leavers have a Local Offer")
///     .with_action(Action::new("a2", "Refresh the pledge.", "Mar-20")));
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let at = eval.actions[1].position;
/// assert_eq!((at.index, at.objective, at.action), (1, 1, 0));
/// assert_eq!(at.action_in(&plan).map(|a| a.id.as_str()), Some("a2"));
/// assert_eq!(at.objective_in(&plan).map(|o| o.id.as_str()), Some("o2"));
/// assert!(at.action_in(&Plan::new("Another", "Council")).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ActionPosition {
    /// Its place among all the plan's actions, in plan order: its position
    /// in [`Evaluation::actions`] and among a report's rows.
    pub index: usize,
    /// Its objective's position in the plan's `objectives`.
    pub objective: usize,
    /// Its position among its objective's `actions`.
    pub action: usize,
}

impl ActionPosition {
    /// The action at this position in `plan`, if there is one.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let first = plan.actions().next().map(|a| a.id.as_str());
    /// assert_eq!(eval.actions[0].position.action_in(&plan).map(|a| a.id.as_str()), first);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn action_in(self, plan: &Plan) -> Option<&Action> {
        self.objective_in(plan)?.actions.get(self.action)
    }

    /// The objective at this position in `plan`, if there is one.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let o = eval.actions[0].position.objective_in(&plan).unwrap();
    /// assert_eq!(o.id, plan.objectives[0].id);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn objective_in(self, plan: &Plan) -> Option<&Objective> {
        plan.objectives.get(self.objective)
    }
}

/// One action's rating as of a date, with the commentary to show beside it.
///
/// It says where the action is in the plan ([`ActionRating::position`])
/// rather than copying its id, ref and commentary: the methods that take
/// the plan read them from it. Every look-up returns `None` rather than
/// panic when given a plan other than the one rated.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::plan::{Action, Objective, Plan, ProgressUpdate};
/// use lineofsight::RuleSet;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).unwrap();
/// let mut a = Action::new("a1", "Refresh the pledge.", "Mar-20");
/// a.progress.push(ProgressUpdate::undated("Care leavers' forum consulted."));
/// a.progress.push(ProgressUpdate::dated(d(9, 30), "Draft agreed."));
/// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
/// o.actions.push(a);
/// let mut plan = Plan::new("Plan", "Council");
/// plan.objectives.push(o);
///
/// let before = plan.evaluate(d(6, 30), &RuleSet::default());
/// assert_eq!(before.actions[0].action_id(&plan), Some("a1"));
/// assert_eq!(before.actions[0].commentary_note(&plan), Some("Care leavers' forum consulted."));
/// assert_eq!(before.actions[0].commentary_date, None);
/// let after = plan.evaluate(d(12, 31), &RuleSet::default());
/// assert_eq!(after.actions[0].commentary, Some(1));
/// assert_eq!(after.actions[0].commentary_note(&plan), Some("Draft agreed."));
/// assert_eq!(after.actions[0].commentary_date, Some(d(9, 30)));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ActionRating {
    /// Where the action is in the plan rated.
    pub position: ActionPosition,
    /// The rating that stands: the computed one, or the recorded one where
    /// the rule set lets it override.
    pub rating: Rating,
    /// The rating the rules computed.
    pub computed: Rating,
    /// Why the rules computed it.
    pub reason: Reason,
    /// The rating recorded in the plan as of the date, if any (on the rule set's scale).
    pub recorded: Option<Rating>,
    /// Whether the recorded rating replaced the computed one.
    pub overridden: bool,
    /// The next date the action is due on or after the as-of date (or the
    /// date it fell due), if it has one.
    pub due: Option<NaiveDate>,
    /// The action's lifecycle state.
    pub state: Lifecycle,
    /// The progress update to show as of the date, as its position in the
    /// action's `progress`, decided once here by
    /// [`Action::commentary`](crate::plan::Action::commentary): the latest
    /// dated update on or before the date, else the last undated one;
    /// `None` when the action has no commentary. Every report, export and
    /// binding shows it ([`ActionRating::commentary_note`]).
    pub commentary: Option<usize>,
    /// The date of that commentary; `None` when it is undated (or there is
    /// none). Set only together with `commentary`.
    pub commentary_date: Option<NaiveDate>,
}

impl ActionRating {
    /// Whether the action is still to be done: not complete, deferred or
    /// cancelled, and not rated Blue. The one meaning of "open" in every
    /// list and report.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Lifecycle, Objective, Plan};
    /// use lineofsight::RuleSet;
    ///
    /// let mut done = Action::new("a2", "Launch the pledge.", "Nov-19");
    /// done.state = Lifecycle::Complete;
    /// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    /// o.actions.extend([Action::new("a1", "Improve the Local Offer.", "Nov-19"), done]);
    /// let mut plan = Plan::new("Plan", "Council");
    /// plan.objectives.push(o);
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// assert!(eval.actions[0].is_open());
    /// assert!(!eval.actions[1].is_open());
    /// ```
    pub fn is_open(&self) -> bool {
        self.state.is_open() && self.rating != Rating::Blue
    }

    /// The action rated, in `plan` (the plan the evaluation was made from;
    /// `None` for a plan without an action at its position).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let a = eval.actions[0].action(&plan).unwrap();
    /// assert_eq!(Some(a.text.as_str()), plan.actions().next().map(|a| a.text.as_str()));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn action<'p>(&self, plan: &'p Plan) -> Option<&'p Action> {
        self.position.action_in(plan)
    }

    /// The action's id, read from `plan`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let ids: Vec<&str> = eval.actions.iter().filter_map(|a| a.action_id(&plan)).collect();
    /// assert_eq!(ids, plan.actions().map(|a| a.id.as_str()).collect::<Vec<_>>());
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn action_id<'p>(&self, plan: &'p Plan) -> Option<&'p str> {
        self.action(plan).map(|a| a.id.as_str())
    }

    /// The action's objective, in `plan`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// assert_eq!(eval.actions[0].objective(&plan).map(|o| o.id.as_str()), Some(plan.objectives[0].id.as_str()));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn objective<'p>(&self, plan: &'p Plan) -> Option<&'p Objective> {
        self.position.objective_in(plan)
    }

    /// The id of the action's objective, read from `plan`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// assert_eq!(eval.actions[0].objective_id(&plan), Some(plan.objectives[0].id.as_str()));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn objective_id<'p>(&self, plan: &'p Plan) -> Option<&'p str> {
        self.objective(plan).map(|o| o.id.as_str())
    }

    /// The action's ref as written, read from `plan`; `None` when it has
    /// none.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan};
    /// use lineofsight::RuleSet;
    ///
    /// let mut a = Action::new("a1", "Refresh the pledge.", "Mar-20");
    /// a.reference = Some("1.1".into());
    /// let mut plan = Plan::new("Plan", "Council");
    /// plan.objectives.push(Objective::new("o1", "Care leavers have a Local Offer").with_action(a));
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// assert_eq!(eval.actions[0].reference(&plan), Some("1.1"));
    /// ```
    pub fn reference<'p>(&self, plan: &'p Plan) -> Option<&'p str> {
        self.action(plan)?.reference.as_ref().map(Ref::as_str)
    }

    /// The progress update shown as the commentary, in `plan` (see
    /// [`ActionRating::commentary`](#structfield.commentary)).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan, ProgressUpdate};
    /// use lineofsight::RuleSet;
    ///
    /// let mut a = Action::new("a1", "Refresh the pledge.", "Mar-20");
    /// a.progress.push(ProgressUpdate::undated("Awaiting sign-off."));
    /// let mut plan = Plan::new("Plan", "Council");
    /// plan.objectives.push(Objective::new("o1", "Care leavers have a Local Offer").with_action(a));
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// assert_eq!(eval.actions[0].commentary_update(&plan).map(|u| u.date), Some(None));
    /// ```
    pub fn commentary_update<'p>(&self, plan: &'p Plan) -> Option<&'p ProgressUpdate> {
        self.action(plan)?.progress.get(self.commentary?)
    }

    /// The commentary's note, trimmed, read from `plan`; `None` when the
    /// action has no commentary as of the date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan, ProgressUpdate};
    /// use lineofsight::RuleSet;
    ///
    /// let mut a = Action::new("a1", "Refresh the pledge.", "Mar-20");
    /// a.progress.push(ProgressUpdate::undated("  Awaiting sign-off. "));
    /// let mut plan = Plan::new("Plan", "Council");
    /// plan.objectives.push(Objective::new("o1", "Care leavers have a Local Offer").with_action(a));
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// assert_eq!(eval.actions[0].commentary_note(&plan), Some("Awaiting sign-off."));
    /// ```
    pub fn commentary_note<'p>(&self, plan: &'p Plan) -> Option<&'p str> {
        self.commentary_update(plan).map(|u| u.note.trim())
    }
}

/// A roll-up rating for an objective, group, priority or the whole plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RollupRating {
    /// The id of what was rolled up (`plan` for the whole plan).
    pub id: String,
    /// Its title.
    pub title: String,
    /// The rolled-up rating.
    pub rating: Rating,
    /// Why.
    pub reason: Reason,
    /// How many actions beneath have each rating.
    pub counts: RatingCounts,
    /// How many measures beneath have each rating.
    #[serde(default)]
    pub measures: RatingCounts,
}

/// A plan rated as of a date.
///
/// It holds positions in the plan rated rather than copies of its ids,
/// refs and commentary, so the plan is needed to name things: its JSON
/// ([`Evaluation::record`], [`evaluation_json`](crate::export::evaluation_json))
/// is written with the plan, and reads back as an [`EvaluationRecord`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::rules::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let eval = plan.evaluate(as_of, &RuleSet::default());
/// assert_eq!(eval.actions.len(), plan.actions().count());
/// assert!(!eval.discrepancies.is_empty());
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Evaluation {
    /// The date everything was rated as of.
    pub as_of: NaiveDate,
    /// The rules used.
    pub rules: RuleSet,
    /// Every action, in plan order.
    pub actions: Vec<ActionRating>,
    /// Every objective, in plan order.
    pub objectives: Vec<RollupRating>,
    /// Every group, in plan order.
    pub groups: Vec<RollupRating>,
    /// Every priority, in plan order.
    pub priorities: Vec<RollupRating>,
    /// The whole plan.
    pub plan: RollupRating,
    /// Actions whose recorded rating disagrees with the computed one.
    pub discrepancies: Vec<Discrepancy>,
    /// Every measure of success, in plan order.
    pub measures: Vec<MeasureRating>,
}

impl Plan {
    /// The plan's own rule set, or the default.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::{Plan, RuleSet};
    ///
    /// let plan = Plan::new("Plan", "Council");
    /// assert_eq!(plan.rules_or_default(), RuleSet::default());
    /// ```
    pub fn rules_or_default(&self) -> RuleSet {
        self.rules.clone().unwrap_or_default()
    }

    /// Checks the plan ([`Plan::check`]) and the rule set
    /// ([`RuleSet::check`]), then rates it as [`Plan::evaluate`] does: for a
    /// plan built or changed in code.
    ///
    /// # Errors
    ///
    /// The first [`LoadError::Invalid`] the checks find, naming its JSON
    /// path (`$.objectives[0].actions[0].leads[0]`; `$.rollup.red_at_least`
    /// for the rule set).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan};
    /// use lineofsight::rules::RuleSet;
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// plan.objectives.push(Objective::new("o1", "Children have a voice")
    ///     .with_action(Action::new("a1", "Set up a children in care council", "Dec-19").with_lead("nobody")));
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let err = plan.evaluate_checked(as_of, &RuleSet::default()).unwrap_err();
    /// assert!(err.to_string().starts_with("plan at $.objectives[0].actions[0].leads[0]"));
    /// assert_eq!(plan.evaluate(as_of, &RuleSet::default()).actions.len(), 1); // unchecked
    /// ```
    pub fn evaluate_checked(
        &self,
        as_of: NaiveDate,
        rules: &RuleSet,
    ) -> Result<Evaluation, LoadError> {
        self.check()?;
        rules.check()?;
        Ok(self.evaluate(as_of, rules))
    }

    /// Rates every action as of a date and rolls the ratings up.
    ///
    /// There is no hidden clock: `as_of` is always given.
    ///
    /// This is the unchecked path: it rates the plan as it is, without
    /// [`Plan::check`]. Plans from [`Plan::from_json`], the
    /// [`import`](crate::import) functions and [`Plan::apply`] are already
    /// checked; a plan built or changed in code may not be (an action whose
    /// lead is not among the plan's leads is rated all the same, and the
    /// reports show the unknown id). Use [`Plan::evaluate_checked`] for such
    /// a plan.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan};
    /// use lineofsight::rating::Rating;
    /// use lineofsight::rules::RuleSet;
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    /// o.actions.push(Action::new("a1", "Improve the Local Offer.", "Nov-19"));
    /// o.actions.push(Action::new("a2", "Review SGO support.", "30th April 2020"));
    /// plan.objectives.push(o);
    ///
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// assert_eq!(eval.actions[0].rating, Rating::Red);
    /// assert_eq!(eval.actions[1].rating, Rating::Green);
    /// assert_eq!(eval.objectives[0].rating, Rating::Red);
    /// assert_eq!(eval.plan.counts.red, 1);
    /// ```
    pub fn evaluate(&self, as_of: NaiveDate, rules: &RuleSet) -> Evaluation {
        let mut actions = Vec::with_capacity(self.objectives.iter().map(|o| o.actions.len()).sum());
        let mut objectives = Vec::with_capacity(self.objectives.len());
        let mut measures = Vec::new();
        let datasets = Datasets::of(self);
        for (k, o) in self.objectives.iter().enumerate() {
            let first = actions.len();
            for (j, a) in o.actions.iter().enumerate() {
                let computed = rate_action(a, as_of, rules);
                let commentary = a.commentary_position(as_of);
                let recorded = a
                    .recorded_as_of(as_of)
                    .map(|r| rules.scale.normalise(r))
                    .filter(|r| r.is_rated());
                let overridden = match (recorded, rules.manual_override) {
                    (Some(r), crate::rules::ManualOverride::Always) => r != computed.rating,
                    (Some(r), crate::rules::ManualOverride::WorseOnly) => {
                        computed.rating.is_rated() && r < computed.rating
                    }
                    _ => false,
                };
                actions.push(ActionRating {
                    position: ActionPosition {
                        index: actions.len(),
                        objective: k,
                        action: j,
                    },
                    rating: if overridden {
                        recorded.unwrap_or(computed.rating)
                    } else {
                        computed.rating
                    },
                    computed: computed.rating,
                    reason: computed.reason,
                    recorded,
                    overridden,
                    due: a.timescale_as_of(as_of).next_due(as_of).or_else(|| {
                        a.sub_activities
                            .iter()
                            .filter_map(|s| s.timescale.next_due(as_of))
                            .filter(|d| *d >= as_of)
                            .min()
                    }),
                    state: a.state_as_of(as_of),
                    commentary,
                    commentary_date: commentary
                        .and_then(|i| a.progress.get(i))
                        .and_then(|u| u.date),
                });
            }
            let first_measure = measures.len();
            measures.extend(
                o.measures
                    .iter()
                    .map(|m| rate_measure_in(m, &o.id, self, &datasets, as_of, rules)),
            );
            objectives.push(rollup_of(
                &o.id,
                &o.title,
                &actions[first..],
                &measures[first_measure..],
                rules,
            ));
        }
        let groups = self
            .objectives_by_group()
            .into_iter()
            .zip(&self.groups)
            .map(|(inside, g)| rollup_of_objectives(&g.id, &g.title, &inside, &objectives, rules))
            .collect();
        let position: HashMap<&str, usize> = self
            .objectives
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let priorities = self
            .priorities
            .iter()
            .map(|p| {
                let mut inside: Vec<usize> = p
                    .objectives
                    .iter()
                    .filter_map(|id| position.get(id.as_str()).copied())
                    .collect();
                // An objective listed twice counts once, in plan order.
                inside.sort_unstable();
                inside.dedup();
                rollup_of_objectives(&p.id, &p.title, &inside, &objectives, rules)
            })
            .collect();
        let all: Vec<usize> = (0..objectives.len()).collect();
        let plan = rollup_of_objectives("plan", &self.title, &all, &objectives, rules);
        let discrepancies = discrepancy::audit(&actions);
        Evaluation {
            as_of,
            rules: rules.clone(),
            actions,
            objectives,
            groups,
            priorities,
            plan,
            discrepancies,
            measures,
        }
    }

    /// The positions of the objectives in each group (in plan order),
    /// group by group: an objective is in its group and every group that
    /// one sits in. One walk up from each objective, so the cost is the
    /// objectives times the depth of the groups (a loop, which a checked
    /// plan cannot have, stops the walk at the first group seen twice).
    fn objectives_by_group(&self) -> Vec<Vec<usize>> {
        let (index, parent) = self.group_parents();
        let mut inside = vec![Vec::new(); self.groups.len()];
        // The last objective each group was counted for: a walk that comes
        // back to a group (a loop) stops there.
        let mut counted_for = vec![usize::MAX; self.groups.len()];
        for (i, o) in self.objectives.iter().enumerate() {
            let mut at = o.group.as_deref().and_then(|g| index.get(g).copied());
            while let Some(g) = at {
                if counted_for[g] == i {
                    break;
                }
                counted_for[g] = i;
                inside[g].push(i);
                at = parent[g];
            }
        }
        inside
    }

    /// Which actions changed rating between two dates, and why.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::rating::Rating;
    /// use lineofsight::rules::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let changes = plan.changes(d(2019, 9, 30), d(2019, 12, 31), &RuleSet::default());
    /// assert!(changes.iter().any(|c| c.to == Rating::Red));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn changes(&self, from: NaiveDate, to: NaiveDate, rules: &RuleSet) -> Vec<RatingChange> {
        change::between(self, &self.evaluate(from, rules), &self.evaluate(to, rules))
    }
}

/// An objective's roll-up from its own actions and, if the rules say so, measures.
fn rollup_of(
    id: &str,
    title: &str,
    actions: &[ActionRating],
    measures: &[MeasureRating],
    rules: &RuleSet,
) -> RollupRating {
    let counted = measures.iter().filter(|_| rules.measures.in_rollups);
    let rated = roll_up(
        actions
            .iter()
            .map(|a| a.rating)
            .chain(counted.map(|m| m.rating)),
        rules,
    );
    rollup_rating(id, title, rated, actions.iter(), measures.iter())
}

/// A group's, priority's or the plan's roll-up from its objectives (the
/// positions `inside`), merging their counts: for the weighted average,
/// every action (and measure) beneath counts once; otherwise each
/// objective's rating does.
fn rollup_of_objectives(
    id: &str,
    title: &str,
    inside: &[usize],
    objectives: &[RollupRating],
    rules: &RuleSet,
) -> RollupRating {
    let mut counts = RatingCounts::default();
    let mut measures = RatingCounts::default();
    for o in inside.iter().filter_map(|&i| objectives.get(i)) {
        counts.merge(&o.counts);
        measures.merge(&o.measures);
    }
    let rated = if matches!(rules.rollup, crate::rules::Rollup::WeightedAverage) {
        let mut beneath = counts;
        if rules.measures.in_rollups {
            beneath.merge(&measures);
        }
        roll_up_counts(&beneath, rules)
    } else {
        roll_up(
            inside
                .iter()
                .filter_map(|&i| objectives.get(i))
                .map(|o| o.rating),
            rules,
        )
    };
    rollup_with(id, title, rated, counts, measures)
}

fn rollup_with(
    id: &str,
    title: &str,
    rated: crate::rules::Rated,
    counts: RatingCounts,
    measures: RatingCounts,
) -> RollupRating {
    RollupRating {
        id: id.to_string(),
        title: title.to_string(),
        rating: rated.rating,
        reason: rated.reason,
        counts,
        measures,
    }
}

fn rollup_rating<'a>(
    id: &str,
    title: &str,
    rated: crate::rules::Rated,
    beneath: impl Iterator<Item = &'a ActionRating>,
    measures_beneath: impl Iterator<Item = &'a MeasureRating>,
) -> RollupRating {
    let mut counts = RatingCounts::default();
    for a in beneath {
        counts.add(a.rating);
    }
    let mut measures = RatingCounts::default();
    for m in measures_beneath {
        measures.add(m.rating);
    }
    rollup_with(id, title, rated, counts, measures)
}

impl Evaluation {
    /// The rating of the action with this id.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan};
    /// use lineofsight::{Rating, RuleSet};
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    /// o.actions.push(Action::new("a1", "Improve the Local Offer.", "Nov-19"));
    /// plan.objectives.push(o);
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// assert_eq!(eval.action(&plan, "a1").map(|a| a.rating), Some(Rating::Red));
    /// assert!(eval.action(&plan, "a9").is_none());
    /// ```
    pub fn action(&self, plan: &Plan, id: &str) -> Option<&ActionRating> {
        self.actions.iter().find(|a| a.action_id(plan) == Some(id))
    }

    /// The evaluation as its JSON shows it, with the ids, refs and
    /// commentary read from `plan`, the plan it was made from (see
    /// [`EvaluationRecord`]). Borrows the rest.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let record = eval.record(&plan);
    /// assert_eq!(record.actions[0].action_id, plan.objectives[0].actions[0].id);
    /// assert_eq!(record.discrepancies.len(), eval.discrepancies.len());
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn record<'a>(&'a self, plan: &'a Plan) -> EvaluationRecord<'a> {
        EvaluationRecord::of(plan, self)
    }

    /// The rating of the measure with this id.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::{Rating, RuleSet};
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// assert_eq!(eval.measure("cip-4.5-m1").map(|m| m.rating), Some(Rating::Red));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn measure(&self, id: &str) -> Option<&MeasureRating> {
        self.measures.iter().find(|m| m.measure_id == id)
    }

    /// The roll-up of the objective with this id.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan};
    /// use lineofsight::{Rating, RuleSet};
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    /// o.actions.push(Action::new("a1", "Improve the Local Offer.", "30/04/2020"));
    /// plan.objectives.push(o);
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// assert_eq!(eval.objective("o1").map(|o| o.rating), Some(Rating::Green));
    /// ```
    pub fn objective(&self, id: &str) -> Option<&RollupRating> {
        self.objectives.iter().find(|o| o.id == id)
    }

    /// Open actions due from the as-of date up to `days` days after it,
    /// soonest first.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::rules::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// for a in eval.due_within(90) {
    ///     assert!(a.due.unwrap() >= eval.as_of);
    /// }
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn due_within(&self, days: u32) -> Vec<&ActionRating> {
        let mut due: Vec<&ActionRating> = self
            .actions
            .iter()
            .filter(|a| self.falls_due_within(a.is_open(), a.due, days))
            .collect();
        due.sort_by_key(|a| a.due);
        due
    }

    /// Whether an action, open or not, due when it is, falls due from the
    /// as-of date up to `days` days after it: the one rule of
    /// [`Evaluation::due_within`] and
    /// [`ReportRow::due_within`](crate::report::ReportRow::due_within).
    pub(crate) fn falls_due_within(&self, open: bool, due: Option<NaiveDate>, days: u32) -> bool {
        let end = self
            .as_of
            .checked_add_signed(chrono::Duration::days(i64::from(days)))
            .unwrap_or(NaiveDate::MAX);
        open && due.is_some_and(|d| d >= self.as_of && d <= end)
    }
}

#[cfg(test)]
mod group_walk_tests {
    use crate::plan::{Group, Objective, Plan};

    #[test]
    fn a_loop_of_groups_counts_each_objective_once() {
        let mut plan = Plan::new("Plan", "Council");
        for (id, parent) in [("g1", Some("g2")), ("g2", Some("g1")), ("g3", None)] {
            plan.groups.push(Group {
                id: id.into(),
                title: id.into(),
                parent: parent.map(str::to_string),
                source: None,
            });
        }
        let mut o = Objective::new("o1", "One");
        o.group = Some("g1".into());
        plan.objectives.push(o);
        assert_eq!(plan.objectives_by_group(), [vec![0], vec![0], vec![]]);
    }
}
