//! HTML for Jupyter: escaping and rating chips. Labels, colours and shapes
//! come from the core's [`RatingStyle`]; nothing is decided here.

use lineofsight::rating::{Rating, RatingStyle};

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A rating chip: the shape and the label as text (never colour alone),
/// on the rating's colour.
pub fn chip(rating: Rating, style: &RatingStyle) -> String {
    let label = escape(style.label(rating));
    format!(
        "<span class=\"lineofsight-chip\" title=\"{label}\" style=\"background:{};color:#000;\
         border:1px solid #444;border-radius:0.7em;padding:0 0.45em;white-space:nowrap\">\
         <span aria-hidden=\"true\">{}</span> {label}</span>",
        escape(style.colour(rating)),
        RatingStyle::symbol(rating),
    )
}

/// A chip for a rating code as serialised (`amber_green`), with the default
/// style; other text is shown escaped.
pub fn chip_for_code(code: &str) -> String {
    match serde_json::from_value::<Rating>(serde_json::Value::String(code.to_string())) {
        Ok(r) => chip(r, &RatingStyle::default()),
        Err(_) => escape(code),
    }
}
