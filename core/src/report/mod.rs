//! Reports for people: the board report as structured data, and its
//! renderings.

mod board;
mod terminal;
mod wrap;

pub use board::{action_rows, BoardReport, ObjectiveSection, ReportRow};
pub use terminal::render_terminal;
