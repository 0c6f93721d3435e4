//! Writes the SVG chart of every measure with published values, as of a date.
//!
//! ```text
//! cargo run --example measure_charts -- --as-of 2019-12-31 --out target/charts
//! ```

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Parser;
use lineofsight::measure::measure_chart;
use lineofsight::RuleSet;

/// Writes one SVG file per measure that has published values.
#[derive(Parser)]
struct Args {
    /// The date to rate as of (YYYY-MM-DD).
    #[arg(long)]
    as_of: NaiveDate,
    /// The folder to write into.
    #[arg(long, default_value = "target/charts")]
    out: PathBuf,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let plan = lineofsight::builtin("lancashire")?;
    let eval = plan.evaluate(args.as_of, &RuleSet::default());
    std::fs::create_dir_all(&args.out)?;
    for m in eval.measures.iter().filter(|m| m.latest.is_some()) {
        let path = args.out.join(format!("{}.svg", m.measure_id));
        std::fs::write(&path, measure_chart(m, &plan.style))?;
        println!("{}", path.display());
    }
    Ok(())
}
