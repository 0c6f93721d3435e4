//! The main job: the board report a council officer takes to the Corporate
//! Parenting Board.
//!
//! ```text
//! cargo run --example board_report -- --as-of 2019-12-31
//! cargo run --example board_report -- my-plan.json --rules rules.json
//! cargo run --example board_report -- --as-of 2019-12-31 --format html --out report.html
//! cargo run --example board_report -- --as-of 2019-12-31 --format xlsx --publish --out plan.xlsx
//! cargo run --example board_report -- --builtin lancashire --as-of 2019-12-31 --format docx --out paper.docx
//! ```
//!
//! With no plan file it reports on Lancashire's built-in plans as of the
//! date (today by default): each plan current on the date in full, and each
//! plan whose period has ended as a short entry with its final position
//! (what was complete and open at its end, its ratings as at its last
//! day). `--builtin NAME` reports on one built-in plan instead (`lancashire`
//! is the combined set, as before). A plan file is reported as before; if
//! its dates have ended, it is rated as at its last day and says it is
//! closed. Which plans are current, and the closed positions, are decided
//! in the library (`lineofsight::report::plans_as_of`); this only prints.
//!
//! Formats: `terminal` (plain text, 100 columns), `markdown` (for pasting
//! into board papers), `html` (one self-contained, accessible page), `xlsx`
//! (an Excel workbook: Actions, Measures, Summary), `csv` (one row per
//! action), `json` (the board report as data) and `docx` (the Word board
//! paper, its charts drawn with the fonts under /usr/share/fonts).
//! `--out PATH` writes to a file instead of standard output. A workbook or
//! Word paper is binary: without `--out` it is written to standard output
//! only when that is not a terminal (`> plan.xlsx` or a pipe); to a
//! terminal it is refused.
//! `--publish` replaces named people among the leads with their role (or
//! "Named officer") before anything is rendered.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, ValueEnum};
use lineofsight::export;
use lineofsight::report::{BoardReport, ReportOptions, DEFAULT_LOOK_AHEAD_DAYS};
use lineofsight::{Plan, RuleSet};

/// Print the board report for a corporate parenting plan, rated as of a date.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// Rate as of this date (YYYY-MM-DD). Defaults to today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<NaiveDate>,
    /// A plan file: lineofsight's JSON (`.json`), or a table of actions as
    /// CSV, TSV, Markdown or Excel (`.csv`, `.tsv`, `.txt`, `.md`, `.xlsx`),
    /// read by the generic importer. Defaults to the built-in plan.
    #[arg(value_name = "PLAN", conflicts_with = "builtin")]
    plan: Option<PathBuf>,
    /// An import mapping (JSON) for a table plan: explicit columns, section
    /// rows, known lead spellings (see tests/mappings/ for examples).
    #[arg(long, value_name = "FILE", requires = "plan")]
    mapping: Option<PathBuf>,
    /// One built-in plan to report on when no file is given (e.g.
    /// `lancashire`, the combined set). Without it, the built-in plans
    /// current on the date are reported and the closed ones summarised.
    #[arg(long)]
    builtin: Option<String>,
    /// A rule set (JSON). Defaults to the plan's own rules, or the default rules.
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// How many days ahead to list upcoming deadlines.
    #[arg(long, default_value_t = DEFAULT_LOOK_AHEAD_DAYS)]
    upcoming_days: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Publish-safe: replace named people among the leads with their role.
    #[arg(long)]
    publish: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Plain text, readable at 100 columns.
    Terminal,
    /// Markdown for pasting into board papers.
    Markdown,
    /// One self-contained, accessible HTML page.
    Html,
    /// An Excel workbook (binary: needs --out or a redirected stdout).
    Xlsx,
    /// One CSV row per action, with rating and reason.
    Csv,
    /// The report as JSON data.
    Json,
    /// The Word board paper (binary: needs --out or a redirected stdout).
    Docx,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let binary = matches!(args.format, Format::Xlsx | Format::Docx);
    if binary && args.out.is_none() && std::io::stdout().is_terminal() {
        let format = export::ReportFormat::from(args.format);
        eprintln!(
            "board_report: {format} is binary; pass --out FILE.{} or redirect standard output",
            format.extension()
        );
        return ExitCode::from(2);
    }
    let bytes = match run(&args) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("board_report: {message}");
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &args.out {
        return match std::fs::write(path, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("board_report: cannot write {}: {e}", path.display());
                ExitCode::from(1)
            }
        };
    }
    // A reader who pipes the report into `head` or `less` and stops early
    // closes the pipe: that is not an error.
    match std::io::stdout().lock().write_all(&bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("board_report: cannot write the report: {e}");
            ExitCode::from(1)
        }
    }
}

/// Reads a plan file: native JSON, or a table through the importer, whose
/// warnings go to standard error.
fn load_plan(path: &std::path::Path, mapping: Option<&std::path::Path>) -> Result<Plan, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read plan {}: {e}", path.display()))?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let json =
            String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8: {e}", path.display()))?;
        return Plan::from_json(&json).map_err(|e| format!("{}: {e}", path.display()));
    }
    let mut options = match mapping {
        Some(m) => {
            let json = std::fs::read_to_string(m)
                .map_err(|e| format!("cannot read mapping {}: {e}", m.display()))?;
            lineofsight::import::ImportOptions::from_json(&json)
                .map_err(|e| format!("{}: {e}", m.display()))?
        }
        None => lineofsight::import::ImportOptions::default(),
    };
    options.input_name = path.display().to_string();
    let (plan, report) =
        lineofsight::import::import_plan(&bytes, &options).map_err(|e| e.to_string())?;
    for w in &report.warnings {
        eprintln!("board_report: {}: {w}", path.display());
    }
    Ok(plan)
}

fn run(args: &Args) -> Result<Vec<u8>, String> {
    // The only clock in lineofsight: the command line's default date.
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let options = ReportOptions {
        look_ahead_days: args.upcoming_days,
        publish: args.publish,
        ..ReportOptions::default()
    };
    let rules = match &args.rules {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read rules {}: {e}", path.display()))?;
            Some(RuleSet::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))?)
        }
        None => None,
    };
    let plan = match (&args.plan, &args.builtin) {
        (Some(path), _) => load_plan(path, args.mapping.as_deref())?,
        (None, Some(name)) => lineofsight::builtin(name).map_err(|e| e.to_string())?,
        (None, None) => {
            let plans = lineofsight::BUILTIN_SEPARATE_PLANS
                .iter()
                .map(|name| {
                    let plan = lineofsight::builtin(name).map_err(|e| e.to_string())?;
                    Ok((name.to_string(), plan))
                })
                .collect::<Result<Vec<_>, String>>()?;
            if args.format == Format::Docx {
                return export::docx::BoardPaper::new(system_fonts())
                    .render_plans(&plans, as_of, rules.as_ref(), &options)
                    .map_err(|e| e.to_string());
            }
            return export::render_plans(
                &plans,
                as_of,
                rules.as_ref(),
                args.format.into(),
                &options,
            )
            .map_err(|e| e.to_string());
        }
    };
    let rules = rules.unwrap_or_else(|| plan.rules_or_default());
    let report = BoardReport::build(&plan, as_of, &rules, &options);
    if args.format == Format::Docx {
        return export::docx::BoardPaper::new(system_fonts())
            .render(&report)
            .map_err(|e| e.to_string());
    }
    export::render(&report, args.format.into()).map_err(|e| e.to_string())
}

/// The font files under /usr/share/fonts (TrueType, OpenType and
/// collections), for the Word paper's charts: the library reads no files
/// itself. None found: the charts are left out and their figures are in
/// tables.
fn system_fonts() -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    let mut dirs = vec![PathBuf::from("/usr/share/fonts")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| {
                ["ttf", "otf", "ttc"]
                    .iter()
                    .any(|x| e.eq_ignore_ascii_case(x))
            }) {
                files.push(path);
            }
        }
    }
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

impl From<Format> for export::ReportFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Terminal => export::ReportFormat::Terminal,
            Format::Markdown => export::ReportFormat::Markdown,
            Format::Html => export::ReportFormat::Html,
            Format::Xlsx => export::ReportFormat::Xlsx,
            Format::Csv => export::ReportFormat::Csv,
            Format::Json => export::ReportFormat::Json,
            Format::Docx => export::ReportFormat::Docx,
        }
    }
}
