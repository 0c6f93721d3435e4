//! The one place where JavaScript arguments are checked and converted.
//!
//! wasm-bindgen's own glue trusts its arguments: a `Date` or a number
//! passed where Rust takes `&str` makes it read a `length` that is not
//! there and trap ("memory access out of bounds"). So every export takes
//! its arguments as `JsValue` (typed precisely for TypeScript with
//! `unchecked_param_type`, or with the imported types below for optional
//! ones) and converts them here, first thing:
//!
//! - a value of the wrong JavaScript type is a `TypeError` with
//!   `code: "wrong_type"` and the `argument`'s name (see
//!   [`error::wrong_type`]);
//! - a value of the right type that cannot be read (`"31/12/2019"` for a
//!   date, `-1` days, an unknown format) is `code: "bad_argument"`, as
//!   before.
//!
//! A date argument takes an ISO date string or a JavaScript `Date`; a
//! `Date` counts as its calendar date in the local time zone (what
//! `date.getDate()` shows), so `new Date()` is today where the code runs.

use chrono::NaiveDate;
use js_sys::{Array, Object, Reflect, Uint8Array};
use lineofsight::import::TableFormat;
use lineofsight::measure::YearEnd;
use lineofsight::report::{ReportOptions, DEFAULT_LOOK_AHEAD_DAYS};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error;

#[wasm_bindgen]
extern "C" {
    /// An optional string argument: `string` in TypeScript, checked by
    /// [`Arg::optional_text`].
    #[wasm_bindgen(typescript_type = "string")]
    pub type TextArg;

    /// An optional number argument: `number` in TypeScript, checked by
    /// [`Arg::optional_days`].
    #[wasm_bindgen(typescript_type = "number")]
    pub type NumberArg;

    /// An optional boolean argument: `boolean` in TypeScript, checked by
    /// [`Arg::optional_flag`].
    #[wasm_bindgen(typescript_type = "boolean")]
    pub type FlagArg;
}

/// One argument of one exported function: its names for error messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Arg {
    /// The function as JavaScript calls it: `Plan.evaluate`, `parseRating`.
    function: &'static str,
    /// The argument's name in the TypeScript signature: `asOf`.
    name: &'static str,
}

/// An object that can be read as JSON or options: not an array, a `Date`
/// or a typed array, which are objects too.
fn is_plain_object(value: &JsValue) -> bool {
    value.is_object()
        && !Array::is_array(value)
        && !value.is_instance_of::<js_sys::Date>()
        && !js_sys::ArrayBuffer::is_view(value)
}

/// `undefined` and `null` both mean an optional argument was left out.
fn given(value: Option<&JsValue>) -> Option<&JsValue> {
    value.filter(|v| !v.is_undefined() && !v.is_null())
}

impl Arg {
    /// The argument `name` of `function`.
    pub(crate) const fn new(function: &'static str, name: &'static str) -> Arg {
        Arg { function, name }
    }

    /// The `TypeError` for `value`, which is not `expected` (`"a string"`).
    pub(crate) fn wrong_type(self, expected: &str, value: &JsValue) -> JsValue {
        error::wrong_type(self.function, self.name, self.name, expected, value)
    }

    /// The `bad_argument` error: the argument has the right type but
    /// `problem` (`"must be a date written YYYY-MM-DD, not \"x\""`).
    pub(crate) fn bad(self, problem: &str) -> JsValue {
        error::bad_argument_named(
            self.name,
            &format!("{}: {} {problem}", self.function, self.name),
        )
    }

    /// A string.
    pub(crate) fn text(self, value: &JsValue) -> Result<String, JsValue> {
        value
            .as_string()
            .ok_or_else(|| self.wrong_type("a string", value))
    }

    /// A string, or nothing for `undefined` and `null`.
    pub(crate) fn optional_text(self, value: Option<&JsValue>) -> Result<Option<String>, JsValue> {
        given(value).map(|v| self.text(v)).transpose()
    }

    /// An array of strings.
    pub(crate) fn texts(self, value: &JsValue) -> Result<Vec<String>, JsValue> {
        let Some(array) = value.dyn_ref::<Array>() else {
            return Err(self.wrong_type("an array of strings", value));
        };
        array
            .iter()
            .enumerate()
            .map(|(i, item)| {
                item.as_string().ok_or_else(|| {
                    error::wrong_type(
                        self.function,
                        self.name,
                        &format!("{}[{i}]", self.name),
                        "a string",
                        &item,
                    )
                })
            })
            .collect()
    }

    /// A date: an ISO date string (`2019-12-31`, spaces around it are
    /// ignored) or a `Date`, read as its local calendar date.
    pub(crate) fn date(self, value: &JsValue) -> Result<NaiveDate, JsValue> {
        if let Some(text) = value.as_string() {
            return text.trim().parse::<NaiveDate>().map_err(|_| {
                self.bad(&format!("must be a date written YYYY-MM-DD, not {text:?}"))
            });
        }
        if let Some(date) = value.dyn_ref::<js_sys::Date>() {
            let day = if date.get_time().is_nan() {
                None
            } else {
                // `getFullYear` is a whole number; `as` saturates outside i32.
                let year = date.get_full_year() as i32;
                NaiveDate::from_ymd_opt(year, date.get_month() + 1, date.get_date())
            };
            return day.ok_or_else(|| self.bad("is an invalid Date"));
        }
        Err(self.wrong_type("an ISO date string like \"2019-12-31\" or a Date", value))
    }

    /// A whole number of days, from 0.
    pub(crate) fn days(self, value: &JsValue) -> Result<u32, JsValue> {
        let Some(n) = value.as_f64() else {
            return Err(self.wrong_type("a number of days", value));
        };
        if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
            // Whole and in range: the conversion is exact.
            Ok(n as u32)
        } else {
            Err(self.bad(&format!("must be a whole number of days from 0, not {n}")))
        }
    }

    /// A number of days, or nothing for `undefined` and `null`.
    pub(crate) fn optional_days(self, value: Option<&JsValue>) -> Result<Option<u32>, JsValue> {
        given(value).map(|v| self.days(v)).transpose()
    }

    /// `true` or `false`, or nothing for `undefined` and `null`.
    pub(crate) fn optional_flag(self, value: Option<&JsValue>) -> Result<Option<bool>, JsValue> {
        given(value)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| self.wrong_type("true or false", v))
            })
            .transpose()
    }

    /// `JSON.stringify` of an object (a plain object, or a class such as
    /// `RuleSet` that has `toJSON`), for the core's loader to read and
    /// check. `expected` names it: `"a plan object"`.
    pub(crate) fn object_json(self, value: &JsValue, expected: &str) -> Result<String, JsValue> {
        if !is_plain_object(value) {
            return Err(self.wrong_type(expected, value));
        }
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| self.bad("could not be written as JSON (a cycle or a BigInt?)"))
    }

    /// An object or an array of objects, as JSON text.
    pub(crate) fn object_or_list_json(
        self,
        value: &JsValue,
        expected: &str,
    ) -> Result<String, JsValue> {
        if !is_plain_object(value) && !Array::is_array(value) {
            return Err(self.wrong_type(expected, value));
        }
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| self.bad("could not be written as JSON (a cycle or a BigInt?)"))
    }

    /// Bytes: a `Uint8Array`, or an array of numbers made one.
    pub(crate) fn bytes(self, value: &JsValue) -> Result<Uint8Array, JsValue> {
        if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            Ok(bytes.clone())
        } else if Array::is_array(value) {
            Ok(Uint8Array::new(value))
        } else {
            Err(self.wrong_type("a Uint8Array or an array of byte values", value))
        }
    }

    /// A table format name; `auto` when left out.
    pub(crate) fn table_format(self, value: Option<&JsValue>) -> Result<TableFormat, JsValue> {
        match given(value) {
            None => Ok(TableFormat::Auto),
            Some(v) => self
                .text(v)?
                .parse::<TableFormat>()
                .map_err(|e| self.bad(&format!("is not a table format: {e}"))),
        }
    }

    /// A year end: `"march"` or `"december"`.
    pub(crate) fn year_end(self, value: &JsValue) -> Result<YearEnd, JsValue> {
        self.text(value)?
            .parse::<YearEnd>()
            .map_err(|e: lineofsight::UnknownWord| self.bad(&format!("is not a year end: {e}")))
    }
}

/// Reads `Plan.fromJson`'s `{ strict }`; `undefined` and `null` are the
/// defaults.
pub(crate) fn load_options(value: Option<&JsValue>) -> Result<lineofsight::LoadOptions, JsValue> {
    let arg = Arg::new("Plan.fromJson", "options");
    let mut load = lineofsight::LoadOptions::default();
    let Some(value) = given(value) else {
        return Ok(load);
    };
    let Some(object) = value.dyn_ref::<Object>().filter(|_| is_plain_object(value)) else {
        return Err(arg.wrong_type("an object { strict }", value));
    };
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if key != "strict" {
            return Err(arg.bad(&format!("has an unknown option {key:?} (expected strict)")));
        }
    }
    let strict = Reflect::get(object, &JsValue::from_str("strict")).unwrap_or_default();
    load.strict = Arg::new("Plan.fromJson", "options.strict")
        .optional_flag(Some(&strict))?
        .unwrap_or(false);
    Ok(load)
}

/// The board report's options as JavaScript passes them:
/// `{ upcomingDays, since, publish, byLead, lead }`. `since` is read
/// separately (it may be a `Date`), so serde only notes it is there.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
struct JsReportOptions {
    upcoming_days: Option<u32>,
    #[allow(dead_code)]
    since: Option<serde::de::IgnoredAny>,
    publish: bool,
    by_lead: bool,
    lead: Option<String>,
}

/// The report options JavaScript may pass.
const OPTION_NAMES: [&str; 5] = ["upcomingDays", "since", "publish", "byLead", "lead"];

/// Reads a board report's options for `function`: `undefined`, a number of
/// days ahead (as before), or a `BoardReportOptions` object. Returns the
/// options and the lead to keep, if any.
pub(crate) fn report_options(
    function: &'static str,
    value: &JsValue,
) -> Result<(ReportOptions, Option<String>), JsValue> {
    let arg = Arg::new(function, "options");
    let mut since = None;
    let js: JsReportOptions = if value.is_undefined() || value.is_null() {
        JsReportOptions::default()
    } else if value.as_f64().is_some() {
        JsReportOptions {
            upcoming_days: Some(arg.days(value)?),
            ..JsReportOptions::default()
        }
    } else {
        let Some(object) = value.dyn_ref::<Object>().filter(|_| is_plain_object(value)) else {
            return Err(arg.wrong_type("a BoardReportOptions object or a number of days", value));
        };
        // serde-wasm-bindgen reads only the fields it knows: a misspelt
        // option would be dropped without a word, so name it here.
        for key in Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !OPTION_NAMES.contains(&key.as_str()) {
                return Err(arg.bad(&format!(
                    "has an unknown option {key:?} (expected {})",
                    OPTION_NAMES.join(", ")
                )));
            }
        }
        let since_value = Reflect::get(object, &JsValue::from_str("since")).unwrap_or_default();
        if !since_value.is_undefined() && !since_value.is_null() {
            since = Some(Arg::new(function, "options.since").date(&since_value)?);
        }
        serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
            arg.bad(&format!(
                "must be {{ upcomingDays, since, publish, byLead, lead }}: {e}"
            ))
        })?
    };
    Ok((
        {
            let mut options = ReportOptions::default()
                .with_look_ahead_days(js.upcoming_days.unwrap_or(DEFAULT_LOOK_AHEAD_DAYS))
                .with_publish(js.publish)
                .with_by_lead(js.by_lead);
            options.since = since;
            options
        },
        js.lead,
    ))
}
