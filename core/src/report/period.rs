//! Plans with periods: which plans are current on a date, and a closed
//! plan's final position, rated as at its last day.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{BoardReport, ReportOptions};
use crate::evaluate::RollupRating;
use crate::plan::{Plan, PlanStatus};
use crate::rules::reason::uk_date;
use crate::rules::RuleSet;

/// Said on a report of a plan whose period ended before the date asked
/// about: the report is its final position, rated as at its last day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ClosedNote {
    /// The plan's last day, which the report is rated as of.
    pub ended: NaiveDate,
    /// The date the report was asked for.
    pub asked_as_of: NaiveDate,
}

impl ClosedNote {
    /// The note as one sentence, the same in every format.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::ClosedNote;
    ///
    /// let note = ClosedNote {
    ///     ended: NaiveDate::from_ymd_opt(2017, 3, 31).unwrap(),
    ///     asked_as_of: NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(),
    /// };
    /// assert_eq!(note.sentence(), "Closed: this plan ended on 31/03/2017. \
    ///     This is its final position, rated as at 31/03/2017 (asked as of 31/12/2019).");
    /// ```
    pub fn sentence(&self) -> String {
        format!(
            "Closed: this plan ended on {}. This is its final position, rated as at {} (asked as of {}).",
            uk_date(self.ended),
            uk_date(self.ended),
            uk_date(self.asked_as_of)
        )
    }
}

/// A closed plan's final position: what was complete and still open at
/// its end, and its ratings as at its last day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ClosedPosition {
    /// The plan's last day; everything here is as at this date.
    pub ended: NaiveDate,
    /// How many actions the plan has.
    pub actions: usize,
    /// How many were complete at the end (done, or rated Blue).
    pub complete: usize,
    /// How many were still open (not started or in progress).
    pub open: usize,
    /// How many were deferred or cancelled.
    pub stopped: usize,
    /// The whole plan's roll-up as at the end: rating, reason and counts.
    pub plan: RollupRating,
    /// How many measures had published data by the end.
    pub measures_with_data: usize,
    /// How many of those met their target.
    pub measures_met: usize,
}

impl ClosedPosition {
    /// The final position of `plan` if its period ended before `as_of`,
    /// rated with `rules` as at its last day; `None` for a plan that is
    /// current, not yet started, or has no dates.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::ClosedPosition;
    ///
    /// let plan = lineofsight::builtin("lancashire-cla-2014-17")?;
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let end = ClosedPosition::new(&plan, d(2019, 12, 31), &plan.rules_or_default()).unwrap();
    /// assert_eq!(end.ended, d(2017, 3, 31));
    /// assert_eq!(end.complete + end.open + end.stopped, end.actions);
    /// assert!(ClosedPosition::new(&plan, d(2016, 6, 30), &plan.rules_or_default()).is_none());
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn new(plan: &Plan, as_of: NaiveDate, rules: &RuleSet) -> Option<ClosedPosition> {
        let PlanStatus::Closed { ended } = plan.status(as_of) else {
            return None;
        };
        let options = ReportOptions {
            look_ahead_days: 0,
            ..ReportOptions::default()
        };
        let report = BoardReport::build(plan, as_of, rules, &options);
        let s = &report.summary;
        Some(ClosedPosition {
            ended,
            actions: s.actions,
            complete: s.complete,
            open: s.open,
            stopped: s.actions.saturating_sub(s.complete + s.open),
            plan: report.plan,
            measures_with_data: s.measures_with_data,
            measures_met: s.measures_met,
        })
    }

    /// The position in a few plain sentences, the same in every format.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::ClosedPosition;
    ///
    /// let plan = lineofsight::builtin("lancashire-cip-2017")?;
    /// let end = ClosedPosition::new(&plan, NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(),
    ///     &plan.rules_or_default()).unwrap();
    /// assert!(end.sentences()[0].starts_with("Ended 31/03/2019 with 21 actions:"));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn sentences(&self) -> Vec<String> {
        let c = &self.plan.counts;
        let mut out = vec![
            format!(
                "Ended {} with {} actions: {} complete, {} still open{}.",
                uk_date(self.ended),
                self.actions,
                self.complete,
                self.open,
                if self.stopped > 0 {
                    format!(", {} deferred or cancelled", self.stopped)
                } else {
                    String::new()
                }
            ),
            format!(
                "Final action ratings as at {}: {} Red, {} Amber, {} Green, {} Blue, {} not rated. Overall: {}",
                uk_date(self.ended),
                c.red + c.amber_red,
                c.amber + c.amber_green,
                c.green,
                c.blue,
                c.left_out(),
                self.plan.reason.message()
            ),
        ];
        if self.measures_with_data > 0 {
            out.push(format!(
                "Measures of success: {} of {} with published data met their target by then.",
                self.measures_met, self.measures_with_data
            ));
        }
        out
    }
}

/// One plan of a set, judged on a date: its status, and for a closed plan
/// its final position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct PlanEntry {
    /// The name the plan was given (a built-in plan's name, or a file).
    pub name: String,
    /// The plan's title.
    pub title: String,
    /// The period as written, if any.
    pub period: Option<String>,
    /// Where the date falls against the plan's dates.
    pub status: PlanStatus,
    /// For a closed plan, its final position.
    pub closed: Option<ClosedPosition>,
}

/// Judges each plan on `as_of`, in the order given: which are current,
/// which have closed (with their final positions, each rated with `rules`
/// or else the plan's own rules) and which have not started.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::report::plans_as_of;
///
/// let plans = lineofsight::BUILTIN_SEPARATE_PLANS
///     .iter()
///     .map(|n| Ok((n.to_string(), lineofsight::builtin(n)?)))
///     .collect::<Result<Vec<_>, lineofsight::LoadError>>()?;
/// let entries = plans_as_of(&plans, NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), None);
/// let current: Vec<&str> = entries.iter()
///     .filter(|e| e.status.name() == "current")
///     .map(|e| e.name.as_str())
///     .collect();
/// assert_eq!(current, ["lancashire-cps-2018-20"]);
/// assert!(entries[0].closed.is_some());
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn plans_as_of(
    plans: &[(String, Plan)],
    as_of: NaiveDate,
    rules: Option<&RuleSet>,
) -> Vec<PlanEntry> {
    plans
        .iter()
        .map(|(name, plan)| PlanEntry {
            name: name.clone(),
            title: plan.title.clone(),
            period: plan.period.clone(),
            status: plan.status(as_of),
            closed: ClosedPosition::new(
                plan,
                as_of,
                &rules.cloned().unwrap_or_else(|| plan.rules_or_default()),
            ),
        })
        .collect()
}

/// The plans' statuses as of `as_of`, one line each, as plain text no
/// wider than 100 columns: what the board report on a set of plans opens
/// with.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::report::{plans_as_of, plans_index_text};
///
/// let plans = vec![("cla".to_string(), lineofsight::builtin("lancashire-cla-2014-17")?)];
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let text = plans_index_text(&plans_as_of(&plans, as_of, None), as_of);
/// assert!(text.contains("closed on 31/03/2017"));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn plans_index_text(entries: &[PlanEntry], as_of: NaiveDate) -> String {
    let mut out = format!("PLANS AS OF {}\n", uk_date(as_of));
    for e in entries {
        let line = crate::export::escape_terminal(&e.index_line());
        for (i, l) in super::wrap::wrap(&line, 98).iter().enumerate() {
            out.push_str(if i == 0 { "- " } else { "  " });
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// The closed plans' final positions as plain text no wider than 100
/// columns; empty when none has closed.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::report::{closed_plans_text, plans_as_of};
///
/// let plans = vec![("cla".to_string(), lineofsight::builtin("lancashire-cla-2014-17")?)];
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// assert!(closed_plans_text(&plans_as_of(&plans, d(2019, 12, 31), None)).contains("FINAL POSITION"));
/// assert!(closed_plans_text(&plans_as_of(&plans, d(2016, 6, 30), None)).is_empty());
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn closed_plans_text(entries: &[PlanEntry]) -> String {
    let mut out = String::new();
    for e in entries {
        let Some(closed) = &e.closed else { continue };
        out.push_str(&"═".repeat(100));
        out.push('\n');
        let title = crate::export::escape_terminal(&e.title);
        for l in super::wrap::wrap(&format!("CLOSED PLAN, FINAL POSITION: {title}"), 100) {
            out.push_str(&l);
            out.push('\n');
        }
        out.push_str(&"═".repeat(100));
        out.push('\n');
        for s in closed.sentences() {
            for l in super::wrap::wrap(&crate::export::escape_terminal(&s), 100) {
                out.push_str(&l);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out
}

impl PlanEntry {
    /// One line on the plan: its title, period as written, and status
    /// (`current`, `closed on 31/03/2017, final position below`,
    /// `not yet started: starts on …`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::plans_as_of;
    ///
    /// let plans = vec![("cla".to_string(), lineofsight::builtin("lancashire-cla-2014-17")?)];
    /// let e = &plans_as_of(&plans, NaiveDate::from_ymd_opt(2016, 6, 30).unwrap(), None)[0];
    /// assert_eq!(e.index_line(), "Children Looked After Strategic Action Plan 2014-17 (2014–17): current");
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn index_line(&self) -> String {
        let period = self
            .period
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        let status = match self.status {
            PlanStatus::Current => "current".to_string(),
            PlanStatus::Closed { ended } => {
                format!("closed on {}, final position below", uk_date(ended))
            }
            PlanStatus::NotYetStarted { starts } => {
                format!("not yet started: starts on {}", uk_date(starts))
            }
        };
        format!("{}{period}: {status}", self.title)
    }
}
