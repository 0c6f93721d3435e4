//! Rates all 641,070 observations of the DfE's LAIT data set
//! (`../shared/data/lait/bds_long_0.parquet`) against their indicator's
//! polarity (from the LAIT data dictionary) and quartiles: every value's
//! quartile band A–D among the local authorities for its indicator and
//! period, as LAIT does.
//!
//! `cargo bench -p lineofsight --bench lait` times the whole job
//! (`band_641070_observations`) and its two halves: reading the published
//! values and numbering the groups (`inputs_…`), and the banding alone
//! (`quartile_bands_…`). Skipped, with a message, when
//! the shared data is not beside the repository.

// A benchmark fails loudly on bad setup rather than timing nothing.
#![allow(clippy::expect_used)]

use std::collections::HashMap;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lineofsight::measure::{quartile_bands, BandInput, ObservedValue, Polarity};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::RowAccessor;

/// Where the LAIT files are: `LINEOFSIGHT_SHARED` if set, else `../shared`
/// beside the checkout.
fn data_dir() -> Option<std::path::PathBuf> {
    std::env::var_os("LINEOFSIGHT_SHARED")
        .map(std::path::PathBuf::from)
        .into_iter()
        .chain([Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")])
        .map(|p| p.join("data/lait"))
        .find(|p| p.join("bds_long_0.parquet").is_file())
}

/// One LAIT row: indicator, period, area number, value as published.
struct Row {
    indicator: String,
    period: String,
    area: u32,
    value: String,
}

fn load() -> Option<(Vec<Row>, HashMap<String, Polarity>)> {
    let dir = data_dir()?;
    let file = std::fs::File::open(dir.join("bds_long_0.parquet")).ok()?;
    let reader = SerializedFileReader::new(file).expect("parquet");
    let mut rows = Vec::with_capacity(
        usize::try_from(reader.metadata().file_metadata().num_rows()).unwrap_or(0),
    );
    for row in reader.get_row_iter(None).expect("rows") {
        let row = row.expect("row");
        let text = |i: usize| row.get_string(i).cloned().unwrap_or_default();
        rows.push(Row {
            indicator: text(0),
            period: text(2),
            // Area codes are three-digit numbers stored as doubles.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            area: row.get_double(5).map_or(0, |v| v as u32),
            value: text(4),
        });
    }
    let dictionary = std::fs::read(dir.join("lait_data_dictionary.csv")).ok()?;
    let mut csv = csv::Reader::from_reader(dictionary.as_slice());
    let headers = csv.headers().expect("headers").clone();
    let short = headers
        .iter()
        .position(|h| h == "Measure_short")
        .expect("Measure_short");
    let pol = headers
        .iter()
        .position(|h| h == "Polarity")
        .expect("Polarity");
    let mut polarity = HashMap::new();
    for r in csv.records().flatten() {
        if let Some(p) = Polarity::from_lait(r.get(pol).unwrap_or("")) {
            polarity.insert(r.get(short).unwrap_or("").to_string(), p);
        }
    }
    Some((rows, polarity))
}

/// Bands every observation with [`quartile_bands`] (the same call the
/// Python binding makes); returns how many got a band. Each indicator and
/// period is one group; local authorities count towards the quartiles,
/// England and the regions are banded against them.
fn rate_all(rows: &[Row], polarity: &HashMap<String, Polarity>) -> usize {
    quartile_bands(&inputs(rows, polarity))
        .iter()
        .filter(|b| b.is_some())
        .count()
}

/// The rows as [`BandInput`]s: each value read from its published text,
/// each indicator and period numbered, each indicator's polarity looked up.
/// A long table keeps an indicator's rows together, so a row with the same
/// indicator and period as the one before takes its number and polarity
/// without a look-up.
fn inputs(rows: &[Row], polarity: &HashMap<String, Polarity>) -> Vec<BandInput> {
    let mut groups: HashMap<(&str, &str), u32> = HashMap::new();
    let mut last: Option<(&str, &str, u32, Polarity)> = None;
    rows.iter()
        .map(|r| {
            let (group, polarity) = match last {
                Some((i, p, group, polarity)) if i == r.indicator && p == r.period => {
                    (group, polarity)
                }
                _ => {
                    let next = u32::try_from(groups.len()).expect("fewer than 2^32 groups");
                    let group = *groups.entry((&r.indicator, &r.period)).or_insert(next);
                    let polarity = polarity
                        .get(&r.indicator)
                        .copied()
                        .unwrap_or(Polarity::None);
                    last = Some((&r.indicator, &r.period, group, polarity));
                    (group, polarity)
                }
            };
            BandInput {
                value: ObservedValue::parse(&r.value)
                    .ok()
                    .and_then(ObservedValue::number)
                    .unwrap_or(f64::NAN),
                group,
                polarity,
                in_quartiles: r.area < 970,
            }
        })
        .collect()
}

/// Only reads the values: what is left of [`inputs`] without the groups.
fn values(rows: &[Row]) -> f64 {
    rows.iter()
        .filter_map(|r| {
            ObservedValue::parse(&r.value)
                .ok()
                .and_then(ObservedValue::number)
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    let Some((rows, polarity)) = load() else {
        eprintln!("SKIP: the LAIT benchmark needs ../shared/data/lait beside the checkout, or LINEOFSIGHT_SHARED naming it");
        return;
    };
    assert_eq!(rows.len(), 641_070);
    let banded = rate_all(&rows, &polarity);
    eprintln!("{} of {} observations banded", banded, rows.len());
    let runs = 1 + rows
        .windows(2)
        .filter(|w| (&w[0].indicator, &w[0].period) != (&w[1].indicator, &w[1].period))
        .count();
    eprintln!("{runs} runs of the same indicator and period");
    let mut g = c.benchmark_group("lait");
    g.sample_size(10);
    g.throughput(Throughput::Elements(rows.len() as u64));
    // The whole job: from published text, indicator and period names.
    g.bench_function("band_641070_observations", |b| {
        b.iter(|| rate_all(&rows, &polarity));
    });
    // Its first half: reading the values, numbering the groups.
    g.bench_function("inputs_641070_observations", |b| {
        b.iter(|| inputs(&rows, &polarity).len());
    });
    g.bench_function("values_641070_observations", |b| {
        b.iter(|| values(&rows));
    });
    // Its second half: the banding alone, from numbers and group numbers.
    let ready = inputs(&rows, &polarity);
    g.bench_function("quartile_bands_641070_observations", |b| {
        b.iter(|| quartile_bands(&ready).len());
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
