//! Evaluates a synthetic plan of 100,000 actions as of a date.
//!
//! `cargo bench -p lineofsight --bench evaluate` reports the time per
//! evaluation; actions per second = 100,000 / that time.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use lineofsight::plan::{Action, Objective, Plan, ProgressUpdate, RecordedRating};
use lineofsight::{Rating, RuleSet};

const TIMESCALES: [&str; 12] = [
    "31/08/2019",
    "Dec-19",
    "Nov 18 – Nov 19",
    "Immediate and ongoing",
    "30th April 2020",
    "Mar 19 – ongoing quarterly",
    "Q3 2019/20",
    "2019/20",
    "Roll out Jan 19 Nov 19",
    "31/04/2019",
    "",
    "Achieved",
];

/// A plan of `n` actions in 100 objectives, cycling through the seeds'
/// timescale forms, with recorded ratings and a progress update on half.
fn synthetic_plan(n: usize) -> Plan {
    let mut plan = Plan::new("Synthetic plan", "Benchmark Council");
    let per_objective = n / 100;
    for o in 0..100 {
        let mut objective = Objective::new(&format!("o{o}"), &format!("Objective {o}"));
        for i in 0..per_objective {
            let k = o * per_objective + i;
            let mut a = Action::new(
                &format!("a{k}"),
                "Synthetic action",
                TIMESCALES[k % TIMESCALES.len()],
            );
            a.recorded_rating = Some(RecordedRating {
                rating: [Rating::Green, Rating::Amber, Rating::Red][k % 3],
                text: None,
            });
            if k.is_multiple_of(2) {
                a.progress.push(ProgressUpdate {
                    date: NaiveDate::from_ymd_opt(2019, 1 + (k % 12) as u32, 1).expect("valid"),
                    note: String::new(),
                    rating: None,
                    percent_complete: Some((k % 100) as f64),
                });
            }
            objective.actions.push(a);
        }
        plan.objectives.push(objective);
    }
    plan
}

fn bench(c: &mut Criterion) {
    let n = 100_000;
    let plan = synthetic_plan(n);
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid");
    let rules = RuleSet::default();
    let mut group = c.benchmark_group("evaluate");
    group.throughput(Throughput::Elements(n as u64));
    group.sample_size(20);
    group.bench_function("100k_actions", |b| b.iter(|| plan.evaluate(as_of, &rules)));
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
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
