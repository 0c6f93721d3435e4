//! The growth ladder (issue 13, item 4): every input-driven cost is linear
//! (or n log n), checked by timing each job at sizes ten times apart and
//! failing when ten times the input takes more than twenty times as long.
//!
//! Nothing about absolute time is asserted: each rung is the fastest of a
//! few runs, each time is counted as at least 1 ms (20 ms in test mode:
//! noise swamps anything shorter), and a ladder that fails is run once more before the
//! check fails, so a loaded machine does not fail it. A quadratic cost
//! shows as about 100× per 10× step and a cubic one as 1,000×.
//!
//! ```text
//! cargo bench -p lineofsight --bench ladder            # optimised, full sizes
//! cargo test  -p lineofsight --bench ladder -- --test  # as the suite runs it
//! ```
//!
//! The suite (`scripts/test-all.sh`) runs it through the benches' test
//! mode, unoptimised (an optimised build of the crate and its dependencies
//! would add minutes of compiling): there every size is a tenth of the
//! optimised one (100, 1,000, 10,000 actions) and the slow ladders stop at
//! their `suite_top`, so it takes about a minute. `LADDER=name` runs only
//! the ladders whose name contains `name`.
//!
//! The `stage: …` ladders (and the board report's) climb 10k → 100k → 1M
//! actions optimised, printing each step's growth ratio (issue 14); in test
//! mode they stop at 10k, so the 1M rung runs only under `cargo bench`.

// A benchmark fails loudly on bad setup rather than timing nothing.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stdout)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use lineofsight::export::{render, ReportFormat};
use lineofsight::import::{import_plan, ImportOptions, LabelTarget, LeadSpelling, Limits};
use lineofsight::measure::{quartile_bands, BandInput, Polarity};
use lineofsight::plan::{Group, LeadKind, Plan};
use lineofsight::report::{BoardReport, ReportOptions};
use lineofsight::rules::columns::{ActionColumns, RatingColumns, TimescaleDictionary};
use lineofsight::{JsonLimits, LoadOptions};

#[path = "synthetic_columns.rs"]
mod synthetic_columns;
#[path = "synthetic_plan.rs"]
mod synthetic_plan;
use synthetic_columns::synthetic_columns;
use synthetic_plan::synthetic_plan;

/// One ladder: a name, its sizes, how to build the input for a size, and
/// the work to time on it.
struct Ladder {
    name: &'static str,
    sizes: &'static [usize],
    /// The largest size run in test mode (unoptimised, in the suite), where
    /// every size is a tenth of the optimised one.
    suite_top: usize,
    run: Box<dyn Fn(usize) -> Box<dyn FnMut()>>,
}

const ACTIONS: &[usize] = &[1_000, 10_000, 100_000];

/// The stages of rating a plan, each timed at 10k, 100k and 1M (issue 14:
/// "every stage is linear"). In test mode only 1k and 10k run: the 1M rung
/// is for `cargo bench` alone.
const STAGES: &[usize] = &[10_000, 100_000, 1_000_000];

fn ladders() -> Vec<Ladder> {
    vec![
        Ladder {
            name: "import CSV rows",
            sizes: ACTIONS,
            suite_top: 1_000,
            run: Box::new(|n| {
                let csv = tracker_csv(n);
                Box::new(move || {
                    let (plan, _) = import_plan(csv.as_bytes(), &options()).expect("imports");
                    assert_eq!(plan.actions().count(), n);
                })
            }),
        },
        Ladder {
            name: "distinct leads",
            sizes: ACTIONS,
            suite_top: 1_000,
            run: Box::new(|n| {
                let mut csv = String::from("Ref,Action,Lead\n");
                for i in 0..n {
                    writeln!(csv, "{i},Action {i},Lead {i:06}").unwrap();
                }
                Box::new(move || {
                    let (plan, _) = import_plan(csv.as_bytes(), &options()).expect("imports");
                    assert_eq!(plan.leads.len(), n);
                })
            }),
        },
        Ladder {
            name: "known lead spellings",
            sizes: ACTIONS,
            suite_top: 10_000,
            run: Box::new(|n| {
                // n spellings in the mapping; each row runs two together.
                let mut options = options();
                for i in 0..n {
                    options.leads.insert(
                        format!("LD{i:06}"),
                        LeadSpelling {
                            name: format!("Lead {i:06}"),
                            kind: LeadKind::Role,
                        },
                    );
                }
                let mut csv = String::from("Ref,Action,Lead\n");
                for i in 0..n {
                    let j = (i * 7 + 3) % n;
                    writeln!(csv, "{i},Action {i},LD{i:06}/LD{j:06}").unwrap();
                }
                Box::new(move || {
                    let (plan, _) = import_plan(csv.as_bytes(), &options).expect("imports");
                    assert_eq!(plan.leads.len(), n);
                })
            }),
        },
        Ladder {
            name: "mapping labels, group rows",
            sizes: ACTIONS,
            suite_top: 1_000,
            run: Box::new(|n| {
                // n labels and n group rows in the mapping; each action is
                // followed by a one-cell row starting with one of the labels
                // (and looked up among the group rows first).
                let mut options = options();
                for i in 0..n {
                    options
                        .labels
                        .insert(format!("Note {i:06}"), LabelTarget::Notes);
                    options.group_rows.push(format!("Section {i:06}"));
                }
                let mut csv = String::from("Ref,Action,Lead\n");
                for i in 0..n {
                    let j = (i * 7 + 3) % n;
                    writeln!(csv, "{i},Action {i},Alice\n\"Note {j:06}: seen\",,").unwrap();
                }
                Box::new(move || {
                    let (plan, _) = import_plan(csv.as_bytes(), &options).expect("imports");
                    assert_eq!(plan.actions().count(), n);
                })
            }),
        },
        Ladder {
            name: "groups in a chain",
            sizes: ACTIONS,
            suite_top: 10_000,
            run: Box::new(|n| {
                let plan = groups(n, |i| (i > 0).then(|| format!("g{}", i - 1)));
                Box::new(move || plan.check().expect("a chain is no loop"))
            }),
        },
        Ladder {
            name: "groups side by side",
            sizes: ACTIONS,
            suite_top: 10_000,
            run: Box::new(|n| {
                let plan = groups(n, |i| (i > 0).then(|| "g0".to_string()));
                Box::new(move || plan.check().expect("no loop"))
            }),
        },
        Ladder {
            name: "'<' in a cell",
            sizes: &[10_000, 100_000, 400_000],
            suite_top: 40_000,
            run: Box::new(|n| {
                let csv = format!("Ref,Action,Lead\n1,\"{} then act\",Alice\n", "<".repeat(n));
                Box::new(move || {
                    let (plan, _) = import_plan(csv.as_bytes(), &options()).expect("imports");
                    assert_eq!(plan.actions().count(), 1);
                })
            }),
        },
        Ladder {
            name: "a row of long cells",
            sizes: &[800_000, 8_000_000, 80_000_000],
            suite_top: 800_000,
            run: Box::new(|n| {
                // One row of n bytes in 999 cells (one 80 MB row took 37 s
                // in WebAssembly).
                let cell = "y".repeat(n / 1_000);
                let csv = format!("Ref,Action,Lead\n1,{}\n", vec![cell; 999].join(","));
                Box::new(move || {
                    let (plan, _) = import_plan(csv.as_bytes(), &options()).expect("imports");
                    assert_eq!(plan.actions().count(), 1);
                })
            }),
        },
        Ladder {
            name: "workbook read back (actions, groups)",
            sizes: ACTIONS,
            suite_top: 1_000,
            run: Box::new(|n| {
                // The whole plan back from its own workbook: the Actions
                // sheet and the outline sheets, with n/10 groups.
                let mut plan = synthetic_plan(n);
                plan.groups = groups(n / 10, |i| (i > 0).then(|| "g0".to_string())).groups;
                let bytes = render(&report(&plan), ReportFormat::Xlsx).expect("renders");
                Box::new(move || {
                    let (back, _) = import_plan(&bytes, &options()).expect("imports");
                    assert_eq!(back.actions().count(), n);
                })
            }),
        },
        Ladder {
            name: "wide plan: board report, html",
            sizes: ACTIONS,
            suite_top: 10_000,
            run: Box::new(|n| {
                // One objective and one group per 10 actions, a named
                // person per 10 leading them, published: rows' objectives,
                // groups' members and names in text are all looked up.
                let plan = wide_plan(n);
                let options = {
                    let mut built = ReportOptions::default();
                    built.publish = true;
                    built
                };
                Box::new(move || {
                    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid date");
                    let report =
                        BoardReport::build(&plan, as_of, &plan.rules_or_default(), &options);
                    black_box(render(&report, ReportFormat::Html).expect("renders"));
                })
            }),
        },
        Ladder {
            name: "stage: load JSON",
            sizes: STAGES,
            suite_top: 10_000,
            run: Box::new(|n| {
                let json = synthetic_plan(n).to_json();
                // 1M actions are about 310 MB of JSON, past the default limit.
                let options = LoadOptions::default().with_limits({
                    let mut limits = JsonLimits::default();
                    limits.max_bytes = usize::MAX;
                    limits
                });
                Box::new(move || {
                    let (plan, _) = Plan::from_json_with(&json, &options).expect("loads");
                    black_box(plan);
                })
            }),
        },
        Ladder {
            name: "stage: check",
            sizes: STAGES,
            suite_top: 10_000,
            run: Box::new(|n| {
                let plan = synthetic_plan(n);
                Box::new(move || plan.check().expect("valid"))
            }),
        },
        Ladder {
            name: "stage: evaluate",
            sizes: STAGES,
            suite_top: 10_000,
            run: Box::new(|n| {
                let plan = synthetic_plan(n);
                let rules = plan.rules_or_default();
                Box::new(move || {
                    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid date");
                    black_box(plan.evaluate(as_of, &rules));
                })
            }),
        },
        Ladder {
            name: "stage: columnar rating",
            sizes: STAGES,
            suite_top: 10_000,
            run: Box::new(columnar_run),
        },
        Ladder {
            name: "stage: LAIT bands",
            sizes: STAGES,
            suite_top: 10_000,
            run: Box::new(|n| {
                // LAIT's shape: about 150 authorities per indicator and
                // period, a fifth of the values suppressed.
                let rows: Vec<BandInput> = (0..n)
                    .map(|i| BandInput {
                        value: if i % 5 == 0 {
                            f64::NAN
                        } else {
                            ((i * 7919) % 1000) as f64 / 10.0
                        },
                        group: u32::try_from(i / 150).expect("small"),
                        polarity: if (i / 150) % 2 == 0 {
                            Polarity::HigherIsBetter
                        } else {
                            Polarity::LowerIsBetter
                        },
                        in_quartiles: i % 150 < 140,
                    })
                    .collect();
                Box::new(move || {
                    black_box(quartile_bands(&rows));
                })
            }),
        },
        Ladder {
            name: "board report, build",
            sizes: STAGES,
            suite_top: 10_000,
            run: Box::new(|n| {
                let plan = synthetic_plan(n);
                Box::new(move || {
                    black_box(report(&plan));
                })
            }),
        },
    ]
    .into_iter()
    .chain(FORMATS.iter().map(|&(name, format)| Ladder {
        name,
        sizes: ACTIONS,
        // The workbook, Word and calendar writers are the slow ones unoptimised.
        suite_top: if matches!(
            format,
            ReportFormat::Xlsx | ReportFormat::Docx | ReportFormat::Calendar
        ) {
            1_000
        } else {
            10_000
        },
        run: Box::new(move |n| format_run(format, n)),
    }))
    .collect()
}

/// Every board-report format, each its own ladder.
const FORMATS: &[(&str, ReportFormat)] = &[
    ("board report, terminal", ReportFormat::Terminal),
    ("board report, markdown", ReportFormat::Markdown),
    ("board report, html", ReportFormat::Html),
    ("board report, csv", ReportFormat::Csv),
    ("board report, json", ReportFormat::Json),
    ("board report, xlsx", ReportFormat::Xlsx),
    ("board report, docx", ReportFormat::Docx),
    ("board report, ics", ReportFormat::Calendar),
];

/// Rates `n` rows of columns shaped like `synthetic_plan(n)` (as the
/// evaluate bench's columnar group): timescale text parsed once per
/// distinct text, a state, a recorded rating and, on every other row, a
/// dated update with a percentage.
fn columnar_run(n: usize) -> Box<dyn FnMut()> {
    let rows = synthetic_columns(n);
    let rules = lineofsight::RuleSet::default();
    let mut out = RatingColumns::default();
    Box::new(move || {
        let dictionary = TimescaleDictionary::from_texts(rows.timescales.iter().copied());
        let columns = ActionColumns::new(dictionary.column())
            .with_state(&rows.state)
            .and_then(|c| c.with_recorded(&rows.recorded))
            .and_then(|c| c.with_last_update(&rows.last_update))
            .and_then(|c| c.with_percent_complete(&rows.percent))
            .expect("columns");
        let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid date");
        columns.rate_into(as_of, &rules, &mut out);
        assert_eq!(out.len(), n);
    })
}

fn format_run(format: ReportFormat, n: usize) -> Box<dyn FnMut()> {
    let plan = synthetic_plan(n);
    let report = report(&plan);
    Box::new(move || {
        let bytes = render(&report, format).expect("renders");
        assert!(!bytes.is_empty());
    })
}

fn report(plan: &Plan) -> BoardReport {
    let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).expect("valid date");
    BoardReport::build(
        plan,
        as_of,
        &plan.rules_or_default(),
        &ReportOptions::default(),
    )
}

/// The default options, reading 100,000 actions under a header.
fn options() -> ImportOptions {
    {
        let mut built = ImportOptions::default();
        built.limits = {
            let mut built = Limits::default();
            built.max_rows = 1_000_000;
            built
        };
        built
    }
}

/// A plan of `n` actions with an objective, a group (side by side under
/// one) and a named person for every 10, whose names are in the text.
fn wide_plan(n: usize) -> Plan {
    let mut plan = synthetic_plan(n);
    let actions: Vec<_> = plan.objectives.drain(..).flat_map(|o| o.actions).collect();
    plan.groups = groups(n / 10 + 1, |i| (i > 0).then(|| "g0".to_string())).groups;
    for (k, chunk) in actions.chunks(10).enumerate() {
        let mut o = lineofsight::plan::Objective::new(&format!("o{k}"), &format!("Objective {k}"));
        o.group = Some(format!("g{}", k + 1));
        let name = format!("Person {k:06}");
        let mut person = lineofsight::plan::Lead::new(&format!("p{k}"), &name, LeadKind::Person);
        person.role = Some(format!("Role {k}"));
        plan.leads.push(person);
        for a in chunk {
            let mut a = a.clone();
            a.text = format!("{name} to report on {}", a.text);
            a.leads = vec![format!("p{k}")];
            o.actions.push(a);
        }
        plan.objectives.push(o);
    }
    plan
}

fn groups(n: usize, parent: fn(usize) -> Option<String>) -> Plan {
    let mut plan = Plan::new("T", "O");
    for i in 0..n {
        plan.groups.push({
            let mut built = Group::new("", "");
            built.id = format!("g{i}");
            built.title = format!("Group {i}");
            built.parent = parent(i);
            built.source = None;
            built
        });
    }
    plan
}

/// A tracker of `n` actions in the shape councils keep.
fn tracker_csv(n: usize) -> String {
    let mut csv = String::from("Ref,Action,Lead,By when?,RAG,Progress\n");
    let leads = [
        "Head of Service",
        "Virtual School Head",
        "Participation Team",
    ];
    let when = [
        "Dec-19",
        "31/03/2020",
        "Q3 2019/20",
        "Immediate and ongoing",
    ];
    let rag = ["Green", "Amber", "Red", ""];
    for i in 0..n {
        writeln!(
            csv,
            "{}.{},\"Action {i}: <b>review</b> placements\",{},{},{},\"Met on 01/10/2019; on track\"",
            i / 100 + 1,
            i % 100 + 1,
            leads[i % leads.len()],
            when[i % when.len()],
            rag[i % rag.len()],
        )
        .unwrap();
    }
    csv
}

/// The fastest of `runs` runs of the job (after one unmeasured warm-up when
/// the job is quick).
fn fastest(job: &mut dyn FnMut(), runs: usize) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        job();
        best = best.min(start.elapsed());
    }
    best
}

/// Times are counted as at least this, optimised: shorter ones are mostly
/// timer noise.
const FLOOR: Duration = Duration::from_millis(1);
/// In test mode (unoptimised, on a loaded machine in the suite) times under
/// this swing several-fold from run to run.
const TEST_FLOOR: Duration = Duration::from_millis(20);

/// Runs one ladder up to `top`: each rung's fastest time, and whether every
/// step stayed within twice its growth in size (20× for 10×).
fn climb(ladder: &Ladder, optimised: bool) -> bool {
    let mut times: Vec<(usize, Duration)> = Vec::new();
    let mut ok = true;
    let sizes = ladder
        .sizes
        .iter()
        .map(|&n| if optimised { n } else { n / 10 });
    for n in sizes.filter(|&n| optimised || n <= ladder.suite_top) {
        let mut job = (ladder.run)(n);
        // Fewer runs where one run is long.
        let first = fastest(&mut job, 1);
        let runs = if first > Duration::from_millis(500) {
            2
        } else {
            4
        };
        let t = first.min(fastest(&mut job, runs));
        let mut line = format!("  {:<26} {:>8}  {:>10.3} ms", ladder.name, n, ms(t));
        if let Some(&(m, before)) = times.last() {
            let floor = if optimised { FLOOR } else { TEST_FLOOR };
            let ratio = ms(t.max(floor)) / ms(before.max(floor));
            let allowed = 2.0 * (n as f64 / m as f64);
            write!(line, "  ×{ratio:>6.1} (allowed ×{allowed:.0})").unwrap();
            if ratio > allowed {
                ok = false;
                line.push_str("  TOO STEEP");
            }
        }
        println!("{line}");
        times.push((n, t));
    }
    ok
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` passes `--bench`; test mode (the suite) passes `--test`
    // or nothing.
    let optimised = args.iter().any(|a| a == "--bench");
    let only = std::env::var("LADDER").unwrap_or_default();
    let mut failed = Vec::new();
    println!(
        "Growth ladder ({}): fastest run per size; ratio to the size before",
        if optimised { "optimised" } else { "test mode" }
    );
    for ladder in ladders().iter().filter(|l| l.name.contains(only.as_str())) {
        if !climb(ladder, optimised) {
            println!("  {}: too steep; running it once more", ladder.name);
            if !climb(ladder, optimised) {
                failed.push(ladder.name);
            }
        }
    }
    if !failed.is_empty() {
        println!("Costs growing faster than twice the input: {failed:?}");
        std::process::exit(1);
    }
}
