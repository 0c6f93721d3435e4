//! Errors from loading plans and rule sets.

/// Why a plan or rule set could not be loaded.
///
/// Every variant names where the problem is: a JSON path such as
/// `$.objectives[2].actions[4].leads[0]`, and for malformed JSON the line and
/// column too.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The JSON is malformed, or a value has the wrong type or an unknown
    /// spelling.
    #[error("{what} JSON at {path} (line {line}, column {column}): {message}")]
    Json {
        /// What was being loaded: `plan` or `rule set`.
        what: &'static str,
        /// The JSON path to the value, e.g. `$.objectives[0].actions[3].state`.
        path: String,
        /// The line of the input, from 1.
        line: usize,
        /// The column of the input, from 1.
        column: usize,
        /// What serde said was wrong.
        message: String,
    },
    /// The JSON is well formed but breaks one of the plan's rules (unknown
    /// lead id, duplicate id, an update dated impossibly).
    #[error("{what} at {path}: {reason}")]
    Invalid {
        /// What was being loaded: `plan` or `rule set`.
        what: &'static str,
        /// The JSON path to the offending value.
        path: String,
        /// What is wrong, in plain English.
        reason: String,
    },
    /// The plan was written by a newer version of the format.
    #[error("plan schema_version {found} is newer than this library reads (up to {supported})")]
    UnsupportedVersion {
        /// The version in the file.
        found: u32,
        /// The newest version this library reads.
        supported: u32,
    },
    /// No built-in plan has that name.
    #[error("there is no built-in plan called {name:?} (built-in plans: {known})")]
    UnknownBuiltin {
        /// The name asked for.
        name: String,
        /// The names that exist, comma-separated.
        known: String,
    },
}

/// Deserialises JSON, naming the path, line and column of any error.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    what: &'static str,
    json: &str,
) -> Result<T, LoadError> {
    // A byte-order mark is not JSON, but editors on Windows write one.
    let body = json.strip_prefix('\u{feff}').unwrap_or(json);
    let first = body.trim_start();
    if !first.starts_with('{') {
        let found = first
            .chars()
            .next()
            .map_or("nothing".to_string(), |c| format!("{c:?}"));
        let before = &body[..body.len() - first.len()];
        return Err(LoadError::Json {
            what,
            path: "$".to_string(),
            line: 1 + before.matches('\n').count(),
            column: 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count()),
            message: format!("expected a JSON object, found {found}"),
        });
    }
    let de = &mut serde_json::Deserializer::from_str(body);
    let result: Result<T, _> = serde_path_to_error::deserialize(de);
    let value = result.map_err(|e| {
        let path = json_path(&e.path().to_string());
        let inner = e.into_inner();
        LoadError::Json {
            what,
            path,
            line: inner.line(),
            column: inner.column(),
            message: inner.to_string(),
        }
    })?;
    Ok(value)
}

/// Turns `serde_path_to_error`'s `objectives[0].title` into `$.objectives[0].title`.
fn json_path(path: &str) -> String {
    if path == "." || path.is_empty() {
        "$".to_string()
    } else {
        format!("$.{path}")
    }
}
