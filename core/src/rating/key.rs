//! A tracker's key: the words it uses for ratings and states, beyond
//! Red/Amber/Green (`On track`, `Some slippage`, `Good progress (green)`,
//! `Data not available`, a four-level key with Yellow), built in and
//! declared by a plan or a mapping file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Rating, RatingError};
use crate::plan::Lifecycle;

/// What a word in a rating or status cell means, as a key declares it.
///
/// In JSON a rating is its code (`"green"`, `"no_data"`) and a state is
/// `{"state": "deferred"}`.
///
/// # Example
///
/// ```
/// use lineofsight::plan::Lifecycle;
/// use lineofsight::rating::{KeyMeaning, Rating};
///
/// let m: KeyMeaning = serde_json::from_str(r#""amber_green""#).unwrap();
/// assert_eq!(m, KeyMeaning::Rating(Rating::AmberGreen));
/// let m: KeyMeaning = serde_json::from_str(r#"{"state": "deferred"}"#).unwrap();
/// assert_eq!(m, KeyMeaning::State { state: Lifecycle::Deferred });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum KeyMeaning {
    /// The word is a rating (`no_data` for "data not available").
    Rating(Rating),
    /// The word is a lifecycle state, not a rating.
    State {
        /// The state it sets.
        state: Lifecycle,
    },
}

/// What a rating or status cell says: a rating, a lifecycle state, or both
/// (`Complete` in a RAG column is Blue and complete).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct KeyReading {
    /// The rating recorded, if the cell records one.
    pub rating: Option<Rating>,
    /// The lifecycle state the cell sets, if any.
    pub state: Option<Lifecycle>,
}

/// The words a plan's source uses for ratings and states: the built-in
/// vocabulary councils share, plus the plan's own declared words, which
/// win.
///
/// # Example
///
/// ```
/// use lineofsight::plan::Lifecycle;
/// use lineofsight::rating::{KeyMeaning, Rating, RatingKey};
///
/// let key = RatingKey::default();
/// assert_eq!(key.read("Some slippage")?.rating, Some(Rating::Amber));
/// assert_eq!(key.read("Good progress (green)")?.rating, Some(Rating::Green));
/// assert_eq!(key.read("On hold")?.state, Some(Lifecycle::Deferred));
/// assert_eq!(key.read("In progress")?.rating, None);
/// assert!(key.read("Purple").is_err());
///
/// // A key that uses Yellow between Amber and Green, and N/A for no data.
/// let mut key = RatingKey::default().with_yellow_between_amber_and_green();
/// key.words.insert("N/A".into(), KeyMeaning::Rating(Rating::NoData));
/// assert_eq!(key.read("Yellow")?.rating, Some(Rating::AmberGreen));
/// assert_eq!(key.read("n/a")?.rating, Some(Rating::NoData));
/// # Ok::<(), lineofsight::rating::RatingError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RatingKey {
    /// Declared words (any case and spacing) and what they mean.
    pub words: BTreeMap<String, KeyMeaning>,
    /// Whether Yellow is a fourth level between Amber and Green (read as
    /// Amber/Green) rather than another name for Amber.
    pub yellow_between_amber_and_green: bool,
}

impl RatingKey {
    /// A key with the given declared words.
    pub fn new(words: BTreeMap<String, KeyMeaning>) -> RatingKey {
        RatingKey {
            words,
            yellow_between_amber_and_green: false,
        }
    }

    /// The same key, reading Yellow as Amber/Green.
    #[must_use]
    pub fn with_yellow_between_amber_and_green(mut self) -> RatingKey {
        self.yellow_between_amber_and_green = true;
        self
    }

    /// Reads a rating or status cell: a declared word, a lifecycle word
    /// (`Not started`, `In progress`, `On hold`, `Superseded`, `Merged into
    /// 3.2`), a rating word in any of the spellings [`Rating::parse`] takes
    /// or the wider vocabulary (`On course`, `Ahead`, `Some slippage`, `No
    /// progress`, `Data not available`), or a phrase with a colour in
    /// brackets or before a dash (`Good progress (green)`, `Green – on
    /// track`).
    ///
    /// # Errors
    ///
    /// [`RatingError`] naming the text when no reading fits; nothing is
    /// guessed.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Lifecycle;
    /// use lineofsight::rating::{Rating, RatingKey};
    ///
    /// let r = RatingKey::default().read("Complete")?;
    /// assert_eq!((r.rating, r.state), (Some(Rating::Blue), Some(Lifecycle::Complete)));
    /// let r = RatingKey::default().read("Merged into 3.2")?;
    /// assert_eq!(r.state, Some(Lifecycle::Cancelled));
    /// # Ok::<(), lineofsight::rating::RatingError>(())
    /// ```
    pub fn read(&self, text: &str) -> Result<KeyReading, RatingError> {
        let key = word_key(text);
        if let Some(meaning) = self
            .words
            .iter()
            .find(|(word, _)| word_key(word) == key)
            .map(|(_, m)| *m)
        {
            return Ok(match meaning {
                KeyMeaning::Rating(r) => KeyReading {
                    rating: Some(r),
                    state: (r == Rating::Blue).then_some(Lifecycle::Complete),
                },
                KeyMeaning::State { state } => KeyReading {
                    rating: None,
                    state: Some(state),
                },
            });
        }
        if let Some(state) = lifecycle_word(&key) {
            return Ok(KeyReading {
                // Complete is Blue on a BRAG key.
                rating: (state == Lifecycle::Complete).then_some(Rating::Blue),
                state: Some(state),
            });
        }
        if self.yellow_between_amber_and_green && matches!(key.as_str(), "yellow" | "y") {
            return Ok(KeyReading {
                rating: Some(Rating::AmberGreen),
                state: None,
            });
        }
        if let Some(rating) = wider_word(&key) {
            return Ok(KeyReading {
                rating: Some(rating),
                state: None,
            });
        }
        if let Ok(s) = Rating::parse_recorded(text) {
            return Ok(KeyReading {
                rating: Some(s.rating),
                // Blue means complete.
                state: s
                    .implies
                    .or((s.rating == Rating::Blue).then_some(Lifecycle::Complete)),
            });
        }
        if let Some(colour) = colour_in_phrase(text) {
            if let Ok(reading) = self.read(colour) {
                if reading.rating.is_some() {
                    return Ok(reading);
                }
            }
        }
        Err(RatingError {
            text: text.to_string(),
        })
    }

    /// Reads the lifecycle word a cell opens with (`Completed. The policy
    /// was signed off…`, `In progress – draft circulated`), returning the
    /// state and the word as written. Only lifecycle words count here, not
    /// ratings.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Lifecycle;
    /// use lineofsight::rating::RatingKey;
    ///
    /// let key = RatingKey::default();
    /// assert_eq!(key.opening_state("Completed. Signed off in May."), Some((Lifecycle::Complete, "Completed")));
    /// assert_eq!(key.opening_state("In progress – draft circulated"), Some((Lifecycle::InProgress, "In progress")));
    /// assert_eq!(key.opening_state("Complete the audit by March"), None);
    /// ```
    pub fn opening_state<'t>(&self, text: &'t str) -> Option<(Lifecycle, &'t str)> {
        let text = text.trim_start();
        let end = text.find(['.', '–', '—', ':', ';', '-', '(', ','])?;
        let head = text.get(..end)?.trim_end();
        if head.split_whitespace().count() > 4 {
            return None;
        }
        let key = word_key(head);
        let declared = self.words.iter().find_map(|(word, m)| match m {
            KeyMeaning::State { state } if word_key(word) == key => Some(*state),
            _ => None,
        });
        declared.or_else(|| lifecycle_word(&key)).map(|s| (s, head))
    }
}

/// Lower case, letters and digits only, single spaces.
fn word_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '/')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn lifecycle_word(key: &str) -> Option<Lifecycle> {
    Some(match key {
        "not started" | "not yet started" | "not commenced" | "yet to start" => {
            Lifecycle::NotStarted
        }
        "in progress" | "ongoing" | "started" | "underway" | "under way" | "in hand" | "open"
        | "live" | "active" => Lifecycle::InProgress,
        "complete" | "completed" | "closed" | "done" | "achieved" | "delivered" | "implemented"
        | "finished" => Lifecycle::Complete,
        "on hold" | "paused" | "deferred" | "postponed" => Lifecycle::Deferred,
        "cancelled" | "canceled" | "withdrawn" | "superseded" | "no longer required"
        | "stopped" | "merged" => Lifecycle::Cancelled,
        _ if key.starts_with("merged into ")
            || key.starts_with("merged with ")
            || key.starts_with("superseded by ")
            || key.starts_with("replaced by ") =>
        {
            Lifecycle::Cancelled
        }
        _ => return None,
    })
}

/// Rating words beyond those [`Rating::parse_recorded`] knows.
fn wider_word(key: &str) -> Option<Rating> {
    Some(match key {
        "on course" | "ahead" | "ahead of schedule" | "ahead of target" | "good progress"
        | "on target" | "on schedule" => Rating::Green,
        "some slippage" | "minor slippage" | "slight slippage" | "slipping" | "some risk"
        | "at risk" | "slippage" | "behind" | "behind schedule" => Rating::Amber,
        "no progress"
        | "significant slippage"
        | "major slippage"
        | "off target"
        | "not on track"
        | "off track" => Rating::Red,
        "data not available" | "no data" | "not available" | "awaiting data" => Rating::NoData,
        "not yet assessed" | "not assessed" | "not yet due" | "not due" => Rating::NotRated,
        _ => return None,
    })
}

/// The colour word in `Good progress (green)` or `Green – on track`.
fn colour_in_phrase(text: &str) -> Option<&str> {
    const COLOURS: &[&str] = &["red", "amber", "green", "blue", "yellow"];
    let is_colour = |w: &str| COLOURS.contains(&w.trim().to_ascii_lowercase().as_str());
    if let (Some(open), Some(close)) = (text.rfind('('), text.rfind(')')) {
        if let Some(inner) = text.get(open + 1..close) {
            if is_colour(inner) {
                return Some(inner.trim());
            }
        }
    }
    let first = text
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()?;
    is_colour(first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_councils_use() {
        let key = RatingKey::default();
        for (text, rating) in [
            ("On track", Rating::Green),
            ("On course", Rating::Green),
            ("Ahead", Rating::Green),
            ("Slippage", Rating::Amber),
            ("Some slippage", Rating::Amber),
            ("At risk", Rating::Amber),
            ("Off track", Rating::Red),
            ("No progress", Rating::Red),
            ("Not yet assessed", Rating::NotRated),
            ("Data not available", Rating::NoData),
            ("Good progress (green)", Rating::Green),
            ("Limited progress (Amber)", Rating::Amber),
            ("Red - not on track", Rating::Red),
            ("Yellow", Rating::Amber),
            ("BLUE", Rating::Blue),
        ] {
            assert_eq!(key.read(text).map(|r| r.rating), Ok(Some(rating)), "{text}");
        }
        for (text, state) in [
            ("Not started", Lifecycle::NotStarted),
            ("In progress", Lifecycle::InProgress),
            ("Ongoing", Lifecycle::InProgress),
            ("On hold", Lifecycle::Deferred),
            ("Closed", Lifecycle::Complete),
            ("Superseded", Lifecycle::Cancelled),
            ("Merged into 3.2", Lifecycle::Cancelled),
        ] {
            assert_eq!(key.read(text).map(|r| r.state), Ok(Some(state)), "{text}");
        }
        assert_eq!(key.read("Greenish").unwrap_err().text, "Greenish");
        assert!(key.read("Good progress (purple)").is_err());
    }

    #[test]
    fn declared_words_win() {
        let mut key = RatingKey::default();
        key.words
            .insert("Not applicable".into(), KeyMeaning::Rating(Rating::NoData));
        key.words.insert(
            "Parked".into(),
            KeyMeaning::State {
                state: Lifecycle::Deferred,
            },
        );
        assert_eq!(
            key.read("not applicable").unwrap().rating,
            Some(Rating::NoData)
        );
        assert_eq!(key.read("PARKED").unwrap().state, Some(Lifecycle::Deferred));
        assert_eq!(
            key.opening_state("Parked: awaiting funding"),
            Some((Lifecycle::Deferred, "Parked"))
        );
    }
}
