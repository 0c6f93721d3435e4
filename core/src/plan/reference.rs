//! Action and objective references such as `3a1`, `5a5.i`, `10b.ii` and
//! ranges such as `5a-c` or `12a -b`.

use std::cmp::Ordering;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One piece of a reference: a number, a letter run, or a roman numeral
/// written after a dot.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Segment {
    Number(u64),
    Text(String),
}

/// A hierarchical reference as written in the source (`1`, `3a1`, `5a5.i`,
/// `10b.ii`, `2b1`, `1.1`), ordered naturally: `2` < `10`, `5a2` < `5a10`,
/// `10b.i` < `10b.ii`.
///
/// A range such as `5a-c`, `6a-b` or `12a -b` stays one reference that
/// [covers](Ref::covers) several.
///
/// # Example
///
/// ```
/// use lineofsight::plan::Ref;
///
/// let mut refs: Vec<Ref> = ["10b.ii", "2", "5a10", "5a2", "10b.i", "1"]
///     .into_iter().map(Ref::new).collect();
/// refs.sort();
/// let sorted: Vec<&str> = refs.iter().map(Ref::as_str).collect();
/// assert_eq!(sorted, ["1", "2", "5a2", "5a10", "10b.i", "10b.ii"]);
///
/// assert_eq!(Ref::new("12a -b").covers(), ["12a", "12b"]);
/// ```
// The JSON form is the text alone (serialised by hand below); the schema
// derive reads these serde attributes, so it describes that text.
#[derive(Clone, JsonSchema)]
#[serde(transparent)]
pub struct Ref {
    raw: String,
    /// The key it sorts by, worked out once from `raw` (which no one can
    /// change in place).
    #[serde(skip)]
    key: Vec<Segment>,
}

impl Ref {
    /// Makes a reference from its source spelling (kept exactly, but trimmed).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Ref;
    ///
    /// assert_eq!(Ref::new(" 5a5.i ").as_str(), "5a5.i");
    /// ```
    pub fn new(raw: &str) -> Ref {
        Ref::from_text(raw.trim().to_string())
    }

    /// The reference with its sort key, the text kept as given.
    fn from_text(raw: String) -> Ref {
        let key = sort_key(&raw);
        Ref { raw, key }
    }

    /// The reference as written.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Ref;
    ///
    /// assert_eq!(Ref::new("12a -b").as_str(), "12a -b");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// Whether the reference is a range such as `5a-c`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Ref;
    ///
    /// assert!(Ref::new("6a-b").is_range());
    /// assert!(!Ref::new("10b.ii").is_range());
    /// ```
    pub fn is_range(&self) -> bool {
        self.range_parts().is_some()
    }

    /// The references this one covers: itself, or each member of a range.
    /// A range that cannot be expanded (e.g. `3-1`) covers only itself.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Ref;
    ///
    /// assert_eq!(Ref::new("5a-c").covers(), ["5a", "5b", "5c"]);
    /// assert_eq!(Ref::new("7b-d").covers(), ["7b", "7c", "7d"]);
    /// assert_eq!(Ref::new("3a1").covers(), ["3a1"]);
    /// ```
    pub fn covers(&self) -> Vec<String> {
        let Some((stem, first, last)) = self.range_parts() else {
            return vec![self.raw.clone()];
        };
        match (first, last) {
            (RangeEnd::Letter(a), RangeEnd::Letter(b)) if a <= b => {
                (a..=b).map(|c| format!("{stem}{c}")).collect()
            }
            (RangeEnd::Number(a), RangeEnd::Number(b)) if a <= b && b - a < 100 => {
                (a..=b).map(|n| format!("{stem}{n}")).collect()
            }
            _ => vec![self.raw.clone()],
        }
    }

    /// Splits `5a-c` into (`5`, `a`, `c`) and `12a -b` into (`12`, `a`, `b`).
    fn range_parts(&self) -> Option<(&str, RangeEnd, RangeEnd)> {
        range_parts(&self.raw)
    }
}

/// Splits `5a-c` into (`5`, `a`, `c`) and `12a -b` into (`12`, `a`, `b`).
fn range_parts(raw: &str) -> Option<(&str, RangeEnd, RangeEnd)> {
    let (left, right) = raw.split_once(['-', '–'])?;
    let left = left.trim_end();
    let right = right.trim();
    let last = RangeEnd::parse(right)?;
    let split = match last {
        RangeEnd::Letter(_) => left.len().checked_sub(1)?,
        RangeEnd::Number(_) => left.trim_end_matches(|c: char| c.is_ascii_digit()).len(),
    };
    // `é-b` has no one-byte letter before the dash: not a range.
    let (stem, first) = left.split_at_checked(split)?;
    let first = RangeEnd::parse(first)?;
    if std::mem::discriminant(&first) != std::mem::discriminant(&last) {
        return None;
    }
    Some((stem, first, last))
}

/// The key a reference sorts by: a range sorts as its first member.
fn sort_key(raw: &str) -> Vec<Segment> {
    match range_parts(raw) {
        Some((stem, first, _)) => {
            let first = match first {
                RangeEnd::Letter(c) => c.to_string(),
                RangeEnd::Number(n) => n.to_string(),
            };
            segments(&format!("{stem}{first}"))
        }
        None => segments(raw),
    }
}

fn segments(raw: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut after_dot = false;
    let flush = |current: &mut String, out: &mut Vec<Segment>, after_dot: bool| {
        if current.is_empty() {
            return;
        }
        let seg = if current.chars().all(|c| c.is_ascii_digit()) {
            current
                .parse()
                .map_or_else(|_| Segment::Text(current.clone()), Segment::Number)
        } else if let Some(n) = after_dot.then(|| roman_value(current)).flatten() {
            Segment::Number(n)
        } else {
            Segment::Text(current.to_lowercase())
        };
        out.push(seg);
        current.clear();
    };
    let mut prev_digit: Option<bool> = None;
    for c in raw.chars() {
        if c.is_alphanumeric() {
            let digit = c.is_ascii_digit();
            if prev_digit.is_some_and(|p| p != digit) {
                flush(&mut current, &mut out, after_dot);
                after_dot = false;
            }
            current.push(c);
            prev_digit = Some(digit);
        } else {
            flush(&mut current, &mut out, after_dot);
            after_dot = c == '.';
            prev_digit = None;
        }
    }
    flush(&mut current, &mut out, after_dot);
    out
}

#[derive(Debug, Clone, Copy)]
enum RangeEnd {
    Letter(char),
    Number(u32),
}

impl RangeEnd {
    fn parse(s: &str) -> Option<RangeEnd> {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_lowercase() || c.is_ascii_uppercase() => {
                Some(RangeEnd::Letter(c))
            }
            _ if !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()) => {
                s.parse().ok().map(RangeEnd::Number)
            }
            _ => None,
        }
    }
}

fn roman_value(s: &str) -> Option<u64> {
    const ROMAN: [&str; 20] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];
    let s = s.to_ascii_lowercase();
    ROMAN.iter().position(|r| *r == s).map(|p| p as u64 + 1)
}

impl PartialEq for Ref {
    fn eq(&self, other: &Self) -> bool {
        // The key is worked out from the text, so equal texts are all it
        // takes (as `cmp`, which breaks ties by the text).
        self.raw == other.raw
    }
}

impl Eq for Ref {}

impl PartialOrd for Ref {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ref {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key
            .cmp(&other.key)
            .then_with(|| self.raw.cmp(&other.raw))
    }
}

impl std::fmt::Debug for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Ref").field(&self.raw).finish()
    }
}

impl Serialize for Ref {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Ref::from_text)
    }
}

impl std::fmt::Display for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.raw)
    }
}

impl From<&str> for Ref {
    fn from(raw: &str) -> Self {
        Ref::new(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covers(s: &str) -> Vec<String> {
        Ref::new(s).covers()
    }

    #[test]
    fn ranges_from_the_seeds_expand() {
        assert_eq!(covers("5a-c"), ["5a", "5b", "5c"]);
        assert_eq!(covers("6a-b"), ["6a", "6b"]);
        assert_eq!(covers("12a -b"), ["12a", "12b"]);
        assert_eq!(covers("1c-d"), ["1c", "1d"]);
        assert_eq!(covers("3-5"), ["3", "4", "5"]);
    }

    #[test]
    fn odd_ranges_cover_only_themselves() {
        assert_eq!(covers("c-a"), ["c-a"]);
        assert_eq!(covers("-"), ["-"]);
        assert_eq!(covers("a-1"), ["a-1"]);
        assert_eq!(covers("5a-"), ["5a-"]);
        assert_eq!(covers("9-1"), ["9-1"]);
    }

    #[test]
    fn natural_order() {
        let mut refs: Vec<Ref> = [
            "3b", "3a2", "3a1", "10a", "2", "5a5.ii", "5a5.i", "5a4", "1.10", "1.2",
        ]
        .into_iter()
        .map(Ref::new)
        .collect();
        refs.sort();
        let s: Vec<&str> = refs.iter().map(Ref::as_str).collect();
        assert_eq!(
            s,
            ["1.2", "1.10", "2", "3a1", "3a2", "3b", "5a4", "5a5.i", "5a5.ii", "10a"]
        );
    }

    #[test]
    fn spelling_is_kept() {
        assert_eq!(Ref::new(" 12a -b ").as_str(), "12a -b");
        assert_ne!(Ref::new("3A"), Ref::new("3a"));
    }

    #[test]
    fn a_wide_character_before_the_dash_is_no_range() {
        assert_eq!(covers("é-b"), ["é-b"]);
        assert!(Ref::new("é-b") > Ref::new("e"));
    }

    #[test]
    fn huge_numbers_do_not_panic() {
        let r = Ref::new("99999999999999999999999a");
        assert_eq!(r.covers().len(), 1);
        let _ = r.cmp(&Ref::new("1"));
    }
}
