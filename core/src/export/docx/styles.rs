//! The paper's page and its named styles, defined once in the styles part
//! so a council can re-brand the paper by editing them in Word: Normal,
//! Title, Subtitle, Heading 1, Heading 2, Note, Table Text, Table Heading,
//! the Strong character style and the Board Table table style. No run in
//! the document names a font or a size.

use docx_rs::{
    Docx, LineSpacing, PageMargin, RunFonts, Style, StyleType, TableBorder, TableBorderPosition,
    TableBorders, TableCellMargins,
};

/// A4 portrait, in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);
/// 2 cm margins.
const MARGIN: i32 = 1_134;
/// The width between the margins, in twentieths of a point.
pub(super) const TEXT_WIDTH: usize = 11_906 - 2 * 1_134;

pub(super) const TITLE: &str = "Title";
pub(super) const SUBTITLE: &str = "Subtitle";
pub(super) const HEADING1: &str = "Heading1";
pub(super) const HEADING2: &str = "Heading2";
pub(super) const NORMAL: &str = "Normal";
pub(super) const NOTE: &str = "Note";
pub(super) const TABLE_TEXT: &str = "TableText";
pub(super) const TABLE_HEADING: &str = "TableHeading";
pub(super) const STRONG: &str = "Strong";
pub(super) const TABLE: &str = "BoardTable";

/// The font every style inherits from Normal: one place to change it.
const FONT: &str = "Arial";
/// The heading colour.
const ACCENT: &str = "1F3864";

fn paragraph(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on(NORMAL)
        .next(NORMAL)
}

fn heading(id: &str, name: &str, half_points: usize, level: usize) -> Style {
    let mut s = paragraph(id, name)
        .size(half_points)
        .bold()
        .color(ACCENT)
        .outline_lvl(level)
        .line_spacing(LineSpacing::new().before(240).after(120));
    s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
    s
}

/// A new document: A4 portrait with 2 cm margins and every named style.
pub(super) fn paper() -> Docx {
    let normal = Style::new(NORMAL, StyleType::Paragraph)
        .name("Normal")
        .fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .size(21)
        .line_spacing(LineSpacing::new().after(120));
    let border = |p| TableBorder::new(p).size(4).color("808080");
    let table = Style::new(TABLE, StyleType::Table)
        .name("Board Table")
        .based_on("TableNormal")
        .set_borders(
            TableBorders::new()
                .set(border(TableBorderPosition::Top))
                .set(border(TableBorderPosition::Left))
                .set(border(TableBorderPosition::Bottom))
                .set(border(TableBorderPosition::Right))
                .set(border(TableBorderPosition::InsideH))
                .set(border(TableBorderPosition::InsideV)),
        )
        .margins(TableCellMargins::new().margin(30, 60, 30, 60));
    Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .add_style(normal)
        .add_style(
            paragraph(TITLE, "Title")
                .size(40)
                .bold()
                .color(ACCENT)
                .line_spacing(LineSpacing::new().after(60)),
        )
        .add_style(paragraph(SUBTITLE, "Subtitle").size(26).color("404040"))
        .add_style(heading(HEADING1, "heading 1", 30, 0))
        .add_style(heading(HEADING2, "heading 2", 24, 1))
        .add_style(paragraph(NOTE, "Note").italic().color("404040"))
        .add_style(
            paragraph(TABLE_TEXT, "Table Text")
                .size(16)
                .line_spacing(LineSpacing::new().before(0).after(0)),
        )
        .add_style(
            paragraph(TABLE_HEADING, "Table Heading")
                .based_on(TABLE_TEXT)
                .bold(),
        )
        .add_style(
            Style::new(STRONG, StyleType::Character)
                .name("Strong")
                .bold(),
        )
        .add_style(table)
}
