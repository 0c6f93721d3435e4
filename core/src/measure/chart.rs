//! The SVG chart of a measure: its series over time with each point marked
//! by its rating (shape as well as colour), the target line (or trajectory),
//! the tolerance band, England and the statistical neighbours' average, a
//! title, axis labels and a text alternative. A string, so Rust, Python and
//! the browser draw the same picture. Every string from a plan is escaped.

use std::fmt::Write;

use super::rate::MeasureRating;
use super::value::format_number;
use crate::export::escape_html as escape;
use crate::rating::{Rating, RatingStyle};

const W: f64 = 640.0;
const H: f64 = 320.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 52.0;
const BOTTOM: f64 = 56.0;
const INK: &str = "#1a1a1a";
const ENGLAND: &str = "#505050";
const NEIGHBOURS: &str = "#1f5f9f";

/// A marker for a rating at (x, y): a shape per rating, so the chart reads
/// in black and white.
fn marker(out: &mut String, rating: Rating, x: f64, y: f64, fill: &str) {
    let s = 6.0;
    let _ = match rating {
        Rating::Red => write!(
            out,
            r#"<path d="M{a} {b}L{c} {d}M{a} {d}L{c} {b}" stroke="{INK}" stroke-width="5" stroke-linecap="round"/><path d="M{a} {b}L{c} {d}M{a} {d}L{c} {b}" stroke="{fill}" stroke-width="2.5" stroke-linecap="round"/>"#,
            a = x - s,
            b = y - s,
            c = x + s,
            d = y + s
        ),
        Rating::Amber | Rating::AmberGreen => write!(
            out,
            r#"<path d="M{x} {t}L{r} {bt}L{l} {bt}Z" fill="{fill}" stroke="{INK}" stroke-width="1.5"/>"#,
            t = y - s - 1.0,
            r = x + s + 1.0,
            l = x - s - 1.0,
            bt = y + s
        ),
        Rating::AmberRed => write!(
            out,
            r#"<path d="M{x} {b}L{r} {t}L{l} {t}Z" fill="{fill}" stroke="{INK}" stroke-width="1.5"/>"#,
            b = y + s + 1.0,
            r = x + s + 1.0,
            l = x - s - 1.0,
            t = y - s
        ),
        Rating::Green | Rating::Blue => write!(
            out,
            r#"<circle cx="{x}" cy="{y}" r="{s}" fill="{fill}" stroke="{INK}" stroke-width="1.5"/>"#
        ),
        Rating::NotRated | Rating::NoData => write!(
            out,
            r#"<rect x="{}" y="{}" width="{w}" height="{w}" fill="{fill}" stroke="{INK}" stroke-width="1.5"/>"#,
            x - s + 1.0,
            y - s + 1.0,
            w = 2.0 * s - 2.0
        ),
    };
}

/// Tick values covering `lo..=hi` at a round step.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let span = (hi - lo).max(1e-9);
    let raw = span / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| span / s <= 6.0)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).ceil() * step;
    (0..=12)
        .map(|i| first + step * f64::from(i))
        .take_while(|v| *v <= hi + 1e-9)
        .collect()
}

/// Draws a measure's chart as a self-contained SVG string (no scripts, no
/// external references).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use lineofsight::measure::measure_chart;
/// use lineofsight::RuleSet;
///
/// let plan = lineofsight::builtin("lancashire")?;
/// let eval = plan.evaluate(NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(), &RuleSet::default());
/// let svg = measure_chart(eval.measure("cip-4.5-m1").unwrap(), &plan.style);
/// assert!(svg.starts_with("<svg"));
/// assert!(svg.contains("<title"));
/// assert!(svg.contains("England"));
/// # Ok::<(), lineofsight::LoadError>(())
/// ```
pub fn measure_chart(m: &MeasureRating, style: &RatingStyle) -> String {
    let unit = m.unit;
    let show = |v: f64| unit.map_or_else(|| format_number(v), |u| u.show(v));
    let points: Vec<(usize, f64, Rating, &str)> = m
        .series
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.value
                .number()
                .map(|v| (i, v, p.rating, p.period.as_str()))
        })
        .collect();
    let expected: Vec<(usize, f64)> = m
        .series
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.expected.map(|e| (i, e)))
        .collect();
    let bench = |f: fn(&super::benchmark::Benchmark) -> Option<f64>| -> Vec<(usize, f64)> {
        m.series
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                m.benchmarks
                    .iter()
                    .find(|b| b.period == p.period)
                    .and_then(f)
                    .map(|v| (i, v))
            })
            .collect()
    };
    let england = bench(|b| b.england.as_ref().map(|c| c.value));
    let neighbours = bench(|b| b.neighbours.as_ref().map(|c| c.value));
    // An id made only of safe characters, so it needs no escaping.
    let id: String = m
        .measure_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let id = format!("los-chart-{id}");
    let title = escape(&m.text);
    let summary = chart_summary(m, &show);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="Arial, Helvetica, sans-serif" font-size="12"><title id="{id}-title">{title}</title><desc id="{id}-desc">{}</desc><rect width="{W}" height="{H}" fill="white"/>"#,
        escape(&summary)
    );
    let _ = write!(
        out,
        r#"<text x="{LEFT}" y="20" font-size="14" font-weight="bold" fill="{INK}">{}</text>"#,
        escape(&truncate(&m.text, 80))
    );
    if let Some(t) = m.reading.target() {
        let _ = write!(
            out,
            r#"<text x="{LEFT}" y="38" fill="{INK}">Target: {} · {}</text>"#,
            escape(&t.describe()),
            escape(style.label(m.rating))
        );
    }
    let n = m.series.len();
    if points.is_empty() || n == 0 {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="middle" fill="{INK}">No published values</text></svg>"#,
            W / 2.0,
            H / 2.0
        );
        return out;
    }
    let all = points
        .iter()
        .map(|p| p.1)
        .chain(expected.iter().map(|e| e.1))
        .chain(england.iter().map(|e| e.1))
        .chain(neighbours.iter().map(|e| e.1));
    let (mut lo, mut hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let pad = ((hi - lo) * 0.15).max(1.0);
    lo = (lo - pad).max(if lo >= 0.0 { 0.0 } else { f64::NEG_INFINITY });
    hi += pad;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let x = |i: usize| {
        LEFT + if n == 1 {
            plot_w / 2.0
        } else {
            plot_w * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| TOP + plot_h * (1.0 - (v - lo) / (hi - lo));

    // Axes and grid.
    for t in ticks(lo, hi) {
        let _ = write!(
            out,
            r##"<line x1="{LEFT}" x2="{}" y1="{yy:.1}" y2="{yy:.1}" stroke="#d0d0d0"/><text x="{}" y="{:.1}" text-anchor="end" fill="{INK}">{}</text>"##,
            W - RIGHT,
            LEFT - 6.0,
            y(t) + 4.0,
            escape(&format_number(t)),
            yy = y(t)
        );
    }
    let _ = write!(
        out,
        r#"<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{}" stroke="{INK}"/><line x1="{LEFT}" x2="{}" y1="{b}" y2="{b}" stroke="{INK}"/>"#,
        H - BOTTOM,
        W - RIGHT,
        b = H - BOTTOM
    );
    for (i, p) in m.series.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{}" text-anchor="middle" fill="{INK}">{}</text>"#,
            x(i),
            H - BOTTOM + 16.0,
            escape(&p.period)
        );
    }
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="{}" text-anchor="middle" fill="{INK}">Period</text><text transform="translate(16 {:.1}) rotate(-90)" text-anchor="middle" fill="{INK}">{}</text>"#,
        LEFT + plot_w / 2.0,
        H - 12.0,
        TOP + plot_h / 2.0,
        escape(&unit.map_or("Value".to_string(), super::target::Unit::axis_label))
    );

    // Tolerance band on the worse side of the target line.
    if let (Some(t), Some(_)) = (m.reading.target(), m.tolerance) {
        let worse_up = matches!(t.better(m.polarity), super::Polarity::LowerIsBetter);
        let mut upper = String::new();
        let mut lower = String::new();
        for (i, e) in &expected {
            let band = tolerance_for(m, *e);
            let edge = if worse_up { e + band } else { e - band };
            let _ = write!(
                upper,
                "{}{:.1} {:.1}",
                if upper.is_empty() { "M" } else { "L" },
                x(*i),
                y(*e)
            );
            lower.insert_str(0, &format!("L{:.1} {:.1}", x(*i), y(edge)));
        }
        if expected.len() > 1 {
            let _ = write!(
                out,
                r##"<path d="{upper}{lower}Z" fill="#ffd98a" fill-opacity="0.45" stroke="none"><title>Tolerance band</title></path>"##
            );
        }
    }
    // Target (or trajectory) line.
    if !expected.is_empty() {
        let _ = write!(
            out,
            r#"<path d="{}" fill="none" stroke="{INK}" stroke-width="2" stroke-dasharray="8 5"/>"#,
            line(&expected, &x, &y)
        );
    }
    // England and neighbours.
    if england.len() > 1 {
        let _ = write!(
            out,
            r#"<path d="{}" fill="none" stroke="{ENGLAND}" stroke-width="2" stroke-dasharray="2 3"/>"#,
            line(&england, &x, &y)
        );
    }
    if neighbours.len() > 1 {
        let _ = write!(
            out,
            r#"<path d="{}" fill="none" stroke="{NEIGHBOURS}" stroke-width="2" stroke-dasharray="10 3 2 3"/>"#,
            line(&neighbours, &x, &y)
        );
    }
    // The authority's own series, each point marked by its rating.
    let own: Vec<(usize, f64)> = points.iter().map(|p| (p.0, p.1)).collect();
    let _ = write!(
        out,
        r#"<path d="{}" fill="none" stroke="{INK}" stroke-width="2.5"/>"#,
        line(&own, &x, &y)
    );
    for (i, v, rating, period) in &points {
        let _ = write!(
            out,
            "<g><title>{}: {} ({})</title>",
            escape(period),
            escape(&show(*v)),
            escape(style.label(*rating))
        );
        marker(
            &mut out,
            *rating,
            x(*i),
            y(*v),
            &crate::report::RatingLook::new(*rating, style).colour,
        );
        out.push_str("</g>");
    }
    legend(
        &mut out,
        m,
        style,
        !expected.is_empty(),
        england.len() > 1,
        neighbours.len() > 1,
    );
    out.push_str("</svg>");
    out
}

fn tolerance_for(m: &MeasureRating, expected: f64) -> f64 {
    m.tolerance.map_or(0.0, |t| t.allowance(expected))
}

fn line(points: &[(usize, f64)], x: &impl Fn(usize) -> f64, y: &impl Fn(f64) -> f64) -> String {
    let mut d = String::new();
    for (k, (i, v)) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{:.1} {:.1}",
            if k == 0 { "M" } else { "L" },
            x(*i),
            y(*v)
        );
    }
    d
}

fn legend(
    out: &mut String,
    m: &MeasureRating,
    style: &RatingStyle,
    target: bool,
    england: bool,
    neighbours: bool,
) {
    let lx = W - RIGHT + 14.0;
    let mut ly = TOP + 6.0;
    let mut row = |out: &mut String, sample: String, text: &str| {
        out.push_str(&sample.replace("{Y}", &format!("{ly:.1}")));
        let _ = write!(
            out,
            r#"<text x="{}" y="{:.1}" fill="{INK}">{}</text>"#,
            lx + 30.0,
            ly + 4.0,
            escape(text)
        );
        ly += 20.0;
    };
    let sample = |stroke: &str, width: f64, dash: &str| {
        format!(
            r#"<line x1="{lx}" x2="{}" y1="{{Y}}" y2="{{Y}}" stroke="{stroke}" stroke-width="{width}"{dash}/>"#,
            lx + 24.0
        )
    };
    row(
        out,
        sample(INK, 2.5, ""),
        m.area.as_deref().unwrap_or("Value"),
    );
    for (shown, stroke, dash, label) in [
        (target, INK, r#" stroke-dasharray="8 5""#, "Target"),
        (england, ENGLAND, r#" stroke-dasharray="2 3""#, "England"),
        (
            neighbours,
            NEIGHBOURS,
            r#" stroke-dasharray="10 3 2 3""#,
            "Neighbours",
        ),
    ] {
        if shown {
            row(out, sample(stroke, 2.0, dash), label);
        }
    }
    let mut seen: Vec<Rating> = m
        .series
        .iter()
        .filter(|p| p.value.number().is_some())
        .map(|p| p.rating)
        .collect();
    seen.sort();
    seen.dedup();
    for r in seen {
        let mut s = String::new();
        marker(
            &mut s,
            r,
            lx + 12.0,
            0.0,
            &crate::report::RatingLook::new(r, style).colour,
        );
        // Markers are drawn at y = 0; move them to the row.
        row(
            out,
            format!(r#"<g transform="translate(0 {{Y}})">{s}</g>"#),
            style.label(r),
        );
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The chart in words, for its text alternative.
fn chart_summary(m: &MeasureRating, show: &impl Fn(f64) -> String) -> String {
    let mut s = String::new();
    let values: Vec<String> = m
        .series
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p.period,
                p.value.number().map_or_else(|| p.value.to_string(), show)
            )
        })
        .collect();
    if values.is_empty() {
        s.push_str("No published values. ");
    } else {
        let _ = write!(s, "Values by period: {}. ", values.join(", "));
    }
    if let Some(b) = m.latest_benchmark() {
        if let Some(e) = &b.england {
            let _ = write!(s, "England {}: {}. ", b.period, show(e.value));
        }
        if let Some(nb) = &b.neighbours {
            let _ = write!(s, "Statistical neighbours' average: {}. ", show(nb.value));
        }
    }
    s.push_str(&m.reason.message());
    s
}
