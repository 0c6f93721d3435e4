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
use lineofsight::{Plan, RuleSet};

#[path = "../../core/benches/synthetic_plan.rs"]
mod synthetic;
use synthetic::synthetic_plan;

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
