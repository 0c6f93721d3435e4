//! # lineofsight for JavaScript
//!
//! Thin wasm-bindgen wrappers over the `lineofsight` core crate: [`Plan`],
//! [`Evaluation`] and [`RuleSet`] hold the core values inside WebAssembly
//! memory and hand results to JavaScript as plain objects typed in
//! `types.d.ts` (generated from the core's JSON Schemas; see
//! `tests/typescript.rs`). No rating logic lives here: every answer comes
//! from the core.
//!
//! Every argument is checked and converted in `args.rs` (a wrong type is a
//! `TypeError`, never a WebAssembly trap). Errors are thrown as JavaScript
//! `Error`s with a `code` (see `error.rs`, the only file that maps errors). The wrappers never unwrap, index or
//! panic (clippy denies it for this crate), and the core promises not to
//! panic on bad input.

mod args;
mod error;
mod evaluation;
mod plan;
mod rules;
mod table;
mod tools;

pub use evaluation::Evaluation;
pub use plan::{ImportWarning, LoadWarning, Plan, RatingStyleEntry};
pub use rules::RuleSet;
pub use tools::{
    parse_period, parse_rating, parse_target, parse_timescale, parse_value, period_from_ees,
    ref_covers, sort_refs, version,
};

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The TypeScript types of every value crossing the boundary, generated
/// from the core's JSON Schemas plus the error type; `tests/typescript.rs`
/// regenerates and checks it.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

/// Runs once when the module is instantiated.
#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "debug-panics")]
    console_error_panic_hook::set_once();
}

/// Turns a core value into a plain JavaScript value: maps become objects,
/// `None` becomes `null`, dates are `YYYY-MM-DD` strings, exactly as the
/// core's JSON.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(error::convert)
}
