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
//!     let why = d.reason(&eval).map(|r| r.to_string()).unwrap_or_default();
//!     println!("{:?}: recorded {}, computed {}: {why}",
//!         d.reference(&plan), d.recorded, d.computed);
//! }
//! # Ok::<(), lineofsight::LoadError>(())
//! ```
//!
//! There is no hidden clock or I/O: the as-of date and all data are
//! parameters. Nothing here panics on bad input; loading returns a
//! [`LoadError`] that names the JSON path.
//!
//! ## Features
//!
//! Every feature is on by default; turn them off (`default-features =
//! false`) for a smaller build, as the WebAssembly package does.
//!
//! | Feature | What it adds | Without it |
//! |---|---|---|
//! | `xlsx` | reading workbooks (xlsx, xlsm, xlsb, xls, ods) in [`import`]; writing them with [`export::workbook`] and [`ReportFormat::Xlsx`](export::ReportFormat::Xlsx) | a workbook is [`ImportError::Unreadable`](import::ImportError::Unreadable); `export::workbook` does not exist and `ReportFormat::Xlsx` is an [`ExportError`](export::ExportError) |
//! | `docx` | reading the tables of Word documents in [`import`] ([`TableFormat::Docx`](import::TableFormat::Docx)) | a Word document is `ImportError::Unreadable`, saying so |
//! | `board-paper` | the Word board paper: [`export::docx`] and [`ReportFormat::Docx`](export::ReportFormat::Docx) | `export::docx` does not exist; `ReportFormat::Docx` is an `ExportError` |
//! | `board-paper-charts` | the board paper's charts, rasterised (implies `board-paper`) | each chart is given as a table of its figures |
//! | `calendar` | the leads' calendar: [`export::calendar_ics`] and [`ReportFormat::Calendar`](export::ReportFormat::Calendar) | `export::calendar_ics` does not exist; `ReportFormat::Calendar` is an `ExportError` |
//!
//! Items that need a feature say so in their documentation.
//!
//! ## Stability
//!
//! The crate follows semantic versioning (while it is 0.x, a minor version
//! may break the API, and the changelog says how). So that it can grow
//! without breaking callers:
//!
//! - error enums, the enums of reasons, warnings, problems and formats, and
//!   the option and output structs are `#[non_exhaustive]`: a `match` needs a
//!   `_` arm, and option structs are made with `default()` and their
//!   `with_*` setters (or by setting their public fields) rather than a
//!   struct literal;
//! - the plan's own structs ([`Plan`], [`Objective`](plan::Objective),
//!   [`Action`](plan::Action), [`ProgressUpdate`](plan::ProgressUpdate),
//!   [`Lead`](plan::Lead), [`Measure`](plan::Measure), …) are
//!   `#[non_exhaustive]` too and have constructors (`new`, `dated`, …) and
//!   `with_*` setters, so a field the plan format gains is not a breaking
//!   change; their fields stay public to read and to set;
//! - [`Rating`] and [`Lifecycle`](plan::Lifecycle) are deliberately
//!   exhaustive: code that matches on them should fail to compile when a
//!   rating or a state is added, because every report and rule must then
//!   decide what it means. So are the small value enums of the plan format
//!   (lead kinds, units, polarities, periods, suppression symbols), whose
//!   JSON spellings are fixed by its `schema_version`, and the error
//!   structs that carry one piece of text (the unknown word, rating, value
//!   or period).
//!
//! The JSON plan format is versioned separately by its `schema_version`
//! ([`plan::SCHEMA_VERSION`]).
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
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

#[cfg(feature = "builtin-plans")]
pub use builtin::builtin;
pub use builtin::{builtin_name, BUILTIN_PLANS, BUILTIN_SEPARATE_PLANS};
pub use error::{Error, LoadError};
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
