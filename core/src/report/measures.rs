//! The measures part of the board report: for each measure of success with
//! a numeric target or published data, its target, latest value, trend,
//! quartile band, comparison with England, the region and the statistical
//! neighbours, rating and reason, and its chart.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::evaluate::Evaluation;
use crate::measure::ObservedValue;
use crate::measure::{
    measure_chart, Comparator, MeasureRating, QuartileBand, TargetReading, Trend, Unit,
};
use crate::plan::Plan;
use crate::rating::{Rating, RatingStyle};
use crate::report::BoardReport;

/// Who a measure is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ComparatorKind {
    /// England as a whole.
    England,
    /// The authority's region.
    Region,
    /// The authority's statistical neighbours.
    Neighbours,
}

/// A comparator in words: `England 66 (19 higher, worse)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ComparisonText {
    /// Which comparator this is.
    pub kind: ComparatorKind,
    /// Its name (`England`, `North West`, `Statistical neighbours`).
    pub name: String,
    /// Their value, with its unit.
    pub value: String,
    /// The gap in words (`19 higher, worse`).
    pub gap: String,
    /// Whether the authority does better (none without a direction).
    pub better: Option<bool>,
}

/// One measure's line in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MeasureRow {
    /// The measure's id.
    pub measure_id: String,
    /// The id of its objective.
    pub objective_id: String,
    /// Its objective's ref, if any.
    pub objective_ref: Option<String>,
    /// The measure as written.
    pub text: String,
    /// The target in words, if one was read.
    pub target: Option<String>,
    /// The latest value with its unit, if any.
    pub latest: Option<String>,
    /// The latest value's period label.
    pub latest_period: Option<String>,
    /// Against a year earlier.
    pub trend: Trend,
    /// The quartile band among all authorities.
    pub band: Option<QuartileBand>,
    /// Rank among authorities, as `13 of 151`.
    pub rank: Option<String>,
    /// England, the region and the statistical neighbours.
    pub comparisons: Vec<ComparisonText>,
    /// The rating.
    pub rating: Rating,
    /// Why.
    pub reason: String,
    /// Whether the rules call for a recovery plan.
    pub recovery_plan_needed: bool,
    /// How the published data relates to the measure's words.
    pub data_note: Option<String>,
    /// Where the data came from.
    pub data_source: Option<String>,
    /// The measure's SVG chart, when it has published values.
    pub chart: Option<String>,
}

impl MeasureRow {
    /// The comparison with `kind`, if the data has one.
    pub fn comparison(&self, kind: ComparatorKind) -> Option<&ComparisonText> {
        self.comparisons.iter().find(|c| c.kind == kind)
    }

    /// The comparison with `kind` as
    /// `66 per 10,000 (19 per 10,000 higher, worse)`, or `–`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::{BoardReport, ComparatorKind, ReportOptions};
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default());
    /// let lac = report.measures.iter().find(|m| m.measure_id == "cip-4.5-m1").unwrap();
    /// assert_eq!(lac.compared_with(ComparatorKind::England), "66 per 10,000 (19 per 10,000 higher, worse)");
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn compared_with(&self, kind: ComparatorKind) -> String {
        self.comparison(kind)
            .map_or("–".to_string(), |c| format!("{} ({})", c.value, c.gap))
    }
}

impl BoardReport {
    /// The measures with published data, and how many of them meet their
    /// target (are Green).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lineofsight::report::{BoardReport, ReportOptions};
    /// use lineofsight::RuleSet;
    ///
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
    /// let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default());
    /// let (with_data, met) = report.measures_with_data();
    /// assert_eq!((with_data.len(), met), (4, 2));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn measures_with_data(&self) -> (Vec<&MeasureRow>, usize) {
        let with_data: Vec<&MeasureRow> = self
            .measures
            .iter()
            .filter(|m| m.latest.is_some())
            .collect();
        (with_data, self.summary.measures_met)
    }
}

fn gap_words(c: &Comparator, unit: Option<Unit>) -> String {
    let size = unit.map_or_else(
        || crate::measure::ObservedValue::Number(c.gap.abs()).to_string(),
        |u| match u {
            Unit::Percent if (c.gap.abs() - 1.0).abs() < 1e-9 => "1 point".to_string(),
            Unit::Percent => format!("{} points", ObservedValue::Number(c.gap.abs())),
            u => u.show(c.gap.abs()),
        },
    );
    let direction = if c.gap.abs() < 1e-9 {
        return "the same".to_string();
    } else if c.gap > 0.0 {
        "higher"
    } else {
        "lower"
    };
    match c.better {
        Some(true) => format!("{size} {direction}, better"),
        Some(false) => format!("{size} {direction}, worse"),
        None => format!("{size} {direction}"),
    }
}

/// The measures worth a line in a board report: those with a numeric target
/// or published values. Qualitative measures are counted, not listed.
pub(crate) fn measure_rows(
    plan: &Plan,
    eval: &Evaluation,
    style: &RatingStyle,
) -> (Vec<MeasureRow>, usize) {
    let mut rows = Vec::new();
    let mut without = 0;
    // The evaluation rates the measures in plan order: each rating sits
    // beside its measure and objective, with no search.
    let mut in_plan = plan
        .objectives
        .iter()
        .flat_map(|o| o.measures.iter().map(move |m| (o, m)));
    for m in &eval.measures {
        let here = in_plan
            .next()
            .filter(|(o, x)| o.id == m.objective_id && x.id == m.measure_id);
        let numeric = matches!(m.reading, TargetReading::Target { .. });
        if !numeric && m.latest.is_none() {
            without += 1;
            continue;
        }
        rows.push(row(here, m, style));
    }
    (rows, without)
}

fn row(
    here: Option<(&crate::plan::Objective, &crate::plan::Measure)>,
    m: &MeasureRating,
    style: &RatingStyle,
) -> MeasureRow {
    let show = |v: f64| {
        m.unit
            .map_or_else(|| ObservedValue::Number(v).to_string(), |u| u.show(v))
    };
    let bench = m.latest_benchmark();
    let mut comparisons = Vec::new();
    if let Some(b) = bench {
        let kinds = [
            (ComparatorKind::England, &b.england),
            (ComparatorKind::Region, &b.region),
            (ComparatorKind::Neighbours, &b.neighbours),
        ];
        for (kind, c) in kinds {
            let Some(c) = c else { continue };
            // Better or worse was judged once, in the measure's rating.
            comparisons.push(ComparisonText {
                kind,
                name: c.name.clone(),
                value: show(c.value),
                gap: gap_words(c, m.unit),
                better: c.better,
            });
        }
    }
    let (objective, measure) = (here.map(|h| h.0), here.map(|h| h.1));
    MeasureRow {
        measure_id: m.measure_id.clone(),
        objective_id: m.objective_id.clone(),
        objective_ref: objective
            .and_then(|o| o.reference.as_ref())
            .map(|r| r.as_str().to_string()),
        text: m.text.clone(),
        target: m.reading.target().map(crate::measure::Target::describe),
        latest: m.latest.as_ref().and_then(|l| l.value.number()).map(show),
        latest_period: m.latest.as_ref().map(|l| l.period.clone()),
        trend: m.trend,
        band: bench.and_then(|b| b.band),
        rank: bench.and_then(|b| Some(format!("{} of {}", b.rank?, b.quartiles?.count))),
        comparisons,
        rating: m.rating,
        reason: m.reason.message().into_owned(),
        recovery_plan_needed: m.recovery_plan_needed,
        data_note: measure
            .and_then(|x| x.data.as_ref())
            .and_then(|d| d.note.clone()),
        data_source: m.data_source.clone(),
        chart: m.latest.is_some().then(|| measure_chart(m, style)),
    }
}
