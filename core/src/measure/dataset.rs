//! Published data sets: one indicator's values for every area and period,
//! and the authority a plan belongs to.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::period::{Period, PeriodError, YearEnd};
use super::polarity::Polarity;
use super::target::Unit;
use super::value::ObservedValue;

/// The level of an area in published statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AreaLevel {
    /// England.
    National,
    /// A region (`North West`).
    Regional,
    /// A local authority.
    LocalAuthority,
}

/// One area's values, keyed by period label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AreaSeries {
    /// The area's code in this data set (LAIT's LA number `888`, or an ONS code).
    pub code: String,
    /// The area's name.
    pub name: String,
    /// National, regional or local authority.
    pub level: AreaLevel,
    /// For a local authority, its region's code, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Values by period label (`2019`, `2019/20`).
    pub values: BTreeMap<String, ObservedValue>,
}

/// One published indicator for many areas and periods, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Dataset {
    /// The data set's id, unique within the plan.
    pub id: String,
    /// What it measures (`Children looked after rate per 10,000`).
    pub title: String,
    /// The publisher's code for the indicator (LAIT `LAC`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// Where it was taken from.
    pub source: String,
    /// Its licence (`Open Government Licence v3.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// Which direction is better, as the publisher records it.
    #[serde(default)]
    pub polarity: Polarity,
    /// The unit of its values.
    pub unit: Unit,
    /// Where its bare years end.
    #[serde(default)]
    pub year_end: YearEnd,
    /// Every area's values.
    pub areas: Vec<AreaSeries>,
}

/// The authority a plan belongs to, for benchmarking against England, its
/// region and its statistical neighbours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Authority {
    /// Its code in the plan's data sets (`888` for Lancashire).
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its region's code in the plan's data sets (`981` for the North West).
    pub region: String,
    /// Its statistical neighbours' codes, closest first.
    pub neighbours: Vec<String>,
    /// Where the neighbour list comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbours_source: Option<String>,
}

impl Authority {
    /// An authority with its code, name and region's code, and no
    /// statistical neighbours yet.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Authority;
    ///
    /// let a = Authority::new("888", "Lancashire", "981").with_neighbours(&["919", "935"]);
    /// assert_eq!(a.neighbours.len(), 2);
    /// ```
    pub fn new(code: &str, name: &str, region: &str) -> Authority {
        Authority {
            code: code.to_string(),
            name: name.to_string(),
            region: region.to_string(),
            neighbours: Vec::new(),
            neighbours_source: None,
        }
    }

    /// Sets the statistical neighbours' codes, closest first.
    #[must_use]
    pub fn with_neighbours(mut self, codes: &[&str]) -> Authority {
        self.neighbours = codes.iter().map(ToString::to_string).collect();
        self
    }
}

/// One period's value in a series, read.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SeriesValue {
    /// The period.
    pub period: Period,
    /// The value.
    pub value: ObservedValue,
}

impl Dataset {
    /// The area with this code.
    ///
    /// # Example
    ///
    /// ```
    /// let plan = lineofsight::builtin("lancashire")?;
    /// let lac = plan.dataset("lait-lac").unwrap();
    /// assert_eq!(lac.area("888").map(|a| a.name.as_str()), Some("Lancashire"));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn area(&self, code: &str) -> Option<&AreaSeries> {
        self.areas.iter().find(|a| a.code == code)
    }

    /// England's series, if the data set has one.
    ///
    /// # Example
    ///
    /// ```
    /// let plan = lineofsight::builtin("lancashire")?;
    /// assert_eq!(plan.dataset("lait-lac").and_then(|d| d.england()).map(|a| a.name.as_str()), Some("England"));
    /// # Ok::<(), lineofsight::LoadError>(())
    /// ```
    pub fn england(&self) -> Option<&AreaSeries> {
        self.areas.iter().find(|a| a.level == AreaLevel::National)
    }
}

impl AreaSeries {
    /// The values in time order, with their periods read; labels that are
    /// not periods come back as errors beside them.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{AreaLevel, AreaSeries, ObservedValue, YearEnd};
    ///
    /// let mut a = AreaSeries { code: "888".into(), name: "Lancashire".into(), level: AreaLevel::LocalAuthority, region: None, values: Default::default() };
    /// a.values.insert("2019".into(), ObservedValue::Number(85.0));
    /// a.values.insert("2018".into(), ObservedValue::Number(79.0));
    /// a.values.insert("0".into(), ObservedValue::Number(1.0));
    /// let (series, errors) = a.series(YearEnd::March);
    /// assert_eq!(series[0].period.label, "2018");
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn series(&self, year_end: YearEnd) -> (Vec<SeriesValue>, Vec<PeriodError>) {
        let mut out = Vec::with_capacity(self.values.len());
        let mut errors = Vec::new();
        for (label, value) in &self.values {
            match Period::parse(label, year_end) {
                Ok(period) => out.push(SeriesValue {
                    period,
                    value: *value,
                }),
                Err(e) => errors.push(e),
            }
        }
        out.sort_by(|a, b| a.period.chronological(&b.period));
        (out, errors)
    }
}
