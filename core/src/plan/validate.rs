//! Plan invariants (errors) and things worth a reader's attention (warnings).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{Plan, SCHEMA_VERSION};
use crate::error::LoadError;
use crate::rules::reason::uk_date;

fn invalid(path: String, reason: String) -> LoadError {
    LoadError::Invalid {
        what: "plan",
        path,
        reason,
    }
}

/// Fails on the second use of an id within one kind of item. Items come
/// with their position; the JSON path is written only for an error.
/// The ids are returned with their positions, to look ids up in; `count`
/// sizes the map (the action ids of a large plan would otherwise rehash
/// many times over).
fn unique<'a, P: Copy>(
    kind: &str,
    count: usize,
    items: impl Iterator<Item = (P, &'a str)>,
    path: impl Fn(P) -> String,
) -> Result<HashMap<&'a str, P>, LoadError> {
    let mut seen: HashMap<&str, P> = HashMap::with_capacity(count);
    for (at, id) in items {
        if id.trim().is_empty() {
            return Err(invalid(path(at), format!("{kind} id is empty")));
        }
        if let Some(first) = seen.insert(id, at) {
            return Err(invalid(
                path(at),
                format!("duplicate {kind} id {id:?} (first used at {})", path(first)),
            ));
        }
    }
    Ok(seen)
}

/// [`unique`] for a top-level list of the plan, such as `$.leads`.
fn unique_in<'a>(
    kind: &str,
    list: &str,
    ids: impl ExactSizeIterator<Item = &'a str>,
) -> Result<HashMap<&'a str, usize>, LoadError> {
    unique(kind, ids.len(), ids.enumerate(), |i| {
        format!("$.{list}[{i}].id")
    })
}

fn known(
    kind: &str,
    ids: &HashMap<&str, usize>,
    path: impl FnOnce() -> String,
    id: &str,
) -> Result<(), LoadError> {
    if ids.contains_key(id) {
        Ok(())
    } else {
        Err(invalid(
            path(),
            format!("unknown {kind} id {id:?} (the plan's {kind}s list has no such id)"),
        ))
    }
}

/// Whether the `k`th of `leads` is listed before it: a look back for the
/// few leads an action has, a set for many, so either way it is linear.
fn listed_before(leads: &[String], k: usize, many: &mut Option<HashSet<String>>) -> bool {
    const FEW: usize = 16;
    if leads.len() <= FEW {
        return leads[..k].contains(&leads[k]);
    }
    !many
        .get_or_insert_with(HashSet::new)
        .insert(leads[k].clone())
}

/// Where the loop check has been.
#[derive(Clone, Copy, PartialEq)]
enum Seen {
    Not,
    OnThisWalk,
    Done,
}

/// For each group (in the plan's order), whether following parents from it
/// comes back to it. Each group is walked once, so a chain of any length
/// costs time in proportion to its length. Unknown parents end a walk (they
/// are reported separately).
fn groups_in_loops(plan: &Plan) -> Vec<bool> {
    let (_, parent) = plan.group_parents();
    let mut seen = vec![Seen::Not; parent.len()];
    let mut looped = vec![false; parent.len()];
    let mut walk = Vec::new();
    for start in 0..parent.len() {
        let mut at = Some(start);
        while let Some(i) = at {
            match seen[i] {
                Seen::Done => break,
                Seen::OnThisWalk => {
                    // The walk came back to i: i and everything after it on
                    // this walk form the loop.
                    let from = walk.iter().position(|&w| w == i).unwrap_or(0);
                    for &w in &walk[from..] {
                        looped[w] = true;
                    }
                    break;
                }
                Seen::Not => {
                    seen[i] = Seen::OnThisWalk;
                    walk.push(i);
                    at = parent[i];
                }
            }
        }
        for w in walk.drain(..) {
            seen[w] = Seen::Done;
        }
    }
    looped
}

pub(super) fn check(plan: &Plan) -> Result<(), LoadError> {
    if plan.schema_version == 0 || plan.schema_version > SCHEMA_VERSION {
        return Err(invalid(
            "$.schema_version".into(),
            format!(
                "schema_version {} is not supported (this library reads 1 to {SCHEMA_VERSION})",
                plan.schema_version
            ),
        ));
    }
    if let Some(dates) = &plan.dates {
        if dates.start > dates.end {
            return Err(invalid(
                "$.dates.end".into(),
                format!(
                    "the plan ends on {} before it starts on {} (end must not be before start)",
                    dates.end, dates.start
                ),
            ));
        }
    }
    for (rating, colour) in &plan.style.colours {
        if colour.rgb().is_none() {
            return Err(invalid(
                format!("$.style.colours.{}", rating.code()),
                format!(
                    "colour {:?} is not #rrggbb or #rgb (e.g. \"#f4a6a6\"; colour names are not accepted)",
                    colour.0
                ),
            ));
        }
    }
    let leads = unique_in("lead", "leads", plan.leads.iter().map(|l| l.id.as_str()))?;
    let sources = unique_in(
        "source",
        "sources",
        plan.sources.iter().map(|s| s.id.as_str()),
    )?;
    let groups = unique_in("group", "groups", plan.groups.iter().map(|g| g.id.as_str()))?;
    let objectives = unique_in(
        "objective",
        "objectives",
        plan.objectives.iter().map(|o| o.id.as_str()),
    )?;
    unique_in(
        "priority",
        "priorities",
        plan.priorities.iter().map(|p| p.id.as_str()),
    )?;
    unique(
        "action",
        plan.objectives.iter().map(|o| o.actions.len()).sum(),
        plan.objectives.iter().enumerate().flat_map(|(i, o)| {
            o.actions
                .iter()
                .enumerate()
                .map(move |(j, a)| ((i, j), a.id.as_str()))
        }),
        |(i, j)| format!("$.objectives[{i}].actions[{j}].id"),
    )?;
    unique(
        "measure",
        plan.objectives.iter().map(|o| o.measures.len()).sum(),
        plan.objectives.iter().enumerate().flat_map(|(i, o)| {
            o.measures
                .iter()
                .enumerate()
                .map(move |(j, m)| ((i, j), m.id.as_str()))
        }),
        |(i, j)| format!("$.objectives[{i}].measures[{j}].id"),
    )?;

    let source_ok = |path: &dyn Fn() -> String, s: &Option<String>| match s {
        Some(s) => known("source", &sources, path, s),
        None => Ok(()),
    };

    let looped = groups_in_loops(plan);
    for (i, g) in plan.groups.iter().enumerate() {
        source_ok(&|| format!("$.groups[{i}].source"), &g.source)?;
        if let Some(parent) = &g.parent {
            known("group", &groups, || format!("$.groups[{i}].parent"), parent)?;
            if looped[i] {
                return Err(invalid(
                    format!("$.groups[{i}].parent"),
                    format!("group {:?} sits inside itself through its parents", g.id),
                ));
            }
        }
    }
    for (i, p) in plan.priorities.iter().enumerate() {
        source_ok(&|| format!("$.priorities[{i}].source"), &p.source)?;
        for (j, o) in p.objectives.iter().enumerate() {
            known(
                "objective",
                &objectives,
                || format!("$.priorities[{i}].objectives[{j}]"),
                o,
            )?;
        }
    }
    for (i, o) in plan.objectives.iter().enumerate() {
        source_ok(&|| format!("$.objectives[{i}].source"), &o.source)?;
        if let Some(g) = &o.group {
            known("group", &groups, || format!("$.objectives[{i}].group"), g)?;
        }
        for (j, m) in o.measures.iter().enumerate() {
            source_ok(
                &|| format!("$.objectives[{i}].measures[{j}].source"),
                &m.source,
            )?;
        }
        for (j, a) in o.actions.iter().enumerate() {
            // The action's JSON path, written only for an error.
            let at = || format!("$.objectives[{i}].actions[{j}]");
            source_ok(&|| format!("{}.source", at()), &a.source)?;
            let mut many = None;
            for (k, l) in a.leads.iter().enumerate() {
                known("lead", &leads, || format!("{}.leads[{k}]", at()), l)?;
                if listed_before(&a.leads, k, &mut many) {
                    return Err(invalid(
                        format!("{}.leads[{k}]", at()),
                        format!("lead {l:?} is listed twice for action {:?}", a.id),
                    ));
                }
            }
            check_history(a, plan.reported_on, &at)?;
            for (k, u) in a.progress.iter().enumerate() {
                let path = || format!("{}.progress[{k}]", at());
                if let Some(date) = u.date {
                    if let Some(start) = a.start {
                        if date < start {
                            return Err(invalid(
                                format!("{}.date", path()),
                                format!(
                                    "progress update dated {} is before the action's start {}",
                                    uk_date(date),
                                    uk_date(start)
                                ),
                            ));
                        }
                    }
                    if let Some(reported) = plan.reported_on {
                        if date > reported {
                            return Err(invalid(
                                format!("{}.date", path()),
                                format!(
                                    "progress update dated {} is after the plan's reported_on date {}",
                                    uk_date(date),
                                    uk_date(reported)
                                ),
                            ));
                        }
                    }
                }
                if let Some(p) = u.percent_complete {
                    if !(0.0..=100.0).contains(&p) {
                        return Err(invalid(
                            format!("{}.percent_complete", path()),
                            format!("percent_complete {p} is not between 0 and 100"),
                        ));
                    }
                }
            }
        }
    }
    if let Some(rules) = &plan.rules {
        rules.check().map_err(|e| match e {
            LoadError::Invalid { path, reason, .. } => {
                invalid(path.replacen('$', "$.rules", 1), reason)
            }
            other => other,
        })?;
    }
    Ok(())
}

/// An action's history: no change dated after the plan's `reported_on`,
/// and the last change to its state (and to its timescale) is to what the
/// action says now, so the history and the fields tell one story.
fn check_history(
    a: &super::Action,
    reported_on: Option<chrono::NaiveDate>,
    at: &dyn Fn() -> String,
) -> Result<(), LoadError> {
    use super::ActionChange;
    for (k, c) in a.history.iter().enumerate() {
        let date = c.date();
        if let Some(reported) = reported_on {
            if date > reported {
                return Err(invalid(
                    format!("{}.history[{k}].date", at()),
                    format!(
                        "change dated {} is after the plan's reported_on date {}",
                        uk_date(date),
                        uk_date(reported)
                    ),
                ));
            }
        }
    }
    let (state, timescale) = super::action::last_changes(&a.history);
    let last_state = match state {
        Some((k, ActionChange::State { date, to, .. })) => Some((k, *date, *to)),
        _ => None,
    };
    let last_timescale = match timescale {
        Some((k, ActionChange::Timescale { date, to, .. })) => Some((k, *date, to)),
        _ => None,
    };
    if let Some((k, date, to)) = last_state {
        if to != a.state {
            return Err(invalid(
                format!("{}.state", at()),
                format!(
                    "action {:?} is {} but its last change of state (history[{k}], {}) is to {}; \
                     record the change with its date",
                    a.id,
                    a.state.name(),
                    uk_date(date),
                    to.name()
                ),
            ));
        }
    }
    if let Some((k, date, to)) = last_timescale {
        if to.raw().trim() != a.timescale.raw().trim() {
            return Err(invalid(
                format!("{}.timescale", at()),
                format!(
                    "action {:?} has timescale {:?} but its last change of timescale (history[{k}], {}) is to {:?}; \
                     record the change with its date",
                    a.id,
                    a.timescale.raw().trim(),
                    uk_date(date),
                    to.raw().trim()
                ),
            ));
        }
    }
    Ok(())
}

/// What a [`PlanWarning`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// Two actions in one objective share a ref (reported, not merged).
    DuplicateRef,
    /// A timescale names a date that does not exist.
    ImpossibleDate,
    /// A timescale could not be understood.
    TimescaleNotUnderstood,
    /// A timescale was read, but a number or date word in it was not.
    TimescalePartlyRead,
}

/// Something in a plan worth a reader's attention that does not stop it
/// loading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct PlanWarning {
    /// What it is about.
    pub kind: WarningKind,
    /// The JSON path of the item.
    pub path: String,
    /// A plain-English sentence naming the text that caused it.
    pub message: String,
}

pub(super) fn warnings(plan: &Plan) -> Vec<PlanWarning> {
    use crate::timescale::ProblemKind;
    let mut out = Vec::new();
    for (i, o) in plan.objectives.iter().enumerate() {
        let mut refs: BTreeMap<&str, usize> = BTreeMap::new();
        for (j, a) in o.actions.iter().enumerate() {
            let at = format!("$.objectives[{i}].actions[{j}]");
            if let Some(r) = &a.reference {
                if let Some(first) = refs.get(r.as_str()) {
                    out.push(PlanWarning {
                        kind: WarningKind::DuplicateRef,
                        path: format!("{at}.ref"),
                        message: format!(
                            "objective {:?} has ref {:?} twice (actions {:?} and {:?}); both are kept",
                            o.id, r.as_str(), o.actions[*first].id, a.id
                        ),
                    });
                } else {
                    refs.insert(r.as_str(), j);
                }
            }
            let timescales = std::iter::once((format!("{at}.timescale"), &a.timescale)).chain(
                a.sub_activities
                    .iter()
                    .enumerate()
                    .map(|(k, s)| (format!("{at}.sub_activities[{k}].timescale"), &s.timescale)),
            );
            for (path, t) in timescales {
                for p in t.problems() {
                    out.push(PlanWarning {
                        kind: match p.kind {
                            ProblemKind::ImpossibleDate => WarningKind::ImpossibleDate,
                            ProblemKind::NotUnderstood => WarningKind::TimescaleNotUnderstood,
                            ProblemKind::Ignored => WarningKind::TimescalePartlyRead,
                        },
                        path: path.clone(),
                        message: match p.kind {
                            ProblemKind::ImpossibleDate => format!(
                                "action {:?}: timescale {:?}: {:?} is not a real date ({})",
                                a.id,
                                t.raw(),
                                p.text,
                                p.reason
                            ),
                            ProblemKind::NotUnderstood => format!(
                                "action {:?}: timescale {:?} is not understood ({})",
                                a.id,
                                t.raw(),
                                p.reason
                            ),
                            ProblemKind::Ignored => {
                                format!("action {:?}: timescale {:?}: {}", a.id, t.raw(), p.reason)
                            }
                        },
                    });
                }
            }
        }
    }
    out
}
