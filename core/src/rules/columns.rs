//! The columnar path: the same rules as [`rate_action`](super::rate_action)
//! and [`Plan::evaluate`](crate::Plan::evaluate), over columns of many
//! actions at once, with no allocation per action.
//!
//! The input is one column per field, each a slice with one entry per
//! action (row):
//!
//! | column | type | when absent |
//! |---|---|---|
//! | timescale | [`TimescaleColumn`]: parsed due dates, or timescales parsed once per distinct text | required |
//! | state | [`Lifecycle`] | every action in progress |
//! | start | `Option<NaiveDate>`: when work started (the expected-progress rule) | none known |
//! | last update | `Option<NaiveDate>`: the date of the latest dated progress update on or before the as-of date (a later date counts as no update) | no update |
//! | percent complete | `Option<f64>`: the percentage reported with that latest update | none reported |
//! | recorded | `Option<Rating>`: the rating recorded as of the date (the latest dated update's, otherwise the undated one) | none recorded |
//!
//! **Sub-activities** are a second set of columns, [`SubActivityColumns`],
//! one row per sub-activity: the row of the action it belongs to, its
//! timescale, its state (`None`: it follows its action) and, for the
//! sentence only, its text. They may come in any order; the sub-activities
//! of one action are weighed in the order they are given, as
//! [`Action::sub_activities`](crate::plan::Action) are. A sub-activity is
//! judged with its action's start and latest update, as in the object API.
//!
//! The output, [`RatingColumns`], holds the rating (after any override the
//! rule set allows), the computed rating, the reason code, the due date
//! (as [`ActionRating::due`](crate::evaluate::ActionRating)), the recorded
//! rating on the rule set's scale, whether it overrode the computed one,
//! whether it is a discrepancy, and which sub-activity the reason came
//! from. The reason's sentence is not written: [`ActionColumns::reason`]
//! writes it for one row when asked, from the same inputs.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use lineofsight::plan::Lifecycle;
//! use lineofsight::rating::Rating;
//! use lineofsight::rules::columns::{ActionColumns, TimescaleColumn, TimescaleDictionary};
//! use lineofsight::rules::{ReasonCode, RuleSet};
//!
//! let timescales = TimescaleDictionary::from_texts(["31/08/2019", "Ongoing", "31/08/2019"]);
//! let state = [Lifecycle::InProgress, Lifecycle::InProgress, Lifecycle::Complete];
//! let recorded = [Some(Rating::Green), None, None];
//! let columns = ActionColumns::new(timescales.column())
//!     .with_state(&state)?
//!     .with_recorded(&recorded)?;
//! let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
//! let rules = RuleSet::default();
//! let rated = columns.rate(as_of, &rules);
//! assert_eq!(rated.rating, [Rating::Red, Rating::Amber, Rating::Blue]);
//! assert_eq!(rated.reason[1], ReasonCode::NoProgressUpdate);
//! assert_eq!(rated.discrepancy, [true, false, false]);
//! assert_eq!(
//!     columns.reason(0, as_of, &rules).map(|r| r.message().into_owned()).as_deref(),
//!     Some("Red: due 31/08/2019, 122 days ago, not complete")
//! );
//! # Ok::<(), lineofsight::rules::columns::ColumnError>(())
//! ```

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::action::{Judged, Latest, Review, Verdict, When, Worst};
use super::reason::{Reason, ReasonCode};
use super::{ManualOverride, RuleSet};
use crate::plan::Lifecycle;
use crate::rating::Rating;
use crate::timescale::Timescale;

/// Why columns could not be rated together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ColumnError {
    /// A column's length differs from the timescale column's.
    #[error("column {column} has {found} rows, but there are {expected} actions")]
    Length {
        /// The column's name, e.g. `state`.
        column: &'static str,
        /// The number of actions (or sub-activities).
        expected: usize,
        /// The column's length.
        found: usize,
    },
    /// A dictionary key points past the dictionary's values.
    #[error("column {column} row {row}: key {key} is not among the {values} timescales")]
    Key {
        /// The column's name.
        column: &'static str,
        /// The row, from 0.
        row: usize,
        /// The key.
        key: u32,
        /// How many values the dictionary has.
        values: usize,
    },
    /// A sub-activity names an action row that does not exist.
    #[error(
        "sub-activity row {row} belongs to action row {action}, but there are {actions} actions"
    )]
    NoSuchAction {
        /// The sub-activity's row, from 0.
        row: usize,
        /// The action row it names.
        action: u32,
        /// The number of actions.
        actions: usize,
    },
}

/// A column of timescales: parsed due dates, or dictionary-encoded
/// timescales (each distinct text parsed once).
#[derive(Debug, Clone, Copy)]
pub enum TimescaleColumn<'a> {
    /// One due date per row, read as a timescale naming that one day;
    /// `None` is no timescale.
    Due(&'a [Option<NaiveDate>]),
    /// The distinct timescales and, per row, its position among them.
    Dictionary {
        /// The distinct timescales.
        values: &'a [Timescale],
        /// Per row, an index into `values`.
        keys: &'a [u32],
    },
}

impl TimescaleColumn<'_> {
    fn len(&self) -> usize {
        match self {
            TimescaleColumn::Due(d) => d.len(),
            TimescaleColumn::Dictionary { keys, .. } => keys.len(),
        }
    }

    fn check(&self, column: &'static str) -> Result<(), ColumnError> {
        if let TimescaleColumn::Dictionary { values, keys } = self {
            if let Some((row, &key)) = keys
                .iter()
                .enumerate()
                .find(|(_, &k)| k as usize >= values.len())
            {
                return Err(ColumnError::Key {
                    column,
                    row,
                    key,
                    values: values.len(),
                });
            }
        }
        Ok(())
    }
}

/// A timescale worked out for one as-of date and rule set: the part of
/// the rules that does not depend on the row's state, start or updates,
/// and the next due date.
#[derive(Debug, Clone, Copy)]
struct Prepared<'a> {
    judged: Judged<'a>,
    next_due: Option<NaiveDate>,
}

impl<'a> Prepared<'a> {
    fn new(when: When<'a>, as_of: NaiveDate, rules: &RuleSet) -> Prepared<'a> {
        Prepared {
            judged: Judged::new(when, as_of, rules),
            next_due: when.next_due(as_of),
        }
    }
}

/// A [`TimescaleColumn`] prepared for one rating run: a dictionary's
/// distinct timescales are worked out once each (a handful, whatever the
/// number of rows); a column of due dates is worked out row by row, which
/// is one subtraction.
#[derive(Debug, Clone)]
struct PreparedColumn<'a> {
    column: TimescaleColumn<'a>,
    /// Per dictionary value (empty for due dates).
    values: Vec<Prepared<'a>>,
    as_of: NaiveDate,
}

impl<'a> PreparedColumn<'a> {
    fn new(column: TimescaleColumn<'a>, as_of: NaiveDate, rules: &RuleSet) -> PreparedColumn<'a> {
        let values = match column {
            TimescaleColumn::Due(_) => Vec::new(),
            TimescaleColumn::Dictionary { values, .. } => values
                .iter()
                .map(|t| Prepared::new(When::Timescale(t), as_of, rules))
                .collect(),
        };
        PreparedColumn {
            column,
            values,
            as_of,
        }
    }

    /// Row `i`; a row or key out of range is read as no timescale. A
    /// dictionary's rows are borrowed from the prepared values rather than
    /// copied (copying them for every row was a measurable cost).
    fn get(&self, i: usize, rules: &RuleSet) -> Cow<'_, Prepared<'a>> {
        const NONE: Prepared<'static> = Prepared {
            judged: Judged::Fixed(Verdict::NoTimescaleGiven),
            next_due: None,
        };
        match self.column {
            TimescaleColumn::Due(d) => match d.get(i).copied().flatten() {
                Some(due) => Cow::Owned(Prepared::new(When::Due(Some(due)), self.as_of, rules)),
                None => Cow::Borrowed(&NONE),
            },
            TimescaleColumn::Dictionary { keys, .. } => Cow::Borrowed(
                keys.get(i)
                    .and_then(|&k| self.values.get(k as usize))
                    .unwrap_or(&NONE),
            ),
        }
    }
}

/// Timescale texts parsed once per distinct text, with each row's position
/// among them: builds a [`TimescaleColumn::Dictionary`].
///
/// # Example
///
/// ```
/// use lineofsight::rules::columns::TimescaleDictionary;
///
/// let d = TimescaleDictionary::from_texts(["Dec-19", "Ongoing", "Dec-19"]);
/// assert_eq!(d.values().len(), 2);
/// assert_eq!(d.keys(), [0, 1, 0]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct TimescaleDictionary {
    values: Vec<Timescale>,
    keys: Vec<u32>,
}

impl TimescaleDictionary {
    /// Parses each distinct text once, in the order first seen.
    pub fn from_texts<'s>(texts: impl IntoIterator<Item = &'s str>) -> TimescaleDictionary {
        let mut seen: HashMap<&'s str, u32> = HashMap::new();
        let mut d = TimescaleDictionary::default();
        for text in texts {
            let key = if let Some(&k) = seen.get(text) {
                k
            } else {
                let k = u32::try_from(d.values.len()).unwrap_or(u32::MAX);
                d.values.push(Timescale::parse(text));
                seen.insert(text, k);
                k
            };
            d.keys.push(key);
        }
        d
    }

    /// The distinct timescales, parsed.
    pub fn values(&self) -> &[Timescale] {
        &self.values
    }

    /// Per row, its position in [`TimescaleDictionary::values`].
    pub fn keys(&self) -> &[u32] {
        &self.keys
    }

    /// The column to rate.
    pub fn column(&self) -> TimescaleColumn<'_> {
        TimescaleColumn::Dictionary {
            values: &self.values,
            keys: &self.keys,
        }
    }
}

/// The sub-activities of a batch of actions, one row each (see the
/// [module documentation](self)).
#[derive(Debug, Clone, Copy)]
pub struct SubActivityColumns<'a> {
    action: &'a [u32],
    timescale: TimescaleColumn<'a>,
    state: Option<&'a [Option<Lifecycle>]>,
    text: Option<&'a [&'a str]>,
}

impl<'a> SubActivityColumns<'a> {
    /// Sub-activities: the action row each belongs to, and its timescale.
    ///
    /// # Errors
    ///
    /// [`ColumnError::Length`] when the two differ in length;
    /// [`ColumnError::Key`] for a dictionary key out of range.
    pub fn new(
        action: &'a [u32],
        timescale: TimescaleColumn<'a>,
    ) -> Result<SubActivityColumns<'a>, ColumnError> {
        same_length("sub_activity.timescale", action.len(), timescale.len())?;
        timescale.check("sub_activity.timescale")?;
        Ok(SubActivityColumns {
            action,
            timescale,
            state: None,
            text: None,
        })
    }

    /// Each sub-activity's state (`None`: it follows its action's).
    ///
    /// # Errors
    ///
    /// [`ColumnError::Length`] when the length differs.
    pub fn with_state(mut self, state: &'a [Option<Lifecycle>]) -> Result<Self, ColumnError> {
        same_length("sub_activity.state", self.action.len(), state.len())?;
        self.state = Some(state);
        Ok(self)
    }

    /// Each sub-activity's text, which only the reason's sentence uses.
    ///
    /// # Errors
    ///
    /// [`ColumnError::Length`] when the length differs.
    pub fn with_text(mut self, text: &'a [&'a str]) -> Result<Self, ColumnError> {
        same_length("sub_activity.text", self.action.len(), text.len())?;
        self.text = Some(text);
        Ok(self)
    }
}

/// The sub-activities grouped by action: positions `order[first[i]..first[i + 1]]`
/// belong to action `i`, in the order given.
#[derive(Debug, Clone)]
struct Grouped<'a> {
    columns: SubActivityColumns<'a>,
    first: Vec<u32>,
    order: Vec<u32>,
}

/// Columns of actions to rate together (see the [module documentation](self)).
#[derive(Debug, Clone)]
pub struct ActionColumns<'a> {
    timescale: TimescaleColumn<'a>,
    state: Option<&'a [Lifecycle]>,
    start: Option<&'a [Option<NaiveDate>]>,
    last_update: Option<&'a [Option<NaiveDate>]>,
    percent_complete: Option<&'a [Option<f64>]>,
    recorded: Option<&'a [Option<Rating>]>,
    sub_activities: Option<Grouped<'a>>,
}

fn same_length(column: &'static str, expected: usize, found: usize) -> Result<(), ColumnError> {
    if expected == found {
        Ok(())
    } else {
        Err(ColumnError::Length {
            column,
            expected,
            found,
        })
    }
}

fn at<T: Copy + Default>(column: Option<&[T]>, i: usize) -> T {
    column.and_then(|c| c.get(i)).copied().unwrap_or_default()
}

impl<'a> ActionColumns<'a> {
    /// Actions with these timescales (one row each); every other column
    /// takes its default until given.
    ///
    /// A dictionary key out of range is reported by [`ActionColumns::rate`]
    /// as no timescale; call [`ActionColumns::checked`] to have it refused.
    pub fn new(timescale: TimescaleColumn<'a>) -> ActionColumns<'a> {
        ActionColumns {
            timescale,
            state: None,
            start: None,
            last_update: None,
            percent_complete: None,
            recorded: None,
            sub_activities: None,
        }
    }

    /// As [`ActionColumns::new`], refusing dictionary keys out of range.
    ///
    /// # Errors
    ///
    /// [`ColumnError::Key`] naming the first bad row.
    pub fn checked(timescale: TimescaleColumn<'a>) -> Result<ActionColumns<'a>, ColumnError> {
        timescale.check("timescale")?;
        Ok(ActionColumns::new(timescale))
    }

    /// The number of actions.
    pub fn len(&self) -> usize {
        self.timescale.len()
    }

    /// Whether there are no actions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn same(&self, column: &'static str, found: usize) -> Result<(), ColumnError> {
        same_length(column, self.len(), found)
    }

    /// Each action's state.
    ///
    /// # Errors
    ///
    /// [`ColumnError::Length`] when the length differs from the timescales'.
    pub fn with_state(mut self, state: &'a [Lifecycle]) -> Result<Self, ColumnError> {
        self.same("state", state.len())?;
        self.state = Some(state);
        Ok(self)
    }

    /// When each action's work started, if known.
    ///
    /// # Errors
    ///
    /// [`ColumnError::Length`] when the length differs from the timescales'.
    pub fn with_start(mut self, start: &'a [Option<NaiveDate>]) -> Result<Self, ColumnError> {
        self.same("start", start.len())?;
        self.start = Some(start);
        Ok(self)
    }

    /// The date of each action's latest dated progress update on or
    /// before the as-of date.
    ///
    /// # Errors
    ///
    /// [`ColumnError::Length`] when the length differs from the timescales'.
    pub fn with_last_update(mut self, date: &'a [Option<NaiveDate>]) -> Result<Self, ColumnError> {
        self.same("last_update", date.len())?;
        self.last_update = Some(date);
        Ok(self)
    }

    /// The percentage complete reported with each action's latest update.
    ///
    /// # Errors
    ///
    /// [`ColumnError::Length`] when the length differs from the timescales'.
    pub fn with_percent_complete(
        mut self,
        percent: &'a [Option<f64>],
    ) -> Result<Self, ColumnError> {
        self.same("percent_complete", percent.len())?;
        self.percent_complete = Some(percent);
        Ok(self)
    }

    /// The rating recorded for each action as of the date.
    ///
    /// # Errors
    ///
    /// [`ColumnError::Length`] when the length differs from the timescales'.
    pub fn with_recorded(mut self, recorded: &'a [Option<Rating>]) -> Result<Self, ColumnError> {
        self.same("recorded", recorded.len())?;
        self.recorded = Some(recorded);
        Ok(self)
    }

    /// The actions' sub-activities. Grouping them by action costs one pass
    /// and two buffers for the batch.
    ///
    /// # Errors
    ///
    /// [`ColumnError::NoSuchAction`] for a sub-activity whose action row is
    /// out of range.
    pub fn with_sub_activities(
        mut self,
        sub_activities: SubActivityColumns<'a>,
    ) -> Result<Self, ColumnError> {
        let n = self.len();
        if u32::try_from(sub_activities.action.len()).is_err() {
            return Err(ColumnError::Length {
                column: "sub_activity.action",
                expected: u32::MAX as usize,
                found: sub_activities.action.len(),
            });
        }
        let mut first = vec![0u32; n + 1];
        for (row, &a) in sub_activities.action.iter().enumerate() {
            match first.get_mut(a as usize + 1) {
                Some(count) if (a as usize) < n => *count += 1,
                _ => {
                    return Err(ColumnError::NoSuchAction {
                        row,
                        action: a,
                        actions: n,
                    })
                }
            }
        }
        for i in 0..n {
            first[i + 1] += first[i];
        }
        let mut next = first.clone();
        let mut order = vec![0u32; sub_activities.action.len()];
        for (row, &a) in sub_activities.action.iter().enumerate() {
            let slot = &mut next[a as usize];
            // Fewer rows than u32::MAX (checked above), so this holds.
            order[*slot as usize] = u32::try_from(row).unwrap_or(u32::MAX);
            *slot += 1;
        }
        self.sub_activities = Some(Grouped {
            columns: sub_activities,
            first,
            order,
        });
        Ok(self)
    }

    /// The timescale columns (the actions' and the sub-activities')
    /// prepared for one as-of date and rule set.
    fn prepare<'c>(&'c self, as_of: NaiveDate, rules: &'c RuleSet) -> Run<'a, 'c> {
        Run {
            columns: self,
            own: PreparedColumn::new(self.timescale, as_of, rules),
            sub: self
                .sub_activities
                .as_ref()
                .map(|g| PreparedColumn::new(g.columns.timescale, as_of, rules)),
            as_of,
            rules,
        }
    }

    /// Rates every row as of a date.
    pub fn rate(&self, as_of: NaiveDate, rules: &RuleSet) -> RatingColumns {
        let mut out = RatingColumns::default();
        self.rate_into(as_of, rules, &mut out);
        out
    }

    /// Rates every row as of a date into `out` (cleared first), reusing its
    /// buffers.
    ///
    /// The work is done in passes over whole columns, each a simple loop:
    /// the computed rating and reason code (from a rating and reason worked
    /// out once per distinct timescale, or from two date comparisons per due
    /// date; rows with sub-activities take the full rules), then the due
    /// dates, then the recorded rating and what follows from it.
    pub fn rate_into(&self, as_of: NaiveDate, rules: &RuleSet, out: &mut RatingColumns) {
        let run = self.prepare(as_of, rules);
        let n = self.len();
        out.clear();
        out.computed.resize(n, Rating::NoData);
        out.reason.resize(n, ReasonCode::NoTimescale);
        out.sub_activity.resize(n, None);
        run.rate_rows(&mut out.computed, &mut out.reason, &mut out.sub_activity);
        run.due_into(&mut out.due);
        self.recorded_into(rules, out);
    }

    /// The recorded rating on the rule set's scale, and from it and the
    /// computed rating, the rating shown, whether it overrode the computed
    /// one and whether it disagrees with it.
    fn recorded_into(&self, rules: &RuleSet, out: &mut RatingColumns) {
        let n = out.computed.len();
        let Some(recorded) = self.recorded.and_then(|r| r.get(..n)) else {
            out.recorded.resize(n, None);
            out.overridden.resize(n, false);
            out.discrepancy.resize(n, false);
            out.rating.extend_from_slice(&out.computed);
            return;
        };
        let scale = rules.scale;
        out.recorded.extend(
            recorded
                .iter()
                .map(|r| r.map(|r| scale.normalise(r)).filter(|r| r.is_rated())),
        );
        let pairs = || out.computed.iter().zip(out.recorded.iter());
        let manual_override = rules.manual_override;
        out.overridden.extend(
            pairs().map(|(&computed, &recorded)| overrides(manual_override, computed, recorded)),
        );
        out.rating.extend(pairs().zip(out.overridden.iter()).map(
            |((&computed, &recorded), &overridden)| match recorded {
                Some(r) if overridden => r,
                _ => computed,
            },
        ));
        out.discrepancy
            .extend(pairs().map(|(&computed, &recorded)| {
                recorded.is_some_and(|r| computed.is_rated() && r != computed)
            }));
    }

    /// The reason for row `i`, with its sentence written out exactly as
    /// [`rate_action`](super::rate_action) writes it; `None` when there is
    /// no such row. The sentence names a sub-activity by its text when
    /// [`SubActivityColumns::with_text`] gave it (otherwise as `""`).
    pub fn reason(&self, i: usize, as_of: NaiveDate, rules: &RuleSet) -> Option<Reason> {
        if i >= self.len() {
            return None;
        }
        let (verdict, sub) = self.prepare(as_of, rules).verdict(i);
        let text = sub.map(|row| {
            self.sub_activities
                .as_ref()
                .and_then(|g| g.columns.text)
                .and_then(|t| t.get(row).copied())
                .unwrap_or("")
        });
        Some(verdict.rated(text, rules).reason)
    }
}

/// Whether a recorded rating (on the rule set's scale, rated) replaces the
/// computed one.
#[inline]
fn overrides(manual_override: ManualOverride, computed: Rating, recorded: Option<Rating>) -> bool {
    match (recorded, manual_override) {
        (Some(r), ManualOverride::Always) => r != computed,
        (Some(r), ManualOverride::WorseOnly) => computed.is_rated() && r < computed,
        _ => false,
    }
}

/// What the columns keep of a verdict: the rating on the rule set's scale
/// and the reason code.
type Outcome = (Rating, ReasonCode);

fn outcome(verdict: &Verdict<'_>, rules: &RuleSet) -> Outcome {
    (rules.scale.normalise(verdict.rating()), verdict.code())
}

/// What an open row with a given timescale gets, worked out once per
/// distinct timescale: unless `general`, the outcome depends on the row
/// only through its latest update (none, older than the review period, or
/// recent), so the row needs no rules run and no date arithmetic.
#[derive(Debug, Clone, Copy)]
struct Step {
    /// With no update, an overdue update, and a recent one.
    by_update: [Outcome; 3],
    /// An update dated before this is overdue (`NaiveDate::MIN`: never).
    stale_before: NaiveDate,
    /// The outcome also depends on the start and percentage (expected
    /// progress): run the rules for the row.
    general: bool,
}

impl Step {
    /// The step for a timescale's judgement, found by asking the rules
    /// themselves (with no start, and an update of each kind), so it
    /// cannot drift from them.
    fn new(judged: &Judged<'_>, as_of: NaiveDate, rules: &RuleSet) -> Step {
        let (general, period) = match judged {
            Judged::Fixed(_) => (false, None),
            Judged::Ongoing(review) => (false, Some(review.period())),
            Judged::Ahead { review, .. } => (
                rules.expected_progress.is_some(),
                review.map(Review::period),
            ),
        };
        let stale_before = period
            .and_then(|p| as_of.checked_sub_days(Days::new(u64::from(p))))
            .unwrap_or(NaiveDate::MIN);
        let probe = |date: Option<NaiveDate>| {
            let latest = date.map(|date| Latest {
                date,
                percent: None,
            });
            outcome(&judged.decide(None, latest, as_of, rules), rules)
        };
        let recent = probe(Some(as_of));
        let overdue = stale_before.pred_opt().map_or(recent, |d| probe(Some(d)));
        Step {
            by_update: [probe(None), overdue, recent],
            stale_before,
            general,
        }
    }

    /// The outcome for an open row whose latest update (on or before the
    /// as-of date) is dated `latest`.
    #[inline]
    fn by_update(&self, latest: Option<NaiveDate>) -> Outcome {
        match latest {
            None => self.by_update[0],
            Some(d) if d < self.stale_before => self.by_update[1],
            Some(_) => self.by_update[2],
        }
    }
}

/// The outcomes of the three closed states (`None` for an open one).
#[derive(Debug, Clone, Copy)]
struct Closed {
    complete: Outcome,
    deferred: Outcome,
    cancelled: Outcome,
}

impl Closed {
    fn new(as_of: NaiveDate, rules: &RuleSet) -> Closed {
        let of = |state| {
            let verdict = super::action::decide(When::Due(None), state, None, None, as_of, rules);
            outcome(&verdict, rules)
        };
        Closed {
            complete: of(Lifecycle::Complete),
            deferred: of(Lifecycle::Deferred),
            cancelled: of(Lifecycle::Cancelled),
        }
    }

    #[inline]
    fn get(self, state: Lifecycle) -> Option<Outcome> {
        match state {
            Lifecycle::Complete => Some(self.complete),
            Lifecycle::Deferred => Some(self.deferred),
            Lifecycle::Cancelled => Some(self.cancelled),
            Lifecycle::NotStarted | Lifecycle::InProgress => None,
        }
    }
}

/// What a bare due date gives an open row (see [`Judged::new`] for
/// `When::Due`): overdue before the as-of date, due soon up to `soon_until`,
/// otherwise on track, unless expected progress applies (`general`).
#[derive(Debug, Clone, Copy)]
struct DueSteps {
    none: Outcome,
    overdue: Outcome,
    due_soon: Outcome,
    on_track: Outcome,
    soon_until: NaiveDate,
    general: bool,
}

impl DueSteps {
    fn new(as_of: NaiveDate, rules: &RuleSet) -> DueSteps {
        let of = |due: Option<NaiveDate>| {
            outcome(
                &Judged::new(When::Due(due), as_of, rules).decide(None, None, as_of, rules),
                rules,
            )
        };
        let soon_until = as_of
            .checked_add_days(Days::new(u64::from(rules.due_soon_days)))
            .unwrap_or(NaiveDate::MAX);
        DueSteps {
            none: of(None),
            overdue: as_of
                .pred_opt()
                .map_or_else(|| of(Some(as_of)), |d| of(Some(d))),
            due_soon: of(Some(as_of)),
            on_track: soon_until
                .succ_opt()
                .map_or_else(|| of(Some(soon_until)), |d| of(Some(d))),
            soon_until,
            general: rules.expected_progress.is_some(),
        }
    }
}

/// One rating run: the columns with their timescales prepared for the
/// as-of date and rule set.
struct Run<'a, 'c> {
    columns: &'c ActionColumns<'a>,
    own: PreparedColumn<'a>,
    /// The sub-activities' timescales, when there are sub-activities.
    sub: Option<PreparedColumn<'a>>,
    as_of: NaiveDate,
    rules: &'c RuleSet,
}

impl<'a> Run<'a, '_> {
    /// The latest update of row `i` on or before the as-of date.
    #[inline]
    fn latest(&self, i: usize) -> Option<Latest> {
        at(self.columns.last_update, i)
            .filter(|d| *d <= self.as_of)
            .map(|date| Latest {
                date,
                percent: at(self.columns.percent_complete, i),
            })
    }

    /// The sub-activity rows of action `i`, when it has any.
    #[inline]
    fn sub_rows(&self, i: usize) -> Option<(&Grouped<'a>, &PreparedColumn<'a>, &[u32])> {
        let (Some(g), Some(sub)) = (&self.columns.sub_activities, &self.sub) else {
            return None;
        };
        let from = g.first.get(i).copied().unwrap_or(0) as usize;
        let to = g.first.get(i + 1).copied().unwrap_or(0) as usize;
        g.order
            .get(from..to)
            .filter(|rows| !rows.is_empty())
            .map(|rows| (g, sub, rows))
    }

    /// The computed rating, reason code and sub-activity of every row, into
    /// slices of the columns' length.
    fn rate_rows(
        &self,
        computed: &mut [Rating],
        reason: &mut [ReasonCode],
        sub_activity: &mut [Option<u32>],
    ) {
        let (as_of, rules) = (self.as_of, self.rules);
        let columns = self.columns;
        let closed = Closed::new(as_of, rules);
        let has_subs = columns.sub_activities.is_some();
        // Rows with sub-activities take the full rules.
        let mut full = |i: usize| -> Outcome {
            let (verdict, sub) = self.verdict(i);
            if let Some(slot) = sub_activity.get_mut(i) {
                *slot = sub.and_then(|s| u32::try_from(s).ok());
            }
            outcome(&verdict, rules)
        };
        let rows = computed.iter_mut().zip(reason.iter_mut()).enumerate();
        match self.own.column {
            TimescaleColumn::Dictionary { keys, .. } => {
                let steps: Vec<Step> = self
                    .own
                    .values
                    .iter()
                    .map(|p| Step::new(&p.judged, as_of, rules))
                    .collect();
                let none = Step::new(&Judged::Fixed(Verdict::NoTimescaleGiven), as_of, rules);
                for (i, (computed, reason)) in rows {
                    let o = if has_subs && self.sub_rows(i).is_some() {
                        full(i)
                    } else if let Some(o) = closed.get(at(columns.state, i)) {
                        o
                    } else {
                        let k = keys.get(i).copied().unwrap_or(u32::MAX) as usize;
                        let step = steps.get(k).unwrap_or(&none);
                        if step.general {
                            self.own.values.get(k).map_or(none.by_update[0], |p| {
                                let start = at(columns.start, i);
                                outcome(
                                    &p.judged.decide(start, self.latest(i), as_of, rules),
                                    rules,
                                )
                            })
                        } else {
                            step.by_update(at(columns.last_update, i).filter(|d| *d <= as_of))
                        }
                    };
                    (*computed, *reason) = o;
                }
            }
            TimescaleColumn::Due(due) => {
                let steps = DueSteps::new(as_of, rules);
                for (i, (computed, reason)) in rows {
                    let o = if has_subs && self.sub_rows(i).is_some() {
                        full(i)
                    } else if let Some(o) = closed.get(at(columns.state, i)) {
                        o
                    } else {
                        match due.get(i).copied().flatten() {
                            None => steps.none,
                            Some(d) if d < as_of => steps.overdue,
                            Some(d) if d <= steps.soon_until => steps.due_soon,
                            Some(d) if steps.general => {
                                let start = at(columns.start, i);
                                let judged = Judged::new(When::Due(Some(d)), as_of, rules);
                                outcome(&judged.decide(start, self.latest(i), as_of, rules), rules)
                            }
                            Some(_) => steps.on_track,
                        }
                    };
                    (*computed, *reason) = o;
                }
            }
        }
    }

    /// Every row's due date, appended to `due`: the timescale's next due
    /// date, otherwise the earliest of its sub-activities' not yet passed.
    fn due_into(&self, due: &mut Vec<Option<NaiveDate>>) {
        let n = self.columns.len();
        match self.own.column {
            TimescaleColumn::Due(d) => {
                due.extend(d.iter().copied().chain(std::iter::repeat(None)).take(n));
            }
            TimescaleColumn::Dictionary { keys, .. } => {
                let next: Vec<Option<NaiveDate>> =
                    self.own.values.iter().map(|p| p.next_due).collect();
                due.extend(
                    keys.iter()
                        .map(|&k| next.get(k as usize).copied().flatten())
                        .chain(std::iter::repeat(None))
                        .take(n),
                );
            }
        }
        if self.sub.is_none() {
            return;
        }
        for (i, due) in due.iter_mut().enumerate() {
            if due.is_none() {
                *due = self.sub_due(i);
            }
        }
    }

    /// The earliest due date of row `i`'s sub-activities not yet passed.
    fn sub_due(&self, i: usize) -> Option<NaiveDate> {
        let (_, sub, rows) = self.sub_rows(i)?;
        rows.iter()
            .filter_map(|&row| sub.get(row as usize, self.rules).next_due)
            .filter(|d| *d >= self.as_of)
            .min()
    }

    /// The verdict for row `i` and the sub-activity row it came from.
    fn verdict(&self, i: usize) -> (Verdict<'a>, Option<usize>) {
        let (columns, as_of, rules) = (self.columns, self.as_of, self.rules);
        let state: Lifecycle = at(columns.state, i);
        let closed = match state {
            Lifecycle::Deferred => Some(Verdict::Deferred),
            Lifecycle::Cancelled => Some(Verdict::Cancelled),
            Lifecycle::Complete => Some(Verdict::Complete),
            Lifecycle::NotStarted | Lifecycle::InProgress => None,
        };
        if let Some(verdict) = closed {
            return (verdict, None);
        }
        let own = self.own.get(i, rules);
        let start = at(columns.start, i);
        let latest = self.latest(i);
        let own_verdict = own.judged.decide(start, latest, as_of, rules);
        let Some((g, sub, rows)) = self.sub_rows(i) else {
            return (own_verdict, None);
        };
        let mut worst = Worst::new(own_verdict);
        for &row in rows {
            let row = row as usize;
            let sub_state = at(g.columns.state, row).unwrap_or(state);
            let verdict = match sub_state {
                Lifecycle::Deferred | Lifecycle::Cancelled | Lifecycle::Complete => continue,
                Lifecycle::NotStarted | Lifecycle::InProgress => sub
                    .get(row, rules)
                    .judged
                    .decide(start, latest, as_of, rules),
            };
            worst.consider(verdict, row);
        }
        worst.finish()
    }
}

/// The ratings of a batch of actions, one entry per row in each column.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct RatingColumns {
    /// The rating shown: the recorded one where the rule set lets it
    /// override, otherwise the computed one.
    pub rating: Vec<Rating>,
    /// The rating the rules give, on the rule set's scale.
    pub computed: Vec<Rating>,
    /// Why the rules give it.
    pub reason: Vec<ReasonCode>,
    /// The next due date: the timescale's, otherwise the earliest of the
    /// sub-activities' not yet passed.
    pub due: Vec<Option<NaiveDate>>,
    /// The recorded rating on the rule set's scale, if rated.
    pub recorded: Vec<Option<Rating>>,
    /// Whether the recorded rating replaced the computed one.
    pub overridden: Vec<bool>,
    /// Whether the recorded rating disagrees with a rated computed one.
    pub discrepancy: Vec<bool>,
    /// The sub-activity row the reason came from, if it came from one.
    pub sub_activity: Vec<Option<u32>>,
}

impl RatingColumns {
    /// The number of rows.
    pub fn len(&self) -> usize {
        self.rating.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rating.is_empty()
    }

    fn clear(&mut self) {
        self.rating.clear();
        self.computed.clear();
        self.reason.clear();
        self.due.clear();
        self.recorded.clear();
        self.overridden.clear();
        self.discrepancy.clear();
        self.sub_activity.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ExpectedProgress;

    /// At the ends of the calendar (as-of dates, due dates and updates at
    /// chrono's limits; review and due-soon windows reaching past them), the
    /// outcome worked out once per timescale or per due date is the one the
    /// full rules give row by row.
    #[test]
    fn shortcuts_agree_with_the_rules_at_the_ends_of_the_calendar() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let dates: Vec<NaiveDate> = [
            Some(NaiveDate::MIN),
            NaiveDate::MIN.succ_opt(),
            Some(NaiveDate::MAX),
            NaiveDate::MAX.pred_opt(),
            ymd(2019, 12, 31),
            ymd(2019, 12, 30),
            ymd(2020, 1, 1),
            ymd(2019, 9, 1),
            ymd(2020, 6, 1),
        ]
        .into_iter()
        .flatten()
        .collect();
        let maybe: Vec<Option<NaiveDate>> = dates.iter().copied().map(Some).chain([None]).collect();
        let texts = [
            "Ongoing",
            "Immediate and ongoing",
            "Mar 19 – ongoing quarterly",
            "Mar 20 – ongoing monthly",
            "31/08/2019",
            "Dec-19",
            "",
            "Achieved",
            "TBC",
            "2019/20",
            "Roll out Jan 19 Nov 19",
            "Nov 18 – Nov 19",
            "nonsense",
        ];
        // Every due date (or text) against every latest update.
        let due: Vec<Option<NaiveDate>> = maybe
            .iter()
            .flat_map(|d| maybe.iter().map(move |_| *d))
            .collect();
        let update: Vec<Option<NaiveDate>> =
            maybe.iter().flat_map(|_| maybe.iter().copied()).collect();
        let text_rows: Vec<&str> = texts
            .iter()
            .flat_map(|t| maybe.iter().map(move |_| *t))
            .collect();
        let text_update: Vec<Option<NaiveDate>> =
            texts.iter().flat_map(|_| maybe.iter().copied()).collect();
        let dictionary = TimescaleDictionary::from_texts(text_rows.iter().copied());
        let start = vec![ymd(2019, 1, 1); due.len().max(text_rows.len())];
        let percent = vec![Some(10.0); start.len()];
        for as_of in &dates {
            for (soon, review) in [(0, 0), (30, 91), (u32::MAX, u32::MAX)] {
                for expected in [None, Some(ExpectedProgress::default())] {
                    let rules = RuleSet {
                        due_soon_days: soon,
                        review_period_days: review,
                        expected_progress: expected,
                        ..RuleSet::default()
                    };
                    for (timescale, update) in [
                        (TimescaleColumn::Due(&due), &update),
                        (dictionary.column(), &text_update),
                    ] {
                        let n = update.len();
                        let columns = ActionColumns::new(timescale)
                            .with_last_update(update)
                            .and_then(|c| c.with_start(&start[..n]))
                            .and_then(|c| c.with_percent_complete(&percent[..n]))
                            .expect("columns");
                        let rated = columns.rate(*as_of, &rules);
                        let run = columns.prepare(*as_of, &rules);
                        for i in 0..n {
                            let (verdict, _) = run.verdict(i);
                            assert_eq!(
                                (rated.computed[i], rated.reason[i]),
                                outcome(&verdict, &rules),
                                "row {i} as of {as_of}, due-soon {soon}, review {review}, \
                                 expected progress {}",
                                expected.is_some()
                            );
                        }
                    }
                }
            }
        }
    }
}
