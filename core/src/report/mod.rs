//! Reports for people: the board report as one model, built once from a
//! plan, a date, rules and [`ReportOptions`], and rendered by every format
//! (see [`export::render`](crate::export::render)).
//!
//! | File | What it decides |
//! |---|---|
//! | `board.rs` | the report and how it is built |
//! | `rows.rs` | the one row type for an action |
//! | `legend.rs` | each rating's label, colour and shape |
//! | `summary.rs`, `summary_chart.rs` | the one-page summary and its chart |
//! | `changes.rs` | what changed since the previous report |
//! | `leads.rs` | each lead's list |
//! | `sections.rs` | which sections a report has, in order |
//! | `measures.rs` | measures with comparators, better or worse |
//! | `period.rs` | plans with periods, closed plans' final positions |
//! | `outline.rs` | the plan without its actions, for the workbook |

mod board;
mod changes;
mod leads;
mod legend;
mod measures;
mod options;
mod outline;
mod period;
mod rows;
mod sections;
mod summary;
mod summary_chart;
mod terminal;
mod wrap;

pub use board::{BoardReport, ObjectiveSection};
pub use changes::{Changes, MovedDeadline, Movement, RatingMove, RemovedAction};
pub use leads::{lead_file_stem, LeadSection, NO_LEAD};
pub use legend::RatingLook;
pub use measures::{ComparatorKind, ComparisonText, MeasureRow};
pub use options::{ReportOptions, DEFAULT_LOOK_AHEAD_DAYS};
pub use period::{
    closed_plans_text, plans_as_of, plans_index_text, ClosedNote, ClosedPosition, PlanEntry,
};
pub use rows::{commentary_date_text, ReportRow};
pub(crate) use sections::count_of;
pub use sections::{ChangeList, Section};
pub use summary::{BoardCounts, Summary};
pub use terminal::render_terminal;
