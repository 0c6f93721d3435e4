//! Which direction is better for a measure.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which direction is better, as DfE's LAIT data dictionary records it
/// (`High`, `Low` or `-`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Higher values are better (LAIT `High`).
    HigherIsBetter,
    /// Lower values are better (LAIT `Low`).
    LowerIsBetter,
    /// Neither direction is better in itself (LAIT `-`).
    #[default]
    None,
}

impl Polarity {
    /// Reads LAIT's polarity column: `High`, `Low`, `-` or blank.
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Polarity;
    ///
    /// assert_eq!(Polarity::from_lait("High"), Some(Polarity::HigherIsBetter));
    /// assert_eq!(Polarity::from_lait("-"), Some(Polarity::None));
    /// assert_eq!(Polarity::from_lait("Sideways"), None);
    /// ```
    pub fn from_lait(text: &str) -> Option<Polarity> {
        match text.trim().to_ascii_lowercase().as_str() {
            "high" => Some(Polarity::HigherIsBetter),
            "low" => Some(Polarity::LowerIsBetter),
            "-" | "" | "none" => Some(Polarity::None),
            _ => None,
        }
    }

    /// Whether `a` is better than `b` under this polarity (never, with none).
    ///
    /// # Example
    ///
    /// ```
    /// use lineofsight::measure::Polarity;
    ///
    /// assert!(Polarity::LowerIsBetter.is_better(8.0, 10.0));
    /// assert!(!Polarity::None.is_better(8.0, 10.0));
    /// ```
    pub fn is_better(self, a: f64, b: f64) -> bool {
        match self {
            Polarity::HigherIsBetter => a > b,
            Polarity::LowerIsBetter => a < b,
            Polarity::None => false,
        }
    }
}
