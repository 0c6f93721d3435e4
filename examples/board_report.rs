//! The main job: the board report a council officer takes to the Corporate
//! Parenting Board.
//!
//! ```text
//! cargo run --example board_report -- --as-of 2019-12-31
//! cargo run --example board_report -- --plan my-plan.json --rules rules.json
//! ```
//!
//! With no flags it reports on the built-in Lancashire plan as of today.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, ValueEnum};
use lineofsight::report::{render_terminal, BoardReport};
use lineofsight::{Plan, RuleSet};

/// Print the board report for a corporate parenting plan, rated as of a date.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// Rate as of this date (YYYY-MM-DD). Defaults to today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<NaiveDate>,
    /// A plan file in lineofsight's JSON format. Defaults to the built-in plan.
    #[arg(value_name = "PLAN", conflicts_with = "builtin")]
    plan: Option<PathBuf>,
    /// Which built-in plan to use when no file is given.
    #[arg(long, default_value = "lancashire")]
    builtin: String,
    /// A rule set (JSON). Defaults to the plan's own rules, or the default rules.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// How many days ahead to list upcoming deadlines.
    #[arg(long, default_value_t = 90)]
    upcoming_days: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Plain text, readable at 100 columns.
    Terminal,
    /// The report as JSON data.
    Json,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(text) => {
            use std::io::Write;
            // A reader who pipes the report into `head` or `less` and stops
            // early closes the pipe: that is not an error.
            match std::io::stdout().lock().write_all(text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("board_report: cannot write the report: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(message) => {
            eprintln!("board_report: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<String, String> {
    let plan = match &args.plan {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read plan {}: {e}", path.display()))?;
            Plan::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => lineofsight::builtin(&args.builtin).map_err(|e| e.to_string())?,
    };
    let rules = match &args.rules {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read rules {}: {e}", path.display()))?;
            RuleSet::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => plan.rules_or_default(),
    };
    // The only clock in lineofsight: the command line's default date.
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let eval = plan.evaluate(as_of, &rules);
    let report = BoardReport::new(&plan, &eval, args.upcoming_days);
    Ok(match args.format {
        Format::Terminal => render_terminal(&report, &plan.style),
        Format::Json => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n",
    })
}
