//! Ratings: Red/Amber/Green and the scales councils use, the spellings they
//! write them in, and how each scale shows them.

mod fill;
mod key;
mod scale;
mod spelling;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use fill::Fill;
pub use key::{KeyMeaning, KeyReading, RatingKey};
pub(crate) use scale::hex_rgb;
pub use scale::{Colour, RatingStyle, Scale};
pub use spelling::{RatingError, RecordedSpelling};

/// A rating on any of the supported scales.
///
/// The 3-point scale uses Red, Amber and Green; BRAG adds Blue for complete;
/// the UK Infrastructure and Projects Authority 5-point delivery confidence
/// scale adds Amber/Green and Amber/Red. [`Rating::NotRated`] and
/// [`Rating::NoData`] are explicit states that roll-ups leave out and count.
///
/// Ratings order from worst to best: Red < Amber/Red < Amber < Amber/Green <
/// Green < Blue; `NotRated` and `NoData` have no place on that order (see
/// [`Rating::score`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Off track: past due, or beyond tolerance.
    Red,
    /// Amber/Red on the 5-point scale: successful delivery in doubt.
    AmberRed,
    /// At risk: due soon, or overdue for a progress update.
    Amber,
    /// Amber/Green on the 5-point scale: probable delivery.
    AmberGreen,
    /// On track.
    Green,
    /// Complete (BRAG).
    Blue,
    /// Deliberately not rated: deferred, cancelled, not applicable or not yet assessed.
    NotRated,
    /// Nothing to rate it on: no date, no update, no value.
    NoData,
}

impl Rating {
    /// Every rating, worst first, then the two unrated states.
    pub const ALL: [Rating; 8] = [
        Rating::Red,
        Rating::AmberRed,
        Rating::Amber,
        Rating::AmberGreen,
        Rating::Green,
        Rating::Blue,
        Rating::NotRated,
        Rating::NoData,
    ];

    /// Whether this is a real rating that roll-ups count (not
    /// [`Rating::NotRated`] or [`Rating::NoData`]).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::Rating;
    ///
    /// assert!(Rating::Amber.is_rated());
    /// assert!(!Rating::NoData.is_rated());
    /// ```
    pub fn is_rated(self) -> bool {
        !matches!(self, Rating::NotRated | Rating::NoData)
    }

    /// A score from 0 (Red) to 4 (Green); Blue (complete) scores 4 like
    /// Green. Unrated states have no score.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::Rating;
    ///
    /// assert_eq!(Rating::Red.score(), Some(0.0));
    /// assert_eq!(Rating::Amber.score(), Some(2.0));
    /// assert_eq!(Rating::Blue.score(), Some(4.0));
    /// assert_eq!(Rating::NotRated.score(), None);
    /// ```
    pub fn score(self) -> Option<f64> {
        match self {
            Rating::Red => Some(0.0),
            Rating::AmberRed => Some(1.0),
            Rating::Amber => Some(2.0),
            Rating::AmberGreen => Some(3.0),
            Rating::Green | Rating::Blue => Some(4.0),
            Rating::NotRated | Rating::NoData => None,
        }
    }

    /// The standard English name, e.g. `Amber/Green`, `Not rated`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::Rating;
    ///
    /// assert_eq!(Rating::AmberRed.name(), "Amber/Red");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Rating::Red => "Red",
            Rating::AmberRed => "Amber/Red",
            Rating::Amber => "Amber",
            Rating::AmberGreen => "Amber/Green",
            Rating::Green => "Green",
            Rating::Blue => "Blue",
            Rating::NotRated => "Not rated",
            Rating::NoData => "No data",
        }
    }

    /// The machine-readable code used in JSON, e.g. `amber_green`.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::Rating;
    ///
    /// assert_eq!(Rating::AmberGreen.code(), "amber_green");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Rating::Red => "red",
            Rating::AmberRed => "amber_red",
            Rating::Amber => "amber",
            Rating::AmberGreen => "amber_green",
            Rating::Green => "green",
            Rating::Blue => "blue",
            Rating::NotRated => "not_rated",
            Rating::NoData => "no_data",
        }
    }

    /// The worse of two ratings; an unrated state loses to any real rating.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::rating::Rating;
    ///
    /// assert_eq!(Rating::Green.worst(Rating::Amber), Rating::Amber);
    /// assert_eq!(Rating::NoData.worst(Rating::Green), Rating::Green);
    /// ```
    #[must_use]
    pub fn worst(self, other: Rating) -> Rating {
        match (self.is_rated(), other.is_rated()) {
            (true, false) => self,
            (false, true) => other,
            (true, true) | (false, false) => self.min(other),
        }
    }
}

impl std::fmt::Display for Rating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
