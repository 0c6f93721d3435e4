//! The one place where Rust errors become JavaScript errors.
//!
//! Every error the package throws is a real `Error` whose `name` is
//! `LineOfSightError` and whose `code` says what went wrong; where the core
//! knows more it adds `path`, `line`, `column`, `row`, `columnName`,
//! `input` and the like. An argument of the wrong JavaScript type (a `Date`
//! or a number where a string is expected) is a `TypeError`, still named
//! `LineOfSightError`, with `code: "wrong_type"` and the `argument`'s name. The codes and fields are listed in `types.d.ts`
//! (`LineOfSightError`, `ErrorCode`) and in the package README; a node test
//! checks each one.

use js_sys::{Error, Reflect};
use lineofsight::import::ImportError;
use lineofsight::rating::RatingError;
use lineofsight::LoadError;
use wasm_bindgen::{JsCast, JsValue};

/// A JavaScript `Error` with a `code` and extra fields.
fn error(code: &str, message: &str, fields: &[(&str, JsValue)]) -> JsValue {
    with_code(Error::new(message), code, fields)
}

/// Names `e` `LineOfSightError` and gives it a `code` and extra fields.
fn with_code(e: Error, code: &str, fields: &[(&str, JsValue)]) -> JsValue {
    e.set_name("LineOfSightError");
    // Setting a property on a fresh Error cannot fail; if it ever did, the
    // error would still be thrown, only without that field.
    let _ = Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(code));
    for (key, value) in fields {
        let _ = Reflect::set(&e, &JsValue::from_str(key), value);
    }
    e.into()
}

fn num(n: usize) -> JsValue {
    // Rows, lines and columns are far below 2^53.
    JsValue::from_f64(n as f64)
}

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

/// A plan or rule set that would not load.
pub(crate) fn load(e: LoadError) -> JsValue {
    let message = e.to_string();
    match e {
        LoadError::Json {
            what,
            path,
            line,
            column,
            ..
        } => error(
            "json",
            &message,
            &[
                ("what", text(what)),
                ("path", text(&path)),
                ("line", num(line)),
                ("column", num(column)),
            ],
        ),
        LoadError::Invalid { what, path, .. } => error(
            "invalid",
            &message,
            &[("what", text(what)), ("path", text(&path))],
        ),
        LoadError::UnsupportedVersion { found, supported } => error(
            "unsupported_version",
            &message,
            &[
                ("found", JsValue::from(found)),
                ("supported", JsValue::from(supported)),
            ],
        ),
        LoadError::UnknownField { what, path } => error(
            "unknown_field",
            &message,
            &[("what", text(what)), ("path", text(&path))],
        ),
        LoadError::TooLarge {
            what,
            path,
            setting,
            ..
        } => error(
            "too_large",
            &message,
            &[
                ("what", text(what)),
                ("path", text(&path)),
                ("setting", text(&setting)),
            ],
        ),
        LoadError::NotUtf8 {
            what,
            offset,
            line,
            column,
            ..
        } => error(
            "not_utf8",
            &message,
            &[
                ("what", text(what)),
                ("offset", num(offset)),
                ("line", num(line)),
                ("column", num(column)),
            ],
        ),
        LoadError::UnknownBuiltin { name, .. } => {
            error("unknown_builtin", &message, &[("builtin", text(&name))])
        }
        // A kind of load error a newer core adds (the enum is
        // non_exhaustive): its message, under the general code.
        _ => error("invalid", &message, &[]),
    }
}

/// A table that could not be imported.
pub(crate) fn import(e: ImportError) -> JsValue {
    let message = e.to_string();
    match e {
        // Without the `xlsx` feature the core reads every workbook as
        // unreadable, saying so; this build calls that what it is.
        ImportError::Unreadable { input, reason }
            if cfg!(not(feature = "xlsx")) && reason.contains("`xlsx` feature is off") =>
        {
            error(
                "unsupported",
                &format!(
                    "could not read {input}: this build of lineofsight reads no workbooks \
                     (xlsx, xls, ods; it was built without the `xlsx` feature, which adds about \
                     half to the .wasm); save the sheet as CSV or TSV, or build the package \
                     with WASM_FEATURES=xlsx bash scripts/build-wasm.sh"
                ),
                &[("input", text(&input)), ("feature", text("xlsx"))],
            )
        }
        ImportError::Unreadable { input, .. } => {
            error("unreadable", &message, &[("input", text(&input))])
        }
        ImportError::NoHeader { input, .. } => {
            error("no_header", &message, &[("input", text(&input))])
        }
        ImportError::Mapping { input, column, .. } => error(
            "mapping",
            &message,
            &[("input", text(&input)), ("columnName", text(&column))],
        ),
        ImportError::NoActions { input, row, .. } => error(
            "no_actions",
            &message,
            &[("input", text(&input)), ("row", num(row))],
        ),
        ImportError::Invalid {
            input, row, column, ..
        } => error(
            "invalid_import",
            &message,
            &[
                ("input", text(&input)),
                ("row", num(row)),
                ("columnName", text(&column)),
            ],
        ),
        ImportError::TooLarge { input, setting, .. } => error(
            "too_large",
            &message,
            &[("input", text(&input)), ("setting", text(&setting))],
        ),
        // A kind of import error a newer core adds (the enum is
        // non_exhaustive): its message, under the general code.
        _ => error("unreadable", &message, &[]),
    }
}

/// A recorded-rating word the core does not know.
pub(crate) fn rating(e: RatingError) -> JsValue {
    error("unknown_rating", &e.to_string(), &[("text", text(&e.text))])
}

/// A period label the core cannot read.
pub(crate) fn period(e: lineofsight::measure::PeriodError) -> JsValue {
    error("bad_period", &e.to_string(), &[("text", text(&e.label))])
}

/// A published value that is neither a number nor a suppression symbol.
pub(crate) fn value(e: lineofsight::measure::ValueError) -> JsValue {
    error("bad_value", &e.to_string(), &[("text", text(&e.text))])
}

/// An argument of the wrong kind: a date that is not `YYYY-MM-DD`, an
/// unknown table format, a value that is not a plan object.
pub(crate) fn bad_argument(message: &str) -> JsValue {
    error("bad_argument", message, &[])
}

/// An argument of the right type whose value cannot be read (`args.rs`):
/// `code: "bad_argument"` with the `argument`'s name.
pub(crate) fn bad_argument_named(argument: &str, message: &str) -> JsValue {
    error("bad_argument", message, &[("argument", text(argument))])
}

/// An argument of the wrong JavaScript type (`args.rs`): a `TypeError`
/// named `LineOfSightError`, `code: "wrong_type"`, with the `argument`'s
/// name, and a message that names the function, the argument, what it
/// must be and what was given:
/// `Plan.evaluate: asOf must be an ISO date string like "2019-12-31" or a Date, not a number (42)`.
/// `shown` is the argument as the message names it: the `argument`
/// itself, or one item of it (`refs[1]`).
pub(crate) fn wrong_type(
    function: &str,
    argument: &str,
    shown: &str,
    expected: &str,
    given: &JsValue,
) -> JsValue {
    let message = format!(
        "{function}: {shown} must be {expected}, not {}",
        describe(given)
    );
    with_code(
        js_sys::TypeError::new(&message).into(),
        "wrong_type",
        &[("argument", text(argument))],
    )
}

/// What a JavaScript value is, for an error message: `undefined`,
/// `a number (42)`, `a Date`, `an array`, `an object`.
fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        return "undefined".into();
    }
    if value.is_null() {
        return "null".into();
    }
    if let Some(s) = value.as_string() {
        let short: String = s.chars().take(40).collect();
        let more = if short.len() < s.len() { "…" } else { "" };
        return format!("a string ({short:?}{more})");
    }
    if let Some(n) = value.as_f64() {
        return format!("a number ({n})");
    }
    if let Some(b) = value.as_bool() {
        return format!("a boolean ({b})");
    }
    if value.is_bigint() {
        return "a bigint".into();
    }
    if value.is_symbol() {
        return "a symbol".into();
    }
    if value.is_function() {
        return "a function".into();
    }
    if js_sys::Array::is_array(value) {
        return "an array".into();
    }
    // An object: name its class (`a Date`, `a Uint8Array`, `a Plan`)
    // unless it is a plain object. Reading `constructor` may throw (a
    // Proxy); then it is just an object.
    let class = Reflect::get(value, &JsValue::from_str("constructor"))
        .ok()
        .and_then(|c| {
            c.dyn_ref::<js_sys::Function>()
                .map(|f| String::from(f.name()))
        })
        .filter(|name| !name.is_empty() && name != "Object");
    match class {
        Some(name) if name.starts_with(['A', 'E', 'I', 'O']) => format!("an {name}"),
        Some(name) => format!("a {name}"),
        None => "an object".into(),
    }
}

/// `Plan.fromUrl` could not fetch the URL: `cause` is what `fetch` threw.
pub(crate) fn fetch_failed(url: &str, status: Option<u16>, cause: &JsValue) -> JsValue {
    let why = cause
        .dyn_ref::<Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "the request failed".to_string());
    fetch(url, status, &format!("could not fetch {url}: {why}"))
}

/// `Plan.fromUrl` got an HTTP error status.
pub(crate) fn fetch_status(url: &str, status: u16) -> JsValue {
    fetch(
        url,
        Some(status),
        &format!("could not fetch {url}: HTTP status {status}"),
    )
}

fn fetch(url: &str, status: Option<u16>, message: &str) -> JsValue {
    let mut fields = vec![("url", text(url))];
    if let Some(status) = status {
        fields.push(("status", JsValue::from(status)));
    }
    error("fetch", message, &fields)
}

/// A result could not be turned into a JavaScript value (should not happen).
pub(crate) fn convert(e: serde_wasm_bindgen::Error) -> JsValue {
    error("internal", &format!("could not convert a result: {e}"), &[])
}

/// A result object could not be assembled (should not happen: setting a
/// property of a new plain object does not fail).
pub(crate) fn not_built(what: &str) -> JsValue {
    error("internal", &format!("could not build {what}"), &[])
}

/// An export the core could not write.
pub(crate) fn export(e: lineofsight::export::ExportError) -> JsValue {
    match e {
        lineofsight::export::ExportError::NotInThisBuild { .. } => unsupported(&e.to_string()),
        _ => error("export", &e.to_string(), &[]),
    }
}

/// Something this build leaves out (a cargo feature that is off).
pub(crate) fn unsupported(message: &str) -> JsValue {
    error("unsupported", message, &[])
}

/// Edits `Plan.apply` could not apply (the plan is unchanged): `edit` for
/// an unknown or taken id, or the load error for a plan the edits break,
/// with `edit` set to the edit's position when the rule is about an
/// action an edit touched.
pub(crate) fn edit(e: lineofsight::plan::EditError) -> JsValue {
    use lineofsight::plan::EditError as E;
    let message = e.to_string();
    match e {
        E::UnknownAction { edit, id }
        | E::UnknownObjective { edit, id }
        | E::DuplicateAction { edit, id } => {
            error("edit", &message, &[("edit", num(edit)), ("id", text(&id))])
        }
        E::Invalid { edit, error: inner } => {
            let error = load(inner);
            if let Some(n) = edit {
                // Setting a property on a fresh Error object cannot fail.
                let _ = Reflect::set(&error, &JsValue::from_str("edit"), &num(n));
            }
            error
        }
        _ => error("edit", &message, &[]),
    }
}
