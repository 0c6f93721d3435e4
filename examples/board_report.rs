//! The main job: the board report a council officer takes to the Corporate
//! Parenting Board.
//!
//! ```text
//! cargo run --example board_report -- --as-of 2019-12-31
//! cargo run --example board_report -- my-plan.json --rules rules.json
//! cargo run --example board_report -- --as-of 2019-12-31 --format html --out report.html
//! cargo run --example board_report -- --as-of 2019-12-31 --format xlsx --publish --out plan.xlsx
//! cargo run --example board_report -- q3.csv --previous q2.csv --since 2019-09-30 --as-of 2019-12-31
//! cargo run --example board_report -- --builtin lancashire --as-of 2019-12-31 --format ics --per-lead leads/
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
//! Formats are the library's (`lineofsight::export::ReportFormat`, parsed
//! by its `FromStr`): `terminal` (plain text, 100 columns), `markdown` (for
//! pasting into board papers), `html` (one self-contained, accessible
//! page), `xlsx` (an Excel workbook: Actions, Measures, Summary), `csv` (one
//! row per action), `json` (the board report as data), `ics` (the leads'
//! calendar: every open action's due date as an all-day event per lead) and
//! `docx` (the Word board paper, its charts drawn with the fonts under
//! /usr/share/fonts: the library itself reads no files).
//! `--out PATH` writes to a file instead of standard output. A workbook
//! or Word paper is binary: without `--out` it is written to standard output
//! only when that is not a terminal (`> plan.xlsx` or a pipe); to a
//! terminal it is refused. `--publish` replaces named people among the
//! leads with their role (or "Named officer") before anything is rendered.
//!
//! Changes since the last report: `--since DATE` rates the plan at that
//! date too and says what changed (ratings up and down, actions completed,
//! new actions, deadlines moved, commentary not updated). `--previous FILE`
//! compares with last quarter's tracker, read like the plan file, matching
//! actions by id or ref (rated as of `--since`, or the as-of date).
//! `--by-lead` lays the report out lead by lead; `--per-lead DIR` writes
//! one file per lead into DIR instead (`virtual-school-head.ics` …), each
//! lead's own list, and prints the paths written to standard error.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use lineofsight::export::{self, ReportFormat, UnknownFormat};
use lineofsight::report::{lead_file_stem, BoardReport, ReportOptions, DEFAULT_LOOK_AHEAD_DAYS};
use lineofsight::{Plan, RuleSet};

/// Print the board report for a corporate parenting plan, rated as of a date.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// Rate as of this date (YYYY-MM-DD). Defaults to today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<NaiveDate>,
    /// A plan file: lineofsight's JSON (`.json`), or a table of actions as
    /// CSV, TSV, Markdown, Excel or Word (`.csv`, `.tsv`, `.txt`, `.md`,
    /// `.xlsx`, `.docx`), read by the generic importer. Defaults to the
    /// built-in plans.
    #[arg(value_name = "PLAN", conflicts_with = "builtin")]
    plan: Option<PathBuf>,
    /// An import mapping (JSON) for a table plan: explicit columns, section
    /// rows, known lead spellings (see tests/mappings/ for examples). Used
    /// for `--previous` too.
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
    /// The previous report's date (YYYY-MM-DD): say what changed since.
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,
    /// Last quarter's tracker, read like the plan file: say what changed
    /// since it (rated as of --since, or the as-of date), matching actions
    /// by id or ref.
    #[arg(long, value_name = "FILE", requires = "plan")]
    previous: Option<PathBuf>,
    /// Lay the report out lead by lead.
    #[arg(long)]
    by_lead: bool,
    /// Write one file per lead into this folder (created if missing),
    /// instead of one report; the paths written go to standard error.
    #[arg(long, value_name = "DIR", conflicts_with = "out")]
    per_lead: Option<PathBuf>,
    #[arg(long, default_value = "terminal", value_parser = parse_format, help = format_help())]
    format: ReportFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Publish-safe: replace named people among the leads with their role.
    #[arg(long)]
    publish: bool,
}

/// A format name or extension, as the library reads it.
fn parse_format(s: &str) -> Result<ReportFormat, UnknownFormat> {
    s.parse()
}

/// `Output format: terminal, markdown, … or ics`, from the library's list.
fn format_help() -> String {
    let names: Vec<String> = ReportFormat::ALL.iter().map(ToString::to_string).collect();
    format!(
        "Output format: {} (xlsx is binary: needs --out, --per-lead or a redirected standard output)",
        names.join(", ")
    )
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !args.format.is_text()
        && args.out.is_none()
        && args.per_lead.is_none()
        && std::io::stdout().is_terminal()
    {
        eprintln!(
            "board_report: {} is binary; pass --out FILE.{} or redirect standard output",
            args.format,
            args.format.extension()
        );
        return ExitCode::from(2);
    }
    let report = match run(&args) {
        Ok(report) => report,
        Err(message) => {
            eprintln!("board_report: {message}");
            return ExitCode::from(2);
        }
    };
    let bytes = match report {
        Output::Bytes(bytes) => bytes,
        Output::PerLead(report) => {
            let Some(dir) = &args.per_lead else {
                return ExitCode::from(2);
            };
            return match write_per_lead(&report, args.format, dir) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("board_report: {message}");
                    ExitCode::from(1)
                }
            };
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

/// What a run produced: the report's bytes, or a report to write lead by
/// lead.
enum Output {
    Bytes(Vec<u8>),
    PerLead(Box<BoardReport>),
}

/// Writes each lead's list (`BoardReport::for_lead`) into `dir` as
/// `<lead>.<extension>` (`-2` … added when two names give one file name),
/// and says where on standard error.
fn write_per_lead(report: &BoardReport, format: ReportFormat, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if report.leads.is_empty() {
        eprintln!("board_report: no lead has an open action; nothing written");
    }
    let mut used = std::collections::HashSet::new();
    for lead in &report.leads {
        let bytes = render(&report.for_lead(&lead.name), format)?;
        // Two spellings that give one file name (`Children's` and
        // `Childrens`) are two files, never one overwriting the other.
        let stem = lead_file_stem(&lead.name);
        // At most `leads` names are taken, so one of `leads + 1` is free.
        let stem = (1..=report.leads.len() + 1)
            .map(|n| {
                if n == 1 {
                    stem.clone()
                } else {
                    format!("{stem}-{n}")
                }
            })
            .find(|s| used.insert(s.clone()))
            .unwrap_or(stem);
        let path = dir.join(format!("{stem}.{}", format.extension()));
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("{}", path.display());
    }
    Ok(())
}

/// Reads a plan file: native JSON, or a table through the importer, whose
/// warnings go to standard error.
fn load_plan(path: &Path, mapping: Option<&Path>) -> Result<Plan, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read plan {}: {e}", path.display()))?;
    if lineofsight::import::is_plan_json(&path.to_string_lossy()) {
        let (plan, warnings) = Plan::from_json_bytes(&bytes, &lineofsight::LoadOptions::default())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        for w in &warnings {
            eprintln!("board_report: {}: {w}", path.display());
        }
        return Ok(plan);
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

fn run(args: &Args) -> Result<Output, String> {
    // The only clock in lineofsight: the command line's default date.
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut options = ReportOptions::default()
        .with_look_ahead_days(args.upcoming_days)
        .with_publish(args.publish)
        .with_by_lead(args.by_lead);
    options.since = args.since;
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
        (None, None) if args.per_lead.is_some() => {
            return Err(
                "--per-lead needs one plan: a plan file or --builtin NAME (e.g. lancashire)".into(),
            )
        }
        (None, None) => {
            let plans = lineofsight::BUILTIN_SEPARATE_PLANS
                .iter()
                .map(|name| {
                    let plan = lineofsight::builtin(name).map_err(|e| e.to_string())?;
                    Ok((name.to_string(), plan))
                })
                .collect::<Result<Vec<_>, String>>()?;
            let bytes = if args.format == ReportFormat::Docx {
                export::docx::BoardPaper::new(&chart_fonts()).render_plans(
                    &plans,
                    as_of,
                    rules.as_ref(),
                    &options,
                )
            } else {
                export::render_plans(&plans, as_of, rules.as_ref(), args.format, &options)
            };
            return bytes.map(Output::Bytes).map_err(|e| e.to_string());
        }
    };
    let rules = rules.unwrap_or_else(|| plan.rules_or_default());
    let report = match &args.previous {
        Some(path) => {
            let previous = load_plan(path, args.mapping.as_deref())?;
            BoardReport::build_compared(&previous, &plan, as_of, &rules, &options)
        }
        None => BoardReport::build(&plan, as_of, &rules, &options),
    };
    if args.per_lead.is_some() {
        return Ok(Output::PerLead(Box::new(report)));
    }
    render(&report, args.format).map(Output::Bytes)
}

/// One report in one format: the library's `export::render`, except that
/// the Word paper gets fonts to draw its charts with.
fn render(report: &BoardReport, format: ReportFormat) -> Result<Vec<u8>, String> {
    let bytes = if format == ReportFormat::Docx {
        export::docx::BoardPaper::new(&chart_fonts()).render(report)
    } else {
        export::render(report, format)
    };
    bytes.map_err(|e| e.to_string())
}

/// Fonts for the Word paper's charts, read here because the library reads
/// no files: Liberation Sans (Arial's metrics, which the charts ask for) or
/// DejaVu Sans from `/usr/share/fonts`. None found: the charts are left out
/// and their figures are in tables.
fn chart_fonts() -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    let mut dirs = vec![PathBuf::from("/usr/share/fonts")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                dirs.push(path);
            } else if ["LiberationSans-", "DejaVuSans."]
                .iter()
                .any(|family| name.starts_with(family))
                && path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("ttf"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}
