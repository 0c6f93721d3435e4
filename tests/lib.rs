//! Shared helpers for the integration tests: reading the language-neutral
//! test vectors in `tests/vectors/`.

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
