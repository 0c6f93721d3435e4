//! Rating a measure as of a date: against its target (or trajectory),
//! with tolerance, direction of travel, the recovery-plan flag, and its
//! benchmarks.

use std::fmt::Write as _;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::benchmark::{benchmark, Benchmark};
use super::dataset::{Dataset, SeriesValue};
use super::period::{Period, YearEnd};
use super::polarity::Polarity;
use super::target::{Target, TargetReading, Unit};
use super::value::{format_number, ObservedValue};
use crate::plan::{Measure, Plan};
use crate::rating::Rating;
use crate::rules::{uk_date, Reason, ReasonCode, RuleSet};

/// Which way the latest value moved on the same period a year earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Better, by polarity.
    Improving,
    /// Worse, by polarity.
    Worsening,
    /// The same.
    NoChange,
    /// Up, for a measure with no polarity.
    Up,
    /// Down, for a measure with no polarity.
    Down,
    /// No value a year earlier to compare with.
    NotComparable,
}

/// One period of a measure's series, rated against its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RatedPoint {
    /// The period label.
    pub period: String,
    /// Its last day.
    pub end: NaiveDate,
    /// The value or why there is none.
    pub value: ObservedValue,
    /// What the value was judged against (target, profile or trajectory).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<f64>,
    /// Its rating.
    pub rating: Rating,
}

/// A measure rated as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MeasureRating {
    /// The measure's id.
    pub measure_id: String,
    /// The id of its objective.
    pub objective_id: String,
    /// The measure as written.
    pub text: String,
    /// What its words were read as.
    pub reading: TargetReading,
    /// Which direction is better.
    pub polarity: Polarity,
    /// The unit of its values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// The rating.
    pub rating: Rating,
    /// Why.
    pub reason: Reason,
    /// The latest value published by the as-of date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<RatedPoint>,
    /// Against the same period a year earlier.
    pub trend: Trend,
    /// Every period published by the as-of date, oldest first, each rated.
    pub series: Vec<RatedPoint>,
    /// Benchmarks for each period, where the measure is fed by a data set and
    /// the plan names its authority.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benchmarks: Vec<Benchmark>,
    /// Periods in a row, up to the latest, that were off target.
    pub periods_off_target: u32,
    /// Whether the rules call for a recovery plan.
    pub recovery_plan_needed: bool,
    /// The tolerance the rating allowed, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<super::rules::Tolerance>,
    /// The area the values are for (`Lancashire`), if from a data set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// Where the data came from, if from a data set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source: Option<String>,
    /// Period labels or links that could not be used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

impl MeasureRating {
    /// The benchmark for the latest period, if any.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
    /// let lac = eval.measure("cip-4.5-m1").unwrap();
    /// assert_eq!(lac.latest_benchmark().map(|b| b.period.as_str()), Some("2019"));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn latest_benchmark(&self) -> Option<&Benchmark> {
        let latest = self.latest.as_ref()?;
        self.benchmarks
            .iter()
            .rev()
            .find(|b| b.period == latest.period)
    }
}

fn reason(rating: Rating, code: ReasonCode, detail: String) -> Reason {
    Reason::written(code, crate::rules::prefixed(rating, detail))
}

/// The plan's data sets by id (the first of an id, as [`Plan::dataset`]
/// finds), built once per evaluation so rating each measure is no search.
pub(crate) struct Datasets<'a>(std::collections::HashMap<&'a str, &'a Dataset>);

impl<'a> Datasets<'a> {
    pub(crate) fn of(plan: &'a Plan) -> Datasets<'a> {
        let mut by_id = std::collections::HashMap::with_capacity(plan.datasets.len());
        for d in &plan.datasets {
            by_id.entry(d.id.as_str()).or_insert(d);
        }
        Datasets(by_id)
    }

    fn get(&self, id: &str) -> Option<&'a Dataset> {
        self.0.get(id).copied()
    }
}

/// The measure's values in time order, from its data set and its own observations.
fn series_of(
    measure: &Measure,
    plan: &Plan,
    datasets: &Datasets<'_>,
    problems: &mut Vec<String>,
) -> (Vec<SeriesValue>, Option<String>, Option<String>) {
    let mut out = Vec::new();
    let mut source = None;
    let mut area_name = None;
    if let Some(link) = &measure.data {
        match datasets.get(&link.dataset) {
            None => problems.push(format!("data set {:?} is not in the plan", link.dataset)),
            Some(ds) => {
                let code = link
                    .area
                    .clone()
                    .or_else(|| plan.authority.as_ref().map(|a| a.code.clone()));
                match code.as_deref().and_then(|c| ds.area(c)) {
                    None => problems.push(format!(
                        "data set {:?} has no area {:?}",
                        ds.id,
                        code.unwrap_or_default()
                    )),
                    Some(area) => {
                        let (s, errors) = area.series(ds.year_end);
                        problems.extend(errors.iter().map(ToString::to_string));
                        out.extend(s);
                        source = Some(ds.source.clone());
                        area_name = Some(area.name.clone());
                    }
                }
            }
        }
    }
    for o in &measure.observations {
        match Period::parse(&o.period, YearEnd::December) {
            Ok(period) => out.push(SeriesValue {
                period,
                value: o.value,
            }),
            Err(e) => problems.push(e.to_string()),
        }
    }
    out.sort_by(|a, b| a.period.chronological(&b.period));
    (out, source, area_name)
}

/// What a value is judged against.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Against {
    /// The target itself.
    Target,
    /// The profiled target for the value's period.
    Profile,
    /// The straight line from the baseline to the target, before the deadline.
    Trajectory,
}

/// What a value in `period` is judged against, and its value: a profiled
/// target, the trajectory, or the target. A baseline's period label is read
/// with the series' `year_end`.
fn expected(
    measure: &Measure,
    target: &Target,
    period: &Period,
    first: Option<&SeriesValue>,
    year_end: YearEnd,
    rules: &RuleSet,
) -> (f64, Against) {
    if let Some(p) = measure.profile.iter().find(|p| p.period == period.label) {
        return (p.value, Against::Profile);
    }
    if let (true, Some(deadline)) = (rules.measures.trajectory, &target.deadline) {
        let base = target
            .baseline
            .as_ref()
            .and_then(|b| {
                let at = b
                    .period
                    .as_deref()
                    .and_then(|l| Period::parse(l, year_end).ok())?;
                Some((b.value, at.end))
            })
            .or_else(|| first.and_then(|f| f.value.number().map(|v| (v, f.period.end))));
        if let Some((v0, d0)) = base {
            if period.end < deadline.date && d0 < deadline.date && period.end >= d0 {
                let span = (deadline.date - d0).num_days() as f64;
                let done = (period.end - d0).num_days() as f64;
                return (v0 + (target.value - v0) * done / span, Against::Trajectory);
            }
        }
    }
    (target.value, Against::Target)
}

/// Rates one value against its expected value.
fn judge(value: f64, want: f64, target: &Target, polarity: Polarity, allowance: f64) -> Rating {
    let t = Target {
        value: want,
        ..target.clone()
    };
    if t.is_met(value, polarity) {
        Rating::Green
    } else if t.shortfall(value, polarity) <= allowance {
        Rating::Amber
    } else {
        Rating::Red
    }
}

/// Rates a measure of an objective as of a date.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::measure::rate_measure;
/// use lineofsight::plan::{Measure, Observation, Plan};
/// use lineofsight::{Rating, RuleSet};
///
/// let mut m = Measure::new("m1", "More than 45% of care leavers are in EET");
/// m.observations.push(Observation::new("2019", lineofsight::measure::ObservedValue::Number(50.0)));
/// let plan = Plan::new("Plan", "Council");
/// let r = rate_measure(&m, "o1", &plan, NaiveDate::from_ymd_opt(2020, 1, 31).unwrap(), &RuleSet::default());
/// assert_eq!(r.rating, Rating::Green);
/// assert_eq!(r.reason.message(), "Green: 50% in 2019, target above 45%");
/// ```
pub fn rate_measure(
    measure: &Measure,
    objective_id: &str,
    plan: &Plan,
    as_of: NaiveDate,
    rules: &RuleSet,
) -> MeasureRating {
    rate_measure_in(
        measure,
        objective_id,
        plan,
        &Datasets::of(plan),
        as_of,
        rules,
    )
}

/// [`rate_measure`] with the plan's data sets already indexed.
pub(crate) fn rate_measure_in(
    measure: &Measure,
    objective_id: &str,
    plan: &Plan,
    datasets: &Datasets<'_>,
    as_of: NaiveDate,
    rules: &RuleSet,
) -> MeasureRating {
    let mut problems = Vec::new();
    let (all, data_source, area) = series_of(measure, plan, datasets, &mut problems);
    let dataset = measure.data.as_ref().and_then(|l| datasets.get(&l.dataset));
    let year_end = dataset.map_or(YearEnd::December, |d| d.year_end);
    let known: Vec<&SeriesValue> = all.iter().filter(|s| s.period.end <= as_of).collect();
    let reading = measure.reading();
    let polarity = measure
        .polarity
        .or(dataset.map(|d| d.polarity))
        .unwrap_or(Polarity::None);
    let unit = measure
        .unit
        .or(reading.target().map(|t| t.unit))
        .or(dataset.map(|d| d.unit));
    let show = |v: f64| unit.map_or_else(|| format_number(v), |u| u.show(v));
    let rules_m = &rules.measures;

    let target = reading.target();
    let better = target.map_or(polarity, |t| t.better(polarity));
    let first_number = known.iter().find(|s| s.value.number().is_some()).copied();
    let series: Vec<RatedPoint> = known
        .iter()
        .map(|s| {
            let (expected, rating) = match (target, s.value.number()) {
                (Some(t), Some(v)) => {
                    let (want, _) = expected(measure, t, &s.period, first_number, year_end, rules);
                    let tol = measure
                        .tolerance
                        .or(rules_m.tolerance)
                        .map_or(0.0, |t| t.allowance(want));
                    (Some(want), judge(v, want, t, polarity, tol))
                }
                (Some(_), None) => (None, Rating::NoData),
                (None, _) => (None, Rating::NotRated),
            };
            RatedPoint {
                period: s.period.label.clone(),
                end: s.period.end,
                value: s.value,
                expected,
                rating: rules.scale.normalise(rating),
            }
        })
        .collect();
    let latest_idx = series.iter().rposition(|p| p.value.number().is_some());
    let latest = latest_idx.map(|i| series[i].clone());

    // Same period a year earlier.
    let trend = match latest_idx {
        None => Trend::NotComparable,
        Some(i) => {
            let back = known[i].period.year_before();
            let prev = known.iter().find(|s| {
                Some((s.period.start, s.period.end)) == back
                    && s.period.kind == known[i].period.kind
            });
            match (prev.and_then(|p| p.value.number()), known[i].value.number()) {
                (Some(p), Some(v)) if (p - v).abs() < 1e-9 => Trend::NoChange,
                (Some(p), Some(v)) => match better {
                    Polarity::None if v > p => Trend::Up,
                    Polarity::None => Trend::Down,
                    b if b.is_better(v, p) => Trend::Improving,
                    _ => Trend::Worsening,
                },
                _ => Trend::NotComparable,
            }
        }
    };

    let mut periods_off_target = 0;
    for p in series.iter().rev().filter(|p| p.value.number().is_some()) {
        if matches!(
            p.rating,
            Rating::Red | Rating::Amber | Rating::AmberRed | Rating::AmberGreen
        ) {
            periods_off_target += 1;
        } else {
            break;
        }
    }
    let recovery_plan_needed = target.is_some()
        && rules_m.recovery_after_periods > 0
        && periods_off_target >= rules_m.recovery_after_periods;

    let (rating, reason) = match (&reading, &latest) {
        (TargetReading::Qualitative, _) => match measure.recorded {
            Some(r) => (
                r,
                reason(
                    r,
                    ReasonCode::RatedByHand,
                    "a measure without a number, rated by hand".into(),
                ),
            ),
            None => (
                Rating::NotRated,
                reason(
                    Rating::NotRated,
                    ReasonCode::QualitativeMeasure,
                    "a measure without a number; rate it by hand".into(),
                ),
            ),
        },
        (TargetReading::NotATarget { reason: why }, _) => {
            let (r, code) = match measure.recorded {
                Some(r) => (r, ReasonCode::RatedByHand),
                None => (Rating::NotRated, ReasonCode::QualitativeMeasure),
            };
            (
                r,
                reason(r, code, format!("not a target: {why}; rated by hand")),
            )
        }
        (TargetReading::NotUnderstood { reason: why }, _) => (
            measure.recorded.unwrap_or(Rating::NotRated),
            reason(
                measure.recorded.unwrap_or(Rating::NotRated),
                ReasonCode::TargetNotUnderstood,
                format!("target not understood: {why}"),
            ),
        ),
        (TargetReading::Target { target: t, .. }, None) => {
            let detail = match known.last() {
                Some(s) => match s.value {
                    ObservedValue::Suppressed(x) => {
                        format!("the latest value, {}, is {}", s.period.label, x.describe())
                    }
                    ObservedValue::Number(_) => "no value".into(),
                },
                None if all.is_empty() => format!("no values recorded; target {}", t.describe()),
                None => format!("no value published by {}", uk_date(as_of)),
            };
            (
                Rating::NoData,
                reason(Rating::NoData, ReasonCode::NoValue, detail),
            )
        }
        (TargetReading::Target { target: t, .. }, Some(p)) => {
            let v = p.value.number().unwrap_or_default();
            let i = latest_idx.unwrap_or_default();
            let (want, against) =
                expected(measure, t, &known[i].period, first_number, year_end, rules);
            let mut rating = p.rating;
            let target_words = match against {
                Against::Trajectory => format!(
                    "expected {} by now on the way to {}",
                    show(want),
                    t.describe()
                ),
                Against::Profile => {
                    let shown = Target {
                        value: want,
                        deadline: None,
                        ..t.clone()
                    };
                    format!(
                        "profiled target {} (overall {})",
                        shown.describe(),
                        t.describe()
                    )
                }
                Against::Target => format!("target {}", t.describe()),
            };
            let mut detail = format!("{} in {}, {target_words}", show(v), p.period);
            if let Some(later) = known.last().filter(|s| s.period.end > p.end) {
                if let ObservedValue::Suppressed(x) = later.value {
                    let _ = write!(detail, " ({} is {})", later.period.label, x.describe());
                }
            }
            let mut code = match rating {
                Rating::Green => ReasonCode::OnTarget,
                Rating::Amber => ReasonCode::WithinTolerance,
                _ => ReasonCode::OffTarget,
            };
            if rating == Rating::Amber {
                let tol = measure
                    .tolerance
                    .or(rules_m.tolerance)
                    .map_or(0.0, |t| t.allowance(want));
                let _ = write!(detail, ", within the tolerance of {}", format_number(tol));
            }
            if rating == Rating::Red && rules_m.direction_of_travel && trend == Trend::Improving {
                rating = rules.scale.normalise(Rating::Amber);
                code = ReasonCode::OffTargetImproving;
                detail.push_str(", but better than the same period a year earlier");
            }
            if recovery_plan_needed {
                let _ = write!(
                    detail,
                    "; off target for {periods_off_target} periods in a row: recovery plan needed"
                );
            }
            (rating, reason(rating, code, detail))
        }
    };

    let benchmarks = match (dataset, plan.authority.as_ref()) {
        (Some(ds), Some(auth))
            if measure
                .data
                .as_ref()
                .is_some_and(|l| l.area.as_ref().is_none_or(|a| *a == auth.code)) =>
        {
            series
                .iter()
                .map(|p| benchmark(ds, auth, &p.period).judged_by(better))
                .collect()
        }
        _ => Vec::new(),
    };

    MeasureRating {
        measure_id: measure.id.clone(),
        objective_id: objective_id.to_string(),
        text: measure.text.clone(),
        reading,
        polarity: better,
        unit,
        rating,
        reason,
        latest,
        trend,
        series,
        benchmarks,
        periods_off_target,
        recovery_plan_needed,
        tolerance: measure.tolerance.or(rules_m.tolerance),
        area,
        data_source,
        problems,
    }
}
