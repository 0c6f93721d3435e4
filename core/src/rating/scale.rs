//! Rating scales (3-point RAG, BRAG, IPA 5-point) and how a plan shows them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Rating;

/// The rating scale a rule set rates on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Red, Amber, Green. Complete work is Green.
    Rag,
    /// Blue, Red, Amber, Green: complete work is Blue.
    #[default]
    Brag,
    /// The UK Infrastructure and Projects Authority 5-point delivery
    /// confidence scale: Green, Amber/Green, Amber, Amber/Red, Red.
    Ipa5,
}

impl Scale {
    /// The ratings on this scale, worst first.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::{Rating, Scale};
    ///
    /// assert_eq!(Scale::Brag.ratings(), [Rating::Red, Rating::Amber, Rating::Green, Rating::Blue]);
    /// ```
    pub fn ratings(self) -> &'static [Rating] {
        match self {
            Scale::Rag => &[Rating::Red, Rating::Amber, Rating::Green],
            Scale::Brag => &[Rating::Red, Rating::Amber, Rating::Green, Rating::Blue],
            Scale::Ipa5 => &[
                Rating::Red,
                Rating::AmberRed,
                Rating::Amber,
                Rating::AmberGreen,
                Rating::Green,
            ],
        }
    }

    /// Puts any rating onto this scale. Blue becomes Green where the scale
    /// has no Blue; Amber/Green and Amber/Red become Amber on the 3-point
    /// scales (the cautious reading). Unrated states stay as they are.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::{Rating, Scale};
    ///
    /// assert_eq!(Scale::Rag.normalise(Rating::Blue), Rating::Green);
    /// assert_eq!(Scale::Brag.normalise(Rating::Blue), Rating::Blue);
    /// assert_eq!(Scale::Rag.normalise(Rating::AmberGreen), Rating::Amber);
    /// assert_eq!(Scale::Ipa5.normalise(Rating::AmberRed), Rating::AmberRed);
    /// ```
    pub fn normalise(self, rating: Rating) -> Rating {
        match (self, rating) {
            (Scale::Rag | Scale::Ipa5, Rating::Blue) => Rating::Green,
            (Scale::Rag | Scale::Brag, Rating::AmberGreen | Rating::AmberRed) => Rating::Amber,
            (_, r) => r,
        }
    }

    /// The rating on this scale nearest to a score from 0 (Red) to 4 (Green),
    /// as used by average roll-ups.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::{Rating, Scale};
    ///
    /// assert_eq!(Scale::Rag.from_score(2.9), Rating::Amber);
    /// assert_eq!(Scale::Rag.from_score(3.1), Rating::Green);
    /// assert_eq!(Scale::Ipa5.from_score(3.1), Rating::AmberGreen);
    /// ```
    pub fn from_score(self, score: f64) -> Rating {
        let mut best = Rating::Red;
        let mut best_gap = f64::INFINITY;
        for &r in self.ratings().iter().filter(|r| **r != Rating::Blue) {
            let gap = (r.score().unwrap_or(0.0) - score).abs();
            // Ties go to the worse rating: averages never flatter.
            if gap < best_gap - 1e-9 {
                best = r;
                best_gap = gap;
            }
        }
        best
    }
}

/// A colour as `#rrggbb` or `#rgb` (hex digits in either case): the only
/// forms a plan may use (no colour names, no `rgb()`), so a colour means the
/// same in every output and cannot carry markup or CSS. Loading refuses any
/// other value, naming its JSON path (`$.style.colours.red`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(extend("pattern" = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"))]
pub struct Colour(pub String);

impl Colour {
    /// The colour as (red, green, blue), if it is `#rrggbb` or `#rgb`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::Colour;
    ///
    /// assert_eq!(Colour("#F4a".into()).rgb(), Some((0xff, 0x44, 0xaa)));
    /// assert_eq!(Colour("#8b0000".into()).rgb(), Some((0x8b, 0, 0)));
    /// assert_eq!(Colour("red".into()).rgb(), None);
    /// assert_eq!(Colour("red\" onload=\"x".into()).rgb(), None);
    /// ```
    pub fn rgb(&self) -> Option<(u8, u8, u8)> {
        hex_rgb(&self.0)
    }
}

/// `#rrggbb` or `#rgb` as (red, green, blue), if it is one.
pub(crate) fn hex_rgb(text: &str) -> Option<(u8, u8, u8)> {
    let d = text.strip_prefix('#')?;
    if !d.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&d[i..=i], 16).ok();
    match d.len() {
        3 => Some((digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
        6 => {
            let pair = |i: usize| u8::from_str_radix(&d[i..i + 2], 16).ok();
            Some((pair(0)?, pair(2)?, pair(4)?))
        }
        _ => None,
    }
}

/// How a plan shows its ratings: labels and colours per rating, with
/// defaults that any plan can override (e.g. to say `Complete` for Blue).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct RatingStyle {
    /// Labels to use instead of the standard names, by rating.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<Rating, String>,
    /// Background colours to use instead of the defaults, by rating.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub colours: BTreeMap<Rating, Colour>,
}

impl RatingStyle {
    /// The label for a rating: the plan's own, or the standard name.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::{Rating, RatingStyle};
    ///
    /// let mut style = RatingStyle::default();
    /// style.labels.insert(Rating::Blue, "Complete".into());
    /// assert_eq!(style.label(Rating::Blue), "Complete");
    /// assert_eq!(style.label(Rating::AmberGreen), "Amber/Green");
    /// ```
    pub fn label(&self, rating: Rating) -> &str {
        self.labels
            .get(&rating)
            .map_or(rating.name(), String::as_str)
    }

    /// The background colour for a rating. The defaults are light enough for
    /// black text to reach WCAG AA contrast (at least 4.5:1) on every one.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::{Colour, Rating, RatingStyle};
    ///
    /// let mut style = RatingStyle::default();
    /// assert_eq!(style.colour(Rating::Red), "#f4a6a6");
    /// style.colours.insert(Rating::Red, Colour("#ff8080".into()));
    /// assert_eq!(style.colour(Rating::Red), "#ff8080");
    /// ```
    pub fn colour(&self, rating: Rating) -> &str {
        if let Some(c) = self.colours.get(&rating) {
            return &c.0;
        }
        match rating {
            Rating::Red => "#f4a6a6",
            Rating::AmberRed => "#f7c19b",
            Rating::Amber => "#ffd98a",
            Rating::AmberGreen => "#d9e89a",
            Rating::Green => "#a8dcab",
            Rating::Blue => "#a9cdf0",
            Rating::NotRated => "#e0e0e0",
            Rating::NoData => "#f2f2f2",
        }
    }

    /// A short shape symbol for a rating, so colour is never the only
    /// signal: ✖ Red, ▼ Amber/Red, ▲ Amber, △ Amber/Green, ● Green, ✔ Blue,
    /// – not rated, ? no data.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::{Rating, RatingStyle};
    ///
    /// assert_eq!(RatingStyle::symbol(Rating::Red), "✖");
    /// ```
    pub fn symbol(rating: Rating) -> &'static str {
        match rating {
            Rating::Red => "✖",
            Rating::AmberRed => "▼",
            Rating::Amber => "▲",
            Rating::AmberGreen => "△",
            Rating::Green => "●",
            Rating::Blue => "✔",
            Rating::NotRated => "–",
            Rating::NoData => "?",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2.1 relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    #[test]
    fn default_colours_give_black_text_aa_contrast() {
        let style = RatingStyle::default();
        for r in Rating::ALL {
            let ratio = (luminance(style.colour(r)) + 0.05) / 0.05;
            assert!(ratio >= 4.5, "{r}: contrast {ratio:.2} with black text");
        }
    }

    #[test]
    fn every_rating_has_its_own_symbol() {
        let symbols: std::collections::BTreeSet<&str> = Rating::ALL
            .iter()
            .map(|r| RatingStyle::symbol(*r))
            .collect();
        assert_eq!(symbols.len(), Rating::ALL.len());
    }
}
