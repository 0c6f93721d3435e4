//! Word wrapping for fixed-width text reports.

/// Wraps text into lines of at most `width` characters, breaking at spaces
/// and splitting words longer than a line.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_until(text, width, usize::MAX)
}

/// Wraps like [`wrap`], stopping once it has more than `limit` lines, in
/// one pass over the text.
fn wrap_until(text: &str, width: usize, limit: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        if lines.len() > limit {
            return lines;
        }
        let chars: Vec<char> = word.chars().collect();
        let mut pieces = chars.chunks(width).peekable();
        while let Some(piece) = pieces.next() {
            if pieces.peek().is_none() {
                // The word's last piece joins the line like any word.
                if len > 0 && len + 1 + piece.len() > width {
                    lines.push(std::mem::take(&mut line));
                    len = 0;
                }
                if len > 0 {
                    line.push(' ');
                    len += 1;
                }
                line.extend(piece);
                len += piece.len();
            } else {
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                    len = 0;
                }
                lines.push(piece.iter().collect());
                if lines.len() > limit {
                    return lines;
                }
            }
        }
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps text like [`wrap`] into at most `max_lines` lines; when that cuts
/// text off, the last line ends with an ellipsis.
pub(crate) fn wrap_at_most(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines = wrap_until(text, width, max_lines.max(1));
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            let keep = width.max(1) - 1;
            let mut cut: String = last.chars().take(keep).collect();
            cut.truncate(cut.trim_end().len());
            cut.push('…');
            *last = cut;
        }
    }
    lines
}

/// Pads or cuts text to exactly `width` characters.
pub(crate) fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width {
        text.chars().take(width).collect()
    } else {
        format!("{text}{}", " ".repeat(width - n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_split_and_long_notes_stop_early() {
        assert_eq!(wrap("abcdefg hi", 3), ["abc", "def", "g", "hi"]);
        assert_eq!(wrap("ab abcdef", 3), ["ab", "abc", "def"]);
        let huge = "x".repeat(2_000_000);
        let lines = wrap_at_most(&huge, 100, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
    }

    #[test]
    fn wraps_at_spaces_and_splits_long_words() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
        assert!(wrap(&"word ".repeat(100), 10)
            .iter()
            .all(|l| l.chars().count() <= 10));
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(wrap_at_most("one two three", 7, 2), ["one two", "three"]);
        assert_eq!(wrap_at_most("one two three four", 7, 1), ["one tw…"]);
        let cut = wrap_at_most(&"word ".repeat(100), 10, 3);
        assert_eq!(cut.len(), 3);
        assert!(cut.iter().all(|l| l.chars().count() <= 10));
        assert!(cut[2].ends_with('…'));
    }
}
