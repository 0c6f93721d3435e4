//! Writes the benchmark's synthetic plan as JSON and times its evaluation
//! in native Rust, for `bench/bench.mjs` to compare with WebAssembly.
//!
//! ```text
//! cargo run --release -p lineofsight-wasm --example synthetic_plan -- OUT.json [ACTIONS] [RUNS]
//! ```
//!
//! The plan is built exactly as `core/benches/evaluate.rs` builds it: `n`
//! actions in 100 objectives, cycling through the seeds' timescale forms,
//! with recorded ratings and a progress update on half. Prints one JSON
//! line: `{"actions": n, "runs": r, "native_ms": [..], "median_ms": m}`.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Instant;

use chrono::NaiveDate;
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

/// The same generator as `core/benches/evaluate.rs`.
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = args
        .get(1)
        .expect("usage: synthetic_plan OUT.json [ACTIONS] [RUNS]");
    let n: usize = args.get(2).map_or(100_000, |s| s.parse().expect("ACTIONS"));
    let runs: usize = args.get(3).map_or(10, |s| s.parse().expect("RUNS"));
    let plan = synthetic_plan(n);
    let json = plan.to_json();
    std::fs::write(out, &json).expect("write plan");
    // Time exactly what the WebAssembly side times: load the JSON, then evaluate.
    let plan = Plan::from_json(&json).expect("reads back");
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid");
    let rules = RuleSet::default();
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let eval = plan.evaluate(as_of, &rules);
            let t = start.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(eval.actions.len(), n);
            t
        })
        .collect();
    let load_start = Instant::now();
    let _ = Plan::from_json(&json).expect("reads back");
    let load_ms = load_start.elapsed().as_secs_f64() * 1000.0;
    let shown = format!("{ms:?}");
    ms.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{{\"actions\": {n}, \"runs\": {runs}, \"load_ms\": {load_ms:.2}, \"native_ms\": {shown}, \"median_ms\": {:.2}}}",
        ms[runs / 2]
    );
}
