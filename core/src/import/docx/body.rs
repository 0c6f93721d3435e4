//! The body of a Word document (`word/document.xml`) as blocks: the
//! paragraphs outside tables and the top-level tables, each row as cell
//! texts and fills.
//!
//! One pass over the XML events, no recursion: nested tables, text boxes
//! and tracked changes are counted, never followed down a call stack.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::styles::{StyleInfo, Styles};
use super::xml::{attr, is_on, local, number, reference, shading};
use crate::rating::Fill;

/// Word's most columns in a table: a `w:gridSpan` or `w:gridBefore` is
/// never read as more, whatever the file declares.
pub(super) const MAX_SPAN: usize = 63;

/// A paragraph longer than this is never taken for a bold heading.
const SHORT: usize = 120;

/// The level given to bold paragraphs taken as headings: below any
/// real heading.
pub(super) const BOLD_LEVEL: u8 = 10;

/// Elements whose content is not the document's current text: deleted and
/// moved-away text, field codes, drawings and text boxes (their text would
/// land inside another paragraph), alternate content, and the old
/// properties of tracked formatting changes.
const SKIP: &[&str] = &[
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "drawing",
    "pict",
    "object",
    "AlternateContent",
    "pPrChange",
    "rPrChange",
    "tcPrChange",
    "trPrChange",
    "tblPrChange",
    "sectPrChange",
    "numberingChange",
];

/// What a paragraph outside any table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ParaKind {
    /// The Title style.
    Title,
    /// A heading, by level from 1 ([`BOLD_LEVEL`] for a short bold paragraph).
    Heading(u8),
    /// Anything else.
    Body,
}

/// One row of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct DocRow {
    pub cells: Vec<String>,
    /// Empty when no cell in the row is shaded, otherwise one per cell.
    pub fills: Vec<Option<Fill>>,
}

/// A paragraph outside tables, or a top-level table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Block {
    Para(String, ParaKind),
    Table(Vec<DocRow>),
}

// What the reader has seen of one paragraph so far: flags, not options.
#[allow(clippy::struct_excessive_bools)]
#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    list: bool,
    outline: Option<u8>,
    ppr: bool,
    rpr: bool,
    run_bold: Option<bool>,
    run_style_bold: bool,
    style_bold: bool,
    bold_chars: usize,
    plain_chars: usize,
}

#[derive(Default)]
struct Cell {
    text: String,
    span: usize,
    continues: bool,
    fill: Option<Fill>,
    para_fill: Option<Fill>,
}

#[derive(Default)]
struct Walker<'s> {
    styles: Option<&'s Styles>,
    blocks: Vec<Block>,
    skip: usize,
    depth: usize,
    table: Vec<DocRow>,
    row: Option<DocRow>,
    cell: Option<Cell>,
    tcpr: bool,
    trpr: bool,
    in_text: bool,
    para: Option<Para>,
}

/// Reads the body's blocks. `limit` caps the XML read (the caller also
/// stops the stream there); an error is the reason, in words.
pub(super) fn read<R: BufRead>(xml: R, styles: &Styles, limit: u64) -> Result<Vec<Block>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut w = Walker {
        styles: Some(styles),
        ..Walker::default()
    };
    let too_large = || format!("the document's text is larger than {} MB", limit >> 20);
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Ok(e) => e,
            Err(_) if reader.buffer_position() >= limit => return Err(too_large()),
            Err(e) => {
                return Err(format!(
                    "word/document.xml is not well-formed XML at byte {}: {e}",
                    reader.error_position()
                ))
            }
        };
        if reader.buffer_position() > limit {
            return Err(too_large());
        }
        match event {
            Event::Start(e) => w.start(&e, false),
            Event::Empty(e) => w.start(&e, true),
            Event::End(e) => w.end(local(e.name().as_ref())),
            Event::Text(t) if w.in_text && w.skip == 0 => w.text(&t.xml10_content()),
            Event::GeneralRef(r) if w.in_text && w.skip == 0 => {
                if let Some(c) = reference(&r) {
                    w.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(w.blocks)
}

impl Walker<'_> {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        let name = local(e.name().as_ref()).to_string();
        if SKIP.contains(&name.as_str()) {
            if !empty {
                self.skip = 1;
            }
            return;
        }
        let cell_props = self.tcpr && self.depth == 1;
        match name.as_str() {
            "tbl" if !empty => {
                self.depth += 1;
                if self.depth == 1 {
                    self.table = Vec::new();
                }
            }
            "tr" if self.depth == 1 => {
                self.row = Some(DocRow::default());
                if empty {
                    self.end("tr");
                }
            }
            "tc" if self.depth == 1 => {
                self.cell = Some(Cell {
                    span: 1,
                    ..Cell::default()
                });
                if empty {
                    self.end("tc");
                }
            }
            "tcPr" if self.depth == 1 && !empty => self.tcpr = true,
            "trPr" if self.depth == 1 && !empty => self.trpr = true,
            "gridSpan" if cell_props => {
                if let Some(c) = self.cell.as_mut() {
                    c.span = number(e, "val", MAX_SPAN).unwrap_or(1).max(1);
                }
            }
            "vMerge" if cell_props => {
                if let Some(c) = self.cell.as_mut() {
                    c.continues = attr(e, "val").as_deref() != Some("restart");
                }
            }
            "shd" if cell_props => {
                if let Some(c) = self.cell.as_mut() {
                    c.fill = shading(e);
                }
            }
            "gridBefore" if self.trpr && self.depth == 1 => {
                if let Some(r) = self.row.as_mut() {
                    let n = number(e, "val", MAX_SPAN).unwrap_or(0);
                    r.cells.resize(n, String::new());
                    r.fills.resize(n, None);
                }
            }
            "p" => {
                self.para = Some(Para::default());
                if empty {
                    self.end("p");
                }
            }
            _ => self.in_paragraph(&name, e, empty),
        }
    }

    /// Paragraph and run properties, runs and their special characters.
    fn in_paragraph(&mut self, name: &str, e: &BytesStart<'_>, empty: bool) {
        let styles = self.styles;
        let in_cell = self.depth == 1 && self.cell.is_some();
        let Some(p) = self.para.as_mut() else {
            return;
        };
        match name {
            "pPr" if !empty => p.ppr = true,
            "rPr" if !empty => p.rpr = true,
            "pStyle" if p.ppr => {
                p.style = attr(e, "val");
                p.style_bold = match (styles, p.style.as_deref()) {
                    (Some(s), Some(id)) => s.info(id).bold,
                    _ => false,
                };
            }
            "numPr" if p.ppr => p.list = true,
            "numId" if p.ppr => p.list = attr(e, "val").as_deref() != Some("0"),
            "outlineLvl" if p.ppr => {
                // Level 9 is Word's "body text".
                p.outline = number(e, "val", 9)
                    .filter(|v| *v < 9)
                    .and_then(|v| u8::try_from(v).ok());
            }
            "shd" if p.ppr && !p.rpr && in_cell => {
                if let Some(c) = self.cell.as_mut() {
                    c.para_fill = c.para_fill.or(shading(e));
                }
            }
            "r" => {
                p.run_bold = None;
                p.run_style_bold = false;
            }
            "b" if p.rpr && !p.ppr => p.run_bold = Some(is_on(e)),
            "rStyle" if p.rpr && !p.ppr => {
                p.run_style_bold = match (styles, attr(e, "val")) {
                    (Some(s), Some(id)) => s.bold_run(&id),
                    _ => false,
                }
            }
            "t" if !empty && !p.ppr => self.in_text = true,
            "tab" | "ptab" if !p.ppr => p.text.push(' '),
            "br" | "cr" if !p.ppr => p.text.push('\n'),
            "noBreakHyphen" if !p.ppr => p.text.push('-'),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        let Some(p) = self.para.as_mut() else {
            return;
        };
        let bold = p.run_bold.unwrap_or(p.style_bold) || p.run_style_bold;
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        if bold {
            p.bold_chars += n;
        } else {
            p.plain_chars += n;
        }
        p.text
            .extend(text.chars().map(|c| if c == '\t' { ' ' } else { c }));
    }

    fn end(&mut self, name: &str) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            "t" => self.in_text = false,
            "pPr" => {
                if let Some(p) = self.para.as_mut() {
                    p.ppr = false;
                }
            }
            "rPr" => {
                if let Some(p) = self.para.as_mut() {
                    p.rpr = false;
                }
            }
            "p" => self.end_paragraph(),
            "tcPr" if self.depth == 1 => self.tcpr = false,
            "trPr" if self.depth == 1 => self.trpr = false,
            "tc" if self.depth == 1 => self.end_cell(),
            "tr" if self.depth == 1 => {
                if let Some(mut row) = self.row.take() {
                    if row.fills.iter().all(Option::is_none) {
                        row.fills = Vec::new();
                    }
                    self.table.push(row);
                }
            }
            "tbl" => {
                if self.depth == 1 {
                    let table = std::mem::take(&mut self.table);
                    self.blocks.push(Block::Table(table));
                }
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        self.in_text = false;
        let Some(p) = self.para.take() else {
            return;
        };
        let info = match (self.styles, p.style.as_deref()) {
            (Some(s), Some(id)) => s.info(id),
            _ => StyleInfo::default(),
        };
        let text = p.text.trim();
        if text.is_empty() {
            return;
        }
        if self.depth >= 1 {
            // A paragraph of a cell, or of a table nested in a cell.
            if let Some(c) = self.cell.as_mut() {
                if !c.text.is_empty() {
                    c.text.push('\n');
                }
                if (p.list || info.list) && !text.starts_with('•') {
                    c.text.push_str("• ");
                }
                c.text.push_str(text);
            }
            return;
        }
        let heading = p.outline.map(|o| o + 1).or(info.heading);
        let kind = if info.title {
            ParaKind::Title
        } else if let Some(level) = heading {
            ParaKind::Heading(level)
        } else if p.bold_chars > 0
            && p.plain_chars == 0
            && !(p.list || info.list)
            && text.chars().count() <= SHORT
            && !text.contains('\n')
        {
            ParaKind::Heading(BOLD_LEVEL)
        } else {
            ParaKind::Body
        };
        self.blocks.push(Block::Para(text.to_string(), kind));
    }

    fn end_cell(&mut self) {
        let (Some(cell), Some(row)) = (self.cell.take(), self.row.as_mut()) else {
            return;
        };
        if cell.continues {
            row.cells.push(String::new());
            row.fills.push(None);
        } else {
            row.cells.push(cell.text);
            row.fills.push(cell.fill.or(cell.para_fill));
        }
        for _ in 1..cell.span {
            row.cells.push(String::new());
            row.fills.push(None);
        }
    }
}
