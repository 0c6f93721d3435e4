//! `RuleSet`: the rating rules.

use crate::args::Arg;
use crate::{error, to_js};
use wasm_bindgen::prelude::*;

/// A rule set: when an action is Amber, Red, or on track; the rating scale;
/// whether recorded ratings override computed ones.
#[wasm_bindgen]
pub struct RuleSet {
    pub(crate) inner: lineofsight::RuleSet,
}

#[wasm_bindgen]
impl RuleSet {
    /// The default rules.
    #[wasm_bindgen(js_name = default)]
    pub fn default_rules() -> RuleSet {
        RuleSet {
            inner: lineofsight::RuleSet::default(),
        }
    }

    /// Reads a rule set from JSON text (the format of
    /// `core/schema/rules.schema.json`). Throws `code: "json"` or `"invalid"`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
    ) -> Result<RuleSet, JsValue> {
        let json = Arg::new("RuleSet.fromJson", "json").text(&json)?;
        lineofsight::RuleSet::from_json(&json)
            .map(|inner| RuleSet { inner })
            .map_err(error::load)
    }

    /// Reads a rule set from a plain object (checked exactly as `fromJson`).
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "RuleSetData")] object: JsValue,
    ) -> Result<RuleSet, JsValue> {
        let json =
            Arg::new("RuleSet.fromObject", "object").object_json(&object, "a rule-set object")?;
        lineofsight::RuleSet::from_json(&json)
            .map(|inner| RuleSet { inner })
            .map_err(error::load)
    }

    /// The rule set as a plain object.
    #[wasm_bindgen(js_name = toObject, unchecked_return_type = "RuleSetData")]
    pub fn to_object(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner)
    }

    /// The rule set as a plain object, for `JSON.stringify` (and so for
    /// `plan.evaluate(asOf, ruleSet)`).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "RuleSetData")]
    pub fn to_json_value(&self) -> Result<JsValue, JsValue> {
        self.to_object()
    }

    /// The rule set as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
}
