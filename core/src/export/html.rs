//! A self-contained, accessible HTML board report: one file, inline CSS, no
//! scripts, nothing fetched from anywhere.

use std::fmt::Write;

use super::escape::{escape_html as esc, escape_html_isolated as bdi};
use super::html_style::{rating_css, CSS};
use super::{count_of, uk_date};
use crate::rating::Rating;
use crate::report::{BoardCounts, BoardReport, ReportRow, Section};

/// A section another part of lineofsight (or a caller) adds to the HTML
/// report, such as measures of success. It is rendered as its own
/// `<section>` with an `<h2>`, after the discrepancies and before the data
/// warnings.
///
/// `heading` is plain text and is escaped. `html` is inserted as it is: it
/// must be markup the caller built, with every string from a plan passed
/// through [`escape_html`](super::escape_html).
///
/// # Example
///
/// ```
/// use lineofsight::export::{escape_html, HtmlSection};
///
/// let measure = "Fewer than 10% of care leavers <not> in touch";
/// let section = HtmlSection::new("Measures of success", format!("<p>{}</p>", escape_html(measure)));
/// assert_eq!(section.heading, "Measures of success");
/// assert!(section.html.contains("&lt;not&gt;"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlSection {
    /// The section's heading, as plain text.
    pub heading: String,
    /// The section's body: trusted, already escaped HTML.
    pub html: String,
}

impl HtmlSection {
    /// Makes a section from a plain-text heading and trusted HTML.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::export::HtmlSection;
    ///
    /// let s = HtmlSection::new("Measures", "<p>None yet.</p>");
    /// assert_eq!(s.html, "<p>None yet.</p>");
    /// ```
    pub fn new(heading: impl Into<String>, html: impl Into<String>) -> HtmlSection {
        HtmlSection {
            heading: heading.into(),
            html: html.into(),
        }
    }
}

/// A rating as a shape, a word and a colour.
pub(super) fn chip(report: &BoardReport, r: Rating) -> String {
    let l = report.look(r);
    format!(
        "<span class=\"shape\" aria-hidden=\"true\">{}</span>{}",
        esc(&l.symbol),
        esc(&l.label)
    )
}

pub(super) fn rag_cell(report: &BoardReport, r: Rating, note: &str) -> String {
    format!(
        "<td class=\"rag rag-{}\">{}{note}</td>",
        r.code(),
        chip(report, r)
    )
}

pub(super) fn counts_cells(c: &BoardCounts) -> String {
    format!(
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        c.red, c.amber, c.green, c.blue, c.other
    )
}

/// Text with line breaks kept as `<br>`.
fn text(s: &str) -> String {
    esc(s.trim()).replace("\r\n", "\n").replace('\n', "<br>")
}

/// The latest update's cell: its date (`30/09/2019`, or `Undated`) and the
/// note with its line breaks; empty when the action has no commentary.
fn update_cell(out: &mut String, r: &ReportRow) {
    match &r.commentary_note {
        Some(note) => {
            let when = match r.commentary_date {
                Some(d) => format!("<time datetime=\"{d}\">{}</time>", uk_date(d)),
                None => "Undated".to_string(),
            };
            let _ = write!(
                out,
                "<td class=\"update\"><span class=\"when\">{when}:</span> {}</td>",
                text(note)
            );
        }
        None => out.push_str("<td class=\"update\"></td>"),
    }
}

/// What a table of actions shows besides ref, action, timescale, lead,
/// latest update, RAG and reason.
#[derive(Clone, Copy)]
struct Columns<'a> {
    /// The objective's position for each row, when the table shows it
    /// (from [`BoardReport::objective_positions`], worked out once).
    objective: Option<&'a [Option<usize>]>,
    recorded: bool,
}

fn actions_table(
    out: &mut String,
    report: &BoardReport,
    rows: &[usize],
    caption: &str,
    cols: Columns<'_>,
) {
    let _ = write!(
        out,
        "<table>\n<caption>{}</caption>\n<colgroup>",
        esc(caption)
    );
    if cols.objective.is_some() {
        out.push_str("<col class=\"c-obj\">");
    }
    out.push_str(
        "<col class=\"c-ref\"><col class=\"c-action\"><col class=\"c-when\"><col class=\"c-lead\"><col class=\"c-update\">",
    );
    if cols.recorded {
        out.push_str("<col class=\"c-rag\">");
    }
    out.push_str("<col class=\"c-rag\"><col class=\"c-why\"></colgroup>\n<thead><tr>");
    if cols.objective.is_some() {
        out.push_str("<th scope=\"col\">Objective</th>");
    }
    out.push_str("<th scope=\"col\">Ref</th><th scope=\"col\">Action</th><th scope=\"col\">Timescale</th><th scope=\"col\">Lead</th><th scope=\"col\">Latest update</th>");
    if cols.recorded {
        out.push_str("<th scope=\"col\">Recorded</th><th scope=\"col\">Rules</th>");
    } else {
        out.push_str("<th scope=\"col\">RAG</th>");
    }
    out.push_str("<th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
    for &at in rows {
        let Some(r) = report.actions.get(at) else {
            continue;
        };
        out.push_str("<tr>");
        if let Some(objectives) = cols.objective {
            // The objective's ref, or its title where it has none, so the
            // link always has text.
            let label = esc(r.objective_label());
            match objectives.get(at).copied().flatten() {
                Some(i) => {
                    let _ = write!(out, "<td><a href=\"#objective-{}\">{label}</a></td>", i + 1);
                }
                None => out.push_str("<td></td>"),
            }
        }
        let _ = write!(
            out,
            "<td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
            esc(r.reference.as_deref().unwrap_or("")),
            text(&r.text),
            esc(&r.timescale),
            r.leads
                .iter()
                .map(|l| esc(l))
                .collect::<Vec<_>>()
                .join("<br>"),
        );
        update_cell(out, r);
        if cols.recorded {
            match r.recorded {
                Some(x) => out.push_str(&rag_cell(report, x, "")),
                None => out.push_str("<td>None</td>"),
            }
            out.push_str(&rag_cell(report, r.rating, ""));
        } else {
            let note = if r.overridden { " (recorded)" } else { "" };
            out.push_str(&rag_cell(report, r.rating, note));
        }
        let _ = writeln!(out, "<td>{}</td></tr>", esc(&r.reason.message()));
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Renders the board report as one self-contained HTML page, shaped like a
/// council's board paper, drawing the sections of
/// [`BoardReport::sections`] in order (empty ones are left out, and the
/// contents list only those present): the summary page (overall position,
/// counts, the RAG chart by objective, what changed, the biggest
/// exceptions), printed on an A4 page of its own, with the RAG counts by
/// objective after it; the changes since the previous report, moved
/// deadlines first; measures of success; the open actions objective by
/// objective (aim, approach, rating, then ref, action, timescale, lead,
/// latest update, RAG and reason) or lead by lead; the exceptions, deadlines
/// coming up and the recorded ratings that disagree with the rules.
/// `extra_sections` (a set of plans' index) come before the data warnings.
///
/// The page has inline CSS only: no scripts, no images, no fonts, nothing
/// fetched, and a Content Security Policy that forbids all of them. It is
/// written to WCAG 2.1 AA: `lang="en-GB"`, real tables with `<caption>` and
/// `<th scope>`, every rating shown as a shape and a word as well as a
/// colour, text contrast of at least 4.5:1 (black or white text, whichever
/// suits the plan's colour), and print CSS for A4 in black and white where
/// the shapes and words carry the ratings. Every string from the plan is
/// escaped.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::export::{render_html, HtmlSection};
/// use lineofsight::plan::{Action, Objective, Plan};
/// use lineofsight::report::{BoardReport, ReportOptions};
/// use lineofsight::RuleSet;
///
/// let mut plan = Plan::new("Plan", "Council");
/// let mut o = Objective::new("o1", "Care leavers have a Local Offer");
/// o.actions.push(Action::new("a1", "<script>alert(1)</script>", "Nov-19"));
/// plan.objectives.push(o);
/// let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
/// let report = BoardReport::build(&plan, as_of, &RuleSet::default(), &ReportOptions::default());
/// let html = render_html(&report, &[HtmlSection::new("Measures", "<p>To come.</p>")]);
/// assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
/// assert!(!html.contains("<script"));
/// assert!(html.contains("<h2 id=\"extra-1-heading\">Measures</h2>"));
/// ```
pub fn render_html(report: &BoardReport, extra_sections: &[HtmlSection]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let as_of = uk_date(report.as_of);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"lineofsight\">\n\
         <title>{} – board report as of {as_of}</title>\n<style>{CSS}{}</style>\n</head>\n<body>\n",
        esc(&report.title),
        rating_css(&report.ratings)
    );

    // Header.
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{}.</p>\n",
        esc(&report.title),
        esc(&report.subtitle),
    );
    if let Some(closed) = &report.closed {
        let _ = writeln!(
            out,
            "<p class=\"note\" role=\"note\"><strong>{}</strong></p>",
            esc(&closed.sentence())
        );
    }
    if report.names_people {
        out.push_str(
            "<p class=\"note\" role=\"note\"><strong>Note:</strong> some leads are named people. \
             Replace them with their roles before publishing.</p>\n",
        );
    }
    let sections = report.sections();
    let extra_ids: Vec<String> = (1..=extra_sections.len())
        .map(|i| format!("extra-{i}"))
        .collect();
    out.push_str("<nav aria-label=\"Contents\">\n<ul>\n");
    for section in &sections {
        if *section == Section::Warnings {
            for (id, s) in extra_ids.iter().zip(extra_sections) {
                let _ = writeln!(out, "<li><a href=\"#{id}\">{}</a></li>", esc(&s.heading));
            }
        }
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            section.id(),
            esc(&toc_label(report, *section))
        );
    }
    if !sections.contains(&Section::Warnings) {
        for (id, s) in extra_ids.iter().zip(extra_sections) {
            let _ = writeln!(out, "<li><a href=\"#{id}\">{}</a></li>", esc(&s.heading));
        }
    }
    out.push_str("</ul>\n</nav>\n</header>\n<main>\n");

    let objectives = report.objective_positions();
    for section in sections {
        match section {
            Section::Summary => super::html_summary::summary_section(&mut out, report),
            Section::Changes => super::html_summary::changes_section(&mut out, report),
            Section::Measures => super::html_measures::measures_section(&mut out, report),
            Section::OpenByObjective => by_objective(&mut out, report),
            Section::OpenByLead => by_lead(&mut out, report, &objectives),
            Section::Exceptions => list_section(
                &mut out,
                report,
                "exceptions",
                &report.exceptions_heading(),
                "Red and Amber open actions, worst first, with the reason for each",
                &report.exceptions,
                Columns {
                    objective: Some(&objectives),
                    recorded: false,
                },
            ),
            Section::Upcoming => list_section(
                &mut out,
                report,
                "upcoming",
                &report.upcoming_heading(),
                &format!(
                    "Open actions due between {as_of} and {} days later, soonest first",
                    report.options.look_ahead_days
                ),
                &report.upcoming,
                Columns {
                    objective: Some(&objectives),
                    recorded: false,
                },
            ),
            Section::Discrepancies => list_section(
                &mut out,
                report,
                "discrepancies",
                &report.discrepancies_heading(),
                &format!("Recorded ratings that disagree with the rules as of {as_of}"),
                &report.discrepancies,
                Columns {
                    objective: Some(&objectives),
                    recorded: true,
                },
            ),
            Section::Warnings => {
                extras(&mut out, &extra_ids, extra_sections);
                let _ = write!(
                    out,
                    "<section id=\"warnings\" aria-labelledby=\"warnings-heading\">\n<h2 id=\"warnings-heading\">Data warnings: {}</h2>\n<ul>\n",
                    report.warnings.len()
                );
                for w in &report.warnings {
                    let _ = writeln!(out, "<li>{}</li>", esc(w));
                }
                out.push_str("</ul>\n</section>\n");
            }
        }
    }
    if report.warnings.is_empty() {
        extras(&mut out, &extra_ids, extra_sections);
    }
    let _ = write!(
        out,
        "</main>\n<footer>\n<p>Rated as of {as_of} by the rules of lineofsight. \
         Ratings are shown as a shape and a word as well as a colour.</p>\n</footer>\n</body>\n</html>\n"
    );
    out
}

/// The contents line for a section.
fn toc_label(report: &BoardReport, section: Section) -> String {
    match section {
        Section::Summary => "Summary".to_string(),
        Section::Changes => report
            .changes
            .as_ref()
            .map_or_else(|| "Changes".to_string(), crate::report::Changes::heading),
        Section::Measures => "Measures of success".to_string(),
        Section::OpenByObjective => "Open actions by objective".to_string(),
        Section::OpenByLead => "Open actions by lead".to_string(),
        Section::Exceptions => "Exceptions: Red and Amber".to_string(),
        Section::Upcoming => format!("Due in the next {} days", report.options.look_ahead_days),
        Section::Discrepancies => "Discrepancies".to_string(),
        Section::Warnings => "Data warnings".to_string(),
    }
}

/// Sections a caller added (a set of plans' index), before the warnings.
fn extras(out: &mut String, ids: &[String], sections: &[HtmlSection]) {
    out.push_str(
        "<!-- Extra sections (e.g. measures of success): render_html's extra_sections. -->\n",
    );
    for (id, s) in ids.iter().zip(sections) {
        let _ = write!(
            out,
            "<section id=\"{id}\" class=\"extra\" aria-labelledby=\"{id}-heading\">\n<h2 id=\"{id}-heading\">{}</h2>\n{}\n</section>\n",
            esc(&s.heading),
            s.html
        );
    }
}

/// A section that is one table of actions from several objectives.
fn list_section(
    out: &mut String,
    report: &BoardReport,
    id: &str,
    heading: &str,
    caption: &str,
    rows: &[usize],
    cols: Columns<'_>,
) {
    let _ = write!(
        out,
        "<section id=\"{id}\" aria-labelledby=\"{id}-heading\">\n<h2 id=\"{id}-heading\">{}</h2>\n",
        esc(heading)
    );
    actions_table(out, report, rows, caption, cols);
    out.push_str("</section>\n");
}

/// The open actions, lead by lead, soonest due first.
fn by_lead(out: &mut String, report: &BoardReport, objectives: &[Option<usize>]) {
    out.push_str("<section id=\"open-actions\" aria-labelledby=\"open-actions-heading\">\n<h2 id=\"open-actions-heading\">Open actions by lead</h2>\n");
    for (i, l) in report.leads.iter().enumerate() {
        let n = i + 1;
        let _ = write!(
            out,
            "<section class=\"lead\" id=\"lead-{n}\" aria-labelledby=\"lead-{n}-heading\">\n<h3 id=\"lead-{n}-heading\">{}: {}</h3>\n",
            esc(&l.name),
            count_of(l.open.len(), "open action", "open actions")
        );
        actions_table(
            out,
            report,
            &l.open,
            &format!("Open actions led by {}, soonest due first", l.name),
            Columns {
                objective: Some(objectives),
                recorded: false,
            },
        );
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
}

/// The open actions, objective by objective, with each objective's aim,
/// approach and rating.
fn by_objective(out: &mut String, report: &BoardReport) {
    out.push_str("<section id=\"open-actions\" aria-labelledby=\"open-actions-heading\">\n<h2 id=\"open-actions-heading\">Open actions by objective</h2>\n");
    for (i, o) in report.objectives.iter().enumerate() {
        let n = i + 1;
        let title = match &o.reference {
            Some(r) => format!("Objective {} – {}", esc(r), bdi(&o.title)),
            None => bdi(&o.title),
        };
        let _ = write!(
            out,
            "<section class=\"objective\" id=\"objective-{n}\" aria-labelledby=\"objective-{n}-heading\">\n<h3 id=\"objective-{n}-heading\">{title}</h3>\n<dl class=\"objective-facts\">\n"
        );
        if let Some(g) = &o.group {
            let _ = writeln!(out, "<dt>Part of</dt><dd>{}</dd>", esc(g));
        }
        if let Some(aim) = &o.aim {
            let _ = writeln!(out, "<dt>Aim</dt><dd>{}</dd>", text(aim));
        }
        if let Some(how) = &o.approach {
            let _ = writeln!(
                out,
                "<dt>How will we achieve this</dt><dd>{}</dd>",
                text(how)
            );
        }
        let _ = writeln!(
            out,
            "<dt>Rating</dt><dd><span class=\"rag rag-{}\">{}</span> {}</dd>\n</dl>",
            o.rollup.rating.code(),
            chip(report, o.rollup.rating),
            esc(&o.rollup.reason.message())
        );
        if o.open.is_empty() {
            out.push_str("<p>No open actions.</p>\n");
        } else {
            let caption = match &o.reference {
                Some(r) => format!("Open actions for objective {r}"),
                None => format!("Open actions for {}", o.title),
            };
            actions_table(
                out,
                report,
                &o.open,
                &caption,
                Columns {
                    objective: None,
                    recorded: false,
                },
            );
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Action, Objective, Plan};
    use crate::rating::{Colour, RatingStyle};
    use crate::RuleSet;

    fn report_with(texts: &[&str]) -> BoardReport {
        let mut plan = Plan::new("Plan <b>", "Council & Co");
        let mut o = Objective::new("o1", "\"><img src=x onerror=alert(1)>");
        o.aim = Some("<script>alert(1)</script>".into());
        for (i, t) in texts.iter().enumerate() {
            o.actions.push(Action::new(&format!("a{i}"), t, "Nov-19"));
        }
        plan.objectives.push(o);
        BoardReport::build(
            &plan,
            chrono::NaiveDate::from_ymd_opt(2019, 12, 31).expect("date"),
            &RuleSet::default(),
            &crate::report::ReportOptions::default(),
        )
    }

    #[test]
    fn attack_strings_render_as_text() {
        let report = report_with(&[
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
        ]);
        let html = render_html(&report, &[]);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("Council &amp; Co"));
    }

    #[test]
    fn self_contained_and_accessible_shape() {
        let report = report_with(&["Improve the Local Offer."]);
        let html = render_html(&report, &[]);
        assert!(html.contains("<html lang=\"en-GB\">"));
        // The inline chart names its namespace and fills with its own
        // patterns (`url(#rag-red)`): neither fetches anything.
        let html = html
            .replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
            .replace("url(#rag-", "");
        for banned in [
            "<script", "<img", "<link", "<iframe", "@import", "url(", "http://", "https://",
        ] {
            assert!(!html.contains(banned), "contains {banned}");
        }
        assert!(html.contains("<caption>"));
        assert!(html.contains("<th scope=\"col\">"));
        assert!(html.contains("<th scope=\"row\">"));
        assert!(html.contains("@media print"));
        assert!(html.contains("✖</span>Red"));
    }

    #[test]
    fn plan_colours_cannot_inject_css_and_keep_contrast() {
        let mut style = RatingStyle::default();
        style
            .colours
            .insert(Rating::Red, Colour("red}body{display:none".into()));
        style
            .colours
            .insert(Rating::Green, Colour("#003300".into()));
        let css = rating_css(&crate::report::RatingLook::all(&style));
        assert!(!css.contains("display:none"));
        assert!(css.contains(".rag-red{background:#f4a6a6;color:#000000}"));
        assert!(css.contains(".rag-green{background:#003300;color:#ffffff}"));
    }
}
