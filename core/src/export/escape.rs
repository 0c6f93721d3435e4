//! Escaping text for HTML and SVG, so that nothing from a plan is ever read
//! as markup, and for terminals, so that nothing is read as a control
//! sequence.

/// Escapes text for HTML or SVG element content and quoted attribute
/// values: `&`, `<`, `>`, `"` and `'` become character references, so
/// `<script>` in an action's text shows as text and never runs.
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
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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
/// ```
pub fn escape_terminal(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            c if c.is_control() && c.is_whitespace() => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
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
