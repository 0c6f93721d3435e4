//! Free functions over the core's small parsers: what the shared test
//! vectors exercise one by one.

use lineofsight::measure::{ObservedValue, Period, YearEnd};
use lineofsight::plan::Ref;
use lineofsight::timescale::{ParsedTimescale, Timescale};
use lineofsight::Rating;
use wasm_bindgen::prelude::*;

use crate::args::Arg;
use crate::{error, to_js};

/// Reads a recorded rating as councils spell it (`Red`, `A/G`, `Complete`,
/// `On track`). Throws `code: "unknown_rating"` (with `text`) for words
/// the core does not know; it never guesses.
#[wasm_bindgen(js_name = parseRating, unchecked_return_type = "Rating")]
pub fn parse_rating(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = Arg::new("parseRating", "text").text(&text)?;
    to_js(&Rating::parse(&text).map_err(error::rating)?)
}

/// Parses a free-text timescale (`Nov 18 – Nov 19`, `Dec-19`,
/// `Immediate and ongoing`) into its structured form. Never throws: text
/// it cannot read is `kind: "not_understood"` with its problems. `unused`
/// lists the words and numbers it did not read (`["19"]` for `Nov 18-19`);
/// one that looks like part of a date is also a problem of kind `ignored`,
/// a warning that the date may not be what the text means.
#[wasm_bindgen(js_name = parseTimescale, unchecked_return_type = "ParsedTimescale")]
pub fn parse_timescale(
    #[wasm_bindgen(unchecked_param_type = "string")] raw: JsValue,
) -> Result<JsValue, JsValue> {
    let raw = Arg::new("parseTimescale", "raw").text(&raw)?;
    to_js(&ParsedTimescale::from(&Timescale::parse(&raw)))
}

/// Sorts refs in natural order (`1.2` before `1.10`, `5a2` before `5a10`).
#[wasm_bindgen(js_name = sortRefs)]
pub fn sort_refs(
    #[wasm_bindgen(unchecked_param_type = "string[]")] refs: JsValue,
) -> Result<Vec<String>, JsValue> {
    let refs = Arg::new("sortRefs", "refs").texts(&refs)?;
    let mut refs: Vec<Ref> = refs.iter().map(|r| Ref::new(r)).collect();
    refs.sort();
    Ok(refs.iter().map(|r| r.as_str().to_string()).collect())
}

/// What a ref range covers: `5a-c` covers `5a`, `5b`, `5c`.
#[wasm_bindgen(js_name = refCovers)]
pub fn ref_covers(
    #[wasm_bindgen(unchecked_param_type = "string")] reference: JsValue,
) -> Result<Vec<String>, JsValue> {
    let reference = Arg::new("refCovers", "reference").text(&reference)?;
    Ok(Ref::new(&reference).covers())
}

/// The version of this package (and of the core it wraps).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Reads a measure's target from the plan's sentence (`Reduce to below
/// 10% by March 2020`). Never throws: what it cannot read is in the
/// reading's problems.
#[wasm_bindgen(js_name = parseTarget, unchecked_return_type = "TargetReading")]
pub fn parse_target(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = Arg::new("parseTarget", "text").text(&text)?;
    to_js(&lineofsight::measure::parse_target(&text))
}

/// Reads a period label (`2018-19`, `Q3 2019/20`, `March 2020`) with the
/// year end it counts to. Throws `code: "bad_period"` for a label it
/// cannot read, `"bad_argument"` for an unknown year end.
#[wasm_bindgen(js_name = parsePeriod, unchecked_return_type = "Period")]
pub fn parse_period(
    #[wasm_bindgen(unchecked_param_type = "string")] label: JsValue,
    #[wasm_bindgen(js_name = yearEnd, unchecked_param_type = "YearEnd")] year_end: JsValue,
) -> Result<JsValue, JsValue> {
    let label = Arg::new("parsePeriod", "label").text(&label)?;
    let year_end: YearEnd = Arg::new("parsePeriod", "yearEnd").year_end(&year_end)?;
    to_js(&Period::parse(&label, year_end).map_err(error::period)?)
}

/// Reads an Explore Education Statistics period (`201819`, `Financial
/// year`). Throws `code: "bad_period"`.
#[wasm_bindgen(js_name = periodFromEes, unchecked_return_type = "Period")]
pub fn period_from_ees(
    #[wasm_bindgen(js_name = timePeriod, unchecked_param_type = "string")] time_period: JsValue,
    #[wasm_bindgen(js_name = timeIdentifier, unchecked_param_type = "string")]
    time_identifier: JsValue,
) -> Result<JsValue, JsValue> {
    let time_period = Arg::new("periodFromEes", "timePeriod").text(&time_period)?;
    let time_identifier = Arg::new("periodFromEes", "timeIdentifier").text(&time_identifier)?;
    to_js(&Period::from_ees(&time_period, &time_identifier).map_err(error::period)?)
}

/// Reads a published value: a number, or a suppression symbol (`c`, `x`,
/// `low`…). Throws `code: "bad_value"` for anything else.
#[wasm_bindgen(js_name = parseValue, unchecked_return_type = "ObservedValue")]
pub fn parse_value(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = Arg::new("parseValue", "text").text(&text)?;
    to_js(&ObservedValue::parse(&text).map_err(error::value)?)
}
