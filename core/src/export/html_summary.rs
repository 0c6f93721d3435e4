//! The HTML board report's summary page (overall position, counts, the RAG
//! chart by objective, what changed, the biggest exceptions) and its
//! changes section. Every string from the plan is escaped; the chart is the
//! report's own SVG, which escapes its strings too.

use std::fmt::Write;

use super::escape::{escape_html as esc, escape_html_isolated as bdi};
use super::html::{chip, counts_cells, rag_cell};
use super::uk_date;
use crate::rating::Rating;
use crate::report::{BoardReport, ReportRow};

/// An action as a list names it: its refs in bold, then its text.
fn name(r: &ReportRow) -> String {
    named(r.full_ref().as_deref(), &r.text)
}

/// Text after its ref in bold, or the text alone where there is no ref.
fn named(reference: Option<&str>, text: &str) -> String {
    match reference {
        Some(x) => format!("<strong>{}</strong> {}", esc(x), bdi(text)),
        None => bdi(text),
    }
}

/// The summary page: a print page of its own.
pub(super) fn summary_section(out: &mut String, report: &BoardReport) {
    let s = &report.summary;
    out.push_str("<section id=\"summary\" class=\"summary-page\" aria-labelledby=\"summary-heading\">\n<div class=\"first-page\">\n<h2 id=\"summary-heading\">Summary</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"overall\"><strong>Overall:</strong> <span class=\"rag rag-{}\">{}</span> {}</p>",
        report.plan.rating.code(),
        chip(report, report.plan.rating),
        esc(&report.plan.reason.message()),
    );
    let _ = write!(
        out,
        "<table class=\"counts\">\n<caption>{} actions as of {}: {} open, {} complete</caption>\n\
         <thead><tr><th scope=\"col\" class=\"rag rag-red\">{}</th><th scope=\"col\" class=\"rag rag-amber\">{}</th>\
         <th scope=\"col\" class=\"rag rag-green\">{}</th><th scope=\"col\" class=\"rag rag-blue\">{}</th>\
         <th scope=\"col\" class=\"rag rag-not_rated\">{}</th><th scope=\"col\">Total</th></tr></thead>\n\
         <tbody><tr>{}<td class=\"num\">{}</td></tr></tbody>\n</table>\n",
        s.actions,
        uk_date(report.as_of),
        s.open,
        s.complete,
        chip(report, Rating::Red),
        chip(report, Rating::Amber),
        chip(report, Rating::Green),
        chip(report, Rating::Blue),
        chip(report, Rating::NotRated),
        counts_cells(&s.counts),
        s.counts.total()
    );
    let _ = writeln!(
        out,
        "<figure class=\"summary-chart\">\n{}\n<figcaption>Actions by rating, objective by objective: each rating has its own pattern as well as its colour. \
         The counts are in the table <a href=\"#counts\">RAG counts by objective</a>.</figcaption>\n</figure>",
        s.chart
    );
    if let Some(c) = &report.changes {
        let _ = writeln!(
            out,
            "<p class=\"changes-line\"><strong>Changes:</strong> <a href=\"#changes\">{}</a></p>",
            esc(&c.headline())
        );
    }
    if s.measures_with_data > 0 {
        let _ = writeln!(
            out,
            "<p><strong>Measures:</strong> {} of {} with published data meet their target.</p>",
            s.measures_met, s.measures_with_data
        );
    }
    if !s.top_exceptions.is_empty() {
        out.push_str("<h3>Biggest exceptions</h3>\n<ol class=\"top-exceptions\">\n");
        for r in report.rows(&s.top_exceptions) {
            let _ = writeln!(
                out,
                "<li><span class=\"rag rag-{}\">{}</span> <span class=\"act\">{}</span> <span class=\"why\">({})</span></li>",
                r.rating.code(),
                chip(report, r.rating),
                name(r),
                esc(&r.reason.message())
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</div>\n");
    counts_table(out, report);
    out.push_str("</section>\n");
}

/// The RAG counts by objective, as a table (the chart's numbers), after the
/// summary page.
fn counts_table(out: &mut String, report: &BoardReport) {
    let as_of = uk_date(report.as_of);
    out.push_str("<h3 id=\"counts\">RAG counts by objective</h3>\n");
    out.push_str("<ul class=\"key\" aria-label=\"Key\">");
    for r in Rating::ALL {
        let _ = write!(
            out,
            "<li class=\"rag rag-{}\">{}</li>",
            r.code(),
            chip(report, r)
        );
    }
    out.push_str("</ul>\n");
    let _ = write!(
        out,
        "<table class=\"by-objective\">\n<caption>Actions by rating for each objective, as of {as_of}</caption>\n\
         <colgroup><col><col class=\"c-num\"><col class=\"c-num\"><col class=\"c-num\"><col class=\"c-num\"><col class=\"c-num\"><col class=\"c-rag\"></colgroup>\n\
         <thead><tr><th scope=\"col\">Objective</th><th scope=\"col\">Red</th><th scope=\"col\">Amber</th>\
         <th scope=\"col\">Green</th><th scope=\"col\">Blue</th><th scope=\"col\">Unrated</th><th scope=\"col\">Rating</th></tr></thead>\n<tbody>\n"
    );
    let link = !report.options.by_lead && report.summary.open > 0;
    for (i, o) in report.objectives.iter().enumerate() {
        let name = match &o.reference {
            Some(r) => format!("{} {}", esc(r), bdi(&o.title)),
            None => bdi(&o.title),
        };
        let name = if link {
            format!("<a href=\"#objective-{}\">{name}</a>", i + 1)
        } else {
            name
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{name}</th>{}{}</tr>",
            counts_cells(&o.counts),
            rag_cell(report, o.rollup.rating, "")
        );
    }
    let _ = write!(
        out,
        "</tbody>\n<tfoot><tr><th scope=\"row\">Whole plan</th>{}{}</tr></tfoot>\n</table>\n",
        counts_cells(&report.summary.counts),
        rag_cell(report, report.plan.rating, "")
    );
}

/// What changed since the previous report, moved deadlines first.
pub(super) fn changes_section(out: &mut String, report: &BoardReport) {
    let Some(c) = &report.changes else {
        return;
    };
    let _ = writeln!(
        out,
        "<section id=\"changes\" aria-labelledby=\"changes-heading\">\n<h2 id=\"changes-heading\">{}</h2>",
        esc(&c.heading())
    );
    if let Some(p) = &c.previous {
        let _ = writeln!(out, "<p>Compared with {}.</p>", esc(p));
    }
    if !c.moved_deadlines.is_empty() {
        let _ = write!(
            out,
            "<table class=\"moved\">\n<caption>Deadlines moved: {}</caption>\n\
             <colgroup><col class=\"c-action\"><col class=\"c-when\"><col class=\"c-when\"><col class=\"c-when\"></colgroup>\n\
             <thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Was</th><th scope=\"col\">Now</th><th scope=\"col\">Moved</th></tr></thead>\n<tbody>\n",
            c.moved_deadlines.len()
        );
        for m in &c.moved_deadlines {
            if let Some(r) = report.actions.get(m.row) {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"moved-by\"><strong>{}</strong></td></tr>",
                    name(r),
                    esc(&m.from_timescale),
                    esc(&m.to_timescale),
                    esc(&m.shift())
                );
            }
        }
        out.push_str("</tbody>\n</table>\n");
    }
    for (label, moves) in c.rating_groups() {
        let _ = write!(
            out,
            "<table>\n<caption>{label}: {}</caption>\n\
             <colgroup><col class=\"c-action\"><col class=\"c-rag\"><col class=\"c-rag\"><col><col></colgroup>\n\
             <thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Was</th><th scope=\"col\">Now</th><th scope=\"col\">Reason then</th><th scope=\"col\">Reason now</th></tr></thead>\n<tbody>\n",
            moves.len()
        );
        for m in moves {
            if let Some(r) = report.actions.get(m.row) {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td>{}{}<td>{}</td><td>{}</td></tr>",
                    name(r),
                    rag_cell(report, m.from, ""),
                    rag_cell(report, m.to, ""),
                    esc(&m.from_reason),
                    esc(&m.to_reason)
                );
            }
        }
        out.push_str("</tbody>\n</table>\n");
    }
    for (label, list) in c.lists() {
        let _ = writeln!(out, "<h3>{label}: {}</h3>\n<ul>", list.len());
        for (reference, text) in list.items(report) {
            let _ = writeln!(out, "<li>{}</li>", named(reference.as_deref(), text));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}
