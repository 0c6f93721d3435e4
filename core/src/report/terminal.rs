//! The board report as plain text for a terminal, readable at 100 columns.

use std::fmt::Write;

use super::measures::MeasureRow;
use super::wrap::{pad, wrap, wrap_at_most};
use super::{commentary_date_text, BoardCounts, BoardReport, ReportRow, Section};
use crate::export::escape_terminal;
use crate::measure::Trend;
use crate::rating::Rating;
use crate::rules::reason::uk_date;

/// The report's width in characters.
const WIDTH: usize = 100;

/// How many lines an action's latest update may take before it is cut off
/// with an ellipsis (only here: files always carry the whole note).
const UPDATE_LINES: usize = 3;

/// Renders the board report as plain text no wider than 100 columns: the
/// sections of [`BoardReport::sections`] in order, the summary first (no
/// chart: the counts by objective instead), empty sections left out. Every
/// rating is shown as a word and a shape, never by colour alone.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::report::{render_terminal, BoardReport, ReportOptions};
/// use lineofsight::rules::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let text = render_terminal(&BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default()));
/// assert!(text.lines().all(|l| l.chars().count() <= 100));
/// assert!(text.contains("DISCREPANCIES"));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn render_terminal(report: &BoardReport) -> String {
    let mut out = String::new();
    let rule = "═".repeat(WIDTH);
    let thin = "─".repeat(WIDTH);
    let chip = |r: Rating| report.look(r).chip();

    line(&mut out, &rule);
    wrapped(&mut out, &report.title);
    wrapped(&mut out, &report.subtitle);
    line(&mut out, &rule);
    if let Some(closed) = &report.closed {
        wrapped(&mut out, &closed.sentence());
    }
    if report.names_people {
        line(
            &mut out,
            "Note: some leads are named people. Replace them with their roles before publishing.",
        );
    }
    let pens = Pens::new(&chip, &rule, &thin);
    for section in report.sections() {
        match section {
            Section::Summary => summary(&mut out, report, &chip, &thin),
            Section::Changes => changes(&mut out, report, &chip, &rule),
            Section::Measures => measures(&mut out, report, &chip, &rule),
            Section::OpenByObjective => by_objective(&mut out, report, &pens),
            Section::OpenByLead => by_lead(&mut out, report, &pens),
            Section::Exceptions => {
                let title = format!(
                    "EXCEPTIONS: {} red and amber open actions, worst first",
                    report.exceptions.len()
                );
                heading(&mut out, &title, &rule);
                table(&mut out, report, &report.exceptions, &chip, true);
            }
            Section::Upcoming => {
                let title = format!(
                    "DUE IN THE NEXT {} DAYS: {} open actions",
                    report.options.look_ahead_days,
                    report.upcoming.len()
                );
                heading(&mut out, &title, &rule);
                table(&mut out, report, &report.upcoming, &chip, true);
            }
            Section::Discrepancies => {
                let title = format!(
                    "DISCREPANCIES: {} recorded ratings disagree with the rules as of {}",
                    report.discrepancies.len(),
                    uk_date(report.as_of)
                );
                heading(&mut out, &title, &rule);
                table(&mut out, report, &report.discrepancies, &chip, true);
            }
            Section::Warnings => {
                blank(&mut out);
                line(
                    &mut out,
                    &format!("DATA WARNINGS: {}", report.warnings.len()),
                );
                for w in &report.warnings {
                    bullet(&mut out, w);
                }
            }
        }
    }
    out
}

/// A section heading between two rules.
fn heading(out: &mut String, title: &str, rule: &str) {
    blank(out);
    line(out, rule);
    wrapped(out, title);
    line(out, rule);
}

/// `- text`, wrapped with a hanging indent.
fn bullet(out: &mut String, text: &str) {
    for (i, l) in wrap(text, WIDTH - 2).iter().enumerate() {
        line(out, &format!("{}{l}", if i == 0 { "- " } else { "  " }));
    }
}

/// An action as a line names it: `1.2/3a Refresh the pledge.`
fn name(r: &ReportRow) -> String {
    named(r.full_ref().as_deref(), &r.text)
}

/// Text after its ref, or the text alone where there is no ref.
fn named(reference: Option<&str>, text: &str) -> String {
    match reference {
        Some(x) => format!("{x} {text}"),
        None => text.to_string(),
    }
}

/// The one-page summary: overall position, counts, counts by objective,
/// what changed and the biggest exceptions.
fn summary(out: &mut String, report: &BoardReport, chip: &dyn Fn(Rating) -> String, thin: &str) {
    let s = &report.summary;
    blank(out);
    line(out, "SUMMARY");
    line(out, thin);
    wrapped(
        out,
        &format!(
            "Overall: {} ({})",
            chip(report.plan.rating),
            report.plan.reason.message()
        ),
    );
    line(
        out,
        &format!(
            "Actions: {} ({} open, {} complete)",
            s.actions, s.open, s.complete
        ),
    );
    let key: Vec<String> = Rating::ALL.iter().map(|r| chip(*r)).collect();
    wrapped(out, &format!("Key: {}", key.join("  ")));
    line(
        out,
        "* marks a recorded rating that the rules allowed to override the computed one.",
    );
    blank(out);
    let head = format!(
        "{} {:>5} {:>5} {:>5} {:>5} {:>7}  {}",
        pad("Objective", 53),
        "Red",
        "Amber",
        "Green",
        "Blue",
        "Unrated",
        "Rating"
    );
    line(out, &head);
    let mut group: Option<&str> = None;
    for o in &report.objectives {
        if o.group.as_deref() != group {
            group = o.group.as_deref();
            if let Some(g) = group {
                line(out, &format!("[{}]", pad(g, WIDTH - 2).trim_end()));
            }
        }
        let name = match &o.reference {
            Some(r) => format!("{r} {}", o.title),
            None => o.title.clone(),
        };
        line(out, &counts_line(&name, &o.counts, &chip(o.rollup.rating)));
    }
    line(out, thin);
    line(
        out,
        &counts_line("Whole plan", &s.counts, &chip(report.plan.rating)),
    );
    if let Some(c) = &report.changes {
        blank(out);
        wrapped(out, &c.headline());
    }
    if s.measures_with_data > 0 {
        blank(out);
        line(
            out,
            &format!(
                "Measures: {} of {} with published data meet their target.",
                s.measures_met, s.measures_with_data
            ),
        );
    }
    if !s.top_exceptions.is_empty() {
        blank(out);
        line(out, "Biggest exceptions:");
        for r in report.rows(&s.top_exceptions) {
            bullet(
                out,
                &format!("{} [{}] {}", name(r), chip(r.rating), r.reason.message()),
            );
        }
    }
}

/// What changed since the previous report: moved deadlines first.
fn changes(out: &mut String, report: &BoardReport, chip: &dyn Fn(Rating) -> String, rule: &str) {
    let Some(c) = &report.changes else {
        return;
    };
    let mut title = c.heading().to_uppercase();
    if let Some(p) = &c.previous {
        let _ = write!(title, " (compared with {p})");
    }
    heading(out, &title, rule);
    if !c.moved_deadlines.is_empty() {
        blank(out);
        line(
            out,
            &format!("DEADLINES MOVED: {}", c.moved_deadlines.len()),
        );
        for m in &c.moved_deadlines {
            let Some(r) = report.actions.get(m.row) else {
                continue;
            };
            bullet(out, &name(r));
            line(
                out,
                &format!(
                    "  {} → {} ({})",
                    m.from_timescale,
                    m.to_timescale,
                    m.shift()
                ),
            );
        }
    }
    for (label, moves) in c.rating_groups() {
        blank(out);
        line(out, &format!("{label}: {}", moves.len()));
        for m in moves {
            let Some(r) = report.actions.get(m.row) else {
                continue;
            };
            bullet(
                out,
                &format!("{}: {} → {}", name(r), chip(m.from), chip(m.to)),
            );
            indented(out, 4, &format!("Then: {}", m.from_reason));
            indented(out, 4, &format!("Now: {}", m.to_reason));
        }
    }
    for (label, list) in c.lists() {
        blank(out);
        line(out, &format!("{label}: {}", list.len()));
        for (reference, text) in list.items(report) {
            bullet(out, &named(reference.as_deref(), text));
        }
    }
}

/// What a section draws with: rating chips and the two rules.
struct Pens<'a> {
    chip: &'a dyn Fn(Rating) -> String,
    rule: &'a str,
    thin: &'a str,
}

impl<'a> Pens<'a> {
    fn new(chip: &'a dyn Fn(Rating) -> String, rule: &'a str, thin: &'a str) -> Pens<'a> {
        Pens { chip, rule, thin }
    }
}

/// The open actions, objective by objective.
fn by_objective(out: &mut String, report: &BoardReport, pens: &Pens<'_>) {
    let Pens { chip, rule, thin } = *pens;
    heading(out, "OPEN ACTIONS BY OBJECTIVE", rule);
    for o in &report.objectives {
        blank(out);
        line(out, thin);
        let title = match &o.reference {
            Some(r) => format!("Objective {r}: {}", o.title),
            None => o.title.clone(),
        };
        wrapped(out, &title);
        if let Some(g) = &o.group {
            line(out, &format!("Part of: {g}"));
        }
        if let Some(aim) = &o.aim {
            wrapped(out, &format!("Aim: {aim}"));
        }
        wrapped(
            out,
            &format!(
                "Rating: {} ({})",
                chip(o.rollup.rating),
                o.rollup.reason.message()
            ),
        );
        line(out, thin);
        if o.open.is_empty() {
            line(out, "No open actions.");
            continue;
        }
        table(out, report, &o.open, chip, false);
    }
}

/// The open actions, lead by lead, soonest due first.
fn by_lead(out: &mut String, report: &BoardReport, pens: &Pens<'_>) {
    let Pens { chip, rule, thin } = *pens;
    heading(out, "OPEN ACTIONS BY LEAD", rule);
    for l in &report.leads {
        blank(out);
        line(out, thin);
        wrapped(out, &format!("{}: {} open actions", l.name, l.open.len()));
        line(out, thin);
        table(out, report, &l.open, chip, true);
    }
}

/// Measures with a target or data: a summary table that answers "were the
/// measures met?" at a glance, then each measure's comparisons and reason.
fn measures(out: &mut String, report: &BoardReport, chip: &dyn Fn(Rating) -> String, rule: &str) {
    if report.measures.is_empty() {
        return;
    }
    blank(out);
    line(out, rule);
    let (with_data, met) = report.measures_with_data();
    line(
        out,
        &format!(
            "MEASURES OF SUCCESS: {met} of {} with published data meet their target",
            with_data.len()
        ),
    );
    line(out, rule);
    line(
        out,
        &format!(
            "{} {} {} {} {} {}",
            pad("Measure", 32),
            pad("Target", 20),
            pad("Latest", 22),
            pad("Trend", 6),
            pad("Band", 4),
            "Rating"
        ),
    );
    for m in &with_data {
        let name = match &m.objective_ref {
            Some(r) => format!("{r} {}", m.text),
            None => m.text.clone(),
        };
        let latest = format!(
            "{} ({})",
            m.latest.as_deref().unwrap_or("–"),
            m.latest_period.as_deref().unwrap_or("–")
        );
        let trend = match m.trend {
            Trend::Improving => "better",
            Trend::Worsening => "worse",
            Trend::NoChange => "same",
            Trend::Up => "up",
            Trend::Down => "down",
            Trend::NotComparable => "–",
        };
        let band = m.band.map_or("–".to_string(), |b| format!("{b:?}"));
        line(
            out,
            &format!(
                "{} {} {} {} {} {}",
                pad(&wrap(&name, 32).into_iter().next().unwrap_or_default(), 32),
                pad(m.target.as_deref().unwrap_or("–"), 20),
                pad(&latest, 22),
                pad(trend, 6),
                pad(&band, 4),
                chip(m.rating)
            ),
        );
    }
    for m in &with_data {
        blank(out);
        let name = match &m.objective_ref {
            Some(r) => format!("{r} {}", m.text),
            None => m.text.clone(),
        };
        wrapped(out, &name);
        let mut facts: Vec<String> = m
            .comparisons
            .iter()
            .map(|c| format!("{} {} ({})", c.name, c.value, c.gap))
            .collect();
        if let Some(r) = &m.rank {
            facts.push(format!("ranked {r} authorities"));
        }
        indented(out, 2, &facts.join(" · "));
        indented(out, 2, &m.reason);
        if let Some(n) = &m.data_note {
            indented(out, 2, &format!("Note: {n}"));
        }
    }
    let without: Vec<&MeasureRow> = report
        .measures
        .iter()
        .filter(|m| m.latest.is_none())
        .collect();
    blank(out);
    wrapped(out, &format!(
            "{} more measures have a numeric target but no data in the plan; {} have no number to rate against and are rated by hand.",
            without.len(),
            report.qualitative_measures
        ));
}

/// Writes one line, with any control character from a plan made harmless.
fn line(out: &mut String, text: &str) {
    let _ = writeln!(out, "{}", escape_terminal(text).trim_end());
}

/// `text` wrapped to the report's width, a line at a time.
fn wrapped(out: &mut String, text: &str) {
    indented(out, 0, text);
}

/// `text` wrapped to the report's width `indent` spaces in.
fn indented(out: &mut String, indent: usize, text: &str) {
    let margin = " ".repeat(indent);
    for l in wrap(text, WIDTH - indent) {
        line(out, &format!("{margin}{l}"));
    }
}

fn blank(out: &mut String) {
    out.push('\n');
}

fn counts_line(name: &str, c: &BoardCounts, rating: &str) -> String {
    format!(
        "{} {:>5} {:>5} {:>5} {:>5} {:>7}  {}",
        pad(&wrap(name, 53).into_iter().next().unwrap_or_default(), 53),
        c.red,
        c.amber,
        c.green,
        c.blue,
        c.other,
        rating
    )
}

/// A table of actions: Ref, Action, Timescale, Lead, Recorded, Rating, with
/// the reason and the latest update (at most three lines, then `…`) under
/// each row. With `objective_refs`, the ref is prefixed by the
/// objective's ref so rows from different objectives can be told apart.
fn table(
    out: &mut String,
    report: &BoardReport,
    rows: &[usize],
    chip: &dyn Fn(Rating) -> String,
    objective_refs: bool,
) {
    const REF: usize = 9;
    const ACTION: usize = 30;
    const WHEN: usize = 16;
    const LEAD: usize = 15;
    const RECORDED: usize = 9;
    line(
        out,
        &format!(
            "{} {} {} {} {} {}",
            pad("Ref", REF),
            pad("Action", ACTION),
            pad("Timescale", WHEN),
            pad("Lead", LEAD),
            pad("Recorded", RECORDED),
            "Rating"
        ),
    );
    for r in report.rows(rows) {
        let objective_ref = r.objective_ref.clone().filter(|_| objective_refs);
        let reference = match (objective_ref, &r.reference) {
            (Some(o), Some(a)) => format!("{o}/{a}"),
            (Some(o), None) => format!("{o}/–"),
            (None, Some(a)) => a.clone(),
            (None, None) => "–".to_string(),
        };
        let cols = [
            wrap(&reference, REF),
            wrap(&r.text, ACTION),
            wrap(
                if r.timescale.is_empty() {
                    "–"
                } else {
                    &r.timescale
                },
                WHEN,
            ),
            wrap(
                &if r.leads.is_empty() {
                    "–".to_string()
                } else {
                    r.leads.join("; ")
                },
                LEAD,
            ),
            vec![r
                .recorded
                .map_or_else(|| "–".into(), |x| report.look(x).label.clone())],
            vec![format!(
                "{}{}",
                chip(r.rating),
                if r.overridden { "*" } else { "" }
            )],
        ];
        let height = cols.iter().map(Vec::len).max().unwrap_or(1);
        for i in 0..height {
            let cell = |c: usize, w: usize| pad(cols[c].get(i).map_or("", String::as_str), w);
            line(
                out,
                &format!(
                    "{} {} {} {} {} {}",
                    cell(0, REF),
                    cell(1, ACTION),
                    cell(2, WHEN),
                    cell(3, LEAD),
                    cell(4, RECORDED),
                    cols[5].get(i).map_or("", String::as_str)
                ),
            );
        }
        for (i, l) in wrap(&r.reason.message(), WIDTH - REF - 3)
            .iter()
            .enumerate()
        {
            let lead = if i == 0 { "↳ " } else { "  " };
            line(out, &format!("{}{lead}{l}", " ".repeat(REF + 1)));
        }
        if let Some(note) = &r.commentary_note {
            let update = format!(
                "Latest update ({}): {}",
                commentary_date_text(r.commentary_date),
                escape_terminal(note)
            );
            for l in wrap_at_most(&update, WIDTH - REF - 3, UPDATE_LINES) {
                line(out, &format!("{}  {l}", " ".repeat(REF + 1)));
            }
        }
    }
}
