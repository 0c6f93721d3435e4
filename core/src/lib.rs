//! # lineofsight
//!
//! The logic of English councils' corporate parenting plans in one place:
//! plans of priorities, objectives, actions, leads and measures; free-text
//! timescales (`Nov 18 – Nov 19`, `Dec-19`, `Immediate and ongoing`) parsed
//! into structured values; and Red/Amber/Green ratings computed as of any
//! date by documented, serialisable rules, each with its reason.
//!
//! ```
//! use chrono::NaiveDate;
//! use lineofsight::rules::RuleSet;
//!
//! let plan = lineofsight::builtin("lancashire")?;
//! let as_of = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
//! let eval = plan.evaluate(as_of, &RuleSet::default());
//! for d in eval.discrepancies.iter().take(3) {
//!     println!("{:?}: recorded {}, computed {}: {}",
//!         d.reference, d.recorded, d.computed, d.reason.message);
//! }
//! # Ok::<(), lineofsight::LoadError>(())
//! ```
//!
//! There is no hidden clock or I/O: the as-of date and all data are
//! parameters. Nothing here panics on bad input; loading returns a
//! [`LoadError`] that names the JSON path.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod builtin;
mod error;
pub mod evaluate;
pub mod export;
pub mod import;
mod load;
pub mod measure;
pub mod plan;
pub mod rating;
pub mod report;
pub mod rules;
pub mod schema;
pub mod timescale;
mod words;

pub use builtin::{builtin, BUILTIN_PLANS, BUILTIN_SEPARATE_PLANS};
pub use error::LoadError;
pub use evaluate::Evaluation;
pub use load::{JsonLimits, LoadOptions, LoadWarning};
pub use plan::Plan;
pub use rating::Rating;
pub use rules::RuleSet;
pub use words::UnknownWord;

/// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
