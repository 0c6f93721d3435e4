//! The integration tests, in one test binary (`cargo test -p
//! lineofsight-conformance`): one module per file beside this one. To add
//! a test file, write `tests/<name>.rs` and add `mod <name>;` below; run one
//! file's tests with `cargo test -p lineofsight-conformance -- <name>::`.
//!
//! Test code may unwrap, expect and panic: a failure is the test's answer.
//! (clippy.toml allows them in `#[test]` functions; this allows them in the
//! files' helpers too.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod api_parity;
mod board_paper;
mod board_report;
mod builtin_plan;
mod columnar;
mod commentary;
mod corpus;
mod export;
mod format_snapshots;
mod hostile_input;
mod import;
mod import_trackers;
mod limits;
mod loading;
mod lossless_export;
mod measures;
mod no_panics;
mod output_escaping;
mod plan_period;
mod quarter_changes;
mod report_sections;
mod round_trip;
mod schema;
mod strict_input;
mod vectors;
