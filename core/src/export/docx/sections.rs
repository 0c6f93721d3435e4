//! The paper's sections, in order. Each draws what the report decided;
//! nothing is counted or judged here.

use docx_rs::{BreakType, Docx, Paragraph, Pic, Run, Table};
use std::fmt::Write;

use super::charts::ChartFonts;
use super::styles::{self, HEADING1, HEADING2, NORMAL, NOTE, SUBTITLE, TITLE};
use super::tables::{self, Cell};
use super::text::{labelled, lines};
use crate::export::html_measures::trend_words;
use crate::export::{count_of, uk_date};
use crate::report::{BoardReport, Changes};

/// The document being written, and the alt text of each chart in it.
struct Paper<'a> {
    doc: Docx,
    alts: Vec<String>,
    fonts: Option<&'a ChartFonts>,
    /// The summary chart, when it is too tall for the summary page: drawn
    /// at the start of the actions by objective instead.
    tall_chart: Option<Pic>,
}

impl Paper<'_> {
    fn p(&mut self, p: Paragraph) {
        self.doc = std::mem::take(&mut self.doc).add_paragraph(p);
    }

    fn table(&mut self, t: Table) {
        self.doc = std::mem::take(&mut self.doc).add_table(t);
        // Space after a table, which Word does not give.
        self.p(Paragraph::new().style(NORMAL));
    }

    fn text(&mut self, style: &str, s: &str) {
        self.p(lines(style, s));
    }

    /// Draws `svg` with `alt` as its description; `false` when it is not
    /// drawn (no fonts, or it cannot be read).
    fn chart(&mut self, svg: &str, alt: &str) -> bool {
        match self.fonts.and_then(|f| f.picture(svg)) {
            Some(pic) => {
                self.picture(pic, alt);
                true
            }
            None => false,
        }
    }

    fn picture(&mut self, pic: Pic, alt: &str) {
        self.alts.push(alt.to_string());
        self.p(Paragraph::new()
            .style(NORMAL)
            .add_run(Run::new().add_image(pic)));
    }
}

/// The tallest summary chart drawn on the summary page: 10 cm, in EMU.
const SUMMARY_CHART_HEIGHT: u32 = 3_600_000;
/// A taller one is drawn in the actions by objective, at most 23 cm tall.
const TALL_CHART_HEIGHT: u32 = 8_280_000;
const CHART_ALT: &str = "Actions by rating, objective by objective";

/// The whole paper, and the charts' alt text in document order.
pub(super) fn paper(report: &BoardReport, fonts: Option<&ChartFonts>) -> (Docx, Vec<String>) {
    let mut paper = Paper {
        doc: styles::paper(),
        alts: Vec::new(),
        fonts,
        tall_chart: None,
    };
    title_block(&mut paper, report);
    summary(&mut paper, report);
    exceptions(&mut paper, report);
    objectives(&mut paper, report);
    measures(&mut paper, report);
    listed(
        &mut paper,
        report,
        &format!(
            "Deadlines in the next {} days: {}",
            report.options.look_ahead_days,
            count_of(report.upcoming.len(), "open action", "open actions")
        ),
        &report.upcoming,
        false,
    );
    listed(
        &mut paper,
        report,
        &report.discrepancies_heading(),
        &report.discrepancies,
        true,
    );
    if !report.warnings.is_empty() {
        paper.text(
            HEADING1,
            &format!("Data warnings: {}", report.warnings.len()),
        );
        for w in &report.warnings {
            paper.text(NORMAL, w);
        }
    }
    (paper.doc, paper.alts)
}

fn title_block(paper: &mut Paper<'_>, report: &BoardReport) {
    paper.text(TITLE, &report.title);
    paper.text(SUBTITLE, &report.subtitle);
    if let Some(closed) = &report.closed {
        paper.text(NOTE, &closed.sentence());
    }
    if report.names_people {
        paper.text(
            NOTE,
            "Some leads are named people. Replace them with their roles before publishing.",
        );
    }
}

/// The one-page summary, then a page break.
fn summary(paper: &mut Paper<'_>, report: &BoardReport) {
    let s = &report.summary;
    paper.text(HEADING1, "Summary");
    paper.p(labelled(
        "Overall position:",
        &format!(
            "{}. {}",
            report.look(report.plan.rating).chip(),
            report.plan.reason.message()
        ),
    ));
    let mut facts = format!(
        "{}: {} open, {} complete.",
        count_of(s.actions, "action", "actions"),
        s.open,
        s.complete
    );
    if s.measures_with_data > 0 {
        let _ = write!(
            facts,
            " {} of {} with published data meet their target.",
            s.measures_met,
            count_of(s.measures_with_data, "measure", "measures")
        );
    }
    paper.text(NORMAL, &facts);

    let looks = chips(report);
    let mut columns: Vec<(&str, usize)> = vec![("Actions", 22)];
    columns.extend(looks.iter().map(|l| (l.as_str(), 11)));
    columns.push(("Overall", 23));
    let mut whole = vec![Cell::text(s.actions.to_string())];
    whole.extend(
        s.counts
            .columns()
            .iter()
            .map(|(_, n)| Cell::text(n.to_string())),
    );
    whole.push(Cell::Rag(report.plan.rating, ""));
    paper.table(tables::table(report, &columns, &[whole]));
    match paper.fonts.and_then(|f| f.picture(&s.chart)) {
        Some(pic) if pic.size.1 <= SUMMARY_CHART_HEIGHT => paper.picture(pic, CHART_ALT),
        Some(pic) => {
            paper.tall_chart = Some(pic);
            paper.text(
                NOTE,
                "The chart of actions by rating, objective by objective, is at the start of Actions by objective.",
            );
        }
        None => paper.text(
            NOTE,
            "The chart of actions by rating is left out of this copy (written without fonts): the counts by objective are in the table at the start of Actions by objective.",
        ),
    }

    if let Some(changes) = &report.changes {
        changes_since(paper, report, changes);
    }

    if !s.top_exceptions.is_empty() {
        paper.text(HEADING2, "Biggest exceptions");
        let rows: Vec<Vec<Cell>> = report
            .rows(&s.top_exceptions)
            .map(|r| {
                vec![
                    Cell::text(r.reference.as_deref().unwrap_or("")),
                    Cell::text(r.text.as_str()),
                    Cell::text(r.leads.join("; ")),
                    Cell::Rag(r.rating, ""),
                    Cell::text(r.reason.message().as_ref()),
                ]
            })
            .collect();
        paper.table(tables::table(
            report,
            &[
                ("Ref", 7),
                ("Action", 36),
                ("Lead", 14),
                ("RAG", 11),
                ("Reason", 32),
            ],
            &rows,
        ));
    }
    paper.p(Paragraph::new()
        .style(NORMAL)
        .add_run(Run::new().add_break(BreakType::Page)));
}

fn changes_since(paper: &mut Paper<'_>, report: &BoardReport, c: &Changes) {
    let mut heading = format!("Changes since {}", uk_date(c.since));
    if let Some(previous) = &c.previous {
        let _ = write!(heading, " ({previous})");
    }
    paper.text(HEADING2, &heading);
    if c.is_empty() && c.not_updated.is_empty() {
        paper.text(NORMAL, "Nothing changed.");
        return;
    }
    let (up, down) = c.ups_and_downs();
    paper.text(
        NORMAL,
        &format!(
            "{} up and {down} down; {} completed; {} new; {} removed; {} moved; {} not updated.",
            count_of(up, "rating", "ratings"),
            c.completed.len(),
            c.new_actions.len(),
            c.removed.len(),
            count_of(c.moved_deadlines.len(), "deadline", "deadlines"),
            count_of(
                c.not_updated.len(),
                "open action's commentary",
                "open actions' commentary"
            ),
        ),
    );
    // An action's ref and text, then the cells that say what changed.
    let row = |row: usize, then: Vec<Cell>| -> Vec<Cell> {
        let (r, text) = report
            .actions
            .get(row)
            .map(|r| (r.reference.clone().unwrap_or_default(), r.text.clone()))
            .unwrap_or_default();
        [Cell::text(r), Cell::text(text)]
            .into_iter()
            .chain(then)
            .collect()
    };
    if !c.ratings.is_empty() {
        let rows: Vec<Vec<Cell>> = c
            .ratings
            .iter()
            .map(|m| {
                let why = Cell::text(m.to_reason.as_str());
                row(m.row, vec![Cell::Rag(m.from, ""), Cell::Rag(m.to, ""), why])
            })
            .collect();
        paper.table(tables::table(
            report,
            &[
                ("Ref", 7),
                ("Action", 35),
                ("Was", 11),
                ("Now", 11),
                ("Why now", 36),
            ],
            &rows,
        ));
    }
    if !c.moved_deadlines.is_empty() {
        let rows: Vec<Vec<Cell>> = c
            .moved_deadlines
            .iter()
            .map(|m| {
                let days = m.days_later.map_or("–".to_string(), |d| d.to_string());
                let was = Cell::text(m.from_timescale.as_str());
                row(
                    m.row,
                    vec![was, Cell::text(m.to_timescale.as_str()), Cell::text(days)],
                )
            })
            .collect();
        paper.table(tables::table(
            report,
            &[
                ("Ref", 7),
                ("Action whose deadline moved", 45),
                ("Was", 17),
                ("Now", 17),
                ("Days later", 14),
            ],
            &rows,
        ));
    }
    let mut others: Vec<Vec<Cell>> = Vec::new();
    for (rows, what) in [(&c.completed, "Completed"), (&c.new_actions, "New")] {
        others.extend(rows.iter().map(|&r| row(r, vec![Cell::text(what)])));
    }
    for removed in &c.removed {
        others.push(vec![
            Cell::text(removed.reference.clone().unwrap_or_default()),
            Cell::text(removed.text.as_str()),
            Cell::text("Removed"),
        ]);
    }
    if !others.is_empty() {
        paper.table(tables::table(
            report,
            &[("Ref", 7), ("Action", 75), ("Change", 18)],
            &others,
        ));
    }
    if !c.not_updated.is_empty() {
        let refs: Vec<String> = report
            .rows(&c.not_updated)
            .map(|r| r.reference.clone().unwrap_or_else(|| r.action_id.clone()))
            .collect();
        paper.p(labelled(
            &format!("Commentary not updated since {}:", uk_date(c.since)),
            &refs.join(", "),
        ));
    }
}

fn exceptions(paper: &mut Paper<'_>, report: &BoardReport) {
    listed(
        paper,
        report,
        &format!(
            "Exceptions: {} rated Red or Amber",
            count_of(report.exceptions.len(), "open action", "open actions")
        ),
        &report.exceptions,
        false,
    );
}

/// A section of actions from several objectives, left out when empty.
fn listed(
    paper: &mut Paper<'_>,
    report: &BoardReport,
    heading: &str,
    rows: &[usize],
    recorded: bool,
) {
    if rows.is_empty() {
        return;
    }
    paper.text(HEADING1, heading);
    paper.table(tables::actions(report, rows, true, recorded));
}

fn objectives(paper: &mut Paper<'_>, report: &BoardReport) {
    if report.objectives.is_empty() {
        return;
    }
    paper.text(HEADING1, "Actions by objective");
    if let Some(pic) = paper.tall_chart.take() {
        let pic = fit(pic, TALL_CHART_HEIGHT);
        paper.picture(pic, CHART_ALT);
    }
    counts_by_objective(paper, report);
    for o in &report.objectives {
        let title = match &o.reference {
            Some(r) => format!("Objective {r}: {}", o.title),
            None => o.title.clone(),
        };
        paper.text(HEADING2, &title);
        if let Some(g) = &o.group {
            paper.p(labelled("Part of:", g));
        }
        if let Some(aim) = &o.aim {
            paper.p(labelled("Aim:", aim));
        }
        if let Some(how) = &o.approach {
            paper.p(labelled("How we will achieve this:", how));
        }
        paper.p(labelled(
            "Rating:",
            &format!(
                "{}. {}",
                report.look(o.rollup.rating).chip(),
                o.rollup.reason.message()
            ),
        ));
        if o.open.is_empty() {
            paper.text(NORMAL, "No open actions.");
        } else {
            paper.table(tables::actions(report, &o.open, false, false));
        }
    }
}

/// The five columns' headings: `✖ Red`, `▲ Amber` …
fn chips(report: &BoardReport) -> Vec<String> {
    report
        .summary
        .counts
        .columns()
        .iter()
        .map(|(r, _)| report.look(*r).chip())
        .collect()
}

/// Each objective's counts in the five columns and its rating: the summary
/// chart's figures as a table.
fn counts_by_objective(paper: &mut Paper<'_>, report: &BoardReport) {
    paper.text(HEADING2, "Actions by rating, objective by objective");
    let looks = chips(report);
    let mut columns: Vec<(&str, usize)> = vec![("Objective", 34)];
    columns.extend(looks.iter().map(|l| (l.as_str(), 9)));
    columns.push(("Rating", 21));
    let rows: Vec<Vec<Cell>> = report
        .objectives
        .iter()
        .map(|o| {
            let mut row = vec![Cell::text(match &o.reference {
                Some(r) => format!("{r} {}", o.title),
                None => o.title.clone(),
            })];
            row.extend(
                o.counts
                    .columns()
                    .iter()
                    .map(|(_, n)| Cell::text(n.to_string())),
            );
            row.push(Cell::Rag(o.rollup.rating, ""));
            row
        })
        .collect();
    paper.table(tables::table(report, &columns, &rows));
}

/// `pic` no taller than `height` (EMU), its shape kept.
fn fit(pic: Pic, height: u32) -> Pic {
    let (w, h) = pic.size;
    if h <= height || h == 0 {
        return pic;
    }
    let width = u64::from(w) * u64::from(height) / u64::from(h);
    pic.size(u32::try_from(width).unwrap_or(w), height)
}

fn measures(paper: &mut Paper<'_>, report: &BoardReport) {
    if report.measures.is_empty() {
        return;
    }
    let (with_data, met) = report.measures_with_data();
    paper.text(HEADING1, "Measures of success");
    paper.text(
        NORMAL,
        &format!(
            "{met} of {} with published data meet their target.",
            count_of(with_data.len(), "measure", "measures")
        ),
    );
    for m in &with_data {
        let name = match &m.objective_ref {
            Some(r) => format!("{r} {}", m.text),
            None => m.text.clone(),
        };
        paper.text(HEADING2, &name);
        if let Some(svg) = &m.chart {
            paper.chart(svg, &m.text);
        }
        let mut rows: Vec<Vec<Cell>> = vec![
            vec![
                Cell::text("Target"),
                Cell::text(m.target.as_deref().unwrap_or("–")),
            ],
            vec![
                Cell::text("Latest"),
                Cell::text(format!(
                    "{} ({})",
                    m.latest.as_deref().unwrap_or("–"),
                    m.latest_period.as_deref().unwrap_or("–")
                )),
            ],
            vec![Cell::text("Trend"), Cell::text(trend_words(m.trend))],
        ];
        if let Some(b) = m.band {
            rows.push(vec![
                Cell::text("Quartile band (A best)"),
                Cell::text(format!("{b:?}")),
            ]);
        }
        if let Some(rank) = &m.rank {
            rows.push(vec![Cell::text("Rank"), Cell::text(rank.as_str())]);
        }
        for c in &m.comparisons {
            rows.push(vec![
                Cell::text(c.name.as_str()),
                Cell::text(format!("{} ({})", c.value, c.gap)),
            ]);
        }
        rows.push(vec![Cell::text("Rating"), Cell::Rag(m.rating, "")]);
        rows.push(vec![Cell::text("Why"), Cell::text(m.reason.as_str())]);
        if m.recovery_plan_needed {
            rows.push(vec![
                Cell::text("Recovery plan"),
                Cell::text("Needed under the rules"),
            ]);
        }
        if let Some(note) = &m.data_note {
            rows.push(vec![
                Cell::text("About the data"),
                Cell::text(note.as_str()),
            ]);
        }
        if let Some(source) = &m.data_source {
            rows.push(vec![Cell::text("Source"), Cell::text(source.as_str())]);
        }
        paper.table(tables::table(
            report,
            &[("Figure", 28), ("Value", 72)],
            &rows,
        ));
    }
    let without: Vec<Vec<Cell>> = report
        .measures
        .iter()
        .filter(|m| m.latest.is_none())
        .map(|m| {
            vec![
                Cell::text(m.objective_ref.as_deref().unwrap_or("")),
                Cell::text(m.text.as_str()),
                Cell::text(m.target.as_deref().unwrap_or("–")),
            ]
        })
        .collect();
    if !without.is_empty() {
        paper.text(HEADING2, "Measures with a target but no data in the plan");
        paper.table(tables::table(
            report,
            &[("Objective", 10), ("Measure", 60), ("Target", 30)],
            &without,
        ));
    }
    if report.qualitative_measures > 0 {
        paper.text(
            NORMAL,
            &format!(
                "{} no number to rate against and are rated by hand.",
                count_of(report.qualitative_measures, "measure has", "measures have")
            ),
        );
    }
}
