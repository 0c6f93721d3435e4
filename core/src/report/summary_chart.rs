//! The summary page's chart: one stacked bar per objective, each rating
//! drawn with its colour, a pattern and its shape, so it reads in black and
//! white and without colour vision. Every string is escaped.

use std::fmt::Write;

use super::{BoardCounts, RatingLook};
use crate::export::escape_html as escape;
use crate::rating::Rating;

const WIDTH: f64 = 640.0;
/// At most this many bars to a column; more objectives are drawn in up to
/// three columns so the chart fits the summary page.
const PER_COLUMN: usize = 20;

/// The pattern drawn over each rating's colour: every rating has its own,
/// so the chart reads in black and white.
fn pattern(rating: Rating) -> &'static str {
    match rating {
        // Diagonal hatching, dense.
        Rating::Red => {
            "<path d=\"M-1 1L1 -1M0 6L6 0M5 7L7 5\" stroke=\"#000\" stroke-width=\"1.2\"/>"
        }
        // Dots.
        Rating::Amber => "<circle cx=\"3\" cy=\"3\" r=\"1.1\" fill=\"#000\"/>",
        // Horizontal lines.
        Rating::Blue => "<path d=\"M0 3H6\" stroke=\"#000\" stroke-width=\"0.9\"/>",
        // Cross-hatching, light.
        Rating::NotRated => "<path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#555\" stroke-width=\"0.5\"/>",
        // Green is plain.
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
    let columns = bars.len().div_ceil(PER_COLUMN).clamp(1, 3);
    let per_column = bars.len().div_ceil(columns).max(1);
    let (bar, gap) = if columns == 1 {
        (18.0, 7.0)
    } else {
        (14.0, 5.0)
    };
    let column_width = WIDTH / columns as f64;
    let label_width = if columns == 1 { 170.0 } else { 96.0 };
    let label_chars = if columns == 1 { 28 } else { 15 };
    let top = 40.0;
    let height = top + per_column as f64 * (bar + gap) + 6.0;
    let scale = (column_width - label_width - 34.0) / most as f64;
    let mut svg = String::with_capacity(512 + bars.len() * 400);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"rag-chart-title rag-chart-desc\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"11\">\
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
            "<rect x=\"{x}\" y=\"6\" width=\"16\" height=\"16\" fill=\"url(#rag-{})\" stroke=\"#000\"/><text x=\"{}\" y=\"18\" font-size=\"12\">{} {}</text>",
            l.code,
            x + 20.0,
            escape(&l.symbol),
            escape(&l.label)
        );
        x += 30.0 + 7.0 * (l.label.chars().count() as f64 + 2.0);
    }
    for (n, (label, c)) in bars.iter().enumerate() {
        let left = (n / per_column) as f64 * column_width;
        let y = top + (n % per_column) as f64 * (bar + gap);
        let mut short: String = label.chars().take(label_chars).collect();
        if label.chars().count() > label_chars {
            short.pop();
            short.push('…');
        }
        let base = y + bar / 2.0 + 4.0;
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{base}\" text-anchor=\"end\"><title>{}</title>{}</text>",
            left + label_width - 5.0,
            escape(label),
            escape(&short)
        );
        let mut at = left + label_width;
        for (r, k) in c.columns() {
            if k == 0 {
                continue;
            }
            let l = look(r);
            let w = k as f64 * scale;
            let _ = write!(
                svg,
                "<rect x=\"{at:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{bar}\" fill=\"url(#rag-{})\" stroke=\"#000\" stroke-width=\"0.6\"><title>{} {}: {k}</title></rect>",
                l.code,
                escape(&l.symbol),
                escape(&l.label)
            );
            // The count on the segment, haloed so it reads over a pattern.
            if w >= 13.0 {
                let _ = write!(
                    svg,
                    "<text x=\"{:.1}\" y=\"{base}\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"bold\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{k}</text>",
                    at + w / 2.0
                );
            }
            at += w;
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{base}\">{}</text>",
            at + 4.0,
            c.total()
        );
    }
    svg.push_str("</svg>");
    svg
}
