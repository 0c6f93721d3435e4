//! The summary page's chart: one stacked bar per objective, each rating
//! drawn with its colour, a pattern and its shape, so it reads in black and
//! white and without colour vision. Every string is escaped.

use std::fmt::Write;

use super::{BoardCounts, RatingLook};
use crate::export::escape_html as escape;
use crate::rating::Rating;

const WIDTH: f64 = 640.0;
const LABEL: f64 = 150.0;
const BAR: f64 = 18.0;
const GAP: f64 = 8.0;

/// The pattern drawn over each rating's colour.
fn pattern(rating: Rating) -> &'static str {
    match rating {
        // Diagonal hatching.
        Rating::Red => "<path d=\"M0 6L6 0\" stroke=\"#000\" stroke-width=\"1\"/>",
        // Dots.
        Rating::Amber => "<circle cx=\"3\" cy=\"3\" r=\"1\" fill=\"#000\"/>",
        // Horizontal lines.
        Rating::Blue => "<path d=\"M0 3H6\" stroke=\"#000\" stroke-width=\"0.8\"/>",
        // Green and not rated are plain.
        _ => "",
    }
}

/// The SVG: a title and description, a legend, then a bar per objective
/// labelled with its ref (or title) and its total.
pub(super) fn objectives_chart(bars: &[(String, BoardCounts)], looks: &[RatingLook]) -> String {
    let look = |r: Rating| {
        looks
            .iter()
            .find(|l| l.rating == r)
            .cloned()
            .unwrap_or_else(|| RatingLook::new(r, &crate::rating::RatingStyle::default()))
    };
    let most = bars
        .iter()
        .map(|(_, c)| c.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let top = 40.0;
    let height = top + bars.len() as f64 * (BAR + GAP) + 10.0;
    let scale = (WIDTH - LABEL - 60.0) / most as f64;
    let mut svg = String::with_capacity(512 + bars.len() * 400);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"rag-chart-title rag-chart-desc\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\">\
<title id=\"rag-chart-title\">Actions by rating, objective by objective</title><desc id=\"rag-chart-desc\">"
    );
    for (label, c) in bars {
        let _ = write!(
            svg,
            "{}: {} red, {} amber, {} green, {} blue, {} not rated. ",
            escape(label),
            c.red,
            c.amber,
            c.green,
            c.blue,
            c.other
        );
    }
    svg.push_str("</desc><defs>");
    for (r, _) in BoardCounts::default().columns() {
        let l = look(r);
        let _ = write!(
            svg,
            "<pattern id=\"rag-{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>{}</pattern>",
            l.code,
            escape(&l.colour),
            pattern(r)
        );
    }
    svg.push_str("</defs>");
    // The legend.
    let mut x = 0.0;
    for (r, _) in BoardCounts::default().columns() {
        let l = look(r);
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"8\" width=\"14\" height=\"14\" fill=\"url(#rag-{})\" stroke=\"#000\"/><text x=\"{}\" y=\"19\">{} {}</text>",
            l.code,
            x + 18.0,
            escape(&l.symbol),
            escape(&l.label)
        );
        x += 24.0 + 8.0 * (l.label.chars().count() as f64 + 2.0);
    }
    for (n, (label, c)) in bars.iter().enumerate() {
        let y = top + n as f64 * (BAR + GAP);
        let short: String = label.chars().take(22).collect();
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 6.0,
            y + BAR - 5.0,
            escape(&short)
        );
        let mut at = LABEL;
        for (r, k) in c.columns() {
            if k == 0 {
                continue;
            }
            let l = look(r);
            let w = k as f64 * scale;
            let _ = write!(
                svg,
                "<rect x=\"{at:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{BAR}\" fill=\"url(#rag-{})\" stroke=\"#000\" stroke-width=\"0.5\"><title>{} {}: {k}</title></rect>",
                l.code,
                escape(&l.symbol),
                escape(&l.label)
            );
            at += w;
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\">{}</text>",
            at + 4.0,
            y + BAR - 5.0,
            c.total()
        );
    }
    svg.push_str("</svg>");
    svg
}
