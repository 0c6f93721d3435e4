//! Text from the plan as Word paragraphs. docx-rs escapes `<`, `>`, `&`,
//! `"` and `'` in every text run; what XML cannot hold at all (control
//! characters other than tab and line breaks, U+FFFE and U+FFFF) is
//! removed here, and line breaks become Word line breaks.

use docx_rs::{BreakType, Paragraph, Run};

/// `s` without the characters XML 1.0 cannot hold: C0 controls other than
/// tab, line feed and carriage return, and the non-characters U+FFFE and
/// U+FFFF. Tabs become spaces; `\r\n` and `\r` become `\n`.
pub(super) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A paragraph in `style` holding `text`, each line break a Word line
/// break.
pub(super) fn lines(style: &str, text: &str) -> Paragraph {
    let clean = clean(text);
    let mut p = Paragraph::new().style(style);
    for (i, line) in clean.trim().lines().enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        p = p.add_run(run.add_text(line.trim_end()));
    }
    p
}

/// A Normal paragraph that starts with a label in the Strong character
/// style: `Aim: …`.
pub(super) fn labelled(label: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(super::styles::NORMAL)
        .add_run(
            Run::new()
                .style(super::styles::STRONG)
                .add_text(format!("{label} ")),
        )
        .add_run(Run::new().add_text(clean(text).replace('\n', " ")))
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn strips_what_xml_cannot_hold() {
        assert_eq!(clean("a\u{0}b\u{1b}[31mc\u{7f}"), "ab[31mc");
        assert_eq!(clean("one\r\ntwo\rthree\tfour"), "one\ntwo\nthree four");
        assert_eq!(clean("x\u{FFFE}\u{FFFF}y"), "xy");
        assert_eq!(clean("<b> & \"q\""), "<b> & \"q\"");
    }
}
