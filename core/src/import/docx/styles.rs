//! The paragraph styles of a Word document (`word/styles.xml`): which are
//! the title, headings (and their levels), lists, and bold.

use std::collections::HashMap;
use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::xml::{attr, is_on, local};

/// How deep a `basedOn` chain is followed (Word itself stops loops).
const CHAIN: usize = 12;

/// One paragraph or character style as written.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    list: bool,
    bold: Option<bool>,
}

/// Where in a style the reader is.
#[derive(Debug, Default, Clone, Copy)]
struct Inside {
    ppr: bool,
    rpr: bool,
}

/// What a paragraph style means for the importer.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct StyleInfo {
    /// The Title style.
    pub title: bool,
    /// A heading's level, from 1.
    pub heading: Option<u8>,
    /// A list style (List Bullet, List Number, or one with numbering).
    pub list: bool,
    /// The style makes its text bold.
    pub bold: bool,
}

/// The styles by id.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    /// Reads `word/styles.xml`; anything unreadable leaves the styles
    /// recognised by their ids alone (`Heading1`, `Title`, `ListBullet`).
    pub(super) fn read<R: BufRead>(xml: R, limit: u64) -> Styles {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut by_id = HashMap::new();
        let mut current: Option<(String, Style)> = None;
        let mut state = Inside::default();
        loop {
            if reader.buffer_position() > limit {
                break;
            }
            let event = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(e) => e,
            };
            match event {
                Event::Start(e) => Self::start(&e, false, &mut current, &mut state),
                Event::Empty(e) => Self::start(&e, true, &mut current, &mut state),
                Event::End(e) => match local(e.name().as_ref()) {
                    "style" => {
                        if let Some((id, style)) = current.take() {
                            by_id.insert(id, style);
                        }
                    }
                    "rPr" => state.rpr = false,
                    "pPr" => state.ppr = false,
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
        Styles { by_id }
    }

    fn start(
        e: &BytesStart<'_>,
        empty: bool,
        current: &mut Option<(String, Style)>,
        state: &mut Inside,
    ) {
        let name = local(e.name().as_ref()).to_string();
        if name == "style" {
            *current = attr(e, "styleId").map(|id| (id, Style::default()));
            *state = Inside::default();
            return;
        }
        let Some((_, style)) = current.as_mut() else {
            return;
        };
        match name.as_str() {
            "name" => style.name = attr(e, "val").unwrap_or_default(),
            "basedOn" => style.based_on = attr(e, "val"),
            "outlineLvl" => {
                style.outline = attr(e, "val")
                    .and_then(|v| v.parse::<u8>().ok())
                    .filter(|v| *v < 9);
            }
            "numPr" => style.list = true,
            "pPr" if !empty => state.ppr = true,
            "rPr" if !empty => state.rpr = true,
            // Bold on the paragraph mark (pPr/rPr) is not the text's.
            "b" if state.rpr && !state.ppr => style.bold = Some(is_on(e)),
            _ => {}
        }
    }

    /// What the style with this id means, following `basedOn`.
    pub(super) fn info(&self, id: &str) -> StyleInfo {
        let mut info = StyleInfo::default();
        let (mut title, mut heading, mut list, mut bold) = (None, None, None, None);
        let mut next = Some(id.to_string());
        for _ in 0..CHAIN {
            let Some(id) = next.take() else { break };
            let by_name = self.by_id.get(&id);
            let name = by_name.map_or(id.as_str(), |s| s.name.as_str());
            let (t, h, l) = by_meaning(name, &id);
            title = title.or(t.then_some(true));
            heading = heading
                .or(h)
                .or(by_name.and_then(|s| s.outline.map(|o| o + 1)));
            list = list
                .or(l.then_some(true))
                .or(by_name.filter(|s| s.list).map(|_| true));
            bold = bold.or(by_name.and_then(|s| s.bold));
            next = by_name.and_then(|s| s.based_on.clone());
        }
        info.title = title.unwrap_or(false);
        info.heading = heading;
        info.list = list.unwrap_or(false);
        info.bold = bold.unwrap_or(false);
        info
    }

    /// Whether a character style (such as Strong) makes its text bold.
    pub(super) fn bold_run(&self, id: &str) -> bool {
        let strong = |s: &str| {
            let s = s.to_ascii_lowercase();
            s == "strong" || s == "bold"
        };
        strong(id)
            || self
                .by_id
                .get(id)
                .is_some_and(|s| s.bold == Some(true) || strong(&s.name))
    }
}

/// Title, heading level and list, from a style's name or id alone.
fn by_meaning(name: &str, id: &str) -> (bool, Option<u8>, bool) {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase()
    };
    let (name, id) = (norm(name), norm(id));
    let title = name == "title" || id == "title";
    let heading = [&name, &id].iter().find_map(|s| {
        s.strip_prefix("heading")
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=9).contains(n))
    });
    let list = [&name, &id]
        .iter()
        .any(|s| s.starts_with("listbullet") || s.starts_with("listnumber"));
    (title, heading, list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_by_name_id_and_chain() {
        let xml = r#"<w:styles xmlns:w="x">
          <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="CPHead"><w:name w:val="CP Heading"/><w:basedOn w:val="Heading1"/></w:style>
          <w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="Kop 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Bullets"><w:name w:val="Bullets"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Lead"><w:name w:val="Lead"/><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>
          <w:style w:type="character" w:styleId="Emph"><w:name w:val="Emph"/><w:rPr><w:b/></w:rPr></w:style>
        </w:styles>"#;
        let s = Styles::read(xml.as_bytes(), u64::MAX);
        assert_eq!(s.info("CPHead").heading, Some(1));
        assert_eq!(s.info("Kop2").heading, Some(2));
        assert_eq!(s.info("Heading3").heading, Some(3));
        assert!(s.info("Title").title);
        assert!(s.info("Bullets").list);
        assert!(s.info("ListBullet2").list);
        assert!(!s.info("Lead").bold);
        assert!(s.bold_run("Emph"));
        assert!(s.bold_run("Strong"));
        assert_eq!(s.info("Normal"), StyleInfo::default());
    }
}
