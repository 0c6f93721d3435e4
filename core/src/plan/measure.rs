//! Measures of success.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::measure::{
    parse_target, ObservedValue, Polarity, Target, TargetReading, Tolerance, Unit,
};
use crate::rating::Rating;

/// How often a measure is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every month.
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Every year.
    Annual,
}

/// How a measure's values combine over a longer period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Added up (numbers of referrals).
    Sum,
    /// Averaged (caseloads).
    Mean,
    /// The last value stands (children looked after at 31 March).
    Last,
}

impl Aggregation {
    /// Combines values; `None` when there are none.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Aggregation;
    ///
    /// assert_eq!(Aggregation::Sum.combine(&[1.0, 2.0, 3.0]), Some(6.0));
    /// assert_eq!(Aggregation::Mean.combine(&[1.0, 2.0, 3.0]), Some(2.0));
    /// assert_eq!(Aggregation::Last.combine(&[1.0, 2.0, 3.0]), Some(3.0));
    /// assert_eq!(Aggregation::Sum.combine(&[]), None);
    /// ```
    pub fn combine(self, values: &[f64]) -> Option<f64> {
        let last = *values.last()?;
        Some(match self {
            Aggregation::Sum => values.iter().sum(),
            Aggregation::Mean => values.iter().sum::<f64>() / values.len() as f64,
            Aggregation::Last => last,
        })
    }
}

/// A target for one period of a profile (`Q1 2019/20`: 70).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ProfiledTarget {
    /// The period label.
    pub period: String,
    /// The target value for that period.
    pub value: f64,
}

impl ProfiledTarget {
    /// A target for one period (`Q1 2019/20`).
    pub fn new(period: &str, value: f64) -> ProfiledTarget {
        ProfiledTarget {
            period: period.to_string(),
            value,
        }
    }
}

/// One value the plan records itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Observation {
    /// The period label (`Q3 2019/20`, `2019`, `March 2019`).
    pub period: String,
    /// The value, or the symbol saying why there is none.
    pub value: ObservedValue,
}

impl Observation {
    /// A value for one period (`Q3 2019/20`, `2019`, `March 2019`).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::ObservedValue;
    /// use lineofsight::plan::{Measure, Observation};
    ///
    /// let m = Measure::new("m1", "There are less than 64 CLA per 10,000")
    ///     .with_observation(Observation::new("2019", ObservedValue::Number(61.0)));
    /// assert_eq!(m.observations.len(), 1);
    /// ```
    pub fn new(period: &str, value: ObservedValue) -> Observation {
        Observation {
            period: period.to_string(),
            value,
        }
    }
}

/// Which published series feeds a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct DataLink {
    /// The id of a data set in the plan.
    pub dataset: String,
    /// The area's code in it; the plan's authority when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// How the data relates to the measure's words, where they differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl DataLink {
    /// A link to a data set (by id in the plan), for the plan's authority.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::DataLink;
    ///
    /// let link = DataLink::new("cla-rate").with_area("888");
    /// assert_eq!(link.area.as_deref(), Some("888"));
    /// ```
    pub fn new(dataset: &str) -> DataLink {
        DataLink {
            dataset: dataset.to_string(),
            area: None,
            note: None,
        }
    }

    /// Reads another area's values (its code in the data set).
    #[must_use]
    pub fn with_area(mut self, area: &str) -> DataLink {
        self.area = Some(area.to_string());
        self
    }

    /// Says how the data relates to the measure's words.
    #[must_use]
    pub fn with_note(mut self, note: &str) -> DataLink {
        self.note = Some(note.to_string());
        self
    }
}

/// A measure of success, as the plan states it (`There are less than 64 CLA
/// per 10,000 of the population`), with what is needed to rate it. It
/// belongs to the objective it is listed under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Measure {
    /// The measure's id, unique within the plan.
    pub id: String,
    /// The measure as written.
    pub text: String,
    /// The source document (an id in the plan's sources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The target; when absent, the text is read for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// Which direction is better; the data set's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity: Option<Polarity>,
    /// The unit; the target's or the data set's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// How often it is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    /// How its values combine over a longer period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<Aggregation>,
    /// How far off target is still Amber; the rule set's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<Tolerance>,
    /// Targets for particular periods, overriding the overall target there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<ProfiledTarget>,
    /// The published series that feeds it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DataLink>,
    /// Values the plan records itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
    /// A rating given by hand, for measures with no numeric target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<Rating>,
    /// Fields from the source that have no place above.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
    /// What `text` read as, once read (see [`Measure::reading`]).
    #[serde(skip)]
    pub(crate) read: TextReading,
}

/// What a measure's text read as, kept beside the very text it was read
/// from and used only while the measure's `text` is still that text: code
/// that changes the public `text` gets a fresh reading, never a stale one.
/// Not part of the measure: every two compare equal.
#[derive(Clone, Default)]
pub(crate) struct TextReading(std::sync::OnceLock<(String, TargetReading)>);

impl PartialEq for TextReading {
    fn eq(&self, _: &TextReading) -> bool {
        true
    }
}

impl std::fmt::Debug for TextReading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("_")
    }
}

impl Measure {
    /// A measure with only its words.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Measure;
    ///
    /// let m = Measure::new("m1", "More than 45% of CLA are in EET");
    /// assert!(m.reading().target().is_some());
    /// ```
    pub fn new(id: &str, text: &str) -> Measure {
        Measure {
            id: id.to_string(),
            text: text.to_string(),
            source: None,
            target: None,
            polarity: None,
            unit: None,
            frequency: None,
            aggregation: None,
            tolerance: None,
            profile: Vec::new(),
            data: None,
            observations: Vec::new(),
            recorded: None,
            extra: BTreeMap::new(),
            read: TextReading::default(),
        }
    }

    /// Sets the target, instead of reading one from the text.
    #[must_use]
    pub fn with_target(mut self, target: Target) -> Measure {
        self.target = Some(target);
        self
    }

    /// Sets which direction is better.
    #[must_use]
    pub fn with_polarity(mut self, polarity: Polarity) -> Measure {
        self.polarity = Some(polarity);
        self
    }

    /// Sets the published series that feeds the measure.
    #[must_use]
    pub fn with_data(mut self, data: DataLink) -> Measure {
        self.data = Some(data);
        self
    }

    /// Adds a value the plan records itself.
    #[must_use]
    pub fn with_observation(mut self, observation: Observation) -> Measure {
        self.observations.push(observation);
        self
    }

    /// The target: the one given, or what the text reads as.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::TargetReading;
    /// use lineofsight::plan::Measure;
    ///
    /// assert_eq!(Measure::new("m", "Audit model embedded").reading(), TargetReading::Qualitative);
    ///
    /// // Read once and kept, but never past a change to the text.
    /// let mut m = Measure::new("m", "Audit model embedded");
    /// assert_eq!(m.reading(), TargetReading::Qualitative);
    /// m.text = "More than 45% of CLA are in EET".to_string();
    /// assert!(m.reading().target().is_some());
    /// ```
    pub fn reading(&self) -> TargetReading {
        if let Some(t) = &self.target {
            return TargetReading::from(t.clone());
        }
        // Reading the text takes about 14 µs; each evaluation asks once.
        match self.read.0.get() {
            Some((text, reading)) if *text == self.text => reading.clone(),
            Some(_) => parse_target(&self.text),
            None => {
                let reading = parse_target(&self.text);
                let _ = self.read.0.set((self.text.clone(), reading.clone()));
                reading
            }
        }
    }
}
