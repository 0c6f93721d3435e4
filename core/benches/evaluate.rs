//! Evaluates a synthetic plan of 100,000 actions as of a date, and loads
//! and checks it.
//!
//! `cargo bench -p lineofsight --bench evaluate` reports the time per
//! evaluation (actions per second = 100,000 / that time), per
//! `Plan::check` and per `Plan::from_json`; and the columnar path
//! (`rules::columns`) over 100k and 1M rows of the same shape, from
//! timescale text (parsed once per distinct text) and from due dates,
//! reported as ratings per second (criterion's `thrpt`, in elem/s); and
//! reading every measure's target of the built-in plan against evaluating it.

// A benchmark fails loudly on bad setup rather than timing nothing.
#![allow(clippy::expect_used)]

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use lineofsight::RuleSet;

#[path = "synthetic_columns.rs"]
mod synthetic_columns;
#[path = "synthetic_plan.rs"]
mod synthetic_plan;
use synthetic_columns::synthetic_columns;
use synthetic_plan::{synthetic_plan, TIMESCALES};

fn bench(c: &mut Criterion) {
    let n = 100_000;
    let plan = synthetic_plan(n);
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid");
    let rules = RuleSet::default();
    let mut group = c.benchmark_group("evaluate");
    group.throughput(Throughput::Elements(n as u64));
    group.sample_size(20);
    group.bench_function("100k_actions", |b| b.iter(|| plan.evaluate(as_of, &rules)));
    group.bench_function("check_100k_actions", |b| {
        b.iter(|| plan.check().expect("valid"));
    });
    let json = plan.to_json();
    group.bench_function("load_100k_actions_json", |b| {
        b.iter(|| lineofsight::Plan::from_json(&json).expect("loads"));
    });
    group.bench_function("parse_100k_timescales", |b| {
        b.iter_batched(
            || (),
            |()| {
                (0..n)
                    .map(|k| {
                        lineofsight::timescale::Timescale::parse(TIMESCALES[k % TIMESCALES.len()])
                    })
                    .filter(|t| t.due().is_some())
                    .count()
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
    measure_targets(c);
    columnar(c);
}

/// The cost of reading every measure's target from its text on each
/// evaluation (`Measure::reading`, not kept: `text` and `target` are public
/// fields a cache would go stale behind), against evaluating the whole
/// built-in plan, which reads each once.
fn measure_targets(c: &mut Criterion) {
    let plan = lineofsight::builtin("lancashire").expect("built-in plan");
    let measures: Vec<&lineofsight::plan::Measure> = plan
        .objectives
        .iter()
        .flat_map(|o| o.measures.iter())
        .collect();
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid");
    let rules = plan.rules_or_default();
    let mut group = c.benchmark_group("measures");
    group.sample_size(20);
    group.throughput(Throughput::Elements(measures.len() as u64));
    group.bench_function("read_builtin_targets", |b| {
        b.iter(|| {
            measures
                .iter()
                .filter(|m| m.reading().target().is_some())
                .count()
        });
    });
    group.bench_function("evaluate_builtin_plan", |b| {
        b.iter(|| plan.evaluate(as_of, &rules));
    });
    group.finish();
}

/// Columns shaped like `synthetic_plan(n)`: the seeds' timescale forms in
/// turn, a recorded rating on every row and a dated update (with a
/// percentage) on every other one.
fn columnar(c: &mut Criterion) {
    use lineofsight::rules::columns::{
        ActionColumns, RatingColumns, TimescaleColumn, TimescaleDictionary,
    };

    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid");
    let rules = RuleSet::default();
    let mut group = c.benchmark_group("columnar");
    group.sample_size(20);
    for n in [100_000usize, 1_000_000] {
        let rows = synthetic_columns(n);
        let dictionary = TimescaleDictionary::from_texts(rows.timescales.iter().copied());
        let due: Vec<Option<NaiveDate>> = dictionary
            .keys()
            .iter()
            .map(|&k| dictionary.values()[k as usize].due())
            .collect();
        let label = if n >= 1_000_000 { "1m" } else { "100k" };
        group.throughput(Throughput::Elements(n as u64));
        for (what, timescale) in [
            ("timescale_text", dictionary.column()),
            ("due_dates", TimescaleColumn::Due(&due)),
        ] {
            let columns = ActionColumns::new(timescale)
                .with_state(&rows.state)
                .and_then(|c| c.with_recorded(&rows.recorded))
                .and_then(|c| c.with_last_update(&rows.last_update))
                .and_then(|c| c.with_percent_complete(&rows.percent))
                .expect("columns");
            let mut out = RatingColumns::default();
            group.bench_function(format!("rate_{label}_{what}"), |b| {
                b.iter(|| {
                    columns.rate_into(as_of, &rules, &mut out);
                    out.len()
                });
            });
        }
        group.bench_function(format!("parse_{label}_timescale_texts_once"), |b| {
            b.iter(|| {
                TimescaleDictionary::from_texts(rows.timescales.iter().copied())
                    .values()
                    .len()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
