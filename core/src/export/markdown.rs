//! The board report as Markdown, for pasting into board papers.

use std::fmt::Write;

use super::count_of;
use crate::rating::Rating;
use crate::report::{BoardCounts, BoardReport, ComparatorKind, ReportRow, Section};

/// Escapes text for a Markdown table cell or heading: backslash-escapes the
/// characters Markdown would read as markup (backslash, `|`, `<`, `>`, `[`,
/// `]`, `*`, `_`, `~`, the backtick, and `&` where it starts an entity such
/// as `&amp;`), so a
/// `|` never splits a cell, `<script>` shows as text and `&amp;` stays as
/// written; turns line breaks into spaces so a row stays on one line; drops
/// other control characters; and closes right-to-left controls the text
/// leaves open (as [`escape_html`](super::escape_html) does).
pub(super) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    let mut bidi = super::escape::BidiDepth::default();
    let text = text.trim();
    for (at, c) in text.char_indices() {
        match c {
            '&' if starts_entity(&text[at + 1..]) => out.push_str("\\&"),
            '\r' | '\n' | '\t' => {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                continue;
            }
            '\\' | '|' | '<' | '>' | '[' | ']' | '*' | '_' | '~' | '`' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => continue,
            c => {
                bidi.see(c);
                out.push(c);
            }
        }
        last_space = c == ' ';
    }
    bidi.close(&mut out);
    out
}

/// Whether the text after an `&` would make it an entity (`amp;`, `#39;`).
fn starts_entity(after: &str) -> bool {
    let name = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && after.as_bytes().get(name) == Some(&b';')
}

fn chip(report: &BoardReport, r: Rating) -> String {
    md(&report.look(r).chip())
}

fn counts(c: &BoardCounts) -> String {
    format!(
        "{} | {} | {} | {} | {}",
        c.red, c.amber, c.green, c.blue, c.other
    )
}

/// A table of actions, each with its latest update (`30/09/2019: Draft
/// agreed.` or `undated: …`, in full). With `with_objective`, a first column gives the
/// objective's ref so rows from different objectives can be told apart.
fn table(
    out: &mut String,
    report: &BoardReport,
    rows: &[usize],
    with_objective: bool,
    recorded: bool,
) {
    let mut head = String::from("|");
    let mut rule = String::from("|");
    let mut cols: Vec<&str> = Vec::new();
    if with_objective {
        cols.push("Objective");
    }
    cols.extend(["Ref", "Action", "Timescale", "Lead", "Latest update"]);
    if recorded {
        cols.push("Recorded");
    }
    cols.extend(["RAG", "Reason"]);
    for c in &cols {
        let _ = write!(head, " {c} |");
        rule.push_str("---|");
    }
    let _ = writeln!(out, "{head}\n{rule}");
    for r in report.rows(rows) {
        let mut line = String::from("|");
        if with_objective {
            let _ = write!(line, " {} |", md(r.objective_label()));
        }
        let rag = if r.overridden {
            format!("{} (recorded)", chip(report, r.rating))
        } else {
            chip(report, r.rating)
        };
        let _ = write!(
            line,
            " {} | {} | {} | {} | {} |",
            md(r.reference.as_deref().unwrap_or("")),
            md(&r.text),
            md(&r.timescale),
            md(&r.leads.join("; ")),
            md(&r.commentary_line().unwrap_or_default()),
        );
        if recorded {
            let _ = write!(
                line,
                " {} |",
                r.recorded.map(|x| chip(report, x)).unwrap_or_default()
            );
        }
        let _ = write!(line, " {rag} | {} |", md(&r.reason.message()));
        let _ = writeln!(out, "{line}");
    }
}

/// Renders the board report as Markdown for pasting into a board paper, the
/// sections of [`BoardReport::sections`] in order, empty ones left out: the
/// summary (overall position, counts by objective, what changed, the
/// biggest exceptions), the changes since the previous report (moved
/// deadlines first), measures, the open actions by objective (or by lead)
/// with their latest update, exceptions (Red and Amber), upcoming
/// deadlines, discrepancies between recorded ratings and the rules, and
/// data warnings. Ratings show as a shape and a word
/// (`✖ Red`). Text from the plan is escaped: `|` never splits a cell, line
/// breaks become spaces and `<`, `>` cannot make HTML.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::render_markdown;
/// use lineofsight::plan::{Action, Objective, Plan};
/// use lineofsight::report::{BoardReport, ReportOptions};
/// use lineofsight::RuleSet;
///
/// let mut plan = Plan::new("Plan", "Council");
/// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
/// o.actions.push(Action::new("a1", "Agree A | B\nwith <b>everyone</b>", "Nov-19"));
/// plan.objectives.push(o);
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let md = render_markdown(&BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default()));
/// assert!(md.contains(r"Agree A \| B with \<b\>everyone\</b\>"));
/// assert!(md.contains("✖ Red"));
/// ```
pub fn render_markdown(report: &BoardReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&report.title));
    let _ = writeln!(out, "{}.\n", md(&report.subtitle));
    if let Some(closed) = &report.closed {
        let _ = writeln!(out, "> **{}**\n", md(&closed.sentence()));
    }
    if report.names_people {
        out.push_str(
            "> **Note:** some leads are named people. Replace them with their roles before publishing.\n\n",
        );
    }
    for section in report.sections() {
        match section {
            Section::Summary => summary(&mut out, report),
            Section::Changes => changes(&mut out, report),
            Section::Measures => measures(&mut out, report),
            Section::OpenByObjective => by_objective(&mut out, report),
            Section::OpenByLead => {
                out.push_str("## Open actions by lead\n");
                for l in &report.leads {
                    let _ = writeln!(
                        out,
                        "\n### {}: {}\n",
                        md(&l.name),
                        count_of(l.open.len(), "open action", "open actions")
                    );
                    table(&mut out, report, &l.open, true, false);
                }
                out.push('\n');
            }
            Section::Exceptions => {
                let _ = writeln!(out, "## {}\n", md(&report.exceptions_heading()));
                table(&mut out, report, &report.exceptions, true, false);
                out.push('\n');
            }
            Section::Upcoming => {
                let _ = writeln!(out, "## {}\n", md(&report.upcoming_heading()));
                table(&mut out, report, &report.upcoming, true, false);
                out.push('\n');
            }
            Section::Discrepancies => {
                let _ = writeln!(out, "## {}\n", md(&report.discrepancies_heading()));
                table(&mut out, report, &report.discrepancies, true, true);
                out.push('\n');
            }
            Section::Warnings => {
                let _ = writeln!(out, "## Data warnings: {}\n", report.warnings.len());
                for w in &report.warnings {
                    let _ = writeln!(out, "- {}", md(w));
                }
                out.push('\n');
            }
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// An action as a list names it: `1.2 3a Refresh the pledge.`
fn name(r: &ReportRow) -> String {
    named(r.full_ref().as_deref(), &r.text)
}

/// Text after its ref in bold, or the text alone where there is no ref.
fn named(reference: Option<&str>, text: &str) -> String {
    match reference {
        Some(x) => format!("**{}** {}", md(x), md(text)),
        None => md(text),
    }
}

/// The one-page summary: overall position, counts by objective, what
/// changed and the biggest exceptions.
fn summary(out: &mut String, report: &BoardReport) {
    let s = &report.summary;
    out.push_str("## Summary\n\n");
    let _ = writeln!(
        out,
        "**Overall:** {} – {}\n",
        chip(report, report.plan.rating),
        md(&report.plan.reason.message())
    );
    let _ = writeln!(
        out,
        "**Actions:** {}: {} open, {} complete.\n",
        s.actions, s.open, s.complete
    );
    let key: Vec<String> = Rating::ALL.iter().map(|r| chip(report, *r)).collect();
    let _ = writeln!(out, "Key: {}\n", key.join(", "));
    out.push_str("| Objective | Red | Amber | Green | Blue | Unrated | Rating |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---|\n");
    for o in &report.objectives {
        let name = match &o.reference {
            Some(r) => format!("{} {}", md(r), md(&o.title)),
            None => md(&o.title),
        };
        let _ = writeln!(
            out,
            "| {name} | {} | {} |",
            counts(&o.counts),
            chip(report, o.rollup.rating)
        );
    }
    let _ = writeln!(
        out,
        "| **Whole plan** | {} | {} |\n",
        counts(&s.counts),
        chip(report, report.plan.rating)
    );
    if let Some(c) = &report.changes {
        let _ = writeln!(out, "**Changes:** {}\n", md(&c.headline()));
    }
    if s.measures_with_data > 0 {
        let _ = writeln!(
            out,
            "**Measures:** {} of {} with published data meet their target.\n",
            s.measures_met, s.measures_with_data
        );
    }
    if !s.top_exceptions.is_empty() {
        out.push_str("**Biggest exceptions:**\n\n");
        for r in report.rows(&s.top_exceptions) {
            let _ = writeln!(
                out,
                "- {} {} – *{}*",
                chip(report, r.rating),
                name(r),
                md(&r.reason.message())
            );
        }
        out.push('\n');
    }
}

/// What changed since the previous report, moved deadlines first.
fn changes(out: &mut String, report: &BoardReport) {
    let Some(c) = &report.changes else {
        return;
    };
    let _ = writeln!(out, "## {}\n", md(&c.heading()));
    if let Some(p) = &c.previous {
        let _ = writeln!(out, "Compared with {}.\n", md(p));
    }
    if !c.moved_deadlines.is_empty() {
        let _ = writeln!(out, "### Deadlines moved: {}\n", c.moved_deadlines.len());
        out.push_str("| Action | Was | Now | Moved |\n|---|---|---|---|\n");
        for m in &c.moved_deadlines {
            if let Some(r) = report.actions.get(m.row) {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | **{}** |",
                    name(r),
                    md(&m.from_timescale),
                    md(&m.to_timescale),
                    md(&m.shift())
                );
            }
        }
        out.push('\n');
    }
    for (label, moves) in c.rating_groups() {
        let _ = writeln!(out, "### {label}: {}\n", moves.len());
        out.push_str("| Action | Was | Now | Reason then | Reason now |\n|---|---|---|---|---|\n");
        for m in moves {
            if let Some(r) = report.actions.get(m.row) {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    name(r),
                    chip(report, m.from),
                    chip(report, m.to),
                    md(&m.from_reason),
                    md(&m.to_reason)
                );
            }
        }
        out.push('\n');
    }
    for (label, list) in c.lists() {
        let _ = writeln!(out, "### {label}: {}\n", list.len());
        for (reference, text) in list.items(report) {
            let _ = writeln!(out, "- {}", named(reference.as_deref(), text));
        }
        out.push('\n');
    }
}

/// The open actions, objective by objective.
fn by_objective(out: &mut String, report: &BoardReport) {
    out.push_str("## Open actions by objective\n");
    for o in &report.objectives {
        let title = match &o.reference {
            Some(r) => format!("Objective {}: {}", md(r), md(&o.title)),
            None => md(&o.title),
        };
        let _ = writeln!(out, "\n### {title}\n");
        if let Some(g) = &o.group {
            let _ = writeln!(out, "Part of: {}\n", md(g));
        }
        if let Some(aim) = &o.aim {
            let _ = writeln!(out, "**Aim:** {}\n", md(aim));
        }
        if let Some(how) = &o.approach {
            let _ = writeln!(out, "**How we will achieve this:** {}\n", md(how));
        }
        let _ = writeln!(
            out,
            "**Rating:** {} ({})\n",
            chip(report, o.rollup.rating),
            md(&o.rollup.reason.message())
        );
        if o.open.is_empty() {
            out.push_str("No open actions.\n");
        } else {
            table(out, report, &o.open, false, false);
        }
    }
    out.push('\n');
}

/// Measures with published data: were they met?
fn measures(out: &mut String, report: &BoardReport) {
    let (with_data, met) = report.measures_with_data();
    let _ = writeln!(
        out,
        "## Measures of success: {met} of {} with published data meet their target\n",
        with_data.len()
    );
    if !with_data.is_empty() {
        out.push_str(
            "| Measure | Target | Latest | Band | England | Neighbours | Rating | Reason |\n",
        );
        out.push_str("|---|---|---|---|---|---|---|---|\n");
        for m in &with_data {
            let name = match &m.objective_ref {
                Some(r) => format!("{} {}", md(r), md(&m.text)),
                None => md(&m.text),
            };
            let find = |kind| md(&m.compared_with(kind));
            let _ = writeln!(
                out,
                "| {name} | {} | {} ({}) | {} | {} | {} | {} | {} |",
                md(m.target.as_deref().unwrap_or("–")),
                md(m.latest.as_deref().unwrap_or("–")),
                md(m.latest_period.as_deref().unwrap_or("–")),
                m.band.map_or("–".to_string(), |b| format!("{b:?}")),
                find(ComparatorKind::England),
                find(ComparatorKind::Neighbours),
                chip(report, m.rating),
                md(&m.reason)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{} more measures have a numeric target but no data in the plan; {} have no number to rate against and are rated by hand.\n",
        report.measures.len() - with_data.len(),
        report.qualitative_measures
    );
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn cells_cannot_break_out() {
        assert_eq!(md("a|b"), r"a\|b");
        assert_eq!(md("line one\r\nline two"), "line one line two");
        assert_eq!(
            md("<script>alert(1)</script>"),
            r"\<script\>alert(1)\</script\>"
        );
        assert_eq!(md(r"back\slash"), r"back\\slash");
    }
}
