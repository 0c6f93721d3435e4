//! Measures of success: targets read from the plan's own words, published
//! observations with their periods and suppression symbols, measure ratings
//! with reasons, and benchmarks against England, the region and the
//! statistical neighbours, as the DfE's LAIT does.
//!
//! | File | What it holds |
//! |---|---|
//! | `target.rs`, `target_parse.rs` | [`Target`] and the sentence reader [`parse_target`] |
//! | `period.rs` | period labels: [`Period`] |
//! | `value.rs` | values and suppression symbols: [`ObservedValue`] |
//! | `dataset.rs` | published data sets and the plan's [`Authority`] |
//! | `ees.rs` | reading Explore Education Statistics CSV files; derived rates |
//! | `rules.rs` | [`MeasureRules`]: tolerance, trajectory, direction of travel, recovery plans |
//! | `rate.rs` | [`rate_measure`] |
//! | `benchmark.rs` | quartile bands A–D and comparisons |
//! | `chart.rs` | the SVG chart of a measure |

mod benchmark;
mod chart;
mod dataset;
mod ees;
mod period;
mod polarity;
pub(crate) mod rate;
mod rules;
mod target;
mod target_parse;
mod value;

pub use benchmark::{
    benchmark, quartile_bands, BandInput, Benchmark, Comparator, QuartileBand, Quartiles,
};
pub use chart::measure_chart;
pub use dataset::{AreaLevel, AreaSeries, Authority, Dataset, SeriesValue};
pub use ees::{derive_rate, read_ees, EesError, EesQuery};
pub use period::{Period, PeriodError, PeriodKind, PeriodStatus, YearEnd};
pub use polarity::Polarity;
pub use rate::{rate_measure, MeasureRating, RatedPoint, Trend};
pub use rules::{MeasureRules, Tolerance};
pub use target::{Baseline, Comparison, Deadline, Target, TargetReading, Unit};
pub use target_parse::parse_target;
pub use value::{ObservedValue, Suppression, ValueError};
