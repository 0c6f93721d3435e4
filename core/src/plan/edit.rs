//! Editing a plan: what a performance officer does every quarter. Record
//! an action's progress, change its state or timescale, add or remove an
//! action. A batch of edits is checked as a whole: either every edit holds
//! and the plan still passes [`Plan::check`], or the plan is left as it was
//! and the error names the edit (its position and id) or, for edits that
//! would break the plan, the JSON path in the edited plan.

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use super::{Action, ActionChange, Lifecycle, Plan, ProgressUpdate};
use crate::error::LoadError;
use crate::timescale::Timescale;

/// One change to a plan. As JSON it is an object with an `edit` tag
/// (`{"edit": "record_update", "action": "a1", "update": {...}}`), the
/// shape the shared test vectors use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "edit", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Edit {
    /// Adds a progress update to an action: this quarter's commentary,
    /// with its date, rating, percentage and who recorded it. An update
    /// dated after the plan's `reported_on` moves `reported_on` to its
    /// date (the plan is now reported on that day); so do the dated
    /// updates of an added action.
    RecordUpdate {
        /// The action's id.
        action: String,
        /// The update.
        update: ProgressUpdate,
    },
    /// Sets an action's state (complete, deferred …). With a `date`, the
    /// change is kept in the action's history with the state before it,
    /// so rating as of an earlier date still sees the old state (and a
    /// date after `reported_on` moves it, as an update does). Without
    /// one, the new state holds at every date.
    SetState {
        /// The action's id.
        action: String,
        /// The new state.
        state: Lifecycle,
        /// The day of the change, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<NaiveDate>,
    },
    /// Sets an action's timescale, as written (`Mar-20`, `31/03/2020`);
    /// with a `date`, kept in the action's history as `set_state` is.
    SetTimescale {
        /// The action's id.
        action: String,
        /// The timescale as written.
        timescale: String,
        /// The day of the change, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<NaiveDate>,
    },
    /// Adds an action at the end of an objective.
    AddAction {
        /// The objective's id.
        objective: String,
        /// The action; its id must be new to the plan (or removed earlier
        /// in the same batch).
        action: Box<Action>,
    },
    /// Removes an action.
    RemoveAction {
        /// The action's id.
        action: String,
    },
}

impl Edit {
    /// Reads edits from JSON: one edit (an object) or a list of them, as
    /// the Python and JavaScript packages pass them. A misspelt field is an
    /// error, not ignored.
    ///
    /// # Errors
    ///
    /// [`LoadError::Json`] naming the JSON path (`$[1].update.date` in a
    /// list, `$.update.date` for one edit) of what does not read, and
    /// [`LoadError::UnknownField`] for a misspelt field at any depth
    /// (`$[0].update.rateing`).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::{Edit, Lifecycle};
    ///
    /// let edits = Edit::list_from_json(r#"[{"edit": "set_state", "action": "a1", "state": "complete"}]"#)?;
    /// assert_eq!(edits, [Edit::SetState { action: "a1".into(), state: Lifecycle::Complete, date: None }]);
    /// let err = Edit::list_from_json(r#"{"edit": "set_state", "action": "a1", "stat": "complete"}"#).unwrap_err();
    /// assert!(err.to_string().contains("$.stat"), "{err}");
    /// let err = Edit::list_from_json(
    ///     r#"[{"edit": "record_update", "action": "a1", "update": {"note": "n", "rateing": "green"}}]"#,
    /// ).unwrap_err();
    /// assert!(err.to_string().contains("$[0].update.rateing"), "{err}");
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn list_from_json(json: &str) -> Result<Vec<Edit>, LoadError> {
        let body = json.trim_start_matches('\u{feff}').trim_start();
        if body.starts_with('[') {
            let items: Vec<serde_json::Value> =
                serde_json::from_str(body).map_err(|e| edit_json_error("$", &e))?;
            items
                .iter()
                .enumerate()
                .map(|(i, item)| Edit::read(item, &format!("$[{i}]")))
                .collect()
        } else {
            let item: serde_json::Value =
                serde_json::from_str(body).map_err(|e| edit_json_error("$", &e))?;
            Edit::read(&item, "$").map(|e| vec![e])
        }
    }

    /// One edit from its JSON object: its `edit` kind first, then the
    /// kind's fields read strictly (a misspelt field at any depth is an
    /// error naming its path under `at`).
    fn read(item: &serde_json::Value, at: &str) -> Result<Edit, LoadError> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RecordUpdate {
            #[allow(dead_code)]
            edit: String,
            action: String,
            update: ProgressUpdate,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct SetState {
            #[allow(dead_code)]
            edit: String,
            action: String,
            state: Lifecycle,
            #[serde(default)]
            date: Option<NaiveDate>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct SetTimescale {
            #[allow(dead_code)]
            edit: String,
            action: String,
            timescale: String,
            #[serde(default)]
            date: Option<NaiveDate>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct AddAction {
            #[allow(dead_code)]
            edit: String,
            objective: String,
            action: Box<Action>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RemoveAction {
            #[allow(dead_code)]
            edit: String,
            action: String,
        }
        let text = item.to_string();
        let strict = crate::load::LoadOptions {
            strict: true,
            ..crate::load::LoadOptions::default()
        };
        let under = |e: LoadError| moved_under(e, at);
        match item.get("edit").and_then(serde_json::Value::as_str) {
            Some("record_update") => crate::load::from_json::<RecordUpdate>("edit", &text, &strict)
                .map(|(e, _)| Edit::RecordUpdate {
                    action: e.action,
                    update: e.update,
                })
                .map_err(under),
            Some("set_state") => crate::load::from_json::<SetState>("edit", &text, &strict)
                .map(|(e, _)| Edit::SetState {
                    action: e.action,
                    state: e.state,
                    date: e.date,
                })
                .map_err(under),
            Some("set_timescale") => crate::load::from_json::<SetTimescale>("edit", &text, &strict)
                .map(|(e, _)| Edit::SetTimescale {
                    action: e.action,
                    timescale: e.timescale,
                    date: e.date,
                })
                .map_err(under),
            Some("add_action") => crate::load::from_json::<AddAction>("edit", &text, &strict)
                .map(|(e, _)| Edit::AddAction {
                    objective: e.objective,
                    action: e.action,
                })
                .map_err(under),
            Some("remove_action") => crate::load::from_json::<RemoveAction>("edit", &text, &strict)
                .map(|(e, _)| Edit::RemoveAction { action: e.action })
                .map_err(under),
            other => Err(LoadError::Json {
                what: "edit",
                path: format!("{at}.edit"),
                line: 1,
                column: 1,
                message: format!(
                    "{} (the kinds are record_update, set_state, set_timescale, add_action and remove_action)",
                    match other {
                        Some(kind) => format!("unknown edit {kind:?}"),
                        None => "an edit needs its kind in \"edit\"".to_string(),
                    }
                ),
            }),
        }
    }
}

/// JSON that does not parse, at `path`.
fn edit_json_error(path: &str, e: &serde_json::Error) -> LoadError {
    LoadError::Json {
        what: "edit",
        path: path.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    }
}

/// An error inside one edit, its path put under the edit's own (`$[2]`).
/// Lines and columns count within that edit's JSON.
fn moved_under(e: LoadError, at: &str) -> LoadError {
    let under = |path: String| format!("{at}{}", path.strip_prefix('$').unwrap_or(&path));
    match e {
        LoadError::Json {
            what,
            path,
            line,
            column,
            message,
        } => LoadError::Json {
            what,
            path: under(path),
            line,
            column,
            message,
        },
        LoadError::UnknownField { what, path } => LoadError::UnknownField {
            what,
            path: under(path),
        },
        other => other,
    }
}

/// Why a batch of edits was refused; the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    /// An edit names an action the plan does not have (or one an earlier
    /// edit removed).
    #[error("edit {edit}: the plan has no action {id:?}")]
    UnknownAction {
        /// The edit's position in the batch, from 0.
        edit: usize,
        /// The id given.
        id: String,
    },
    /// An edit names an objective the plan does not have.
    #[error("edit {edit}: the plan has no objective {id:?}")]
    UnknownObjective {
        /// The edit's position in the batch, from 0.
        edit: usize,
        /// The id given.
        id: String,
    },
    /// An added action's id is already in the plan.
    #[error("edit {edit}: the plan already has an action {id:?}")]
    DuplicateAction {
        /// The edit's position in the batch, from 0.
        edit: usize,
        /// The id given.
        id: String,
    },
    /// After the edits, the plan breaks one of its rules (an update
    /// before its action's start, a percentage over 100, an unknown lead).
    #[error(
        "{}the edits would break the plan: {error}",
        edit.map(|n| format!("edit {n}: ")).unwrap_or_default()
    )]
    Invalid {
        /// The position of the last edit to the action the broken rule is
        /// about, when the rule is about an action an edit touched.
        edit: Option<usize>,
        /// What [`Plan::check`] found, with the JSON path in the edited
        /// plan.
        #[source]
        error: LoadError,
    },
}

impl Plan {
    /// Applies one edit; see [`Plan::apply_all`].
    ///
    /// # Errors
    ///
    /// As [`Plan::apply_all`]; the plan is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Edit, Objective, Plan, ProgressUpdate};
    /// use lineofsight::{Rating, RuleSet};
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    /// o.actions.push(Action::new("a1", "Publish the Local Offer.", "Mar-20"));
    /// plan.objectives.push(o);
    /// let d = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let update = ProgressUpdate::dated(d, "Consultation under way.")
    ///     .with_rating(Rating::Amber)
    ///     .with_by("Head of Leaving Care");
    /// plan.apply(&Edit::RecordUpdate { action: "a1".into(), update })?;
    /// let eval = plan.evaluate(d, &RuleSet::default());
    /// assert_eq!(eval.actions[0].commentary_note(&plan), Some("Consultation under way."));
    /// # Ok::<(), lineofsight::plan::EditError>(())
    /// ```
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        self.apply_all(std::slice::from_ref(edit))
    }

    /// Applies `edits` in order, as one change: actions are found by id
    /// (through an index, so a whole quarter's updates cost time in
    /// proportion to the plan), then the plan is checked once. Either all
    /// hold, or none is applied.
    ///
    /// The plan keeps its history: progress updates are dated, so the
    /// commentary and ratings they carry count only from their date, and
    /// a dated `set_state` or `set_timescale` is kept in the action's
    /// history, so rating as of an earlier date uses what held then. An
    /// undated one holds at every date.
    ///
    /// # Errors
    ///
    /// [`EditError::UnknownAction`] or [`EditError::UnknownObjective`] for
    /// an id the plan does not have, [`EditError::DuplicateAction`] for an
    /// added action whose id is taken, and [`EditError::Invalid`] when the
    /// edited plan fails [`Plan::check`] (its message names the JSON path,
    /// and the edit when the broken rule is about an action one touched).
    /// The plan is then unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Edit, EditError, Lifecycle};
    /// use lineofsight::{Rating, RuleSet};
    ///
    /// let mut plan = lineofsight::builtin("lancashire")?;
    /// let first = plan.actions().next().unwrap().id.clone();
    /// let objective = plan.objectives[0].id.clone();
    /// let completed = NaiveDate::from_ymd_opt(2019, 12, 1);
    /// plan.apply_all(&[
    ///     Edit::SetState { action: first.clone(), state: Lifecycle::Complete, date: completed },
    ///     Edit::AddAction { objective, action: Box::new(Action::new("new-1", "Review the pledge.", "Jun-20")) },
    /// ]).unwrap();
    /// let rate = |y, m, d| {
    ///     let eval = plan.evaluate(NaiveDate::from_ymd_opt(y, m, d).unwrap(), &RuleSet::default());
    ///     eval.action(&plan, &first).map(|a| a.state)
    /// };
    /// assert_eq!(rate(2019, 12, 31), Some(Lifecycle::Complete));
    /// // Rated as of a date before the change, the action was still open.
    /// assert_eq!(rate(2019, 9, 30).map(|s| s.is_open()), Some(true));
    ///
    /// let before = plan.clone();
    /// let err = plan.apply_all(&[
    ///     Edit::RemoveAction { action: "new-1".into() },
    ///     Edit::RemoveAction { action: "new-1".into() },
    /// ]).unwrap_err();
    /// assert_eq!(err.to_string(), "edit 1: the plan has no action \"new-1\"");
    /// assert_eq!(plan, before);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn apply_all(&mut self, edits: &[Edit]) -> Result<(), EditError> {
        let mut edited = self.clone();
        let touched = edited.edit(edits)?;
        if let Err(error) = edited.check() {
            let edit = edited
                .action_at(&error)
                .and_then(|id| touched.get(id).copied());
            return Err(EditError::Invalid { edit, error });
        }
        *self = edited;
        Ok(())
    }

    /// The id of the action an error's JSON path is in
    /// (`$.objectives[2].actions[5]…`), if it is in one.
    fn action_at(&self, error: &LoadError) -> Option<&str> {
        let LoadError::Invalid { path, .. } = error else {
            return None;
        };
        let rest = path.strip_prefix("$.objectives[")?;
        let (i, rest) = rest.split_once(']')?;
        let rest = rest.strip_prefix(".actions[")?;
        let (j, _) = rest.split_once(']')?;
        let o = self.objectives.get(i.parse::<usize>().ok()?)?;
        Some(o.actions.get(j.parse::<usize>().ok()?)?.id.as_str())
    }

    /// Moves `reported_on` forward to `date` when the plan has one and the
    /// date is later.
    fn reported_at_least(&mut self, date: Option<chrono::NaiveDate>) {
        if let (Some(date), Some(reported)) = (date, self.reported_on) {
            if date > reported {
                self.reported_on = Some(date);
            }
        }
    }

    /// The edits, on this plan, without the final check. Gives, for each
    /// action an edit touched, the position of the last such edit.
    fn edit(&mut self, edits: &[Edit]) -> Result<HashMap<String, usize>, EditError> {
        let mut at: HashMap<String, (usize, usize)> = HashMap::new();
        for (i, o) in self.objectives.iter().enumerate() {
            for (j, a) in o.actions.iter().enumerate() {
                at.entry(a.id.clone()).or_insert((i, j));
            }
        }
        let objectives: HashMap<String, usize> = self
            .objectives
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        // Removed actions stay in place until the end, so positions hold.
        let mut touched = HashMap::new();
        let mut removed: HashSet<(usize, usize)> = HashSet::new();
        for (n, edit) in edits.iter().enumerate() {
            let find = |id: &str| {
                at.get(id).copied().ok_or_else(|| EditError::UnknownAction {
                    edit: n,
                    id: id.to_string(),
                })
            };
            match edit {
                Edit::RecordUpdate { action, update } => {
                    let (i, j) = find(action)?;
                    touched.insert(action.clone(), n);
                    self.reported_at_least(update.date);
                    self.objectives[i].actions[j].progress.push(update.clone());
                }
                Edit::SetState {
                    action,
                    state,
                    date,
                } => {
                    let (i, j) = find(action)?;
                    touched.insert(action.clone(), n);
                    self.reported_at_least(*date);
                    let a = &mut self.objectives[i].actions[j];
                    if let Some(date) = *date {
                        if a.state != *state {
                            a.history.push(ActionChange::State {
                                date,
                                from: a.state,
                                to: *state,
                            });
                        }
                    }
                    a.state = *state;
                }
                Edit::SetTimescale {
                    action,
                    timescale,
                    date,
                } => {
                    let (i, j) = find(action)?;
                    touched.insert(action.clone(), n);
                    self.reported_at_least(*date);
                    let a = &mut self.objectives[i].actions[j];
                    let to = Timescale::parse(timescale);
                    if let Some(date) = *date {
                        if a.timescale.raw() != to.raw() {
                            a.history.push(ActionChange::Timescale {
                                date,
                                from: std::mem::take(&mut a.timescale),
                                to: to.clone(),
                            });
                        }
                    }
                    a.timescale = to;
                }
                Edit::AddAction { objective, action } => {
                    let i =
                        *objectives
                            .get(objective)
                            .ok_or_else(|| EditError::UnknownObjective {
                                edit: n,
                                id: objective.clone(),
                            })?;
                    if at.contains_key(&action.id) {
                        return Err(EditError::DuplicateAction {
                            edit: n,
                            id: action.id.clone(),
                        });
                    }
                    for u in &action.progress {
                        self.reported_at_least(u.date);
                    }
                    let j = self.objectives[i].actions.len();
                    touched.insert(action.id.clone(), n);
                    self.objectives[i].actions.push(Action::clone(action));
                    at.insert(action.id.clone(), (i, j));
                }
                Edit::RemoveAction { action } => {
                    let place = find(action)?;
                    at.remove(action);
                    removed.insert(place);
                }
            }
        }
        if !removed.is_empty() {
            for (i, o) in self.objectives.iter_mut().enumerate() {
                let mut j = 0;
                o.actions.retain(|_| {
                    let keep = !removed.contains(&(i, j));
                    j += 1;
                    keep
                });
            }
        }
        Ok(touched)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn plan() -> Plan {
        let mut plan = Plan::new("Plan", "Council");
        let mut o = super::super::Objective::new("o1", "Objective");
        o.actions.push(Action::new("a1", "One", "Dec-19"));
        o.actions.push(Action::new("a2", "Two", "Dec-19"));
        plan.objectives.push(o);
        plan
    }

    #[test]
    fn a_later_update_moves_reported_on() {
        let mut p = plan();
        let d = |m| NaiveDate::from_ymd_opt(2019, m, 30).expect("date");
        p.reported_on = Some(d(9));
        p.apply(&Edit::RecordUpdate {
            action: "a2".into(),
            update: ProgressUpdate::dated(d(11), "Done"),
        })
        .expect("applies");
        assert_eq!(p.reported_on, Some(d(11)));
    }

    #[test]
    fn a_broken_plan_is_refused_and_left_alone() {
        let mut p = plan();
        let before = p.clone();
        let update = ProgressUpdate {
            percent_complete: Some(140.0),
            ..ProgressUpdate::undated("Too keen")
        };
        let err = p
            .apply_all(&[
                Edit::RemoveAction {
                    action: "a1".into(),
                },
                Edit::RecordUpdate {
                    action: "a2".into(),
                    update,
                },
            ])
            .unwrap_err();
        assert!(err.to_string().contains("percent_complete 140"), "{err}");
        assert!(
            matches!(err, EditError::Invalid { edit: Some(1), .. }),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("edit 1: "), "{err}");
        assert_eq!(p, before);
    }

    #[test]
    fn dated_changes_keep_what_held_before() {
        use crate::rating::Rating;
        use crate::rules::RuleSet;
        let d = |m, day| NaiveDate::from_ymd_opt(2019, m, day).expect("date");
        let mut p = plan();
        p.reported_on = Some(d(9, 30));
        p.apply_all(&[
            Edit::SetTimescale {
                action: "a1".into(),
                timescale: "Jun-20".into(),
                date: Some(d(11, 1)),
            },
            Edit::SetState {
                action: "a2".into(),
                state: Lifecycle::Complete,
                date: Some(d(12, 1)),
            },
        ])
        .expect("applies");
        assert_eq!(p.reported_on, Some(d(12, 1)));
        let rules = RuleSet::default();
        let rating = |p: &Plan, as_of, id: &str| {
            let e = p.evaluate(as_of, &rules);
            let a = e.action(p, id).expect("rated");
            (a.rating, a.state)
        };
        // Before the changes: a1 due Dec-19, a2 open and due Dec-19.
        let then = d(10, 31);
        assert_eq!(
            rating(&p, then, "a2"),
            (Rating::Green, Lifecycle::InProgress)
        );
        assert_eq!(
            p.objectives[0].actions[0].timescale_as_of(then).raw(),
            "Dec-19"
        );
        // After them: a2 complete, a1 due in June.
        let now = d(12, 31);
        assert_eq!(rating(&p, now, "a2"), (Rating::Blue, Lifecycle::Complete));
        let e = p.evaluate(now, &rules);
        assert_eq!(
            e.action(&p, "a1").and_then(|a| a.due),
            NaiveDate::from_ymd_opt(2020, 6, 30)
        );
        // The history survives JSON.
        let back = Plan::from_json(&p.to_json()).expect("reads");
        assert_eq!(back, p);
        // A state set by hand against its history is refused, naming the path.
        let mut bad = p.clone();
        bad.objectives[0].actions[1].state = Lifecycle::Deferred;
        let err = bad.check().expect_err("history disagrees");
        assert!(
            err.to_string().contains("$.objectives[0].actions[1].state"),
            "{err}"
        );
        // An undated edit against a dated history says to give a date.
        let err = p
            .apply(&Edit::SetState {
                action: "a2".into(),
                state: Lifecycle::Cancelled,
                date: None,
            })
            .expect_err("needs a date");
        assert!(
            err.to_string().contains("record the change with its date"),
            "{err}"
        );
        assert!(matches!(err, EditError::Invalid { edit: Some(0), .. }));
    }

    #[test]
    fn an_unchanged_state_adds_no_history() {
        let mut p = plan();
        p.apply(&Edit::SetState {
            action: "a1".into(),
            state: Lifecycle::InProgress,
            date: NaiveDate::from_ymd_opt(2019, 1, 1),
        })
        .expect("applies");
        assert!(p.objectives[0].actions[0].history.is_empty());
    }

    #[test]
    fn removing_then_adding_an_id_replaces_the_action() {
        let mut p = plan();
        p.apply_all(&[
            Edit::RemoveAction {
                action: "a1".into(),
            },
            Edit::AddAction {
                objective: "o1".into(),
                action: Box::new(Action::new("a1", "One again", "Mar-20")),
            },
            Edit::SetTimescale {
                action: "a1".into(),
                timescale: "Jun-20".into(),
                date: None,
            },
        ])
        .expect("applies");
        let ids: Vec<&str> = p.actions().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a2", "a1"]);
        assert_eq!(p.objectives[0].actions[1].text, "One again");
        assert_eq!(p.objectives[0].actions[1].timescale.raw(), "Jun-20");
        let err = p
            .apply(&Edit::AddAction {
                objective: "o1".into(),
                action: Box::new(Action::new("a2", "Two again", "Mar-20")),
            })
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "edit 0: the plan already has an action \"a2\""
        );
    }
}
