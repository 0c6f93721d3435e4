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

/// The project's reference data (`../shared/` beside the repository, as
/// the developers' brief places it): `LINEOFSIGHT_SHARED` if set, else
/// `../shared` next to the checkout, else `/work/shared`. `None`, with a
/// message naming what was tried, when none is there, so a test that needs
/// it can skip rather than fail on a machine without it.
pub fn shared_dir() -> Option<PathBuf> {
    let candidates: Vec<PathBuf> = std::env::var_os("LINEOFSIGHT_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
            PathBuf::from("/work/shared"),
        ])
        .collect();
    let found = candidates
        .iter()
        .find(|p| p.join("seeds").is_dir() || p.join("data").is_dir());
    if found.is_none() {
        eprintln!("skipping: no reference data in {candidates:?}");
    }
    found.cloned()
}
