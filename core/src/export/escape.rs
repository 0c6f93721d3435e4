//! Escaping text for HTML and SVG, so that nothing from a plan is ever read
//! as markup, and for terminals, so that nothing is read as a control
//! sequence.
//!
//! Both also keep right-to-left text to itself: an embedding, override or
//! isolate that a plan's text opens (U+202A–U+202E, U+2066–U+2068) and does
//! not close is closed at the end of that text, so it can never reverse the
//! rating or the next field drawn after it on the same line.

/// Escapes text for HTML or SVG element content and quoted attribute
/// values: `&`, `<`, `>`, `"` and `'` become character references, so
/// `<script>` in an action's text shows as text and never runs. Control
/// characters that XML forbids (everything below U+0020 but tab, line feed
/// and carriage return, and the C1 controls) are dropped, so an SVG chart
/// stays well-formed; unclosed bidirectional controls are closed (see the
/// module docs).
///
/// # Example
///
/// ```
/// use lineofsight::export::escape_html;
///
/// assert_eq!(
///     escape_html("<script>alert(1)</script>"),
///     "&lt;script&gt;alert(1)&lt;/script&gt;"
/// );
/// assert_eq!(
///     escape_html("\"><img src=x onerror=alert(1)>"),
///     "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
/// );
/// assert_eq!(escape_html("Children's Social Care & Health"), "Children&#39;s Social Care &amp; Health");
/// assert_eq!(escape_html("Done\x1b[2J\x07"), "Done[2J");
/// assert_eq!(escape_html("\u{202e}dlroW"), "\u{202e}dlroW\u{202c}");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut bidi = BidiDepth::default();
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => {
                bidi.see(c);
                out.push(c);
            }
        }
    }
    bidi.close(&mut out);
    out
}

/// Escapes text as [`escape_html`] does and isolates it in a `<bdi>`
/// element, for plan text drawn on the same line as other text (a ref and
/// its title), so right-to-left text neither reorders nor is reordered by
/// what stands beside it. Only for element content, never attributes or
/// `<title>`.
pub(crate) fn escape_html_isolated(text: &str) -> String {
    format!("<bdi>{}</bdi>", escape_html(text))
}

/// Makes text safe for a terminal: line breaks, tabs and other whitespace
/// controls become spaces, and every other control character (`ESC`, `BEL`,
/// backspace, C1 controls) is dropped, so text from a plan can never move
/// the cursor, recolour the screen or ring the bell.
///
/// # Example
///
/// ```
/// use lineofsight::export::escape_terminal;
///
/// assert_eq!(escape_terminal("Done\x1b[2J\x07 at last\r\nsigned off"), "Done[2J at last  signed off");
/// assert_eq!(escape_terminal("\u{2067}txet"), "\u{2067}txet\u{2069}");
/// ```
pub fn escape_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut bidi = BidiDepth::default();
    for c in text.chars() {
        match c {
            c if c.is_control() && c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c => {
                bidi.see(c);
                out.push(c);
            }
        }
    }
    bidi.close(&mut out);
    out
}

/// Counts the bidirectional embeddings, overrides and isolates a text opens
/// and closes, so that [`BidiDepth::close`] can close what is left open.
#[derive(Default)]
pub(crate) struct BidiDepth {
    /// Open embeddings and overrides (LRE, RLE, LRO, RLO), closed by PDF.
    embeddings: usize,
    /// Open isolates (LRI, RLI, FSI), closed by PDI.
    isolates: usize,
}

impl BidiDepth {
    /// Notes one character of the text.
    pub(crate) fn see(&mut self, c: char) {
        match c {
            '\u{202a}'..='\u{202e}' if c != '\u{202c}' => self.embeddings += 1,
            '\u{202c}' => self.embeddings = self.embeddings.saturating_sub(1),
            '\u{2066}'..='\u{2068}' => self.isolates += 1,
            '\u{2069}' => self.isolates = self.isolates.saturating_sub(1),
            _ => {}
        }
    }

    /// Appends a PDI for each open isolate, then a PDF for each open
    /// embedding. Isolates go first because a PDI also closes the
    /// embeddings opened inside it; a PDF left with nothing to close is
    /// ignored by the bidirectional algorithm, so counting too many is
    /// harmless and counting too few is not.
    pub(crate) fn close(self, out: &mut String) {
        for _ in 0..self.isolates {
            out.push('\u{2069}');
        }
        for _ in 0..self.embeddings {
            out.push('\u{202c}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{escape_html, escape_terminal};

    #[test]
    fn terminal_controls_are_gone() {
        let out = escape_terminal("a\x1b]0;title\x07b\u{9b}31mc\td\x08");
        assert!(!out.chars().any(char::is_control));
        assert_eq!(out, "a]0;titleb31mc d");
    }

    #[test]
    fn script_tag_is_text() {
        let out = escape_html("<script>alert(1)</script>");
        assert!(!out.contains('<') && !out.contains('>'));
        assert_eq!(out, "&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    #[test]
    fn attribute_breakout_is_text() {
        let out = escape_html("\"><img src=x onerror=alert(1)>");
        assert!(!out.contains('"') && !out.contains('<') && !out.contains('>'));
        assert_eq!(out, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    #[test]
    fn ampersands_are_escaped_once() {
        assert_eq!(escape_html("&lt;"), "&amp;lt;");
        assert_eq!(escape_html("plain text – ✔"), "plain text – ✔");
    }
}
