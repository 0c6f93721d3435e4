//! The synthetic plan the evaluation benchmarks rate: shared by
//! `core/benches/evaluate.rs` and the WebAssembly comparison
//! (`bindings-wasm/examples/synthetic_plan.rs`), so both rate the same plan.

use chrono::NaiveDate;
use lineofsight::plan::{Action, Objective, Plan, ProgressUpdate, RecordedRating};
use lineofsight::Rating;

pub(crate) const TIMESCALES: [&str; 12] = [
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
pub(crate) fn synthetic_plan(n: usize) -> Plan {
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
            a.recorded_rating = Some({
                let mut built = RecordedRating::new(lineofsight::rating::Rating::NoData);
                built.rating = [Rating::Green, Rating::Amber, Rating::Red][k % 3];
                built.text = None;
                built
            });
            if k.is_multiple_of(2) {
                a.progress.push({
                    let mut built = ProgressUpdate::undated("");
                    built.date =
                        NaiveDate::from_ymd_opt(2019, 1 + u32::try_from(k % 12).unwrap_or(0), 1);
                    built.note = String::new();
                    built.rating = None;
                    built.percent_complete = Some((k % 100) as f64);
                    built.by = None;
                    built
                });
            }
            objective.actions.push(a);
        }
        plan.objectives.push(objective);
    }
    plan
}
