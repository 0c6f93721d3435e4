//! `lineofsight._native`: a thin pyo3 layer over the `lineofsight` core.
//!
//! No rating logic lives here: every answer comes from the core, and plain
//! data crosses to Python through serde. The Python package
//! (`python/lineofsight/`) re-exports what is defined here.
//!
//! One file per wrapped type or subject; this file only declares them and
//! registers the module.

#![forbid(unsafe_code)]

mod action_table;
mod args;
mod columnar;
mod columns;
mod convert;
mod errors;
mod evaluation;
mod frame;
mod html;
mod import;
mod measure;
mod period;
mod plan;
mod quartiles;
mod rating;
mod refs;
mod rules;
mod table;
mod timescale;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<plan::Plan>()?;
    m.add_class::<evaluation::Evaluation>()?;
    m.add_class::<rules::RuleSet>()?;
    m.add_class::<measure::MeasureRating>()?;
    m.add_class::<table::Table>()?;
    m.add_function(wrap_pyfunction!(timescale::parse_timescale, m)?)?;
    m.add_function(wrap_pyfunction!(timescale::parse_timescales, m)?)?;
    m.add_function(wrap_pyfunction!(timescale::due_dates, m)?)?;
    m.add_function(wrap_pyfunction!(rating::parse_rating, m)?)?;
    m.add_function(wrap_pyfunction!(rating::parse_ratings, m)?)?;
    m.add_function(wrap_pyfunction!(measure::parse_target, m)?)?;
    m.add_function(wrap_pyfunction!(measure::parse_targets, m)?)?;
    m.add_function(wrap_pyfunction!(measure::parse_value, m)?)?;
    m.add_function(wrap_pyfunction!(measure::read_ees, m)?)?;
    m.add_function(wrap_pyfunction!(measure::derive_rate, m)?)?;
    m.add_function(wrap_pyfunction!(period::parse_period, m)?)?;
    m.add_function(wrap_pyfunction!(period::parse_ees_period, m)?)?;
    m.add_function(wrap_pyfunction!(quartiles::quartile_bands, m)?)?;
    m.add_function(wrap_pyfunction!(refs::sort_refs, m)?)?;
    m.add_function(wrap_pyfunction!(refs::ref_covers, m)?)?;
    m.add_function(wrap_pyfunction!(rules::rules_schema, m)?)?;
    m.add_function(wrap_pyfunction!(plan::plan_schema, m)?)?;
    m.add_function(wrap_pyfunction!(plan::builtin_plans, m)?)?;
    m.add_function(wrap_pyfunction!(columnar::rate_actions, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
