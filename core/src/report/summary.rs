//! The one-page summary that opens every paged report: the overall
//! position, counts, a RAG chart by objective, what changed and the biggest
//! exceptions. Built once with the report.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::rating::Rating;
use crate::rules::RatingCounts;

/// Counts as a board paper's five columns: Red (with Amber/Red), Amber
/// (with Amber/Green), Green, Blue (complete) and not rated or no data.
///
/// # Example
///
/// ```
/// use lineofsight::report::BoardCounts;
/// use lineofsight::rules::RatingCounts;
/// use lineofsight::Rating;
///
/// let mut counts = RatingCounts::default();
/// for r in [Rating::Red, Rating::AmberRed, Rating::AmberGreen, Rating::NoData] {
///     counts.add(r);
/// }
/// let board = BoardCounts::from(&counts);
/// assert_eq!((board.red, board.amber, board.green, board.blue, board.other), (2, 1, 0, 0, 1));
/// assert_eq!(board.total(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BoardCounts {
    /// Red and Amber/Red.
    pub red: usize,
    /// Amber and Amber/Green.
    pub amber: usize,
    /// Green.
    pub green: usize,
    /// Blue (complete).
    pub blue: usize,
    /// Not rated or no data.
    pub other: usize,
}

impl From<&RatingCounts> for BoardCounts {
    fn from(c: &RatingCounts) -> Self {
        BoardCounts {
            red: c.red + c.amber_red,
            amber: c.amber + c.amber_green,
            green: c.green,
            blue: c.blue,
            other: c.left_out(),
        }
    }
}

impl BoardCounts {
    /// Every action counted.
    pub fn total(&self) -> usize {
        self.red + self.amber + self.green + self.blue + self.other
    }

    /// The five columns with the rating each is drawn as, in order: Red,
    /// Amber, Green, Blue, not rated.
    pub fn columns(&self) -> [(Rating, usize); 5] {
        [
            (Rating::Red, self.red),
            (Rating::Amber, self.amber),
            (Rating::Green, self.green),
            (Rating::Blue, self.blue),
            (Rating::NotRated, self.other),
        ]
    }
}

/// The summary page's facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Summary {
    /// How many actions the report covers.
    pub actions: usize,
    /// How many of them are open (see [`ReportRow::open`](super::ReportRow::open)).
    pub open: usize,
    /// How many are complete.
    pub complete: usize,
    /// The whole plan's counts in five columns.
    pub counts: BoardCounts,
    /// Up to five of the biggest exceptions, as positions in the report's
    /// `actions`: the worst rating first, then the longest overdue.
    pub top_exceptions: Vec<usize>,
    /// How many measures have published data.
    pub measures_with_data: usize,
    /// How many of those meet their target (are Green).
    pub measures_met: usize,
    /// The RAG chart by objective: an SVG stacked bar per objective, each
    /// rating with its own pattern and shape as well as its colour.
    pub chart: String,
}

/// How many exceptions the summary lists.
pub(crate) const TOP_EXCEPTIONS: usize = 5;
