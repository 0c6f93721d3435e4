//! `Plan`: loading plans (JSON, objects, URLs, tables, built-ins) and
//! evaluating them.

use std::rc::Rc;

use lineofsight::import::{import_plan, ImportOptions};
use lineofsight::rating::{Rating, RatingStyle};
use schemars::JsonSchema;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::args::{self, Arg, TextArg};
use crate::evaluation::Evaluation;
use crate::rules::RuleSet;
use crate::{error, to_js};

/// A corporate parenting plan: objectives, actions, leads and measures.
#[wasm_bindgen]
pub struct Plan {
    pub(crate) inner: Rc<lineofsight::Plan>,
    warnings: Vec<ImportWarning>,
    load_warnings: Vec<LoadWarning>,
}

/// A field the JSON loader did not read (often a misspelling).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct LoadWarning {
    /// What was being loaded: `plan`.
    pub what: String,
    /// The field's JSON path, e.g. `$.objectives[0].actions[2].evidance`.
    pub path: String,
    /// What happened, in plain English.
    pub message: String,
}

#[wasm_bindgen(typescript_custom_section)]
const LOAD_OPTIONS_TS: &'static str = r#"
/** How `Plan.fromJson` loads a plan. */
export interface PlanLoadOptions {
  /** Refuse a field the library does not read (`unknown_field`) instead of
   * listing it in `loadWarnings()`. */
  strict?: boolean;
}
"#;

/// Something the table importer did that a reader should check.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ImportWarning {
    /// The row, numbered from 1 as in the input (line or sheet row).
    pub row: usize,
    /// The column's header (or `column N`, from 1).
    pub column: String,
    /// What happened, in plain English.
    pub message: String,
}

/// How the plan shows one rating: its label (the plan's own or the standard
/// name), background colour and shape symbol, all from the core.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RatingStyleEntry {
    /// The rating.
    pub rating: Rating,
    /// Its label.
    pub label: String,
    /// Its background colour, `#rrggbb` (black text reaches WCAG AA on the defaults).
    pub colour: String,
    /// Its shape symbol, so colour is never the only signal.
    pub symbol: String,
}

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` (browsers, Node.js 18+).
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(url: &str) -> Result<js_sys::Promise, JsValue>;

    /// A table format name, typed `TableFormat` in TypeScript.
    #[wasm_bindgen(typescript_type = "TableFormat")]
    pub type TableFormatArg;

    /// A rule set argument: a `RuleSet` or a plain rule-set object.
    #[wasm_bindgen(typescript_type = "RuleSet | RuleSetData")]
    pub type RulesArg;

    /// `Plan.fromJson`'s options.
    #[wasm_bindgen(typescript_type = "PlanLoadOptions")]
    pub type LoadOptionsArg;

    /// A `fetch` response.
    type Response;
    #[wasm_bindgen(method, getter)]
    fn ok(this: &Response) -> bool;
    #[wasm_bindgen(method, getter)]
    fn status(this: &Response) -> u16;
    #[wasm_bindgen(method, js_name = arrayBuffer)]
    fn array_buffer(this: &Response) -> js_sys::Promise;
}

impl Plan {
    fn new(plan: lineofsight::Plan) -> Plan {
        Plan {
            inner: Rc::new(plan),
            warnings: Vec::new(),
            load_warnings: Vec::new(),
        }
    }

    /// A plan loaded from JSON, keeping the loader's warnings.
    fn loaded(
        loaded: Result<(lineofsight::Plan, Vec<lineofsight::LoadWarning>), lineofsight::LoadError>,
    ) -> Result<Plan, JsValue> {
        let (plan, warnings) = loaded.map_err(error::load)?;
        let mut plan = Plan::new(plan);
        plan.load_warnings = warnings
            .into_iter()
            .map(|w| LoadWarning {
                what: w.what.to_string(),
                path: w.path,
                message: w.message,
            })
            .collect();
        Ok(plan)
    }

    /// `rules` as given (a `RuleSet` or a plain rule-set object), or the
    /// plan's own rules when it is `undefined` or `null`.
    fn rules_or(
        &self,
        function: &'static str,
        rules: Option<RulesArg>,
    ) -> Result<lineofsight::RuleSet, JsValue> {
        let Some(rules) = rules.filter(|r| !r.is_undefined() && !r.is_null()) else {
            return Ok(self.inner.rules_or_default());
        };
        // A `RuleSet` stringifies through its `toJSON`; both are re-read
        // (and re-checked) by the core's loader.
        let json =
            Arg::new(function, "rules").object_json(&rules, "a RuleSet or a rule-set object")?;
        lineofsight::RuleSet::from_json(&json).map_err(error::load)
    }

    /// Imports `bytes` as a table: the body of `fromTable` and `fromUrl`.
    fn import_table(
        bytes: &js_sys::Uint8Array,
        format: lineofsight::import::TableFormat,
        name: String,
    ) -> Result<Plan, JsValue> {
        let options = ImportOptions::new(&name, format);
        let length = usize::try_from(bytes.length()).unwrap_or(usize::MAX);
        options
            .limits
            .check_input(&options.input_name, length)
            .map_err(error::import)?;
        let bytes = bytes.to_vec();
        let (plan, report) = import_plan(&bytes, &options).map_err(error::import)?;
        let mut plan = Plan::new(plan);
        plan.warnings = report
            .warnings
            .into_iter()
            .map(|w| ImportWarning {
                row: w.row,
                column: w.column,
                message: w.message,
            })
            .collect();
        Ok(plan)
    }
}

#[wasm_bindgen]
impl Plan {
    /// Reads a plan in lineofsight's JSON format from text or from bytes
    /// (a `Uint8Array`, which must be UTF-8). A field the library does not
    /// read is listed by `loadWarnings()`, or with `{strict: true}` throws
    /// `code: "unknown_field"`. Throws `code: "json"` (with `path`, `line`,
    /// `column`; also for data after the plan), `"not_utf8"` (with
    /// `offset`, `line`, `column`), `"invalid"` (with `path`),
    /// `"too_large"` (with `path`, `setting`) or `"unsupported_version"`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] json: JsValue,
        options: Option<LoadOptionsArg>,
    ) -> Result<Plan, JsValue> {
        let options = args::load_options(options.as_deref())?;
        if let Some(text) = json.as_string() {
            return Plan::loaded(lineofsight::Plan::from_json_with(&text, &options));
        }
        if let Some(bytes) = json.dyn_ref::<js_sys::Uint8Array>() {
            return Plan::loaded(lineofsight::Plan::from_json_bytes(
                &bytes.to_vec(),
                &options,
            ));
        }
        Err(Arg::new("Plan.fromJson", "json").wrong_type("a string or a Uint8Array", &json))
    }

    /// Reads a plan from a plain object, checked exactly as `fromJson`.
    /// Throws a `TypeError` with `code: "wrong_type"` for anything but an
    /// object.
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "PlanData")] object: JsValue,
    ) -> Result<Plan, JsValue> {
        Plan::loaded(lineofsight::Plan::from_json_with(
            &Arg::new("Plan.fromObject", "object").object_json(&object, "a plan object")?,
            &lineofsight::LoadOptions::default(),
        ))
    }

    /// Fetches a plan: JSON by default, or a table when `format` is given
    /// (`auto`, `csv`, `tsv`, `markdown`, `xlsx`). Throws `code: "fetch"`
    /// (with `url` and, for HTTP errors, `status`) as well as the loading
    /// errors.
    #[wasm_bindgen(js_name = fromUrl)]
    pub async fn from_url(
        #[wasm_bindgen(unchecked_param_type = "string")] url: JsValue,
        format: Option<TableFormatArg>,
    ) -> Result<Plan, JsValue> {
        let url = Arg::new("Plan.fromUrl", "url").text(&url)?;
        let table = Arg::new("Plan.fromUrl", "format").table_format(format.as_deref())?;
        let fail = |status: Option<u16>, e: &JsValue| error::fetch_failed(&url, status, e);
        let promise = global_fetch(&url).map_err(|e| fail(None, &e))?;
        let response: Response = JsFuture::from(promise)
            .await
            .map_err(|e| fail(None, &e))?
            .unchecked_into();
        if !response.ok() {
            let status = response.status();
            return Err(error::fetch_status(&url, status));
        }
        let buffer = JsFuture::from(response.array_buffer())
            .await
            .map_err(|e| fail(Some(response.status()), &e))?;
        let bytes = js_sys::Uint8Array::new(&buffer);
        match format {
            None => Plan::loaded(lineofsight::Plan::from_json_bytes(
                &bytes.to_vec(),
                &lineofsight::LoadOptions::default(),
            )),
            Some(_) => Plan::import_table(&bytes, table, url.clone()),
        }
    }

    /// Imports a plan from a table: CSV, TSV, markdown or a workbook (xlsx,
    /// xls, ods). `format` defaults to `auto`; `name` names the input in
    /// errors. Throws `code: "unreadable"`, `"no_header"`, `"no_actions"`,
    /// `"mapping"`, `"invalid_import"` or `"too_large"`; `importWarnings()` lists what to check.
    /// A workbook in a build without the `xlsx` feature throws
    /// `code: "unsupported"` (with `feature: "xlsx"`).
    ///
    /// An input past the size limit is refused (`"too_large"`) before its
    /// bytes are copied into the module's memory, so no input can exhaust
    /// that memory and trap.
    #[wasm_bindgen(js_name = fromTable)]
    pub fn from_table(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | number[]")] bytes: &JsValue,
        format: Option<TableFormatArg>,
        name: Option<TextArg>,
    ) -> Result<Plan, JsValue> {
        let bytes = Arg::new("Plan.fromTable", "bytes").bytes(bytes)?;
        let format = Arg::new("Plan.fromTable", "format").table_format(format.as_deref())?;
        let name = Arg::new("Plan.fromTable", "name").optional_text(name.as_deref())?;
        let name = name.unwrap_or_else(|| ImportOptions::default().input_name);
        Plan::import_table(&bytes, format, name)
    }

    /// The file of a built-in plan, `<name>.json`, shipped beside the
    /// module (the module embeds no plan, to keep the download small).
    /// Throws `code: "unknown_builtin"`. Not public: `Plan.builtin`, added
    /// to each build's glue by scripts/build-wasm.sh (js/builtin.*.js),
    /// calls it, then reads the file (Node.js) or fetches it (browsers).
    #[wasm_bindgen(js_name = "__builtinFile", skip_typescript)]
    pub fn builtin_file(
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<String, JsValue> {
        let name = Arg::new("Plan.builtin", "name").text(&name)?;
        lineofsight::builtin_name(&name)
            .map(|key| format!("{key}.json"))
            .map_err(error::load)
    }

    /// The names of the built-in plans.
    #[wasm_bindgen(js_name = builtinNames)]
    pub fn builtin_names() -> Vec<String> {
        lineofsight::BUILTIN_PLANS
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    /// The plan's title.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.inner.title.clone()
    }

    /// The council or partnership that owns the plan.
    #[wasm_bindgen(getter)]
    pub fn organisation(&self) -> String {
        self.inner.organisation.clone()
    }

    /// The period the plan covers, as written (`2014–17`), if any.
    #[wasm_bindgen(getter)]
    pub fn period(&self) -> Option<String> {
        self.inner.period.clone()
    }

    /// The dates the plan runs from and to, both inclusive
    /// (`{start, end}`, `YYYY-MM-DD`), if known.
    #[wasm_bindgen(getter, unchecked_return_type = "PlanPeriod | undefined")]
    pub fn dates(&self) -> Result<JsValue, JsValue> {
        match &self.inner.dates {
            Some(d) => to_js(d),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Where `asOf` (`YYYY-MM-DD`, or a `Date`: its local calendar date)
    /// falls against the plan's dates: `"not_yet_started"`, `"current"` or
    /// `"closed"`; a plan without dates is always current. Throws
    /// `code: "bad_argument"` for a bad date.
    #[wasm_bindgen(unchecked_return_type = "\"not_yet_started\" | \"current\" | \"closed\"")]
    pub fn status(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<String, JsValue> {
        let as_of = Arg::new("Plan.status", "asOf").date(&as_of)?;
        Ok(self.inner.status(as_of).name().to_string())
    }

    /// The plan as a plain object.
    #[wasm_bindgen(js_name = toObject, unchecked_return_type = "PlanData")]
    pub fn to_object(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.as_ref())
    }

    /// The plan as a plain object, for `JSON.stringify`.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "PlanData")]
    pub fn to_json_value(&self) -> Result<JsValue, JsValue> {
        self.to_object()
    }

    /// A new plan with `edits` applied, all or nothing: one edit or a list
    /// (`record_update`, `set_state`, `set_timescale`, `add_action`,
    /// `remove_action`; dates as `"YYYY-MM-DD"` strings). This plan is not
    /// changed. Throws `code: "edit"` (with `edit` and `id`) for an unknown
    /// or taken id, `json` for an edit that does not read, and `invalid`
    /// (with `path`) when the edits would break the plan; `toJson()` gives
    /// the text to save.
    pub fn apply(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Edit | Edit[]")] edits: JsValue,
    ) -> Result<Plan, JsValue> {
        let json = Arg::new("Plan.apply", "edits")
            .object_or_list_json(&edits, "an edit or a list of edits")?;
        let edits = lineofsight::plan::Edit::list_from_json(&json).map_err(error::load)?;
        let mut plan = (*self.inner).clone();
        plan.apply_all(&edits).map_err(error::edit)?;
        Ok(Plan::new(plan))
    }

    /// The plan as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// Things worth a reader's attention that did not stop the plan loading.
    #[wasm_bindgen(unchecked_return_type = "PlanWarning[]")]
    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.warnings())
    }

    /// What the table importer asks a reader to check (empty unless the
    /// plan came from `fromTable`).
    #[wasm_bindgen(js_name = importWarnings, unchecked_return_type = "ImportWarning[]")]
    pub fn import_warnings(&self) -> Result<JsValue, JsValue> {
        to_js(&self.warnings)
    }

    /// The fields the JSON loader did not read (often misspellings), each
    /// with its JSON path; empty unless the plan came from `fromJson`,
    /// `fromObject` or `fromUrl` without `strict`.
    #[wasm_bindgen(js_name = loadWarnings, unchecked_return_type = "LoadWarning[]")]
    pub fn load_warnings(&self) -> Result<JsValue, JsValue> {
        to_js(&self.load_warnings)
    }

    /// The rules the plan carries, or the default rules.
    pub fn rules(&self) -> RuleSet {
        RuleSet {
            inner: self.inner.rules_or_default(),
        }
    }

    /// Label, colour and symbol of every rating, as this plan shows them.
    #[wasm_bindgen(js_name = ratingStyles, unchecked_return_type = "RatingStyleEntry[]")]
    pub fn rating_styles(&self) -> Result<JsValue, JsValue> {
        let style = &self.inner.style;
        let entries: Vec<RatingStyleEntry> = Rating::ALL
            .iter()
            .map(|&rating| RatingStyleEntry {
                rating,
                label: style.label(rating).to_string(),
                // Always `#rrggbb`: the core's resolved look.
                colour: lineofsight::report::RatingLook::new(rating, style).colour,
                symbol: RatingStyle::symbol(rating).to_string(),
            })
            .collect();
        to_js(&entries)
    }

    /// Rates every action, objective and measure as of `asOf`
    /// (`YYYY-MM-DD`, or a `Date`: its calendar date in the local time
    /// zone), by `rules` or the plan's own rules. Throws
    /// `code: "bad_argument"` for a date that is not `YYYY-MM-DD`, and a
    /// `TypeError` (`code: "wrong_type"`) for an argument of the wrong type.
    pub fn evaluate(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
        rules: Option<RulesArg>,
    ) -> Result<Evaluation, JsValue> {
        let as_of = Arg::new("Plan.evaluate", "asOf").date(&as_of)?;
        let rules = self.rules_or("Plan.evaluate", rules)?;
        Ok(Evaluation {
            inner: self.inner.evaluate(as_of, &rules),
            plan: Rc::clone(&self.inner),
        })
    }

    /// The actions whose rating changed between two dates (each
    /// `YYYY-MM-DD` or a `Date`).
    #[wasm_bindgen(unchecked_return_type = "RatingChange[]")]
    pub fn changes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] to: JsValue,
        rules: Option<RulesArg>,
    ) -> Result<JsValue, JsValue> {
        let from = Arg::new("Plan.changes", "from").date(&from)?;
        let to = Arg::new("Plan.changes", "to").date(&to)?;
        to_js(
            &self
                .inner
                .changes(from, to, &self.rules_or("Plan.changes", rules)?),
        )
    }
}
