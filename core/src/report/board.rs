//! The board report as data: what a council officer takes to the Corporate
//! Parenting Board, built once and rendered by every format.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::changes::{self, Changes};
use super::leads::{lead_sections, LeadSection, NO_LEAD};
use super::measures::MeasureRow;
use super::summary::{BoardCounts, Summary, TOP_EXCEPTIONS};
use super::{ClosedNote, RatingLook, ReportOptions, ReportRow};
use crate::evaluate::{ActionRating, Evaluation, RollupRating};
use crate::plan::{Group, Plan, PlanStatus};
use crate::rating::Rating;
use crate::rules::{RatingCounts, RuleSet};

/// One objective's part of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
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
    /// Its action counts in the board paper's five columns.
    pub counts: BoardCounts,
    /// All its actions, as positions in the report's `actions`.
    pub actions: Vec<usize>,
    /// Its open actions, as positions in the report's `actions`.
    pub open: Vec<usize>,
}

impl ObjectiveSection {
    /// The objective's ref, or its title where it has none.
    pub fn label(&self) -> &str {
        self.reference.as_deref().unwrap_or(&self.title)
    }
}

/// The board report: every action's row, the objectives with their
/// roll-ups and open actions, exceptions, discrepancies, deadlines coming
/// up, the leads' lists, measures, the summary page and, when asked for,
/// what changed since the previous report.
///
/// Everything a format shows is decided here, once: which actions are
/// open, the counts, the order of the exceptions, each rating's label,
/// colour and shape, the measures' comparisons and whether they are
/// better or worse. Renderers draw it; they derive nothing. The lists of
/// actions (`exceptions`, `upcoming`, an objective's `open` …) are
/// positions in `actions`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::report::{BoardReport, ReportOptions};
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let report = BoardReport::build(&plan, as_of, &plan.rules_or_default(), &ReportOptions::default());
/// assert_eq!(report.objectives.len(), plan.objectives.len());
/// assert_eq!(report.actions.len(), plan.actions().count());
/// let worst = &report.actions[report.exceptions[0]];
/// assert!(worst.open);
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BoardReport {
    /// The plan's title.
    pub title: String,
    /// The plan's organisation.
    pub organisation: String,
    /// The line under the title: `Board report for Lancashire County
    /// Council, as of 31/12/2019`, or `Board report as of 31/12/2019` when
    /// the plan names no organisation.
    pub subtitle: String,
    /// The date rated as of (a closed plan's last day: see `closed`).
    pub as_of: NaiveDate,
    /// What the report was asked for.
    pub options: ReportOptions,
    /// How each rating is shown, in [`Rating::ALL`] order.
    pub ratings: Vec<RatingLook>,
    /// The whole plan's roll-up.
    pub plan: RollupRating,
    /// Every action, in plan order.
    pub actions: Vec<ReportRow>,
    /// Objective by objective, in plan order.
    pub objectives: Vec<ObjectiveSection>,
    /// Red and Amber open actions, worst first.
    pub exceptions: Vec<usize>,
    /// Recorded ratings that disagree with the rules.
    pub discrepancies: Vec<usize>,
    /// Open actions due in the look-ahead window, soonest first.
    pub upcoming: Vec<usize>,
    /// Each lead's open actions.
    pub leads: Vec<LeadSection>,
    /// The summary page.
    pub summary: Summary,
    /// What changed since the previous report, when one was given.
    pub changes: Option<Changes>,
    /// The lead this report is for, when it is one lead's list.
    pub lead: Option<String>,
    /// Whether any lead is a named person.
    pub names_people: bool,
    /// Plan warnings (impossible dates, duplicate refs), as sentences.
    pub warnings: Vec<String>,
    /// Measures of success with a numeric target or published values.
    pub measures: Vec<MeasureRow>,
    /// How many measures have neither (qualitative, rated by hand).
    pub qualitative_measures: usize,
    /// Set when the plan's period ended before the date asked about: the
    /// report is then its final position, rated as at its last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<ClosedNote>,
    /// The plan's groups (workstreams, sections, source plans), as the
    /// plan lists them; each row names its own in `groups`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// The plan as written, without its actions (objectives, measures,
    /// leads, groups, sources and settings): what the workbook carries
    /// besides the rows so that re-importing it gives the whole plan back.
    /// Named people are already replaced when the report is published. Not
    /// part of the report's JSON; `None` for a report read back from it.
    #[serde(skip)]
    #[schemars(skip)]
    pub outline: Option<Plan>,
}

impl BoardReport {
    /// Builds the report on `plan` as of `as_of`. A plan whose period
    /// ended before `as_of` is rated as at its last day and says it is
    /// closed. With `options.since`, the plan is rated at that date too and
    /// the report says what changed; with `options.publish`, named people
    /// among the leads are replaced by their role first.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan};
    /// use lineofsight::report::{BoardReport, ReportOptions};
    /// use lineofsight::RuleSet;
    ///
    /// let mut plan = Plan::new("Plan", "");
    /// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    /// o.actions.push(Action::new("a1", "Improve the Local Offer.", "Nov-19"));
    /// o.actions.push(Action::new("a2", "Review SGO support.", "31/01/2020"));
    /// plan.objectives.push(o);
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let options = ReportOptions::default().with_since(d(2019, 9, 30));
    /// let report = BoardReport::build(&plan, d(2019, 12, 31), &RuleSet::default(), &options);
    /// assert_eq!(report.subtitle, "Board report as of 31/12/2019");
    /// assert_eq!(report.exceptions, [0]);
    /// assert_eq!(report.actions[report.upcoming[0]].action_id, "a2");
    /// let changes = report.changes.unwrap();
    /// assert_eq!(changes.ratings.len(), 1); // a1 went from Green to Red
    /// ```
    pub fn build(
        plan: &Plan,
        as_of: NaiveDate,
        rules: &RuleSet,
        options: &ReportOptions,
    ) -> BoardReport {
        build_report(None, plan, as_of, rules, options)
    }

    /// Builds the report on `plan` as of `as_of` and says what changed
    /// since `previous`, an earlier version of the same plan (last
    /// quarter's tracker), rated as of `options.since` (or `as_of` when no
    /// date is given). Actions are matched by ref (by id where they have
    /// none): ratings up
    /// and down, actions completed, new and removed actions, deadlines that
    /// moved and commentary not updated.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan};
    /// use lineofsight::report::{BoardReport, ReportOptions};
    /// use lineofsight::RuleSet;
    ///
    /// let tracker = |due: &str| {
    ///     let mut plan = Plan::new("Tracker", "Council");
    ///     let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    ///     o.actions.push(Action::new("a1", "Refresh the pledge.", due));
    ///     plan.objectives.push(o);
    ///     plan
    /// };
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let options = ReportOptions::default().with_since(d(2019, 9, 30));
    /// let report = BoardReport::build_compared(
    ///     &tracker("Dec-19"), &tracker("Jun-20"), d(2019, 12, 31), &RuleSet::default(), &options);
    /// let moved = &report.changes.unwrap().moved_deadlines[0];
    /// assert_eq!((moved.from_timescale.as_str(), moved.to_timescale.as_str()), ("Dec-19", "Jun-20"));
    /// assert_eq!(moved.days_later, Some(182));
    /// ```
    pub fn build_compared(
        previous: &Plan,
        plan: &Plan,
        as_of: NaiveDate,
        rules: &RuleSet,
        options: &ReportOptions,
    ) -> BoardReport {
        build_report(Some(previous), plan, as_of, rules, options)
    }

    /// How `rating` is shown in this report.
    pub fn look(&self, rating: Rating) -> Cow<'_, RatingLook> {
        self.ratings
            .iter()
            .find(|l| l.rating == rating)
            .map_or_else(
                || {
                    Cow::Owned(RatingLook::new(
                        rating,
                        &crate::rating::RatingStyle::default(),
                    ))
                },
                Cow::Borrowed,
            )
    }

    /// The rows at `positions` (an objective's `open`, the `exceptions` …).
    pub fn rows<'a>(&'a self, positions: &'a [usize]) -> impl Iterator<Item = &'a ReportRow> + 'a {
        positions.iter().filter_map(|&i| self.actions.get(i))
    }

    /// For each row of `actions`, the position in `objectives` of the
    /// objective that lists it (`None` for a row none lists). One pass over
    /// the objectives: renderers look rows' objectives up here rather than
    /// searching for each row.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::{BoardReport, ReportOptions};
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let report = BoardReport::build(&plan, as_of, &plan.rules_or_default(), &ReportOptions::default());
    /// let at = report.objective_positions();
    /// let row = report.exceptions[0];
    /// let o = &report.objectives[at[row].unwrap()];
    /// assert_eq!(o.id, report.actions[row].objective_id);
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn objective_positions(&self) -> Vec<Option<usize>> {
        let mut at = vec![None; self.actions.len()];
        for (k, o) in self.objectives.iter().enumerate() {
            for &i in &o.actions {
                if let Some(slot) = at.get_mut(i) {
                    *slot = Some(k);
                }
            }
        }
        at
    }

    /// The objective an action row belongs to, and its position: a search
    /// of the objectives (for many rows, [`objective_positions`](Self::objective_positions)).
    pub fn objective_of(&self, row: &ReportRow) -> Option<(usize, &ObjectiveSection)> {
        self.objectives
            .iter()
            .enumerate()
            .find(|(_, o)| o.id == row.objective_id)
    }

    /// The report as one lead's list: only the actions `lead` leads (every
    /// list filtered to them, counts recounted, measures left out), titled
    /// for them. `No lead` gives the open actions without a lead.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::{BoardReport, ReportOptions};
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let report = BoardReport::build(&plan, as_of, &plan.rules_or_default(), &ReportOptions::default());
    /// let lead = report.leads[0].name.clone();
    /// let theirs = report.for_lead(&lead);
    /// assert!(theirs.actions.iter().all(|r| r.leads.contains(&lead)));
    /// assert!(theirs.subtitle.starts_with(&format!("Actions led by {lead}")));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    #[must_use]
    pub fn for_lead(&self, lead: &str) -> BoardReport {
        let keep = |r: &ReportRow| {
            if lead == NO_LEAD {
                r.leads.is_empty()
            } else {
                r.leads.iter().any(|l| l == lead)
            }
        };
        let mut new_index = vec![None; self.actions.len()];
        let mut actions = Vec::new();
        for (i, r) in self.actions.iter().enumerate() {
            if keep(r) {
                new_index[i] = Some(actions.len());
                actions.push(r.clone());
            }
        }
        // A row's position in the lead's report, if the lead has it.
        let at = |i: usize| new_index.get(i).copied().flatten();
        let remap = |list: &[usize]| -> Vec<usize> { list.iter().filter_map(|&i| at(i)).collect() };
        let objectives: Vec<ObjectiveSection> = self
            .objectives
            .iter()
            .filter_map(|o| {
                let mine = remap(&o.actions);
                if mine.is_empty() {
                    return None;
                }
                let counts = count(mine.iter().map(|&i| actions[i].rating));
                Some(ObjectiveSection {
                    counts,
                    open: remap(&o.open),
                    actions: mine,
                    ..o.clone()
                })
            })
            .collect();
        let exceptions = remap(&self.exceptions);
        let changes = self.changes.as_ref().map(|c| Changes {
            ratings: c
                .ratings
                .iter()
                .filter_map(|m| at(m.row).map(|row| changes::RatingMove { row, ..m.clone() }))
                .collect(),
            completed: remap(&c.completed),
            new_actions: remap(&c.new_actions),
            removed: Vec::new(),
            moved_deadlines: c
                .moved_deadlines
                .iter()
                .filter_map(|m| at(m.row).map(|row| changes::MovedDeadline { row, ..m.clone() }))
                .collect(),
            not_updated: remap(&c.not_updated),
            ..c.clone()
        });
        let summary = summary_of(
            &actions,
            &exceptions,
            &[],
            &self.ratings,
            &objectives_for_chart(&objectives),
        );
        BoardReport {
            subtitle: format!("Actions led by {lead}: {}", lower_first(&self.subtitle)),
            options: self.options.clone(),
            ratings: self.ratings.clone(),
            exceptions,
            discrepancies: remap(&self.discrepancies),
            upcoming: remap(&self.upcoming),
            leads: self
                .leads
                .iter()
                .filter(|l| l.name == lead)
                .map(|l| LeadSection {
                    name: l.name.clone(),
                    open: remap(&l.open),
                })
                .collect(),
            summary,
            changes,
            lead: Some(lead.to_string()),
            measures: Vec::new(),
            qualitative_measures: 0,
            actions,
            title: self.title.clone(),
            organisation: self.organisation.clone(),
            as_of: self.as_of,
            plan: self.plan.clone(),
            names_people: self.names_people,
            warnings: Vec::new(),
            closed: self.closed.clone(),
            groups: self.groups.clone(),
            outline: self.outline.as_ref().map(|o| {
                let kept: HashSet<&str> = objectives.iter().map(|o| o.id.as_str()).collect();
                super::outline::for_lead(o, &kept, lead)
            }),
            objectives,
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// The plan to report on: itself, or a copy with named people replaced by
/// their role when the report will be published.
fn publishable<'a>(plan: &'a Plan, options: &ReportOptions) -> Cow<'a, Plan> {
    if options.publish {
        Cow::Owned(crate::export::redact_people(plan))
    } else {
        Cow::Borrowed(plan)
    }
}

fn count(ratings: impl Iterator<Item = Rating>) -> BoardCounts {
    let mut c = RatingCounts::default();
    for r in ratings {
        c.add(r);
    }
    BoardCounts::from(&c)
}

/// `Board report for Lancashire County Council, as of 31/12/2019`.
fn subtitle(organisation: &str, as_of: NaiveDate) -> String {
    let as_of = crate::rules::reason::uk_date(as_of);
    match organisation.trim() {
        "" => format!("Board report as of {as_of}"),
        org => format!("Board report for {org}, as of {as_of}"),
    }
}

fn build_report(
    previous: Option<&Plan>,
    plan: &Plan,
    asked_as_of: NaiveDate,
    rules: &RuleSet,
    options: &ReportOptions,
) -> BoardReport {
    let plan = &*publishable(plan, options);
    let previous = previous.map(|p| publishable(p, options));
    // Last quarter's version is rated as of `since` (or the date asked);
    // the plan itself at a second date only when one is given.
    let since = match previous {
        Some(_) => Some(options.since.unwrap_or(asked_as_of)),
        None => options.since,
    };
    let earlier: &Plan = previous.as_deref().unwrap_or(plan);
    let before = since.map(|since| {
        let title = previous.as_ref().map(|p| p.title.clone());
        (earlier.evaluate(earlier.rating_date(since), rules), title)
    });
    let eval = plan.evaluate(plan.rating_date(asked_as_of), rules);
    let closed = match plan.status(asked_as_of) {
        PlanStatus::Closed { ended } => Some(ClosedNote { ended, asked_as_of }),
        _ => None,
    };
    let actions = rows(plan, &eval);
    // Rows are in plan order, as the evaluation's actions: a rating's
    // position is its row.
    let at = |i: usize| (i < actions.len()).then_some(i);
    let mut objectives = Vec::with_capacity(plan.objectives.len());
    let group_titles: HashMap<&str, &str> = plan
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.title.as_str()))
        .collect();
    let mut next = 0;
    for (o, rollup) in plan.objectives.iter().zip(&eval.objectives) {
        let all: Vec<usize> = (next..next + o.actions.len()).collect();
        next += o.actions.len();
        objectives.push(ObjectiveSection {
            id: o.id.clone(),
            reference: o.reference.as_ref().map(|r| r.as_str().to_string()),
            title: o.title.clone(),
            group: o
                .group
                .as_deref()
                .and_then(|g| group_titles.get(g))
                .map(|t| (*t).to_string()),
            aim: o.aim.clone(),
            approach: o.approach.clone(),
            rollup: rollup.clone(),
            counts: BoardCounts::from(&rollup.counts),
            open: all.iter().copied().filter(|&i| actions[i].open).collect(),
            actions: all,
        });
    }
    let mut exceptions: Vec<usize> = (0..actions.len())
        .filter(|&i| {
            let r = &actions[i];
            r.open && matches!(r.rating, Rating::Red | Rating::AmberRed | Rating::Amber)
        })
        .collect();
    exceptions.sort_by_key(|&i| actions[i].rating);
    let discrepancies = eval
        .discrepancies
        .iter()
        .filter_map(|d| at(d.position.index))
        .collect();
    let upcoming = eval
        .due_within(options.look_ahead_days)
        .into_iter()
        .filter_map(|u| at(u.position.index))
        .collect();
    let ratings = RatingLook::all(&plan.style);
    let (measures, qualitative_measures) = super::measures::measure_rows(plan, &eval, &plan.style);
    let with_data: Vec<&MeasureRow> = measures.iter().filter(|m| m.latest.is_some()).collect();
    let summary = summary_of(
        &actions,
        &exceptions,
        &with_data,
        &ratings,
        &objectives_for_chart(&objectives),
    );
    let changes = before.map(|(before, title)| {
        changes::between(earlier, &before, plan, eval.as_of, &actions, title)
    });
    BoardReport {
        title: plan.title.clone(),
        organisation: plan.organisation.clone(),
        subtitle: subtitle(&plan.organisation, eval.as_of),
        as_of: eval.as_of,
        options: options.clone(),
        ratings,
        plan: eval.plan.clone(),
        leads: lead_sections(&actions),
        actions,
        objectives,
        exceptions,
        discrepancies,
        upcoming,
        summary,
        changes,
        lead: None,
        names_people: plan.names_people(),
        warnings: plan.warnings().into_iter().map(|w| w.message).collect(),
        measures,
        qualitative_measures,
        closed,
        groups: plan.groups.clone(),
        outline: Some(super::outline::outline(plan)),
    }
}

/// The objectives' labels and counts, as the summary chart draws them.
fn objectives_for_chart(objectives: &[ObjectiveSection]) -> Vec<(String, BoardCounts)> {
    objectives
        .iter()
        .map(|o| (o.label().to_string(), o.counts))
        .collect()
}

fn summary_of(
    actions: &[ReportRow],
    exceptions: &[usize],
    with_data: &[&MeasureRow],
    ratings: &[RatingLook],
    bars: &[(String, BoardCounts)],
) -> Summary {
    let mut top = exceptions.to_vec();
    top.sort_by_key(|&i| (actions[i].rating, actions[i].due.is_none(), actions[i].due));
    top.truncate(TOP_EXCEPTIONS);
    Summary {
        actions: actions.len(),
        open: actions.iter().filter(|r| r.open).count(),
        complete: actions
            .iter()
            .filter(|r| r.state == crate::plan::Lifecycle::Complete || r.rating == Rating::Blue)
            .count(),
        counts: count(actions.iter().map(|r| r.rating)),
        top_exceptions: top,
        measures_with_data: with_data.len(),
        measures_met: with_data
            .iter()
            .filter(|m| m.rating == Rating::Green)
            .count(),
        chart: super::summary_chart::objectives_chart(bars, ratings),
    }
}

/// Every action's row, in plan order: its text, timescale, objective and
/// lead names from the plan, its rating, reason and commentary from the
/// evaluation of that same plan.
pub(super) fn rows(plan: &Plan, eval: &Evaluation) -> Vec<ReportRow> {
    let mut lead_names: HashMap<&str, &str> = HashMap::with_capacity(plan.leads.len());
    for l in &plan.leads {
        lead_names.entry(l.id.as_str()).or_insert(l.name.as_str());
    }
    let groups_by_id: HashMap<&str, &Group> =
        plan.groups.iter().map(|g| (g.id.as_str(), g)).collect();
    let mut rows = Vec::with_capacity(eval.actions.len());
    let mut ratings = eval.actions.iter();
    for o in &plan.objectives {
        let groups = group_path(&groups_by_id, o.group.as_deref());
        let group = groups.last().cloned();
        let objective_ref = o.reference.as_ref().map(|r| r.as_str().to_string());
        for a in &o.actions {
            let Some(r) = ratings.next() else {
                return rows;
            };
            rows.push(ReportRow {
                groups: groups.clone(),
                ..row(
                    a,
                    r,
                    eval.as_of,
                    o,
                    objective_ref.clone(),
                    group.clone(),
                    &lead_names,
                )
            });
        }
    }
    rows
}

fn row(
    a: &crate::plan::Action,
    r: &ActionRating,
    as_of: chrono::NaiveDate,
    objective: &crate::plan::Objective,
    objective_ref: Option<String>,
    group: Option<String>,
    lead_names: &HashMap<&str, &str>,
) -> ReportRow {
    ReportRow {
        action_id: a.id.clone(),
        objective_id: objective.id.clone(),
        objective_ref,
        objective: objective.title.clone(),
        group,
        reference: a.reference.as_ref().map(|x| x.as_str().to_string()),
        text: a.text.clone(),
        timescale: a.timescale_as_of(as_of).raw().trim().to_string(),
        leads: a
            .leads
            .iter()
            .map(|id| {
                lead_names
                    .get(id.as_str())
                    .copied()
                    .unwrap_or(id)
                    .to_string()
            })
            .collect(),
        evidence: a.evidence.clone(),
        state: r.state,
        open: r.is_open(),
        recorded: r.recorded,
        computed: r.computed,
        rating: r.rating,
        overridden: r.overridden,
        reason: r.reason.clone(),
        due: r.due,
        commentary_note: r
            .commentary
            .and_then(|i| a.progress.get(i))
            .map(|u| u.note.trim().to_string()),
        commentary_date: r.commentary_date,
        groups: Vec::new(),
        start: a.start,
        recorded_rating: a.recorded_rating.clone(),
        progress: a.progress.clone(),
        sub_activities: a.sub_activities.clone(),
        history: a.history.clone(),
        source: a.source.clone(),
        extra: a.extra.clone(),
    }
}

/// The titles of a group and the groups it sits in, outermost first. A
/// loop (which a loaded plan cannot have) stops the walk.
fn group_path(groups: &HashMap<&str, &Group>, group: Option<&str>) -> Vec<String> {
    let mut path = Vec::new();
    let mut next = group;
    while let Some(g) = next.and_then(|id| groups.get(id)) {
        if path.len() > groups.len() {
            break;
        }
        path.push(g.title.clone());
        next = g.parent.as_deref();
    }
    path.reverse();
    path
}
