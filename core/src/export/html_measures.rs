//! The measures of success section of the HTML board report: a table that
//! answers "were the measures met?" at a glance, then each measure's chart
//! with its comparisons and reason.

use std::fmt::Write;

use super::escape::{escape_html as esc, escape_html_isolated as bdi};
use super::html::{chip, rag_cell};
use crate::measure::Trend;
use crate::report::{BoardReport, ComparatorKind};

pub(super) fn trend_words(t: Trend) -> &'static str {
    match t {
        Trend::Improving => "Better than a year earlier",
        Trend::Worsening => "Worse than a year earlier",
        Trend::NoChange => "Same as a year earlier",
        Trend::Up => "Up on a year earlier",
        Trend::Down => "Down on a year earlier",
        Trend::NotComparable => "No value a year earlier",
    }
}

/// Writes the section. Every string from the plan is escaped; the charts
/// are the core's own SVG, which escapes its strings too.
pub(super) fn measures_section(out: &mut String, report: &BoardReport) {
    out.push_str("<section id=\"measures\" aria-labelledby=\"measures-heading\">\n");
    let (with_data, met) = report.measures_with_data();
    let _ = writeln!(
        out,
        "<h2 id=\"measures-heading\">Measures of success: {met} of {} with published data meet their target</h2>",
        with_data.len()
    );
    if with_data.is_empty() {
        out.push_str("<p>No measure has published data.</p>\n");
    } else {
        out.push_str(
            "<table>\n<caption>Measures with published data: target, latest value, trend, quartile band among all authorities (A best), comparison with England and the statistical neighbours, and rating</caption>\n\
             <thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Target</th><th scope=\"col\">Latest</th><th scope=\"col\">Trend</th>\
             <th scope=\"col\">Band</th><th scope=\"col\">England</th><th scope=\"col\">Neighbours</th><th scope=\"col\">Rating and reason</th></tr></thead>\n<tbody>\n",
        );
        for m in &with_data {
            let name = match &m.objective_ref {
                Some(r) => format!("{} {}", esc(r), bdi(&m.text)),
                None => bdi(&m.text),
            };
            let find = |kind| esc(&m.compared_with(kind));
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\"><a href=\"#measure-{}\">{name}</a></th><td>{}</td><td>{} ({})</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>{}</tr>",
                esc(&m.measure_id),
                esc(m.target.as_deref().unwrap_or("–")),
                esc(m.latest.as_deref().unwrap_or("–")),
                esc(m.latest_period.as_deref().unwrap_or("–")),
                trend_words(m.trend),
                m.band.map_or("–".to_string(), |b| format!("{b:?}")),
                find(ComparatorKind::England),
                find(ComparatorKind::Neighbours),
                rag_cell(report, m.rating, &format!("<br><span class=\"why\">{}</span>", esc(&m.reason)))
            );
        }
        out.push_str("</tbody>\n</table>\n");
        for m in &with_data {
            let _ = write!(
                out,
                "<figure class=\"measure\" id=\"measure-{}\">\n{}\n<figcaption><span class=\"rag rag-{}\">{}</span> {}",
                esc(&m.measure_id),
                m.chart.as_deref().unwrap_or(""),
                m.rating.code(),
                chip(report, m.rating),
                esc(&m.reason)
            );
            let facts: Vec<String> = m
                .comparisons
                .iter()
                .map(|c| format!("{} {} ({})", esc(&c.name), esc(&c.value), esc(&c.gap)))
                .chain(
                    m.rank
                        .iter()
                        .map(|r| format!("ranked {} authorities", esc(r))),
                )
                .collect();
            if !facts.is_empty() {
                let _ = write!(out, "<br>{}", facts.join(" · "));
            }
            if let Some(n) = &m.data_note {
                let _ = write!(out, "<br>Note: {}", esc(n));
            }
            if let Some(s) = &m.data_source {
                let _ = write!(out, "<br><small>Source: {}</small>", esc(s));
            }
            out.push_str("</figcaption>\n</figure>\n");
        }
    }
    let without = report.measures.len() - with_data.len();
    let _ = writeln!(
        out,
        "<p>{without} more measures have a numeric target but no data in the plan; {} have no number to rate against and are rated by hand.</p>\n</section>",
        report.qualitative_measures
    );
}
