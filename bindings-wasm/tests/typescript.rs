//! Generates `src/types.d.ts`, the TypeScript types of every value that
//! crosses the WebAssembly boundary, from the same schemars schemas as the
//! core's JSON Schemas, and checks the checked-in file matches. After a
//! deliberate change to a core type: `LINEOFSIGHT_BLESS=1 cargo test -p
//! lineofsight-wasm --test typescript` and commit the file.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::fmt::Write;

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

/// Schema names that would clash with the classes wasm-bindgen exports.
fn ts_name(def: &str) -> String {
    match def {
        "Plan" => "PlanData".into(),
        "RuleSet" => "RuleSetData".into(),
        "Evaluation" => "EvaluationData".into(),
        other => other.into(),
    }
}

fn ref_name(r: &str) -> String {
    ts_name(r.rsplit('/').next().expect("ref"))
}

fn literal(v: &Value) -> String {
    serde_json::to_string(v).expect("literal")
}

fn doc(out: &mut String, indent: &str, schema: &Value) {
    if let Some(d) = schema.get("description").and_then(Value::as_str) {
        let d = d.replace("*/", "* /");
        let _ = writeln!(out, "{indent}/**");
        for line in d.lines() {
            let _ = writeln!(out, "{indent} * {line}").map(|_| ());
        }
        let _ = writeln!(out, "{indent} */");
    }
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

fn union(parts: Vec<String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for p in parts {
        if !seen.contains(&p) {
            seen.push(p);
        }
    }
    match seen.len() {
        0 => "never".into(),
        1 => seen.remove(0),
        _ => seen
            .into_iter()
            .map(|p| {
                if p.contains(" & ") {
                    format!("({p})")
                } else {
                    p
                }
            })
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

fn object(schema: &Map<String, Value>, indent: &str) -> String {
    let inner = format!("{indent}  ");
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let props = schema.get("properties").and_then(Value::as_object);
    let extra = schema.get("additionalProperties");
    if let (None, Some(Value::Object(_)) | Some(Value::Bool(true)) | None) = (props, extra) {
        let value = extra.map_or("unknown".to_string(), |e| ts(e, indent));
        if let Some(key) = schema.get("propertyNames").and_then(|p| p.get("$ref")) {
            let key = ref_name(key.as_str().expect("ref"));
            return format!("Partial<Record<{key}, {value}>>");
        }
        return format!("{{ [key: string]: {value} }}");
    }
    let mut out = String::from("{\n");
    for (key, prop) in props.into_iter().flatten() {
        doc(&mut out, &inner, prop);
        let name = if is_ident(key) {
            key.clone()
        } else {
            literal(&Value::String(key.clone()))
        };
        let optional = if required.contains(&key.as_str()) {
            ""
        } else {
            "?"
        };
        let _ = writeln!(out, "{inner}{name}{optional}: {};", ts(prop, &inner));
    }
    out.push_str(indent);
    out.push('}');
    if let Some(e @ Value::Object(_)) = extra {
        out = format!("{out} & {{ [key: string]: {} }}", ts(e, indent));
    }
    out
}

fn ts(schema: &Value, indent: &str) -> String {
    let map = match schema {
        Value::Bool(true) => return "unknown".into(),
        Value::Bool(false) => return "never".into(),
        Value::Object(m) => m,
        _ => panic!("not a schema: {schema}"),
    };
    if let Some(r) = map.get("$ref").and_then(Value::as_str) {
        return ref_name(r);
    }
    if let Some(c) = map.get("const") {
        return literal(c);
    }
    if let Some(e) = map.get("enum").and_then(Value::as_array) {
        return union(e.iter().map(literal).collect());
    }
    let mut parts: Vec<String> = Vec::new();
    let types: Vec<&str> = match map.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if !types.is_empty() {
        parts.push(union(
            types
                .iter()
                .map(|t| match *t {
                    "string" => "string".to_string(),
                    "integer" | "number" => "number".to_string(),
                    "boolean" => "boolean".to_string(),
                    "null" => "null".to_string(),
                    "array" => {
                        if let Some(prefix) = map.get("prefixItems").and_then(Value::as_array) {
                            let items: Vec<String> = prefix.iter().map(|p| ts(p, indent)).collect();
                            format!("[{}]", items.join(", "))
                        } else {
                            let item = map.get("items").map_or("unknown".into(), |i| ts(i, indent));
                            format!("Array<{item}>")
                        }
                    }
                    "object" => object(map, indent),
                    other => panic!("unknown JSON type {other}"),
                })
                .collect(),
        ));
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = map.get(key).and_then(Value::as_array) {
            parts.push(union(options.iter().map(|o| ts(o, indent)).collect()));
        }
    }
    if let Some(all) = map.get("allOf").and_then(Value::as_array) {
        parts.extend(all.iter().map(|o| ts(o, indent)));
    }
    match parts.len() {
        0 => "unknown".into(),
        1 => parts.remove(0),
        _ => parts
            .into_iter()
            .map(|p| {
                if p.contains(" | ") {
                    format!("({p})")
                } else {
                    p
                }
            })
            .collect::<Vec<_>>()
            .join(" & "),
    }
}

/// Hand-written: the types the schemas do not describe.
const HAND_WRITTEN: &str = r#"
/** The table formats `Plan.fromTable` and `Plan.fromUrl` read. */
export type TableFormat = "auto" | "csv" | "tsv" | "markdown" | "xlsx";

/** What went wrong, as `LineOfSightError.code`. */
export type ErrorCode =
  /** Malformed JSON, or a value of the wrong type (`path`, `line`, `column`). */
  | "json"
  /** Well-formed but breaks a plan rule: unknown lead, duplicate id (`path`). */
  | "invalid"
  /** Written by a newer version of the format (`found`, `supported`). */
  | "unsupported_version"
  /** A field the library does not read, when loading strictly (`path`). */
  | "unknown_field"
  /** Plan bytes that are not UTF-8 (`offset`, `line`, `column`). */
  | "not_utf8"
  /** No built-in plan has that name (`name`). */
  | "unknown_builtin"
  /** The bytes are not a table (`input`). */
  | "unreadable"
  /** No row looks like a header row (`input`). */
  | "no_header"
  /** A column mapping names a missing column (`input`, `columnName`). */
  | "mapping"
  /** A header but no actions under it (`input`, `row`). */
  | "no_actions"
  /** The imported plan breaks a plan rule (`input`, `row`, `columnName`). */
  | "invalid_import"
  /** Input past the import or plan JSON limits (`setting`: the limit to raise; `input` for tables, `path` for JSON). */
  | "too_large"
  /** A recorded-rating word the core does not know (`text`). */
  | "unknown_rating"
  /** A period label the core cannot read (`text`). */
  | "bad_period"
  /** Neither a number nor a suppression symbol (`text`). */
  | "bad_value"
  /** An argument of the right type that cannot be read: a date that is not
   * YYYY-MM-DD, an unknown format or option, a negative number of days
   * (`argument` when one argument is to blame). */
  | "bad_argument"
  /** An argument of the wrong JavaScript type: a `Date`, number, `undefined`,
   * `null` or object where a string is expected. Thrown as a `TypeError`
   * (still named `LineOfSightError`), with `argument`. */
  | "wrong_type"
  /** `Plan.fromUrl` could not fetch (`url`, `status` for HTTP errors). */
  | "fetch"
  /** An export the core could not write (`exportCsv`, `exportXlsx`). */
  | "export"
  /** Left out of this build: `exportXlsx`, or reading a workbook, without the `xlsx` feature (`feature`). */
  | "unsupported"
  /** `Plan.apply`: an edit names an action or objective the plan does not
   * have, or adds an action whose id is taken (`edit`, `id`). Edits that
   * would break the plan throw `invalid` instead, with `path`. */
  | "edit"
  /** A result could not be converted (a bug: please report it). */
  | "internal";

/** Every error lineofsight throws: a real `Error` with a `code`
 * (`wrong_type` is a `TypeError`). */
export interface LineOfSightError extends Error {
  name: "LineOfSightError";
  code: ErrorCode;
  /** The argument to blame, as the signature names it, e.g. `asOf` or
   * `options.since` (`wrong_type`, `bad_argument`). */
  argument?: string;
  /** The JSON path of the problem (`json`, `invalid`, `unknown_field`, `too_large`). */
  path?: string;
  /** What was being loaded: `plan` or `rule set` (`json`, `invalid`). */
  what?: string;
  /** The byte offset of the first byte that is not UTF-8, from 0 (`not_utf8`). */
  offset?: number;
  /** The line of the JSON input, from 1 (`json`, `not_utf8`). */
  line?: number;
  /** The column of the JSON input, from 1 (`json`, `not_utf8`). */
  column?: number;
  /** The row of the table, from 1 (`no_actions`, `invalid_import`). */
  row?: number;
  /** The table column's header (`mapping`, `invalid_import`). */
  columnName?: string;
  /** The table input's name (import errors). */
  input?: string;
  /** The limit passed, e.g. `max_input_bytes` or `max_depth` (`too_large`). */
  setting?: string;
  /** The URL (`fetch`). */
  url?: string;
  /** The HTTP status (`fetch`). */
  status?: number;
  /** The text not understood (`unknown_rating`, `bad_period`, `bad_value`). */
  text?: string;
  /** The unknown built-in plan name (`unknown_builtin`). */
  builtin?: string;
  /** The cargo feature this build lacks, e.g. `xlsx` (`unsupported`, for a workbook). */
  feature?: string;
  /** The edit's position in the list given to `Plan.apply`, from 0 (`edit`). */
  edit?: number;
  /** The action or objective id an edit names (`edit`). */
  id?: string;
  /** The schema version found and the newest supported (`unsupported_version`). */
  found?: number;
  supported?: number;
}
"#;

fn generate() -> String {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let _ = generator.subschema_for::<lineofsight::Plan>();
    let _ = generator.subschema_for::<lineofsight::RuleSet>();
    let _ = generator.subschema_for::<lineofsight::evaluate::EvaluationRecord<'static>>();
    let _ = generator.subschema_for::<lineofsight::report::BoardReport>();
    let _ = generator.subschema_for::<lineofsight::plan::PlanWarning>();
    let _ = generator.subschema_for::<lineofsight::plan::Edit>();
    let _ = generator.subschema_for::<lineofsight::evaluate::RatingChange>();
    let _ = generator.subschema_for::<lineofsight::timescale::ParsedTimescale>();
    let _ = generator.subschema_for::<lineofsight::measure::TargetReading>();
    let _ = generator.subschema_for::<lineofsight::measure::Period>();
    let _ = generator.subschema_for::<lineofsight::measure::ObservedValue>();
    let _ = generator.subschema_for::<lineofsight_wasm::ImportWarning>();
    let _ = generator.subschema_for::<lineofsight_wasm::LoadWarning>();
    let _ = generator.subschema_for::<lineofsight_wasm::RatingStyleEntry>();
    let defs: BTreeMap<String, Value> = generator
        .definitions()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut out = String::from(
        "// Generated by bindings-wasm/tests/typescript.rs from the core's schemas: do not edit.\n\
         // Regenerate: LINEOFSIGHT_BLESS=1 cargo test -p lineofsight-wasm --test typescript\n",
    );
    for (name, schema) in &defs {
        out.push('\n');
        doc(&mut out, "", schema);
        let _ = writeln!(out, "export type {} = {};", ts_name(name), ts(schema, ""));
    }
    out.push_str(HAND_WRITTEN);
    out
}

#[test]
fn types_d_ts_is_checked_in_and_has_no_any() {
    let generated = generate();
    let code: String = generated
        .lines()
        .map(|l| l.split("/**").next().unwrap_or(""))
        .filter(|l| !l.trim_start().starts_with('*') && !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let words: Vec<&str> = code
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .collect();
    assert!(!words.contains(&"any"), "the types must not use `any`");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/types.d.ts");
    if std::env::var_os("LINEOFSIGHT_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write types.d.ts");
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} differs from what the core's types generate; if the change is deliberate run \
         LINEOFSIGHT_BLESS=1 cargo test -p lineofsight-wasm --test typescript and commit it",
        path.display()
    );
}
