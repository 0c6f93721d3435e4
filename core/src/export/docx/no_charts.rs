//! The board paper without its charts (a build without the
//! `board-paper-charts` feature): every chart's figures are given as a
//! table, as when no fonts are passed.

use docx_rs::Pic;

/// No fonts: nothing is rasterised.
#[derive(Clone)]
pub(super) struct ChartFonts;

impl ChartFonts {
    /// Always `None`: this build cannot draw charts.
    pub(super) fn new(_data: &[Vec<u8>]) -> Option<ChartFonts> {
        None
    }

    /// Never a picture. (A method, like the drawing build's.)
    #[allow(clippy::unused_self)]
    pub(super) fn picture(&self, _svg: &str) -> Option<Pic> {
        None
    }
}
