//! Reports for people: the board report as structured data, and its
//! renderings.

mod board;
mod measures;
mod terminal;
mod wrap;

pub use board::{action_rows, commentary_date_text, BoardReport, ObjectiveSection, ReportRow};
pub use measures::{ComparisonText, MeasureRow};
pub use terminal::render_terminal;
