//! How each rating looks in a report, decided once from the plan's style:
//! its label, background colour, text colour and shape. Renderers draw
//! these; they never read the plan's style themselves.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::rating::{hex_rgb, Rating, RatingStyle};

/// One rating as a report shows it.
///
/// # Example
///
/// ```
/// use lineofsight::rating::{Colour, Rating, RatingStyle};
/// use lineofsight::report::RatingLook;
///
/// let mut style = RatingStyle::default();
/// style.labels.insert(Rating::Blue, "Complete".into());
/// style.colours.insert(Rating::Red, Colour("#8b0000".into()));
/// let blue = RatingLook::new(Rating::Blue, &style);
/// assert_eq!((blue.label.as_str(), blue.symbol.as_str()), ("Complete", "✔"));
/// let red = RatingLook::new(Rating::Red, &style);
/// assert_eq!((red.colour.as_str(), red.text_colour.as_str()), ("#8b0000", "#ffffff"));
/// // A colour that is not #rrggbb never reaches a page: the default is used.
/// style.colours.insert(Rating::Red, Colour("red\" onload=\"x".into()));
/// assert_eq!(RatingLook::new(Rating::Red, &style).colour, "#f4a6a6");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RatingLook {
    /// The rating.
    pub rating: Rating,
    /// Its code, for class names and data (`amber_red`).
    pub code: String,
    /// Its label: the plan's own word, or the standard name.
    pub label: String,
    /// Its background colour as `#rrggbb`: the plan's, if valid, else the
    /// default.
    pub colour: String,
    /// Black or white, whichever contrasts more with `colour` (WCAG 2.1).
    pub text_colour: String,
    /// A shape, so colour is never the only signal.
    pub symbol: String,
}

impl RatingLook {
    /// How `rating` looks under `style`.
    pub fn new(rating: Rating, style: &RatingStyle) -> RatingLook {
        let rgb = hex_rgb(style.colour(rating))
            .or_else(|| hex_rgb(RatingStyle::default().colour(rating)))
            .unwrap_or((255, 255, 255));
        let l = luminance(rgb);
        let on_black = (l + 0.05) / 0.05;
        let on_white = 1.05 / (l + 0.05);
        RatingLook {
            rating,
            code: rating.code().to_string(),
            label: style.label(rating).to_string(),
            colour: format!("#{:02x}{:02x}{:02x}", rgb.0, rgb.1, rgb.2),
            text_colour: if on_black >= on_white {
                "#000000"
            } else {
                "#ffffff"
            }
            .to_string(),
            symbol: RatingStyle::symbol(rating).to_string(),
        }
    }

    /// Every rating's look, in [`Rating::ALL`] order.
    pub(crate) fn all(style: &RatingStyle) -> Vec<RatingLook> {
        Rating::ALL
            .iter()
            .map(|r| RatingLook::new(*r, style))
            .collect()
    }

    /// The symbol and the label: `✖ Red`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::{Rating, RatingStyle};
    /// use lineofsight::report::RatingLook;
    ///
    /// assert_eq!(RatingLook::new(Rating::AmberGreen, &RatingStyle::default()).chip(), "△ Amber/Green");
    /// ```
    pub fn chip(&self) -> String {
        format!("{} {}", self.symbol, self.label)
    }

    /// The colour without its `#` (`f4a6a6`), as Word and Excel write fills.
    pub fn colour_hex(&self) -> &str {
        self.colour.trim_start_matches('#')
    }
}

/// WCAG 2.1 relative luminance.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let ch = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
}
