//! Which sections a board report has, in order, decided once so every
//! format shows the same ones: a section with nothing in it is left out.

use super::changes::{Changes, MovedDeadline, Movement, RatingMove, RemovedAction};
use super::BoardReport;
use crate::rules::reason::uk_date;

/// A section of the board report, in the order every format draws them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The one-page summary: overall position, counts, the chart by
    /// objective, what changed and the biggest exceptions. Always there.
    Summary,
    /// What changed since the previous report.
    Changes,
    /// Measures of success.
    Measures,
    /// The open actions objective by objective.
    OpenByObjective,
    /// The open actions lead by lead (`by_lead`).
    OpenByLead,
    /// Red and Amber open actions.
    Exceptions,
    /// Open actions due in the look-ahead window.
    Upcoming,
    /// Recorded ratings that disagree with the rules.
    Discrepancies,
    /// Plan warnings.
    Warnings,
}

impl Section {
    /// The section's anchor in the HTML report (`summary`, `changes` …).
    pub fn id(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Changes => "changes",
            Section::Measures => "measures",
            Section::OpenByObjective | Section::OpenByLead => "open-actions",
            Section::Exceptions => "exceptions",
            Section::Upcoming => "upcoming",
            Section::Discrepancies => "discrepancies",
            Section::Warnings => "warnings",
        }
    }
}

impl BoardReport {
    /// The sections this report has, in order: the summary first, then
    /// every section with something in it. The open actions are laid out
    /// lead by lead when the report was asked for `by_lead`, else
    /// objective by objective.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::plan::{Action, Objective, Plan};
    /// use lineofsight::report::{BoardReport, ReportOptions, Section};
    /// use lineofsight::RuleSet;
    ///
    /// let mut plan = Plan::new("Plan", "Council");
    /// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
    /// o.actions.push(Action::new("a1", "Refresh the pledge.", "Jun-20"));
    /// plan.objectives.push(o);
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let by_lead = ReportOptions::default().with_by_lead(true);
    /// let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &by_lead);
    /// // Nothing is overdue, due soon, disputed or measured: only the summary
    /// // and the open actions, lead by lead.
    /// assert_eq!(report.sections(), [Section::Summary, Section::OpenByLead]);
    /// ```
    pub fn sections(&self) -> Vec<Section> {
        let mut sections = vec![Section::Summary];
        if self.changes.as_ref().is_some_and(Changes::has_news) {
            sections.push(Section::Changes);
        }
        if !self.measures.is_empty() || self.qualitative_measures > 0 {
            sections.push(Section::Measures);
        }
        if self.summary.open > 0 {
            sections.push(if self.options.by_lead {
                Section::OpenByLead
            } else {
                Section::OpenByObjective
            });
        }
        if !self.exceptions.is_empty() {
            sections.push(Section::Exceptions);
        }
        if !self.upcoming.is_empty() {
            sections.push(Section::Upcoming);
        }
        if !self.discrepancies.is_empty() {
            sections.push(Section::Discrepancies);
        }
        if !self.warnings.is_empty() {
            sections.push(Section::Warnings);
        }
        sections
    }
}

impl BoardReport {
    /// The exceptions section's heading: `Exceptions: 2 open actions (Red
    /// and Amber)`.
    pub fn exceptions_heading(&self) -> String {
        format!(
            "Exceptions: {} (Red and Amber)",
            count_of(self.exceptions.len(), "open action", "open actions")
        )
    }

    /// The upcoming section's heading: `Due in the next 90 days: 1 open
    /// action`.
    pub fn upcoming_heading(&self) -> String {
        format!(
            "Due in the next {} days: {}",
            self.options.look_ahead_days,
            count_of(self.upcoming.len(), "open action", "open actions")
        )
    }

    /// The discrepancies section's heading: `Discrepancies: 2 recorded
    /// ratings disagree with the rules`.
    pub fn discrepancies_heading(&self) -> String {
        format!(
            "Discrepancies: {} with the rules",
            count_of(
                self.discrepancies.len(),
                "recorded rating disagrees",
                "recorded ratings disagree"
            )
        )
    }
}

/// `1 open action`, `2 open actions`.
pub(crate) fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

impl Changes {
    /// Whether there is anything to say: a change, or commentary not
    /// updated.
    pub fn has_news(&self) -> bool {
        !self.is_empty() || !self.not_updated.is_empty()
    }

    /// The section's heading: `Changes since 30/09/2019`.
    pub fn heading(&self) -> String {
        format!("Changes since {}", uk_date(self.since))
    }

    /// The summary page's line: `Since 30/09/2019: 1 rating up, 2 down,
    /// 1 completed, 0 new, 1 deadline moved, 3 not updated.`
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
    /// assert_eq!(
    ///     report.changes.unwrap().headline(),
    ///     "Since 30/09/2019: 0 ratings up, 0 down, 0 completed, 0 new, 1 deadline moved, 1 not updated."
    /// );
    /// ```
    pub fn headline(&self) -> String {
        let (up, down) = self.ups_and_downs();
        format!(
            "Since {}: {up} {} up, {down} down, {} completed, {} new, {} {} moved, {} not updated.",
            uk_date(self.since),
            if up == 1 { "rating" } else { "ratings" },
            self.completed.len(),
            self.new_actions.len(),
            self.moved_deadlines.len(),
            if self.moved_deadlines.len() == 1 {
                "deadline"
            } else {
                "deadlines"
            },
            self.not_updated.len()
        )
    }
}

/// One of the lists a changes section gives after the rating moves.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ChangeList<'a> {
    /// Actions of this report (positions in its `actions`).
    Rows(&'a [usize]),
    /// Actions the previous version had and this one does not.
    Removed(&'a [RemovedAction]),
}

impl ChangeList<'_> {
    /// How many actions the list has.
    pub fn len(&self) -> usize {
        match self {
            ChangeList::Rows(rows) => rows.len(),
            ChangeList::Removed(removed) => removed.len(),
        }
    }

    /// Whether the list has no actions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<'a> ChangeList<'a> {
    /// Each action as the list names it: its ref (for a row of this report,
    /// [`ReportRow::full_ref`](super::ReportRow::full_ref); for a removed
    /// action, its ref then), if any, and its text.
    pub fn items(self, report: &'a BoardReport) -> Vec<(Option<String>, &'a str)> {
        match self {
            ChangeList::Rows(rows) => report
                .rows(rows)
                .map(|r| (r.full_ref(), r.text.as_str()))
                .collect(),
            ChangeList::Removed(removed) => removed
                .iter()
                .map(|r| (r.reference.clone(), r.text.as_str()))
                .collect(),
        }
    }
}

impl Changes {
    /// The rating moves under the heading every format gives them, in
    /// order: `Ratings down`, `Ratings up`, `Ratings otherwise changed`; a
    /// heading with no moves is left out.
    pub fn rating_groups(&self) -> Vec<(&'static str, Vec<&RatingMove>)> {
        [
            ("Ratings down", Movement::Worse),
            ("Ratings up", Movement::Better),
            ("Ratings otherwise changed", Movement::Changed),
        ]
        .into_iter()
        .map(|(label, movement)| {
            let moves: Vec<_> = self
                .ratings
                .iter()
                .filter(|m| m.movement == movement)
                .collect();
            (label, moves)
        })
        .filter(|(_, moves)| !moves.is_empty())
        .collect()
    }

    /// The lists after the rating moves under the heading every format
    /// gives them, in order: `Completed`, `New actions`, `Removed`,
    /// `Commentary not updated`; an empty list is left out.
    pub fn lists(&self) -> Vec<(&'static str, ChangeList<'_>)> {
        [
            ("Completed", ChangeList::Rows(&self.completed)),
            ("New actions", ChangeList::Rows(&self.new_actions)),
            ("Removed", ChangeList::Removed(&self.removed)),
            (
                "Commentary not updated",
                ChangeList::Rows(&self.not_updated),
            ),
        ]
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .collect()
    }
}

impl MovedDeadline {
    /// How far it moved, in words: `182 days later`, `31 days earlier`,
    /// `1 day later`, or `wording changed` when one of the two has no date.
    pub fn shift(&self) -> String {
        match self.days_later {
            Some(1) => "1 day later".to_string(),
            Some(-1) => "1 day earlier".to_string(),
            Some(d) if d > 0 => format!("{d} days later"),
            Some(d) if d < 0 => format!("{} days earlier", -d),
            Some(_) => "same date, wording changed".to_string(),
            None => match (self.from_due, self.to_due) {
                (Some(_), None) => "date dropped".to_string(),
                (None, Some(_)) => "date set".to_string(),
                _ => "wording changed".to_string(),
            },
        }
    }
}
