//! Shared helpers for the integration tests: reading the language-neutral
//! test vectors in `tests/vectors/`.

// Helpers of the tests: a failure to read a vector fails the test.
#![allow(clippy::panic)]

use std::path::PathBuf;

/// Reads a vector file from `tests/vectors/` as JSON.
///
/// # Panics
///
/// Panics (failing the test) when the file is missing or not JSON.
pub fn vectors(name: &str) -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The project's reference data (DfE statistics in `data/`, the councils'
/// trackers in `seeds/`): `LINEOFSIGHT_SHARED` if set, else `../shared`
/// beside the checkout. `None` when neither holds it.
pub fn shared_dir() -> Option<PathBuf> {
    std::env::var_os("LINEOFSIGHT_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared")])
        .find(|p| p.join("seeds").is_dir() || p.join("data").is_dir())
}

/// [`shared_dir`], or `None` after writing `SKIP: <test>: ...` to stderr.
/// The line goes straight to the stream, past the test harness's capture,
/// so every run shows which tests did not run and why.
pub fn shared_or_skip(test: &str) -> Option<PathBuf> {
    use std::io::Write as _;
    let found = shared_dir();
    if found.is_none() {
        let _ = writeln!(
            std::io::stderr(),
            "SKIP: {test}: needs ../shared (DfE statistics and council trackers) \
             beside the checkout, or LINEOFSIGHT_SHARED naming it"
        );
    }
    found
}

/// A rating vector case read: its name, its plan, its rules (the case's
/// own, else the plan's or the default) and the date it rates as of.
///
/// # Panics
///
/// Panics (failing the test), naming the case, when any of them is unreadable.
pub fn rating_case(
    case: &serde_json::Value,
) -> (
    &str,
    lineofsight::Plan,
    lineofsight::RuleSet,
    chrono::NaiveDate,
) {
    let name = case["name"].as_str().unwrap_or("(unnamed)");
    let plan = lineofsight::Plan::from_json(&case["plan"].to_string())
        .unwrap_or_else(|e| panic!("case {name}: plan: {e}"));
    let rules = match case.get("rules") {
        Some(r) => lineofsight::RuleSet::from_json(&r.to_string())
            .unwrap_or_else(|e| panic!("case {name}: rules: {e}")),
        None => plan.rules_or_default(),
    };
    let as_of = case["as_of"]
        .as_str()
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| panic!("case {name}: as_of is not a date"));
    (name, plan, rules, as_of)
}
