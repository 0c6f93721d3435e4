//! Action references (`1.2`, `5a10`, `5a-c`): natural order and ranges.

use lineofsight::plan::Ref;
use pyo3::prelude::*;

/// References sorted naturally (`1`, `1.2`, `1.10`, `2`, `5a2`, `5a10`).
#[pyfunction]
pub(crate) fn sort_refs(refs: Vec<String>) -> Vec<String> {
    let mut r: Vec<Ref> = refs.iter().map(|s| Ref::new(s)).collect();
    r.sort();
    r.iter().map(|r| r.as_str().to_string()).collect()
}

/// The references a range covers (`5a-c` → `5a`, `5b`, `5c`).
#[pyfunction]
pub(crate) fn ref_covers(reference: &str) -> Vec<String> {
    Ref::new(reference).covers()
}
