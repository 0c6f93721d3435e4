//! Reading recorded ratings in the spellings councils use.

use super::Rating;
use crate::plan::Lifecycle;

/// A recorded rating cell that is not a rating lineofsight knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a RAG rating lineofsight knows (expected e.g. Red, Amber, Green, R/A/G, Amber/Green, Blue, Complete, On track, Not started, N/A)")]
pub struct RatingError {
    /// The text that was not understood.
    pub text: String,
}

/// What a recorded rating cell says: the rating, and the lifecycle state it
/// implies when the cell is a state word (`Complete`, `Not started`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordedSpelling {
    /// The rating the cell records.
    pub rating: Rating,
    /// The lifecycle state the word implies, if any.
    pub implies: Option<Lifecycle>,
}

impl Rating {
    /// Reads a recorded rating as councils write it.
    ///
    /// Accepts, in any case and with stray spaces or full stops: Red, Amber,
    /// Green, Blue, R, A, G, B, Amber/Green, A/G, Amber-Red, A/R, Green/Amber,
    /// Complete(d), Achieved, Done, On track, Off track, Slippage, At risk,
    /// Not started, Not yet assessed, N/A, and blank (which is
    /// [`Rating::NoData`]).
    ///
    /// # Errors
    ///
    /// Returns [`RatingError`] naming the text when it is not a known
    /// spelling. Nothing is guessed.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::Rating;
    ///
    /// assert_eq!(Rating::parse("GREEN")?, Rating::Green);
    /// assert_eq!(Rating::parse("A/G")?, Rating::AmberGreen);
    /// assert_eq!(Rating::parse("Amber-Red")?, Rating::AmberRed);
    /// assert_eq!(Rating::parse("amber_green")?, Rating::AmberGreen);
    /// assert_eq!(Rating::parse("Amber Red")?, Rating::AmberRed);
    /// assert_eq!(Rating::parse("Completed")?, Rating::Blue);
    /// assert_eq!(Rating::parse("")?, Rating::NoData);
    /// assert!(Rating::parse("Purple").is_err());
    /// # Ok::<(), lineofsight::rating::RatingError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Rating, RatingError> {
        Rating::parse_recorded(text).map(|s| s.rating)
    }

    /// Like [`Rating::parse`], also saying which lifecycle state a state word
    /// implies (`Complete` → complete, `Not started` → not started).
    ///
    /// # Errors
    ///
    /// Returns [`RatingError`] when the text is not a known spelling.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::plan::Lifecycle;
    /// use lineofsight::rating::Rating;
    ///
    /// let s = Rating::parse_recorded("Not started")?;
    /// assert_eq!(s.rating, Rating::NotRated);
    /// assert_eq!(s.implies, Some(Lifecycle::NotStarted));
    /// # Ok::<(), lineofsight::rating::RatingError>(())
    /// ```
    pub fn parse_recorded(text: &str) -> Result<RecordedSpelling, RatingError> {
        let key: String = text
            .trim()
            .trim_end_matches('.')
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '_')
            .map(|c| match c {
                '–' | '—' | '\\' | '-' => '/',
                other => other.to_ascii_lowercase(),
            })
            .collect();
        let plain = |rating| {
            Ok(RecordedSpelling {
                rating,
                implies: None,
            })
        };
        let with = |rating, state| {
            Ok(RecordedSpelling {
                rating,
                implies: Some(state),
            })
        };
        match key.as_str() {
            "red" | "r" | "offtrack" => plain(Rating::Red),
            "amber" | "a" | "slippage" | "atrisk" | "orange" | "yellow" => plain(Rating::Amber),
            "green" | "g" | "ontrack" => plain(Rating::Green),
            "blue" | "b" => plain(Rating::Blue),
            // `ambergreen` is `Amber Green` or the JSON code `amber_green`.
            "amber/green" | "a/g" | "green/amber" | "g/a" | "ag" | "ambergreen" | "greenamber" => {
                plain(Rating::AmberGreen)
            }
            "amber/red" | "a/r" | "red/amber" | "r/a" | "ar" | "amberred" | "redamber" => {
                plain(Rating::AmberRed)
            }
            "complete" | "completed" | "achieved" | "done" | "closed" => {
                with(Rating::Blue, Lifecycle::Complete)
            }
            "notstarted" => with(Rating::NotRated, Lifecycle::NotStarted),
            "notyetassessed" | "notassessed" | "notrated" | "n/a" | "na" | "notapplicable" => {
                plain(Rating::NotRated)
            }
            "" | "nodata" => plain(Rating::NoData),
            "deferred" => with(Rating::NotRated, Lifecycle::Deferred),
            "cancelled" | "canceled" => with(Rating::NotRated, Lifecycle::Cancelled),
            _ => Err(RatingError {
                text: text.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_from_the_issue() {
        let cases = [
            ("Red", Rating::Red),
            ("red", Rating::Red),
            ("RED", Rating::Red),
            ("Amber", Rating::Amber),
            ("Green ", Rating::Green),
            ("R", Rating::Red),
            ("A", Rating::Amber),
            ("G", Rating::Green),
            ("Amber/Green", Rating::AmberGreen),
            ("A/G", Rating::AmberGreen),
            ("Amber-Red", Rating::AmberRed),
            ("Amber – Red", Rating::AmberRed),
            ("Blue", Rating::Blue),
            ("Complete", Rating::Blue),
            ("Completed", Rating::Blue),
            ("Achieved", Rating::Blue),
            ("On track", Rating::Green),
            ("Off track", Rating::Red),
            ("Slippage", Rating::Amber),
            ("Not started", Rating::NotRated),
            ("Not yet assessed", Rating::NotRated),
            ("N/A", Rating::NotRated),
            ("", Rating::NoData),
            ("   ", Rating::NoData),
        ];
        for (text, want) in cases {
            assert_eq!(Rating::parse(text), Ok(want), "{text:?}");
        }
    }

    #[test]
    fn unknown_words_are_errors_with_the_text() {
        let err = Rating::parse("Purple-ish").unwrap_err();
        assert_eq!(err.text, "Purple-ish");
        assert!(err.to_string().contains("\"Purple-ish\""));
        assert!(Rating::parse("Gren").is_err());
        assert!(Rating::parse(&"x".repeat(1_000_000)).is_err());
    }
}
