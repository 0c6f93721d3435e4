//! Reports for people: the board report as structured data, and its
//! renderings.

mod board;
mod measures;
mod period;
mod terminal;
mod wrap;

pub use board::{action_rows, commentary_date_text, BoardReport, ObjectiveSection, ReportRow};
pub use measures::{ComparisonText, MeasureRow};
pub use period::{
    board_report_as_of, closed_plans_text, plans_as_of, plans_index_text, ClosedNote,
    ClosedPosition, PlanEntry,
};
pub use terminal::render_terminal;
