//! Cleaning cells: HTML fragments, bullet lists, empty markers, and the
//! dates written in a "When?" cell.

/// One piece of a cell: a list item, or text outside any list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub text: String,
    pub item: bool,
}

/// A cell split into pieces at list items, paragraphs and line breaks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Cell {
    pub pieces: Vec<Piece>,
}

const BULLETS: &[char] = &['▪', '•', '\u{f0b7}', '●', '◦', '■', '▫', '‣', '⁃', '○'];

/// Whether a cell says nothing: blank, `_`, `-` or a run of them.
pub(crate) fn is_empty_marker(text: &str) -> bool {
    let t = clean_text(text);
    t.is_empty() || t.chars().all(|c| matches!(c, '_' | '-' | '–' | '—'))
}

/// Removes HTML tags and entities, stray `br>`, markdown emphasis, and
/// normalises white space. Text that only looks like a tag (`a<b and c>d`)
/// is kept as written; see [`looks_like_tag`].
pub(crate) fn clean_text(text: &str) -> String {
    let out = strip_tags(text, |_| {});
    let out = out.replace("br>", " ").replace("**", "");
    let out = decode_entities(&out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The markup [`clean_text`] removes or decodes in a cell, as written: the
/// first five different tags (then `…` when there are more), then a stray
/// `br>`, markdown's `**` and each HTML entity it decodes (`&amp;`).
pub(crate) fn stripped_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut more = false;
    let rest = strip_tags(text, |tag| {
        if tags.iter().any(|t| t == tag) {
            return;
        }
        if tags.len() < 5 {
            tags.push(tag.to_string());
        } else {
            more = true;
        }
    });
    if more {
        tags.push("…".to_string());
    }
    for marker in ["br>", "**"] {
        if rest.contains(marker) {
            tags.push(marker.to_string());
        }
    }
    let rest = rest.replace("br>", " ").replace("**", "");
    tags.extend(
        ENTITIES
            .iter()
            .filter(|(entity, _)| rest.contains(entity))
            .map(|(entity, _)| (*entity).to_string()),
    );
    tags
}

/// The text with each tag replaced by a space, telling `removed` each tag
/// taken out; one pass however many `<` the text has.
fn strip_tags(text: &str, mut removed: impl FnMut(&str)) -> String {
    let mut out = String::with_capacity(text.len());
    let mut closes = Closes::new(text);
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let at = text.len() - rest.len() + i;
        match closes.at_or_after(at).map(|j| j - at) {
            Some(j) if looks_like_tag(&rest[i + 1..i + j]) => {
                removed(&rest[i..=i + j]);
                out.push(' ');
                rest = &rest[i + j + 1..];
            }
            _ => {
                out.push('<');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A spreadsheet's error value (`#REF!`, `#N/A`, `#VALUE!`, `#DIV/0!`,
/// `#NAME?`, `#NULL!`, `#NUM!`, and the newer `#SPILL!`, `#CALC!`,
/// `#GETTING_DATA`), if the cell is one: a formula that broke, never a
/// value.
pub(crate) fn spreadsheet_error(text: &str) -> Option<&'static str> {
    const ERRORS: &[&str] = &[
        "#REF!",
        "#N/A",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NULL!",
        "#NUM!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
    ];
    let t = text.trim();
    ERRORS.iter().copied().find(|e| t.eq_ignore_ascii_case(e))
}

/// Finds the first `>` at or after a position for a scan that only moves
/// forward, reading the text once however many `<` it has (searching from
/// each `<` afresh is quadratic when no `>` follows).
struct Closes<'a> {
    text: &'a str,
    /// Where the last search started.
    from: usize,
    /// The first `>` at or after `from`, if any.
    next: Option<usize>,
}

impl<'a> Closes<'a> {
    fn new(text: &'a str) -> Closes<'a> {
        Closes {
            text,
            from: 0,
            next: text.find('>'),
        }
    }

    /// The first `>` at or after byte `at` (a char boundary, never before
    /// the previous call's `at`).
    fn at_or_after(&mut self, at: usize) -> Option<usize> {
        if at > self.from && self.next.is_some_and(|n| n < at) {
            self.from = at;
            self.next = self.text[at..].find('>').map(|j| at + j);
        }
        self.next
    }
}

/// Whether the text between `<` and `>` is an HTML tag: an HTML element's
/// name (`b`, `/li`, `br/`, Word's `o:p`), then nothing, `/`, or
/// attributes with a `=` (`span style="…"`). `<b and c>` in `a<b and c>d`
/// has words where attributes would be, so it is text, kept as written.
fn looks_like_tag(inner: &str) -> bool {
    const ELEMENTS: &[&str] = &[
        "a",
        "b",
        "i",
        "u",
        "s",
        "p",
        "br",
        "hr",
        "em",
        "strong",
        "span",
        "div",
        "font",
        "ul",
        "ol",
        "li",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "sup",
        "sub",
        "small",
        "big",
        "strike",
        "del",
        "ins",
        "mark",
        "code",
        "pre",
        "blockquote",
        "center",
        "col",
        "colgroup",
        "img",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "o:p",
        "html",
        "body",
        "head",
        "meta",
        "style",
        "title",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "label",
        "dl",
        "dt",
        "dd",
        "caption",
        "abbr",
        "cite",
        "q",
        "wbr",
        "nobr",
    ];
    if inner.len() >= 200 {
        return false;
    }
    let closing = inner.starts_with('/');
    let body = inner.trim_start_matches('/');
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == ':'))
        .unwrap_or(body.len());
    let (name, after) = body.split_at(name_len);
    if !ELEMENTS.iter().any(|e| e.eq_ignore_ascii_case(name)) {
        return false;
    }
    let after = after.trim().trim_end_matches('/').trim_end();
    after.is_empty() || (!closing && after.contains('=') && body[name_len..].starts_with(' '))
}

/// The HTML entities the importer decodes, in the order it decodes them
/// (`&amp;` last, so `&amp;lt;` reads `&lt;`).
const ENTITIES: [(&str, &str); 7] = [
    ("&nbsp;", " "),
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", "\""),
    ("&#39;", "'"),
    ("&apos;", "'"),
    ("&amp;", "&"),
];

fn decode_entities(text: &str) -> String {
    ENTITIES
        .iter()
        .fold(text.to_string(), |out, (entity, as_text)| {
            out.replace(entity, as_text)
        })
}

enum Token {
    Text(char),
    Item,
    Break,
    Soft,
}

/// Splits a line start marker (`- `, `* `, `1. `, `2) `, a bullet) off.
fn line_marker(s: &str) -> Option<usize> {
    let t = s.trim_start_matches([' ', '\t']);
    let skipped = s.len() - t.len();
    let first = t.chars().next()?;
    if BULLETS.contains(&first) {
        return Some(skipped + first.len_utf8());
    }
    if (first == '-' || first == '*') && t[1..].starts_with(' ') {
        return Some(skipped + 2);
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let after = &t[digits..];
        if (after.starts_with(". ") || after.starts_with(") "))
            && !after[2..].starts_with(|c: char| c.is_ascii_digit())
        {
            return Some(skipped + digits + 2);
        }
    }
    None
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut closes = Closes::new(text);
    let mut rest = text;
    let mut at_line_start = true;
    while !rest.is_empty() {
        if at_line_start {
            at_line_start = false;
            if let Some(n) = line_marker(rest) {
                out.push(Token::Item);
                rest = &rest[n..];
                continue;
            }
        }
        if rest.starts_with('<') {
            let at = text.len() - rest.len();
            if let Some(j) = closes.at_or_after(at).map(|j| j - at) {
                let inner = &rest[1..j];
                if looks_like_tag(inner) {
                    let name: String = inner
                        .trim_start_matches('/')
                        .chars()
                        .take_while(char::is_ascii_alphanumeric)
                        .collect::<String>()
                        .to_ascii_lowercase();
                    out.push(match name.as_str() {
                        "li" if !inner.starts_with('/') => Token::Item,
                        "li" | "p" | "br" | "ul" | "ol" | "div" | "tr" | "td" | "th" => {
                            Token::Break
                        }
                        _ => Token::Text(' '),
                    });
                    rest = &rest[j + 1..];
                    continue;
                }
            }
        }
        if rest.starts_with("br>") {
            out.push(Token::Break);
            rest = &rest[3..];
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        if c == '\n' || c == '\r' {
            out.push(Token::Soft);
            at_line_start = true;
        } else if BULLETS.contains(&c) {
            out.push(Token::Item);
        } else {
            out.push(Token::Text(c));
        }
    }
    out
}

impl Cell {
    /// Splits a raw cell into pieces.
    pub(crate) fn parse(raw: &str) -> Cell {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut text = String::new();
        let mut item = false;
        let mut after_break = false;
        let flush = |pieces: &mut Vec<Piece>, text: &mut String, item: bool| {
            let t = clean_text(text);
            text.clear();
            let t = strip_number(&t);
            if !t.is_empty() && !is_empty_marker(&t) {
                pieces.push(Piece { text: t, item });
            }
        };
        for token in tokens(raw) {
            match token {
                Token::Text(c) => {
                    text.push(c);
                    after_break = false;
                }
                Token::Soft => {
                    // A line break in a cell (Excel's Alt+Enter) separates
                    // items exactly as `<br>` does.
                    flush(&mut pieces, &mut text, item);
                    if !after_break {
                        item = false;
                    }
                    after_break = true;
                }
                Token::Item => {
                    flush(&mut pieces, &mut text, item);
                    item = true;
                    after_break = false;
                }
                Token::Break => {
                    flush(&mut pieces, &mut text, item);
                    if !after_break {
                        item = false;
                    }
                    after_break = true;
                }
            }
        }
        flush(&mut pieces, &mut text, item);
        // `<li>▪ text` gives an empty item then a bullet: keep one item.
        Cell { pieces }
    }

    /// Whether the cell has nothing in it.
    pub(crate) fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Whether any piece is a list item.
    pub(crate) fn has_items(&self) -> bool {
        self.pieces.iter().any(|p| p.item)
    }

    /// The text before the first list item (the whole text when there is no
    /// list), joined with spaces.
    pub(crate) fn lead_in(&self) -> String {
        if !self.has_items() {
            return self.joined();
        }
        self.pieces
            .iter()
            .take_while(|p| !p.item)
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The list items (and any text between or after them), in order.
    pub(crate) fn items(&self) -> Vec<String> {
        if !self.has_items() {
            return Vec::new();
        }
        self.pieces
            .iter()
            .skip_while(|p| !p.item)
            .map(|p| p.text.clone())
            .collect()
    }

    /// Every piece, items or not.
    pub(crate) fn parts(&self) -> Vec<String> {
        self.pieces.iter().map(|p| p.text.clone()).collect()
    }

    /// All the text, joined with spaces.
    pub(crate) fn joined(&self) -> String {
        self.pieces
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Adds a cell that continues this one (the same cell carried over a
    /// page break). Text that starts in lower case, or a single plain piece
    /// after a single plain piece, finishes the last piece; anything else
    /// starts a new one.
    ///
    /// `split_text` says the cell was carried over a page break, where a
    /// plain piece after a plain piece is one sentence cut in two; under a
    /// merged cell (`false`) it is another item, such as a second lead.
    pub(crate) fn continue_with(&mut self, more: Cell, starts: &[String], split_text: bool) {
        let mut rest = more.pieces.into_iter();
        let Some(first) = rest.next() else { return };
        let plain = |c: &Cell| c.pieces.len() == 1 && !c.pieces[0].item;
        let joins = first.text.starts_with(|c: char| c.is_lowercase())
            || starts.iter().any(|s| first.text.starts_with(s.as_str()))
            || (plain(self)
                && !first.item
                && rest.len() == 0
                && (split_text || self.pieces.last().is_some_and(|p| ends_open(&p.text))));
        match self.pieces.last_mut() {
            Some(last) if joins => {
                last.text.push(' ');
                last.text.push_str(&first.text);
            }
            _ => self.pieces.push(first),
        }
        self.pieces.extend(rest);
    }
}

/// Whether text stops mid-phrase (`Director of`, `Health and`), so the
/// next line finishes it.
fn ends_open(text: &str) -> bool {
    const CONNECTORS: &[&str] = &[
        "of", "and", "the", "for", "to", "in", "with", "on", "at", "by", "a", "an", "&",
    ];
    let t = text.trim_end();
    t.ends_with([',', '-', '–', '/', '('])
        || t.rsplit(' ')
            .next()
            .is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
}

/// Drops a leading list number (`6. Develop…`) from a piece.
fn strip_number(text: &str) -> String {
    match line_marker(text) {
        Some(n) if text[..n].trim().chars().any(|c| c.is_ascii_digit()) => {
            text[n..].trim().to_string()
        }
        Some(n) if text.starts_with(BULLETS) => text[n..].trim().to_string(),
        _ => text.to_string(),
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether a word names a month: in full, in three letters, or `Sept`.
pub(crate) fn month(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_end_matches(['.', ',']);
    w.len() >= 3
        && MONTHS
            .iter()
            .any(|m| *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "sept"))
}

fn year(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',', ';']);
    (w.len() == 4 || w.len() == 2) && w.chars().all(|c| c.is_ascii_digit())
}

fn numeric_date(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',', ';']);
    let parts: Vec<&str> = w.split(['/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
}

fn month_dash_year(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',', ';']);
    match w.split_once('-') {
        Some((m, y)) => month(m) && year(y),
        None => false,
    }
}

const KEYWORDS: &[&str] = &[
    "ongoing",
    "quarterly",
    "monthly",
    "annually",
    "immediate",
    "immediately",
];

/// The dates (and date-like words such as `Ongoing`) written in a "When?"
/// cell, in order: `October 2017 March 2018 Ongoing` gives three.
///
/// `Month YYYY` may be followed by `ongoing` or `and ongoing`; `dd/mm/yyyy`
/// and `Mon-YY` are single dates.
pub(crate) fn find_dates(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let lower = w.to_lowercase();
        let lower = lower.trim_end_matches(['.', ',', ';']);
        if month(w) && i + 1 < words.len() && year(words[i + 1]) {
            let mut date = format!("{} {}", w, words[i + 1].trim_end_matches(['.', ',', ';']));
            i += 2;
            if i < words.len() && words[i].eq_ignore_ascii_case("ongoing") {
                date.push_str(" ongoing");
                i += 1;
            } else if i + 1 < words.len()
                && words[i].eq_ignore_ascii_case("and")
                && words[i + 1].to_lowercase().starts_with("ongoing")
            {
                date.push_str(" and ongoing");
                i += 2;
            }
            out.push(date);
            continue;
        }
        if numeric_date(w) || month_dash_year(w) {
            out.push(w.trim_end_matches([',', ';']).to_string());
        } else if KEYWORDS.contains(&lower) {
            let mut word = w.trim_end_matches(['.', ',', ';']).to_string();
            if let Some(first) = word.get(..1) {
                word = first.to_uppercase() + &word[1..];
            }
            out.push(word);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(raw: &str) -> Vec<String> {
        Cell::parse(raw).items()
    }

    #[test]
    fn html_lists_become_items() {
        let c = Cell::parse(
            r#"<p>Support practice:</p> <ul style="list-style-type: none"> <li>▪ One</li> <li>▪ Two</li> </ul>"#,
        );
        assert_eq!(c.lead_in(), "Support practice:");
        assert_eq!(c.items(), ["One", "Two"]);
    }

    #[test]
    fn bullet_characters_and_dashes_split() {
        assert_eq!(items("• One • Two"), ["One", "Two"]);
        assert_eq!(items("\u{f0b7} One\n\u{f0b7} Two"), ["One", "Two"]);
        assert_eq!(items("- One\n- Two"), ["One", "Two"]);
        assert_eq!(items("1. One\n2) Two"), ["One", "Two"]);
        // A dash inside a sentence is not a list.
        assert!(items("Engage partners - meeting required").is_empty());
    }

    #[test]
    fn stray_markup_and_empty_markers() {
        assert_eq!(clean_text("One br> two <b>three</b>"), "One two three");
        assert_eq!(clean_text("a < b and c > d"), "a < b and c > d");
        assert!(is_empty_marker(" _ "));
        assert!(is_empty_marker("-"));
        assert!(!is_empty_marker("A"));
    }

    /// `clean_text`'s tag scan as it was, searching for `>` from every `<`.
    fn clean_text_searching_afresh(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(i) = rest.find('<') {
            out.push_str(&rest[..i]);
            match rest[i..].find('>') {
                Some(j) if looks_like_tag(&rest[i + 1..i + j]) => {
                    out.push(' ');
                    rest = &rest[i + j + 1..];
                }
                _ => {
                    out.push('<');
                    rest = &rest[i + 1..];
                }
            }
        }
        out.push_str(rest);
        let out = out.replace("br>", " ").replace("**", "");
        let out = decode_entities(&out);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn one_pass_tag_scan_gives_the_same_text() {
        let long = format!("<a{}>x", "b".repeat(300));
        for text in [
            "",
            "<",
            ">",
            "<>",
            "a<b and c>d",
            "<<b>>",
            "x < y <b>z</b> < w",
            "<1><p>one</p>< p>two</ p><//li>three",
            "é<ü>ß<b>ñ>",
            "<b>1 < 2 > 0</b><",
            "<<<<i>>>> br> &amp;lt;",
            long.as_str(),
        ] {
            assert_eq!(
                clean_text(text),
                clean_text_searching_afresh(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn four_hundred_thousand_lone_angle_brackets() {
        // Searching for `>` afresh from each `<` took 18 s here.
        let text = "<".repeat(400_000);
        assert_eq!(clean_text(&text), text);
        let items = Cell::parse(&format!("{text}<li>one")).parts();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1], "one");
    }

    #[test]
    fn text_that_only_looks_like_a_tag_is_kept() {
        assert_eq!(clean_text("a<b and c>d"), "a<b and c>d");
        assert_eq!(clean_text("x < 5 and y > 3"), "x < 5 and y > 3");
        assert_eq!(clean_text("<List of names>"), "<List of names>");
        assert_eq!(
            clean_text("<b>bold</b> <span style=\"x\">t</span><br/>"),
            "bold t"
        );
        assert_eq!(clean_text("one<o:p></o:p>"), "one");
        assert!(stripped_tags("a<b and c>d").is_empty());
        assert_eq!(
            stripped_tags("<b>bold</b> and <b>more</b>"),
            ["<b>", "</b>"]
        );
        assert_eq!(spreadsheet_error(" #ref! "), Some("#REF!"));
        assert_eq!(spreadsheet_error("#REF! in row 2"), None);
    }

    #[test]
    fn paragraphs_are_parts() {
        let c = Cell::parse("<p>Head of Service</p> <p>Director of Children's Services</p>");
        assert!(!c.has_items());
        assert_eq!(
            c.parts(),
            ["Head of Service", "Director of Children's Services"]
        );
    }

    #[test]
    fn continuation_finishes_the_last_piece() {
        let mut c = Cell::parse("<ul><li>Refresh governance for prevention and demand</li></ul>");
        c.continue_with(
            Cell::parse("<ul><li>management</li><li>Agree a new model</li></ul>"),
            &[],
            true,
        );
        assert_eq!(
            c.items(),
            [
                "Refresh governance for prevention and demand management",
                "Agree a new model"
            ]
        );
        let mut c = Cell::parse("Director of");
        c.continue_with(Cell::parse("Children's Services"), &[], false);
        assert_eq!(c.joined(), "Director of Children's Services");
        let mut c = Cell::parse("Leaving Care Team Manager");
        c.continue_with(Cell::parse("Housing Options Team Leader"), &[], false);
        assert_eq!(c.parts().len(), 2);
    }

    #[test]
    fn dates_in_a_when_cell() {
        assert_eq!(
            find_dates("October 2017 March 2018 and ongoing Quarterly"),
            ["October 2017", "March 2018 and ongoing", "Quarterly"]
        );
        assert_eq!(find_dates("31/12/2019 Dec-19"), ["31/12/2019", "Dec-19"]);
        assert!(find_dates("when the board agrees").is_empty());
    }
}
