//! Tokens of a timescale's text and what its words mean.

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// A run of digits: its value (saturating) and how many digits.
    Num(u64, usize),
    /// A run of letters, lower-cased.
    Word(String),
    /// A separator: `/`, `-` (any dash), `.`, `:`.
    Sep(char),
}

/// A token with the byte span it came from in the trimmed text.
#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) tok: Tok,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Token {
    pub(super) fn word(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }
}

/// Splits text into numbers, words and separators. Letters and digits
/// written together (`12March2021`) are separate tokens; an ordinal's `st`,
/// `nd`, `rd` or `th` glued to its number is dropped.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            let mut value = u64::from(c as u8 - b'0');
            let mut len = 1;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                value = value
                    .saturating_mul(10)
                    .saturating_add(u64::from(d as u8 - b'0'));
                len += 1;
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(Token {
                tok: Tok::Num(value, len),
                start: i,
                end,
            });
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            let mut word: String = c.to_lowercase().collect();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                word.extend(d.to_lowercase());
                end = j + d.len_utf8();
                chars.next();
            }
            // Ordinals: the `th` of `30th` says nothing more.
            let ordinal = matches!(word.as_str(), "st" | "nd" | "rd" | "th")
                && matches!(out.last(), Some(Token { tok: Tok::Num(..), end: e, .. }) if *e == i);
            if !ordinal {
                out.push(Token {
                    tok: Tok::Word(word),
                    start: i,
                    end,
                });
            }
        } else if matches!(c, '/' | '-' | '–' | '—' | '.' | ':') {
            let sep = if matches!(c, '/' | '.' | ':') { c } else { '-' };
            out.push(Token {
                tok: Tok::Sep(sep),
                start: i,
                end: i + c.len_utf8(),
            });
        }
    }
    out
}

pub(super) fn month_number(word: &str) -> Option<u32> {
    Some(match word {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

pub(super) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `one` to `twelve` and `first` to `twelfth`.
pub(super) fn number_word(word: &str) -> Option<u64> {
    Some(match word {
        "one" | "first" => 1,
        "two" | "second" => 2,
        "three" | "third" => 3,
        "four" | "fourth" => 4,
        "five" | "fifth" => 5,
        "six" | "sixth" => 6,
        "seven" | "seventh" => 7,
        "eight" | "eighth" => 8,
        "nine" | "ninth" => 9,
        "ten" | "tenth" => 10,
        "eleven" | "eleventh" => 11,
        "twelve" | "twelfth" => 12,
        _ => return None,
    })
}

/// Words that name a quarter: `Q3`, `Qtr 3`, `Quarter Two`, `3rd quarter`.
pub(super) fn is_quarter_word(word: &str) -> bool {
    matches!(word, "q" | "qtr" | "quarter")
}

/// Words that say nothing about when: skipped silently.
pub(super) fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "by" | "end"
            | "the"
            | "of"
            | "and"
            | "no"
            | "not"
            | "later"
            | "than"
            | "approx"
            | "approximately"
            | "around"
            | "about"
            | "circa"
            | "in"
            | "on"
            | "at"
            | "before"
            | "latest"
            | "a"
            | "an"
            | "or"
            | "for"
            | "due"
            | "date"
            | "deadline"
            | "within"
            | "be"
    )
}

/// Words that are part of how councils write dates: when one is left
/// unread, the date read may not be what the text means.
pub(super) fn is_date_word(word: &str) -> bool {
    month_number(word).is_some()
        || number_word(word).is_some()
        || is_quarter_word(word)
        || matches!(
            word,
            "qtrs"
                | "quarters"
                | "spring"
                | "summer"
                | "autumn"
                | "winter"
                | "mid"
                | "early"
                | "late"
                | "half"
                | "h"
                | "term"
                | "week"
                | "weeks"
                | "wk"
                | "wks"
                | "month"
                | "months"
                | "day"
                | "days"
                | "year"
                | "years"
                | "yr"
                | "yrs"
                | "fy"
                | "ay"
                | "financial"
                | "academic"
                | "calendar"
        )
}

/// Words that qualify a year (`financial year 2019/20`, `2019/20 academic
/// year`): read when the text names a year.
pub(super) fn is_year_qualifier(word: &str) -> bool {
    matches!(
        word,
        "financial" | "academic" | "calendar" | "fy" | "ay" | "year" | "yr"
    )
}

/// Words whose number is a label, not a day: `Stage 3 Jun 2021`, `Phase 2:`.
/// Only words that never stand before a day: after `Action`, `Item`,
/// `Part` or `Year` a number may be the day (`Action 12 March 2021`), so
/// it is read as one.
pub(super) fn is_label_word(word: &str) -> bool {
    matches!(
        word,
        "stage"
            | "phase"
            | "step"
            | "wave"
            | "tranche"
            | "round"
            | "level"
            | "cohort"
            | "sprint"
            | "release"
            | "version"
    )
}

/// Words whose number is a label unless a month follows it, where it is
/// the day: `Year 1 2019/20`, but `Action 12 March 2021`.
pub(super) fn is_label_before_non_month(word: &str) -> bool {
    matches!(
        word,
        "part"
            | "priority"
            | "objective"
            | "action"
            | "section"
            | "item"
            | "workstream"
            | "strand"
            | "year"
            | "yr"
    )
}

/// Words that say the date is when the work starts, not when it is due.
pub(super) fn is_start_marker(word: &str) -> bool {
    matches!(
        word,
        "from"
            | "start"
            | "starts"
            | "starting"
            | "started"
            | "commence"
            | "commences"
            | "commencing"
            | "begin"
            | "begins"
            | "beginning"
            | "since"
    )
}

/// Words that join the two ends of a range.
pub(super) fn is_connector(word: &str) -> bool {
    matches!(word, "to" | "through" | "until" | "till" | "thru")
}
