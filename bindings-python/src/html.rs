//! HTML for Jupyter: escaping and rating chips. Labels, colours and shapes
//! come from the core's [`RatingStyle`]; nothing is decided here.

use lineofsight::rating::{Rating, RatingStyle};
use lineofsight::report::RatingLook;

pub use lineofsight::export::escape_html as escape;

/// A rating chip: the shape and the label as text (never colour alone),
/// on the rating's colour.
pub fn chip(rating: Rating, style: &RatingStyle) -> String {
    let label = escape(style.label(rating));
    format!(
        "<span class=\"lineofsight-chip\" title=\"{label}\" style=\"background:{};color:#000;\
         border:1px solid #444;border-radius:0.7em;padding:0 0.45em;white-space:nowrap\">\
         <span aria-hidden=\"true\">{}</span> {label}</span>",
        // The resolved look: always `#rrggbb` (a plan's colour that is not
        // hex is replaced by the default), so nothing reaches the style.
        escape(&RatingLook::new(rating, style).colour),
        RatingStyle::symbol(rating),
    )
}

/// A chip for a rating code as serialised (`amber_green`), with the default
/// style; other text is shown escaped.
pub fn chip_for_code(code: &str) -> String {
    match code.parse::<Rating>() {
        Ok(r) => chip(r, &RatingStyle::default()),
        Err(_) => escape(code),
    }
}
