//! Benchmarking a value as LAIT does: its quartile band A–D among all
//! authorities (A the best quarter by polarity), its rank, and the gaps to
//! England, the region and the statistical neighbours' average.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dataset::{AreaLevel, Authority, Dataset};
use super::polarity::Polarity;

/// A quartile band: A is the best quarter of authorities, D the worst.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum QuartileBand {
    /// The best quarter.
    A,
    /// The second-best quarter.
    B,
    /// The third quarter.
    C,
    /// The worst quarter.
    D,
}

/// The three cut points of a set of values, by linear interpolation between
/// order statistics (R's default `quantile(type = 7)`, Excel's
/// `QUARTILE.INC`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Quartiles {
    /// The lower quartile.
    pub q1: f64,
    /// The median.
    pub median: f64,
    /// The upper quartile.
    pub q3: f64,
    /// How many values they were computed from.
    pub count: usize,
}

impl Quartiles {
    /// The quartiles of some values; `None` when there are none. Values that
    /// are not finite are ignored.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Quartiles;
    ///
    /// let q = Quartiles::of(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
    /// assert_eq!((q.q1, q.median, q.q3), (2.0, 3.0, 4.0));
    /// ```
    pub fn of(values: &[f64]) -> Option<Quartiles> {
        let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        v.sort_by(f64::total_cmp);
        Quartiles::of_sorted(&v)
    }

    /// As [`Quartiles::of`], for values already sorted ascending and finite.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Quartiles;
    ///
    /// assert_eq!(Quartiles::of_sorted(&[10.0]).map(|q| q.median), Some(10.0));
    /// assert!(Quartiles::of_sorted(&[]).is_none());
    /// ```
    pub fn of_sorted(v: &[f64]) -> Option<Quartiles> {
        if v.is_empty() {
            return None;
        }
        let at = |p: f64| {
            let h = (v.len() - 1) as f64 * p;
            // 0 <= h <= len - 1, so both are indexes of v.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
            v[lo] + (h - lo as f64) * (v[hi] - v[lo])
        };
        Some(Quartiles {
            q1: at(0.25),
            median: at(0.5),
            q3: at(0.75),
            count: v.len(),
        })
    }

    /// The band of `value`: with higher-is-better, A at or above the upper
    /// quartile; with lower-is-better, A at or below the lower quartile. A
    /// value on a cut point takes the better band. No band without a polarity.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::{Polarity, QuartileBand, Quartiles};
    ///
    /// let q = Quartiles::of(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
    /// assert_eq!(q.band(4.5, Polarity::HigherIsBetter), Some(QuartileBand::A));
    /// assert_eq!(q.band(4.5, Polarity::LowerIsBetter), Some(QuartileBand::D));
    /// assert_eq!(q.band(4.5, Polarity::None), None);
    /// ```
    pub fn band(&self, value: f64, polarity: Polarity) -> Option<QuartileBand> {
        use QuartileBand::{A, B, C, D};
        match polarity {
            Polarity::HigherIsBetter => Some(if value >= self.q3 {
                A
            } else if value >= self.median {
                B
            } else if value >= self.q1 {
                C
            } else {
                D
            }),
            Polarity::LowerIsBetter => Some(if value <= self.q1 {
                A
            } else if value <= self.median {
                B
            } else if value <= self.q3 {
                C
            } else {
                D
            }),
            Polarity::None => None,
        }
    }
}

/// One value to band with [`quartile_bands`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandInput {
    /// The value; not finite (NaN) for a suppressed or missing one.
    pub value: f64,
    /// Which comparison the value belongs to: one id per indicator and
    /// period (the values banded against each other).
    pub group: u32,
    /// Which direction is better for the value's indicator.
    pub polarity: Polarity,
    /// Whether the value counts towards its group's quartiles (LAIT: local
    /// authorities do; England and the regions are banded but do not count).
    pub in_quartiles: bool,
}

/// Bands many values at once, as LAIT shows a whole table: each group's
/// [`Quartiles`] are computed from its finite values that count
/// (`in_quartiles`), and every finite value is banded against its group's
/// quartiles under its own polarity ([`Quartiles::band`]). A value that is not
/// finite, has no polarity, or whose group has no counted value gets `None`.
/// The result is in input order. It is the same answer as
/// [`benchmark`]'s band, for every row of a long table in one pass.
///
/// # Example
///
/// ```
/// use lineofsight::measure::{quartile_bands, BandInput, Polarity, QuartileBand};
///
/// let row = |value, group, in_quartiles| BandInput {
///     value, group, polarity: Polarity::LowerIsBetter, in_quartiles };
/// let rows = [row(1.0, 0, true), row(2.0, 0, true), row(3.0, 0, true), row(4.0, 0, true),
///             row(5.0, 0, true), row(9.0, 0, false), row(f64::NAN, 0, true), row(7.0, 1, false)];
/// let bands = quartile_bands(&rows);
/// assert_eq!(bands[0], Some(QuartileBand::A));
/// assert_eq!(bands[4], Some(QuartileBand::D));
/// assert_eq!(bands[5], Some(QuartileBand::D)); // England: banded, not counted
/// assert_eq!(bands[6], None); // suppressed
/// assert_eq!(bands[7], None); // nothing counted in its group
/// ```
pub fn quartile_bands(rows: &[BandInput]) -> Vec<Option<QuartileBand>> {
    // Groups are numbered 0, 1, 2, … by most callers: then a group's number
    // is its slot. Sparse numbers are renumbered in order of appearance.
    let Some(top) = rows.iter().map(|r| r.group).max() else {
        return Vec::new();
    };
    let top = usize::try_from(top).unwrap_or(usize::MAX);
    if top <= rows.len().saturating_mul(2).saturating_add(64) {
        return bands_with(rows, top + 1, |_, r| r.group as usize);
    }
    let mut slots: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    let slot: Vec<usize> = rows
        .iter()
        .map(|r| {
            let next = slots.len();
            *slots.entry(r.group).or_insert(next)
        })
        .collect();
    bands_with(rows, slots.len(), |i, _| {
        slot.get(i).copied().unwrap_or(usize::MAX)
    })
}

/// Bands each row in its group's slot, `slot(i, row)` (< `groups`): the
/// counted values are laid out group by group in one buffer (a counting
/// sort), each group's run sorted and its quartiles taken, then every row
/// banded against its group's.
fn bands_with(
    rows: &[BandInput],
    groups: usize,
    slot: impl Fn(usize, &BandInput) -> usize,
) -> Vec<Option<QuartileBand>> {
    let counted = |r: &BandInput| r.in_quartiles && r.value.is_finite();
    // starts[g]..starts[g + 1] is group g's run.
    let mut starts = vec![0usize; groups + 1];
    for (i, r) in rows.iter().enumerate() {
        let g = slot(i, r);
        if counted(r) {
            if let Some(n) = g.checked_add(1).and_then(|k| starts.get_mut(k)) {
                *n += 1;
            }
        }
    }
    for g in 1..starts.len() {
        starts[g] += starts[g - 1];
    }
    let mut next = starts.clone();
    let mut values = vec![0.0f64; starts.last().copied().unwrap_or(0)];
    for (i, r) in rows.iter().enumerate() {
        if counted(r) {
            if let Some(at) = next.get_mut(slot(i, r)) {
                if let Some(v) = values.get_mut(*at) {
                    *v = r.value;
                }
                *at += 1;
            }
        }
    }
    let quartiles: Vec<Option<Quartiles>> = starts
        .windows(2)
        .map(|w| {
            let run = values.get_mut(w[0]..w[1])?;
            // Finite values only: equal under total_cmp is the same bits,
            // so an unstable sort gives the stable one's order.
            run.sort_unstable_by(f64::total_cmp);
            Quartiles::of_sorted(run)
        })
        .collect();
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let q = quartiles.get(slot(i, r))?.as_ref()?;
            if r.value.is_finite() {
                q.band(r.value, r.polarity)
            } else {
                None
            }
        })
        .collect()
}

/// A comparator's value and the authority's gap to it (authority minus comparator).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Comparator {
    /// Who the comparator is (`England`, `North West`, `Statistical neighbours`).
    pub name: String,
    /// Its value.
    pub value: f64,
    /// The authority's value minus this one.
    pub gap: f64,
    /// Whether the authority does better, by polarity (none without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub better: Option<bool>,
}

/// How one period's value compares with everyone else's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Benchmark {
    /// The period label.
    pub period: String,
    /// The authority's value, if published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The quartiles among all local authorities with a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quartiles: Option<Quartiles>,
    /// The authority's band (none without polarity or value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<QuartileBand>,
    /// Its rank among authorities with a value, 1 the best by polarity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    /// England.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub england: Option<Comparator>,
    /// The region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Comparator>,
    /// The statistical neighbours' average of those with a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbours: Option<Comparator>,
    /// How many neighbours had a value.
    pub neighbours_with_value: usize,
}

impl Benchmark {
    /// Judges better or worse, by the measure's own direction, every
    /// comparator the data set left unjudged (a data set without a
    /// polarity): decided here once, so the evaluation and every report
    /// give the same answer.
    pub(super) fn judged_by(mut self, polarity: Polarity) -> Benchmark {
        let value = self.value;
        for c in [&mut self.england, &mut self.region, &mut self.neighbours]
            .into_iter()
            .flatten()
        {
            if c.better.is_none() && polarity != Polarity::None {
                c.better = value.map(|v| polarity.is_better(v, c.value));
            }
        }
        self
    }
}

/// Benchmarks `authority` in `dataset` for the period `label`.
///
/// # Example
///
/// ```
/// use lineofsight::measure::{benchmark, QuartileBand};
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let eet = plan.dataset("lait-care-leavers-eet").unwrap();
/// let b = benchmark(eet, plan.authority.as_ref().unwrap(), "2019");
/// assert_eq!(b.value, Some(50.0));
/// assert_eq!(b.england.as_ref().map(|e| e.gap), Some(-2.0));
/// assert_eq!(b.neighbours_with_value, 10);
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn benchmark(dataset: &Dataset, authority: &Authority, label: &str) -> Benchmark {
    let value_of = |code: &str| {
        dataset
            .area(code)
            .and_then(|a| a.values.get(label))
            .and_then(|v| v.number())
    };
    let value = value_of(&authority.code);
    let mut all: Vec<f64> = dataset
        .areas
        .iter()
        .filter(|a| a.level == AreaLevel::LocalAuthority)
        .filter_map(|a| a.values.get(label).and_then(|v| v.number()))
        .filter(|v| v.is_finite())
        .collect();
    all.sort_by(f64::total_cmp);
    let quartiles = Quartiles::of_sorted(&all);
    let polarity = dataset.polarity;
    let band = match (quartiles, value) {
        (Some(q), Some(v)) => q.band(v, polarity),
        _ => None,
    };
    let rank = value.and_then(|v| match polarity {
        Polarity::HigherIsBetter => Some(all.iter().filter(|x| **x > v).count() + 1),
        Polarity::LowerIsBetter => Some(all.iter().filter(|x| **x < v).count() + 1),
        Polarity::None => None,
    });
    let compare = |name: String, other: Option<f64>| -> Option<Comparator> {
        let (v, o) = (value?, other?);
        Some(Comparator {
            name,
            value: o,
            gap: v - o,
            better: (polarity != Polarity::None).then(|| polarity.is_better(v, o)),
        })
    };
    let england = dataset
        .england()
        .and_then(|e| compare(e.name.clone(), e.values.get(label).and_then(|v| v.number())));
    // The data set's own record of the authority's region wins: codes differ
    // between publications (LAIT `981`, EES `E12000002`).
    let region_code = dataset
        .area(&authority.code)
        .and_then(|a| a.region.clone())
        .unwrap_or_else(|| authority.region.clone());
    let region = dataset
        .area(&region_code)
        .and_then(|r| compare(r.name.clone(), r.values.get(label).and_then(|v| v.number())));
    let neighbour_values: Vec<f64> = authority
        .neighbours
        .iter()
        .filter_map(|c| value_of(c))
        .collect();
    let n = neighbour_values.len();
    let mean = (n > 0).then(|| neighbour_values.iter().sum::<f64>() / n as f64);
    let neighbours = compare("Statistical neighbours".to_string(), mean);
    Benchmark {
        period: label.to_string(),
        value,
        quartiles,
        band,
        rank,
        england,
        region,
        neighbours,
        neighbours_with_value: n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `quartile_bands` over a whole data set gives the authority the band
    /// `benchmark` gives it, for every period of every built-in data set.
    #[test]
    fn quartile_bands_agree_with_benchmark() {
        let plan = crate::builtin("lancashire").expect("built-in plan");
        let authority = plan.authority.clone().expect("authority");
        for ds in &plan.datasets {
            let labels: Vec<&String> = ds.areas.iter().flat_map(|a| a.values.keys()).collect();
            for (g, label) in (0u32..).zip(&labels) {
                let rows: Vec<BandInput> = ds
                    .areas
                    .iter()
                    .map(|a| BandInput {
                        value: a
                            .values
                            .get(*label)
                            .and_then(|v| v.number())
                            .unwrap_or(f64::NAN),
                        group: g,
                        polarity: ds.polarity,
                        in_quartiles: a.level == AreaLevel::LocalAuthority,
                    })
                    .collect();
                let bands = quartile_bands(&rows);
                let at = ds.areas.iter().position(|a| a.code == authority.code);
                let want = benchmark(ds, &authority, label).band;
                assert_eq!(at.and_then(|i| bands[i]), want, "{} {label}", ds.id);
            }
        }
    }

    /// Group numbers far apart (renumbered inside) band as the same groups
    /// numbered 0, 1, 2, and as `Quartiles` of each group's counted values.
    #[test]
    fn sparse_group_numbers_band_as_dense_ones() {
        let polarity = [
            Polarity::HigherIsBetter,
            Polarity::LowerIsBetter,
            Polarity::None,
        ];
        let dense: Vec<BandInput> = (0u32..500)
            .map(|i| BandInput {
                value: if i % 17 == 0 {
                    f64::NAN
                } else {
                    f64::from((i * 7919) % 101) - 20.0
                },
                group: i % 7,
                polarity: polarity[(i % 3) as usize],
                in_quartiles: i % 5 != 0,
            })
            .collect();
        let sparse: Vec<BandInput> = dense
            .iter()
            .map(|r| BandInput {
                group: u32::MAX - r.group * 1_000_003,
                ..*r
            })
            .collect();
        let bands = quartile_bands(&dense);
        assert_eq!(quartile_bands(&sparse), bands);
        for (r, band) in dense.iter().zip(&bands) {
            let counted: Vec<f64> = dense
                .iter()
                .filter(|o| o.group == r.group && o.in_quartiles)
                .map(|o| o.value)
                .collect();
            let want = Quartiles::of(&counted)
                .filter(|_| r.value.is_finite())
                .and_then(|q| q.band(r.value, r.polarity));
            assert_eq!(*band, want);
        }
        assert!(bands.iter().any(Option::is_some));
    }

    #[test]
    fn quartile_bands_of_nothing() {
        assert!(quartile_bands(&[]).is_empty());
    }
}
