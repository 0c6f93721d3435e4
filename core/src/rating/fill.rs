//! Fill colours: the background a council paints a RAG cell with, and the
//! rating that colour stands for.

use std::fmt;

use super::Rating;

/// A cell's fill (background) colour as red, green and blue, read from a
/// Word table cell's shading or a workbook cell's solid fill.
///
/// # Example
///
/// ```
/// use lineofsight::rating::Fill;
///
/// let amber = Fill::from_hex("FFC000").unwrap();
/// assert_eq!(amber, Fill::rgb(0xFF, 0xC0, 0x00));
/// assert_eq!(amber.to_string(), "FFC000");
/// assert_eq!(Fill::from_hex("auto"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fill {
    /// Red, 0–255.
    pub red: u8,
    /// Green, 0–255.
    pub green: u8,
    /// Blue, 0–255.
    pub blue: u8,
}

impl Fill {
    /// A fill from its red, green and blue parts.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::Fill;
    ///
    /// assert_eq!(Fill::rgb(0, 0xB0, 0x50).green, 0xB0);
    /// ```
    pub const fn rgb(red: u8, green: u8, blue: u8) -> Self {
        Fill { red, green, blue }
    }

    /// Reads `RRGGBB` (Word's `w:fill`) or `AARRGGBB` (Excel's `rgb`), with
    /// or without a leading `#`, in either case. `auto` and anything else
    /// give `None`. The alpha of an 8-digit colour is ignored (Excel writes
    /// `FF` or `00` there and paints the colour either way).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::Fill;
    ///
    /// assert_eq!(Fill::from_hex("#92d050"), Some(Fill::rgb(0x92, 0xD0, 0x50)));
    /// assert_eq!(Fill::from_hex("FFFF0000"), Some(Fill::rgb(0xFF, 0, 0)));
    /// assert_eq!(Fill::from_hex("red"), None);
    /// ```
    pub fn from_hex(text: &str) -> Option<Fill> {
        let t = text.trim();
        let t = t.strip_prefix('#').unwrap_or(t);
        let t = match t.len() {
            6 => t,
            8 => t.get(2..)?,
            _ => return None,
        };
        if !t.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let [_, red, green, blue] = u32::from_str_radix(t, 16).ok()?.to_be_bytes();
        Some(Fill::rgb(red, green, blue))
    }

    /// Hue in degrees (0–360), saturation and value (0–1).
    fn hsv(self) -> (f64, f64, f64) {
        let (r, g, b) = (
            f64::from(self.red),
            f64::from(self.green),
            f64::from(self.blue),
        );
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let chroma = max - min;
        let saturation = if max > 0.0 { chroma / max } else { 0.0 };
        // max is exactly one of r, g and b: comparing it with them is exact.
        #[allow(clippy::float_cmp)]
        let hue = if chroma == 0.0 {
            0.0
        } else if max == r {
            60.0 * ((g - b) / chroma)
        } else if max == g {
            60.0 * (2.0 + (b - r) / chroma)
        } else {
            60.0 * (4.0 + (r - g) / chroma)
        };
        (hue.rem_euclid(360.0), saturation, max / 255.0)
    }
}

impl fmt::Display for Fill {
    /// `RRGGBB` in upper case, as Word writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02X}{:02X}{:02X}", self.red, self.green, self.blue)
    }
}

impl Rating {
    /// The rating a RAG cell's fill colour stands for, by hue: red and pink
    /// (hue 340°–20°) are Red; orange, amber, gold and **yellow** (20°–70°)
    /// are Amber; greens (70°–170°) are Green; cyan and blue (170°–260°) are
    /// Blue (complete, on the BRAG scale; [`Scale::normalise`](super::Scale::normalise)
    /// makes it Green on scales without Blue). Colours with little colour in
    /// them (white, greys, black, and the pale blue-greys of table headers:
    /// saturation under 15%, a spread under 30 of 255 between the strongest
    /// and weakest channel, or value under 25%) and purples (260°–340°) are
    /// `None`: they are not ratings.
    ///
    /// Yellow is Amber, not Amber/Green: Word's and Excel's standard palettes
    /// have Yellow and Orange but no amber, so councils paint amber cells
    /// yellow far more often than they keep a five-colour key, and on the
    /// 3-point and BRAG scales Amber/Green would be read as Amber anyway.
    /// Light green (`92D050`) is Green for the same reason. Excel's pale
    /// "Good", "Neutral" and "Bad" cell styles (`C6EFCE`, `FFEB9C`,
    /// `FFC7CE`) are Green, Amber and Red.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::{Fill, Rating};
    ///
    /// let rate = |hex| Fill::from_hex(hex).and_then(Rating::from_fill);
    /// assert_eq!(rate("C00000"), Some(Rating::Red));
    /// assert_eq!(rate("FFC000"), Some(Rating::Amber));
    /// assert_eq!(rate("FFFF00"), Some(Rating::Amber));
    /// assert_eq!(rate("00B050"), Some(Rating::Green));
    /// assert_eq!(rate("0070C0"), Some(Rating::Blue));
    /// assert_eq!(rate("D9D9D9"), None);
    /// ```
    pub fn from_fill(fill: Fill) -> Option<Rating> {
        let spread =
            fill.red.max(fill.green).max(fill.blue) - fill.red.min(fill.green).min(fill.blue);
        let (hue, saturation, value) = fill.hsv();
        if saturation < 0.15 || spread < 30 || value < 0.25 {
            return None;
        }
        match hue {
            h if !(20.0..340.0).contains(&h) => Some(Rating::Red),
            h if h < 70.0 => Some(Rating::Amber),
            h if h < 170.0 => Some(Rating::Green),
            h if h < 260.0 => Some(Rating::Blue),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(hex: &str) -> Option<Rating> {
        Rating::from_fill(Fill::from_hex(hex).expect("a colour"))
    }

    #[test]
    fn word_and_excel_standard_colours() {
        for (hex, want) in [
            ("FF0000", Some(Rating::Red)),
            ("C00000", Some(Rating::Red)),
            ("FFC000", Some(Rating::Amber)),
            ("FFBF00", Some(Rating::Amber)),
            ("FF9900", Some(Rating::Amber)),
            ("ED7D31", Some(Rating::Amber)),
            ("FFFF00", Some(Rating::Amber)),
            ("00B050", Some(Rating::Green)),
            ("92D050", Some(Rating::Green)),
            ("00FF00", Some(Rating::Green)),
            ("00B0F0", Some(Rating::Blue)),
            ("0070C0", Some(Rating::Blue)),
            ("D9D9D9", None),
            ("FFFFFF", None),
            ("000000", None),
            ("F2F2F2", None),
            ("DEEAF6", None),
            ("7030A0", None),
        ] {
            assert_eq!(rate(hex), want, "{hex}");
        }
    }

    #[test]
    fn excel_good_neutral_bad_styles() {
        assert_eq!(rate("FFC7CE"), Some(Rating::Red));
        assert_eq!(rate("FFEB9C"), Some(Rating::Amber));
        assert_eq!(rate("C6EFCE"), Some(Rating::Green));
    }

    #[test]
    fn hex_forms() {
        assert_eq!(Fill::from_hex("00ff00"), Some(Fill::rgb(0, 255, 0)));
        assert_eq!(Fill::from_hex("auto"), None);
        assert_eq!(Fill::from_hex("FFF"), None);
        assert_eq!(Fill::from_hex("zzzzzz"), None);
        assert_eq!(Fill::from_hex("+12345"), None);
        assert_eq!(Fill::rgb(1, 2, 255).to_string(), "0102FF");
    }
}
