//! Reading JSON plans and rule sets: how strict to be, how large an input
//! to read, the warnings for fields that are not read, and the UTF-8 check
//! for bytes. Every error names the JSON path, line and column (or byte).

use std::fmt::{self, Write as _};

use crate::error::LoadError;
use crate::import::thousands;

mod error_path;

use error_path::error_path;

/// How to load a plan: strict or not, and the [`JsonLimits`].
///
/// By default a field this library does not read (a misspelt `evidance`)
/// is a [`LoadWarning`] naming its JSON path, and the plan loads; with
/// `strict` it is [`LoadError::UnknownField`]. Either way nothing is dropped
/// without a word.
///
/// # Example
///
/// ```
/// use lineofsight::{LoadError, LoadOptions, Plan};
///
/// let json = r#"{"schema_version": 1, "title": "T", "organisation": "O",
///   "objectives": [{"id": "o1", "title": "x",
///     "actions": [{"id": "a1", "text": "y", "evidance": "minutes"}]}]}"#;
/// let (_, warnings) = Plan::from_json_with(json, &LoadOptions::default())?;
/// assert_eq!(warnings[0].to_string(),
///     "plan JSON at $.objectives[0].actions[0].evidance: unknown field, ignored \
///      (check its spelling; strict loading refuses it)");
///
/// let strict = LoadOptions::default().with_strict(true);
/// let err = Plan::from_json_with(json, &strict).unwrap_err();
/// assert!(matches!(err, LoadError::UnknownField { .. }));
/// # Ok::<(), LoadError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct LoadOptions {
    /// Refuse fields this library does not read instead of warning.
    pub strict: bool,
    /// How large a plan to read.
    pub limits: JsonLimits,
}

impl LoadOptions {
    /// Refuses fields this library does not read (`true`) instead of
    /// warning.
    #[must_use]
    pub fn with_strict(mut self, strict: bool) -> LoadOptions {
        self.strict = strict;
        self
    }

    /// Reads inputs up to these limits.
    #[must_use]
    pub fn with_limits(mut self, limits: JsonLimits) -> LoadOptions {
        self.limits = limits;
        self
    }
}

/// How large a JSON plan the loader reads. Past any of these the load
/// stops with [`LoadError::TooLarge`], naming the JSON path and the setting
/// to raise, **before** the plan is checked (and, for size and nesting,
/// before it is parsed). The import limits for tables are
/// [`import::Limits`](crate::import::Limits).
///
/// | Field | Default | Why |
/// |---|---|---|
/// | `max_bytes` | 100,000,000 | the largest real plan is under 1 MB; 100 MB parses in about a second |
/// | `max_depth` | 64 | plans nest about 8 deep (plan, objectives, an action, its progress, …); `serde_json` itself stops at 128 |
/// | `max_groups` | 100,000 | councils have tens of groups; the group checks are linear, this bounds their memory |
///
/// # Example
///
/// ```
/// use lineofsight::{JsonLimits, LoadOptions, Plan};
///
/// let mut limits = JsonLimits::default();
/// limits.max_depth = 2;
/// let tight = LoadOptions::default().with_limits(limits);
/// let err = Plan::from_json_with(r#"{"extra": {"a": [1]}}"#, &tight).unwrap_err();
/// assert_eq!(err.to_string(),
///     "plan JSON at $.extra.a (line 1, column 17) is past the limit of 2 levels of nesting \
///      (raise LoadOptions.limits.max_depth to read it)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct JsonLimits {
    /// The largest input, in bytes.
    pub max_bytes: usize,
    /// The deepest nesting of objects and arrays (the plan object is 1).
    /// Values past 127 have no effect: `serde_json` refuses deeper input.
    pub max_depth: usize,
    /// The most groups in `groups`.
    pub max_groups: usize,
}

impl JsonLimits {
    /// Refuses input longer than `max_bytes`.
    pub(crate) fn check_bytes(&self, what: &'static str, len: usize) -> Result<(), LoadError> {
        if len > self.max_bytes {
            return Err(too_large(
                what,
                format!("$ (the whole input, {} bytes)", thousands(len)),
                format!("{} bytes", thousands(self.max_bytes)),
                "max_bytes",
            ));
        }
        Ok(())
    }
}

impl Default for JsonLimits {
    fn default() -> JsonLimits {
        JsonLimits {
            max_bytes: 100_000_000,
            max_depth: 64,
            max_groups: 100_000,
        }
    }
}

/// Something the loader did not read: a field this library does not know
/// (often a misspelling), named by its JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LoadWarning {
    /// What was being loaded: `plan` or `rule set`.
    pub what: &'static str,
    /// The JSON path, e.g. `$.objectives[0].actions[2].evidance`.
    pub path: String,
    /// What happened, in plain English.
    pub message: String,
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} JSON at {}: {}", self.what, self.path, self.message)
    }
}

/// The message of an unknown-field warning.
const UNKNOWN_FIELD: &str =
    "unknown field, ignored (check its spelling; strict loading refuses it)";

/// Deserialises a JSON object, naming the path, line and column of any
/// error; refuses trailing data, input past the limits, and (strict)
/// unknown fields, which otherwise become warnings.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    what: &'static str,
    json: &str,
    options: &LoadOptions,
) -> Result<(T, Vec<LoadWarning>), LoadError> {
    let limits = &options.limits;
    limits.check_bytes(what, json.len())?;
    // A byte-order mark is not JSON, but editors on Windows write one.
    let body = json.strip_prefix('\u{feff}').unwrap_or(json);
    let first = body.trim_start();
    if !first.starts_with('{') {
        let found = first
            .chars()
            .next()
            .map_or("nothing".to_string(), |c| format!("{c:?}"));
        let (line, column) = line_column(body, body.len() - first.len());
        return Err(LoadError::Json {
            what,
            path: "$".to_string(),
            line,
            column,
            message: format!("expected a JSON object, found {found}"),
        });
    }
    // Nesting is checked on the text first: `max_depth` (64 by default) is
    // below serde_json's own limit of 128, and a field this library does not
    // read may nest to any depth without failing the parse, so the parse
    // alone cannot tell (the scan is about a tenth of the load).
    check_depth(what, body, limits.max_depth)?;
    // One parse, without path tracking (which would cost about a quarter of
    // the parse, and in WebAssembly a second copy of every type's
    // deserialiser). Unknown fields are noted (serde_ignored: about a
    // tenth). Should it fail, the error's path is found by walking the text
    // to where it stopped (`error_path`).
    let mut ignored = Vec::new();
    let value = match parse::<T>(body, &mut ignored) {
        Ok(value) => value,
        Err(Parse::Value(e)) => {
            let reparse = |text: &str| match parse::<T>(text, &mut Vec::new()) {
                Err(Parse::Value(e)) => Some(e),
                _ => None,
            };
            return Err(LoadError::Json {
                what,
                path: error_path(body, &e, &ignored, &reparse),
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            });
        }
        Err(Parse::After(e)) => {
            let offset = json.len() - body.len() + offset_of(body, e.line(), e.column());
            return Err(LoadError::Json {
                what,
                path: "$".to_string(),
                line: e.line(),
                column: e.column(),
                message: format!(
                    "more data after the {what}'s closing brace, from byte {offset}: \
                     a file holds one {what}"
                ),
            });
        }
    };
    unknown_fields(what, value, ignored, options)
}

/// Why [`parse`] failed.
enum Parse {
    /// The value is not a `T`.
    Value(serde_json::Error),
    /// Something follows it.
    After(serde_json::Error),
}

/// `T` from JSON text, noting the path of every field not read; the one
/// copy of each type's deserialiser, for the load and for [`error_path`]'s
/// second look.
fn parse<T: serde::de::DeserializeOwned>(
    body: &str,
    ignored: &mut Vec<String>,
) -> Result<T, Parse> {
    let mut de = serde_json::Deserializer::from_str(body);
    let value = serde_ignored::deserialize(&mut de, |path| ignored.push(json_path(&path)))
        .map_err(Parse::Value)?;
    de.end().map_err(Parse::After)?;
    Ok(value)
}

/// The value with a warning for every field not read, or (strict) the
/// first of them as [`LoadError::UnknownField`].
fn unknown_fields<T>(
    what: &'static str,
    value: T,
    ignored: Vec<String>,
    options: &LoadOptions,
) -> Result<(T, Vec<LoadWarning>), LoadError> {
    if options.strict {
        if let Some(path) = ignored.into_iter().next() {
            return Err(LoadError::UnknownField { what, path });
        }
        return Ok((value, Vec::new()));
    }
    let warnings = ignored
        .into_iter()
        .map(|path| LoadWarning {
            what,
            path,
            message: UNKNOWN_FIELD.to_string(),
        })
        .collect();
    Ok((value, warnings))
}

/// The bytes as UTF-8 text (a UTF-8 byte-order mark is kept for
/// [`from_json`] to drop), or [`LoadError::NotUtf8`] at the first byte that
/// is not, with a hint when the bytes look like UTF-16 or Windows-1252.
pub(crate) fn utf8<'a>(what: &'static str, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    let not_utf8 = |offset: usize, reason: String| {
        let before = bytes.get(..offset).unwrap_or(bytes);
        let line = 1 + before.split(|b| *b == b'\n').count() - 1;
        let column = 1 + before.iter().rev().take_while(|b| **b != b'\n').count();
        LoadError::NotUtf8 {
            what,
            offset,
            line,
            column,
            reason,
        }
    };
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(not_utf8(
            0,
            "the file starts with a UTF-16 byte-order mark: it is UTF-16 text; save it as UTF-8"
                .to_string(),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let byte = bytes.get(offset).copied().unwrap_or(0);
        not_utf8(
            offset,
            format!(
                "byte 0x{byte:02X} is not UTF-8; it looks like Windows-1252 (Latin-1) text, \
                 as older Excel and Notepad save: save the file as UTF-8"
            ),
        )
    })?;
    if let Some(offset) = text.bytes().position(|b| b == 0) {
        return Err(not_utf8(
            offset,
            "a NUL byte: the file looks like UTF-16 text (or binary); save it as UTF-8".to_string(),
        ));
    }
    Ok(text)
}

/// Refuses objects and arrays nested deeper than `max`, naming the path of
/// the first one too deep: one pass over the text, copying each key once.
fn check_depth(what: &'static str, json: &str, max: usize) -> Result<(), LoadError> {
    enum Frame<'a> {
        Object { key: Option<&'a str>, at_key: bool },
        Array { index: usize },
    }
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                let start = i + 1;
                i = start;
                while let Some(&c) = bytes.get(i) {
                    match c {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                if let Some(Frame::Object { key, at_key }) = stack.last_mut() {
                    if *at_key {
                        *key = json.get(start..i);
                        *at_key = false;
                    }
                }
            }
            b'{' | b'[' => {
                if stack.len() >= max {
                    let mut path = "$".to_string();
                    for frame in &stack {
                        match frame {
                            Frame::Object { key: Some(k), .. } => push_key(&mut path, k),
                            Frame::Object { key: None, .. } => {}
                            Frame::Array { index } => {
                                let _ = write!(path, "[{index}]");
                            }
                        }
                    }
                    let (line, column) = line_column(json, i);
                    return Err(LoadError::TooLarge {
                        what,
                        path: format!("{path} (line {line}, column {column})"),
                        limit: format!("{max} levels of nesting"),
                        setting: "max_depth".to_string(),
                    });
                }
                stack.push(if b == b'{' {
                    Frame::Object {
                        key: None,
                        at_key: true,
                    }
                } else {
                    Frame::Array { index: 0 }
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { at_key, .. }) => *at_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// `$.key`, or `$["a key"]` when the key is not a plain name.
fn push_key(path: &mut String, key: &str) {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        path.push('.');
        path.push_str(key);
    } else {
        path.push('[');
        path.push_str(&serde_json::to_string(key).unwrap_or_default());
        path.push(']');
    }
}

/// `serde_ignored`'s path as `$.objectives[0].actions[2].evidance`.
fn json_path(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => "$".to_string(),
        Path::Seq { parent, index } => format!("{}[{index}]", json_path(parent)),
        Path::Map { parent, key } => {
            let mut p = json_path(parent);
            push_key(&mut p, key);
            p
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => json_path(parent),
    }
}

/// The line and column (both from 1; the column in characters) of a byte
/// offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    (
        1 + before.matches('\n').count(),
        1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count()),
    )
}

/// The byte offset of `serde_json`'s line and column (both from 1).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    start + column.saturating_sub(1)
}

pub(crate) fn too_large(
    what: &'static str,
    path: String,
    limit: String,
    setting: &str,
) -> LoadError {
    LoadError::TooLarge {
        what,
        path,
        limit,
        setting: setting.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_paths() {
        let err = check_depth("plan", r#"{"a": [1, {"b": {"c": [[]]}}]}"#, 4).unwrap_err();
        assert_eq!(
            err.to_string(),
            "plan JSON at $.a[1].b.c (line 1, column 23) is past the limit of 4 levels of \
             nesting (raise LoadOptions.limits.max_depth to read it)"
        );
        assert!(check_depth("plan", r#"{"a\"{[": "{[{[", "b": [[1]]}"#, 3).is_ok());
        let err = check_depth("plan", r#"{"a b": {"": {}}}"#, 2).unwrap_err();
        assert!(err.to_string().contains(r#"$["a b"][""] "#), "{err}");
    }

    #[test]
    fn the_quick_parse_and_the_tracked_one_agree() {
        use crate::plan::Plan;
        // A field not read, nested past the limit, in a plan that parses.
        let deep = format!(
            r#"{{"schema_version": 1, "title": "T", "organisation": "O", "extra": {}1{}}}"#,
            "[".repeat(70),
            "]".repeat(70)
        );
        let err = Plan::from_json(&deep).unwrap_err();
        assert!(
            err.to_string()
                .contains("past the limit of 64 levels of nesting"),
            "{err}"
        );
        // An error deep inside is named by its path (found on the second
        // parse), and warnings still come from the first.
        let json = r#"{"schema_version": 1, "title": "T", "organisation": "O",
          "objectives": [{"id": "o1", "title": "x",
            "actions": [{"id": "a1", "text": "y"}, {"id": "a2", "text": 7}]}]}"#;
        assert_eq!(
            Plan::from_json(json).unwrap_err().to_string(),
            "plan JSON at $.objectives[0].actions[1].text (line 3, column 73): invalid type: \
             integer `7`, expected a string at line 3 column 73"
        );
        let json = r#"{"schema_version": 1, "title": "T", "organisation": "O", "x": {"y": 1}}"#;
        let (_, warnings) = Plan::from_json_with(json, &LoadOptions::default()).unwrap();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, "$.x");
    }

    /// What `serde_path_to_error` names as the path of the error, over the
    /// same deserialiser `from_json` uses: the reference for `error_path`.
    fn reference_path<T: serde::de::DeserializeOwned>(json: &str) -> Option<String> {
        let body = json.strip_prefix('\u{feff}').unwrap_or(json);
        let mut de = serde_json::Deserializer::from_str(body);
        let mut note = |_: serde_ignored::Path<'_>| {};
        let tracked = serde_ignored::Deserializer::new(&mut de, &mut note);
        let result: Result<T, _> = serde_path_to_error::deserialize(tracked);
        result.err().map(|e| match e.path().to_string() {
            p if p == "." || p.is_empty() => "$".to_string(),
            p => format!("$.{p}"),
        })
    }

    /// The path `from_json` gives, where its error is the parse's.
    fn loaded_path<T: serde::de::DeserializeOwned>(json: &str) -> Option<String> {
        match from_json::<T>("plan", json, &LoadOptions::default().with_strict(false)) {
            Err(LoadError::Json { path, message, .. })
                if !message.starts_with("more data") && !message.starts_with("expected a JSON") =>
            {
                Some(path)
            }
            _ => None,
        }
    }

    /// Broken versions of `json`: cut short, a token inserted at every
    /// structural place, each value replaced by one of the wrong type or a
    /// bad one, each field removed.
    fn broken(json: &str, stride: usize) -> Vec<String> {
        let mut out = Vec::new();
        let places: Vec<usize> = json
            .char_indices()
            .filter(|(_, c)| {
                matches!(
                    c,
                    '{' | '}' | '[' | ']' | ',' | ':' | '"' | '0'..='9' | 't' | 'n'
                )
            })
            .map(|(i, _)| i)
            .collect();
        let inserts = [
            "7",
            "\"x\"",
            ",",
            "}",
            "]",
            ":",
            "x",
            "null",
            "{}",
            "[]",
            "\u{1}",
            " \"k y.z\": [1, {\"a\": tru}],",
            "\"\\q\"",
            "-",
            "01",
            "1e999",
        ];
        for (n, &at) in places.iter().enumerate() {
            if n % stride != 0 {
                continue;
            }
            out.push(json[..at].to_string());
            let insert = inserts[n / stride % inserts.len()];
            out.push(format!("{}{insert}{}", &json[..at], &json[at..]));
        }
        let values = [
            "7",
            "\"x\"",
            "true",
            "null",
            "{}",
            "[]",
            "\"2019-13-45\"",
            "-1",
            "{\"unit\": \"bogus\"}",
            "[1, \"x\"]",
            "{\"a\": 1}",
            "\"amber\"",
            "\"\"",
            "1.5",
        ];
        let mut n = 0;
        for (at, _) in json.match_indices(':') {
            let start = at + 1 + json[at + 1..].len() - json[at + 1..].trim_start().len();
            let mut values_at = serde_json::Deserializer::from_str(&json[start..])
                .into_iter::<serde::de::IgnoredAny>();
            if !matches!(values_at.next(), Some(Ok(_))) {
                continue;
            }
            let end = start + values_at.byte_offset();
            n += 1;
            if n % stride == 0 {
                let value = values[n / stride % values.len()];
                out.push(format!("{}{value}{}", &json[..start], &json[end..]));
            }
            // The field removed (with its comma), where it is one of several.
            let key_start = json[..at].rfind(['{', ',']).map_or(at, |i| i + 1);
            if json[end..].starts_with(',') {
                out.push(format!("{}{}", &json[..key_start], &json[end + 1..]));
            } else if json[..key_start].ends_with(',') {
                out.push(format!("{}{}", &json[..key_start - 1], &json[end..]));
            }
        }
        out
    }

    /// The paths agree, but for the one place they differ on purpose:
    /// under a map keyed by rating (`style.labels`, `style.colours`)
    /// `serde_path_to_error` cannot name the key and writes `?`;
    /// `error_path` names the key (`$.style.labels.red`), or for a key that
    /// is not a rating the map (`$.style.labels`).
    fn same_path(want: Option<&str>, got: Option<&str>) -> bool {
        match (want, got) {
            (Some(w), Some(g)) => {
                w == g
                    || ["$.style.labels.?", "$.style.colours.?"]
                        .iter()
                        .any(|p| w.starts_with(p) && g.starts_with(&p[..p.len() - 2]))
            }
            _ => want == got,
        }
    }

    /// `error_path` names every error as `serde_path_to_error` does, over
    /// thousands of broken plans and rule sets, pretty and compact: wrong
    /// types, missing fields, bad dates and enum values, syntax errors, the
    /// text cut short, fields not read with errors inside, odd keys.
    #[test]
    fn error_paths_agree_with_serde_path_to_error() {
        use crate::plan::Plan;
        let hostile = include_str!("../../tests/fixtures/hostile-plan.json");
        let mut plan: serde_json::Value = serde_json::from_str(hostile).unwrap();
        plan["objectives"][0]["measures"][0]["target"] = serde_json::json!({
            "metric": "EET", "comparison": "at_least", "value": 45, "unit": "percent",
            "baseline": {"value": 40, "period": "2018"}});
        plan["objectives"][0]["measures"][0]["unit"] =
            serde_json::json!({"unit": "rate", "per": 10});
        plan["odd key \"x\""] = serde_json::json!({"a b": [1, {"c": null}]});
        let pretty = serde_json::to_string_pretty(&plan).unwrap();
        let compact = serde_json::to_string(&plan).unwrap();
        let rules = r#"{"amber_within_days": 30, "ratings": {"Green": "green", "on track": {"state": "closed"}}}"#;
        let mut checked = 0;
        let mut wrong = Vec::new();
        for (json, stride) in [(pretty.as_str(), 5), (compact.as_str(), 4), (hostile, 9)] {
            for case in broken(json, stride) {
                let (want, got) = (reference_path::<Plan>(&case), loaded_path::<Plan>(&case));
                if got.is_some() {
                    checked += 1;
                    if !same_path(want.as_deref(), got.as_deref()) {
                        wrong.push((case, want, got));
                    }
                }
            }
        }
        for case in broken(rules, 1) {
            let (want, got) = (
                reference_path::<crate::rules::RuleSet>(&case),
                loaded_path::<crate::rules::RuleSet>(&case),
            );
            if got.is_some() {
                checked += 1;
                if !same_path(want.as_deref(), got.as_deref()) {
                    wrong.push((case, want, got));
                }
            }
        }
        for (case, want, got) in wrong.iter().take(5) {
            let e = serde_json::from_str::<crate::plan::Plan>(case).err();
            let at = e
                .as_ref()
                .map_or(0, |e| offset_of(case, e.line(), e.column()));
            let near: String = case
                .get(at.saturating_sub(80)..)
                .unwrap_or("")
                .chars()
                .take(100)
                .collect();
            eprintln!("want {want:?} got {got:?} {e:?} near {near:?}");
        }
        assert!(
            wrong.is_empty(),
            "{} of {checked} paths differ",
            wrong.len()
        );
        assert!(checked > 1200, "{checked}");
    }

    #[test]
    fn utf8_offsets_and_hints() {
        let err = utf8("plan", b"{\n  \"title\": \"Caf\xE9\"}").unwrap_err();
        assert_eq!(
            err.to_string(),
            "plan JSON is not UTF-8 at byte 17 (line 2, column 16): byte 0xE9 is not UTF-8; \
             it looks like Windows-1252 (Latin-1) text, as older Excel and Notepad save: \
             save the file as UTF-8"
        );
        assert!(utf8("plan", b"\xFF\xFE{\x00")
            .unwrap_err()
            .to_string()
            .contains("UTF-16 byte-order mark"));
        assert!(utf8("plan", b"{\x00\"\x00")
            .unwrap_err()
            .to_string()
            .contains("at byte 1 (line 1, column 2): a NUL byte"));
        assert_eq!(utf8("plan", "\u{feff}{}".as_bytes()), Ok("\u{feff}{}"));
    }

    #[test]
    fn offsets() {
        assert_eq!(offset_of("ab\ncd\n", 2, 2), 4);
        assert_eq!(line_column("ab\ncd", 4), (2, 2));
    }
}
