//! Finding the mapping's known lead spellings in a lead cell, in one pass
//! over the cell whatever the number of spellings.
//!
//! A cell runs lead names together (`Head of Service/VSH YOS`); at each
//! point the longest known spelling is taken and text between spellings is
//! kept as a lead of its own. Trying every spelling at every character cost
//! the number of spellings times the cell's length (80,000 spellings took
//! 10 s); an Aho–Corasick automaton built once per import finds the
//! leftmost-longest spelling from any point in time linear in the text.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{ImportError, ImportOptions};
use crate::plan::LeadKind;

/// A piece of a lead cell: a known spelling's lead, or text between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// A known spelling: the lead's name and kind.
    Known(String, LeadKind),
    /// Text between known spellings, trimmed, not empty.
    Unknown(String),
}

/// The mapping's lead spellings and people, ready to look up.
pub(crate) struct Spellings {
    /// `None` when the mapping names no spellings.
    finder: Option<AhoCorasick>,
    /// The lead for each spelling, in the automaton's pattern order.
    leads: Vec<(String, LeadKind)>,
    people: HashSet<String>,
}

impl Spellings {
    /// Builds the automaton over every spelling; empty spellings are left
    /// out (they would match without moving on; [`ImportOptions::check`]
    /// refuses them first).
    ///
    /// # Errors
    ///
    /// [`ImportError::Mapping`] when the spellings are too many or too long
    /// for the automaton (past what any mapping file holds).
    pub(crate) fn new(options: &ImportOptions) -> Result<Spellings, ImportError> {
        let known: Vec<(&String, (String, LeadKind))> = options
            .leads
            .iter()
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, s)| (k, (s.name.clone(), s.kind)))
            .collect();
        let finder = if known.is_empty() {
            None
        } else {
            let built = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(known.iter().map(|(k, _)| k.as_str()))
                .map_err(|e| ImportError::Mapping {
                    input: "mapping".to_string(),
                    column: "$.leads".to_string(),
                    reason: format!("the lead spellings cannot be searched for: {e}"),
                })?;
            Some(built)
        };
        Ok(Spellings {
            finder,
            leads: known.into_iter().map(|(_, lead)| lead).collect(),
            people: options.people.iter().cloned().collect(),
        })
    }

    /// Whether the mapping names any spellings.
    pub(crate) fn any(&self) -> bool {
        self.finder.is_some()
    }

    /// Whether the mapping lists `name` among its people.
    pub(crate) fn is_person(&self, name: &str) -> bool {
        self.people.contains(name)
    }

    /// Splits a cell into known leads and the text between them. Between
    /// pieces, ` `, `/`, `,`, `–` and `-` are separators, not text.
    pub(crate) fn pieces(&self, text: &str) -> Vec<Piece> {
        let mut out = Vec::new();
        let mut rest = text.trim();
        let Some(finder) = &self.finder else {
            unknown(rest, &mut out);
            return out;
        };
        loop {
            rest = rest.trim_start_matches(SEPARATORS);
            if rest.is_empty() {
                break;
            }
            let Some(found) = finder.find(rest) else {
                unknown(rest, &mut out);
                break;
            };
            unknown(&rest[..found.start()], &mut out);
            if let Some((name, kind)) = self.leads.get(found.pattern().as_usize()) {
                out.push(Piece::Known(name.clone(), *kind));
            }
            rest = &rest[found.end()..];
        }
        out
    }
}

const SEPARATORS: [char; 5] = [' ', '/', ',', '–', '-'];

/// Text between spellings, trimmed of white space, when there is any.
fn unknown(text: &str, out: &mut Vec<Piece>) {
    let text = text.trim();
    if !text.is_empty() {
        out.push(Piece::Unknown(text.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::LeadSpelling;

    fn spellings(pairs: &[(&str, &str)]) -> Spellings {
        let mut options = ImportOptions::default();
        for (k, name) in pairs {
            options.leads.insert(
                (*k).to_string(),
                LeadSpelling {
                    name: (*name).to_string(),
                    kind: LeadKind::Team,
                },
            );
        }
        Spellings::new(&options).expect("builds")
    }

    fn names(s: &Spellings, text: &str) -> Vec<String> {
        s.pieces(text)
            .into_iter()
            .map(|p| match p {
                Piece::Known(n, _) => n,
                Piece::Unknown(t) => format!("?{t}"),
            })
            .collect()
    }

    #[test]
    fn longest_spelling_at_each_point() {
        let s = spellings(&[
            ("Head of Service", "HoS"),
            ("Head", "H"),
            ("VSH", "Virtual School Head"),
            ("YOS", "Youth Offending"),
        ]);
        assert_eq!(
            names(&s, "Head of Service/VSH YOS"),
            ["HoS", "Virtual School Head", "Youth Offending"]
        );
        assert_eq!(names(&s, "Head teacher"), ["H", "?teacher"]);
        assert_eq!(
            names(&s, " - Mr Smith, VSH and the Chair -"),
            ["?Mr Smith,", "Virtual School Head", "?and the Chair -"]
        );
        assert_eq!(names(&s, "   "), Vec::<String>::new());
    }

    #[test]
    fn no_spellings_keeps_the_text() {
        let s = spellings(&[]);
        assert!(!s.any());
        assert_eq!(names(&s, " Alice "), ["?Alice"]);
    }

    #[test]
    fn empty_spellings_never_match() {
        let s = spellings(&[("", "Nobody"), ("A", "Alice")]);
        assert_eq!(names(&s, "xAx"), ["?x", "Alice", "?x"]);
    }
}
