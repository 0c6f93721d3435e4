//! Evaluates a synthetic plan of 100,000 actions as of a date, and loads
//! and checks it.
//!
//! `cargo bench -p lineofsight --bench evaluate` reports the time per
//! evaluation (actions per second = 100,000 / that time), per
//! `Plan::check` and per `Plan::from_json`.

// A benchmark fails loudly on bad setup rather than timing nothing.
#![allow(clippy::expect_used)]

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use lineofsight::RuleSet;

#[path = "synthetic_plan.rs"]
mod synthetic_plan;
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
