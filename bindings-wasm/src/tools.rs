//! Free functions over the core's small parsers: what the shared test
//! vectors exercise one by one.

use lineofsight::plan::Ref;
use lineofsight::timescale::{ParsedTimescale, Timescale};
use lineofsight::Rating;
use wasm_bindgen::prelude::*;

use crate::{error, to_js};

/// Reads a recorded rating as councils spell it (`Red`, `A/G`, `Complete`,
/// `On track`). Throws `code: "unknown_rating"` (with `text`) for words
/// the core does not know; it never guesses.
#[wasm_bindgen(js_name = parseRating, unchecked_return_type = "Rating")]
pub fn parse_rating(text: &str) -> Result<JsValue, JsValue> {
    to_js(&Rating::parse(text).map_err(error::rating)?)
}

/// Parses a free-text timescale (`Nov 18 – Nov 19`, `Dec-19`,
/// `Immediate and ongoing`) into its structured form. Never throws: text
/// it cannot read is `kind: "not_understood"` with its problems.
#[wasm_bindgen(js_name = parseTimescale, unchecked_return_type = "ParsedTimescale")]
pub fn parse_timescale(raw: &str) -> Result<JsValue, JsValue> {
    to_js(&ParsedTimescale::from(&Timescale::parse(raw)))
}

/// Sorts refs in natural order (`1.2` before `1.10`, `5a2` before `5a10`).
#[wasm_bindgen(js_name = sortRefs)]
pub fn sort_refs(refs: Vec<String>) -> Vec<String> {
    let mut refs: Vec<Ref> = refs.iter().map(|r| Ref::new(r)).collect();
    refs.sort();
    refs.iter().map(|r| r.as_str().to_string()).collect()
}

/// What a ref range covers: `5a-c` covers `5a`, `5b`, `5c`.
#[wasm_bindgen(js_name = refCovers)]
pub fn ref_covers(reference: &str) -> Vec<String> {
    Ref::new(reference).covers()
}

/// The version of this package (and of the core it wraps).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
