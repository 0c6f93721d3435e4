//! The report's SVG charts as PNG images, rasterised with resvg using only
//! the font data the caller passed: no file is read and no system font is
//! looked up. Without fonts no chart is drawn (text would be lost) and the
//! paper gives the chart's figures as a table instead.

use std::sync::Arc;

use docx_rs::Pic;
use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

use super::styles::TEXT_WIDTH;

/// Pixels per SVG unit: two and a half times the size (240 dpi), for print.
const SCALE: f32 = 2.5;
/// English Metric Units per SVG pixel (96 per inch) and per twentieth of
/// a point.
const EMU_PER_PX: u64 = 9_525;
const EMU_PER_TWIP: u64 = 635;

/// The fonts charts are drawn with.
#[derive(Clone)]
pub(super) struct ChartFonts {
    db: Arc<fontdb::Database>,
    sans: String,
}

impl ChartFonts {
    /// The fonts in `data` (TrueType, OpenType or collections), or `None`
    /// when there are none that parse. The charts ask for Arial,
    /// Helvetica or sans-serif: sans-serif is the first family whose name
    /// says Sans (not Mono, Serif, Condensed or Light), else the first.
    pub(super) fn new(data: &[Vec<u8>]) -> Option<ChartFonts> {
        let mut db = fontdb::Database::new();
        for font in data {
            db.load_font_data(font.clone());
        }
        let families: Vec<String> = db
            .faces()
            .filter_map(|f| f.families.first().map(|(name, _)| name.clone()))
            .collect();
        let plain = |name: &&String| {
            name.contains("Sans")
                && !["Mono", "Serif", "Condensed", "Light"]
                    .iter()
                    .any(|w| name.contains(w))
        };
        let sans = families
            .iter()
            .find(plain)
            .or_else(|| families.first())?
            .clone();
        db.set_sans_serif_family(sans.clone());
        Some(ChartFonts {
            db: Arc::new(db),
            sans,
        })
    }

    /// `svg` as an inline picture as wide as its own width (at most the
    /// width between the margins), or `None` if it cannot be drawn.
    pub(super) fn picture(&self, svg: &str) -> Option<Pic> {
        let options = usvg::Options {
            fontdb: Arc::clone(&self.db),
            font_family: self.sans.clone(),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(svg, &options).ok()?;
        let size = tree.size();
        let (w, h) = (size.width(), size.height());
        if !(w.is_finite() && h.is_finite() && w >= 1.0 && h >= 1.0 && w * h < 4.0e6) {
            return None;
        }
        // Finite, at least 1 and under 4 million square units (checked
        // above): the casts cannot lose a sign or overflow.
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        let (pw, ph) = ((w * SCALE).ceil() as u32, (h * SCALE).ceil() as u32);
        let mut pixmap = tiny_skia::Pixmap::new(pw, ph)?;
        pixmap.fill(tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(SCALE, SCALE),
            &mut pixmap.as_mut(),
        );
        let png = pixmap.encode_png().ok()?;
        let max = TEXT_WIDTH as u64 * EMU_PER_TWIP;
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        let (width, height) = (
            (f64::from(w) * EMU_PER_PX as f64) as u64,
            (f64::from(h) * EMU_PER_PX as f64) as u64,
        );
        let (width, height) = if width > max {
            (max, height * max / width)
        } else {
            (width, height)
        };
        Some(
            Pic::new_with_dimensions(png, pw, ph)
                .size(u32::try_from(width).ok()?, u32::try_from(height).ok()?),
        )
    }
}
