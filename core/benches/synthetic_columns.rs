//! The columns the columnar benchmarks rate, shaped like
//! `synthetic_plan(n)`: shared by `core/benches/evaluate.rs` and
//! `core/benches/ladder.rs`, so both rate the same rows.

use chrono::NaiveDate;
use lineofsight::plan::Lifecycle;
use lineofsight::Rating;

use super::synthetic_plan::TIMESCALES;

/// `n` rows: the seeds' timescale texts in turn, every action in progress,
/// a recorded rating, a dated update on every other row and a percentage.
pub(crate) struct SyntheticColumns {
    pub(crate) timescales: Vec<&'static str>,
    pub(crate) state: Vec<Lifecycle>,
    pub(crate) recorded: Vec<Option<Rating>>,
    pub(crate) last_update: Vec<Option<NaiveDate>>,
    pub(crate) percent: Vec<Option<f64>>,
}

/// The columns of `n` rows.
pub(crate) fn synthetic_columns(n: usize) -> SyntheticColumns {
    SyntheticColumns {
        timescales: (0..n).map(|k| TIMESCALES[k % TIMESCALES.len()]).collect(),
        state: vec![Lifecycle::InProgress; n],
        recorded: (0..n)
            .map(|k| Some([Rating::Green, Rating::Amber, Rating::Red][k % 3]))
            .collect(),
        last_update: (0..n)
            .map(|k| {
                (k % 2 == 0)
                    .then(|| {
                        NaiveDate::from_ymd_opt(2019, 1 + u32::try_from(k % 12).expect("small"), 1)
                    })
                    .flatten()
            })
            .collect(),
        percent: (0..n).map(|k| Some((k % 100) as f64)).collect(),
    }
}
