//! Parity with Rust (issue 12): every public function of the core is listed
//! in `tests/api_parity.json` with its Python and JavaScript names, or with
//! `"deliberate: <why>"` where a binding leaves it out on purpose. This test
//! fails when a `pub fn` in `core/src` is not listed (or a listed one is
//! gone); `bindings-python/tests/test_parity.py` and
//! `bindings-wasm/tests/parity.test.mjs` check that every listed name
//! exists.
//!
//! The scan is plain text over rustfmt-formatted source, so it has limits:
//! - a method is a `pub fn` indented inside an inherent `impl Type` block
//!   that starts at column 0; it is keyed `Type::name` (two types of the
//!   same name in different modules would share a key);
//! - a free function is a `pub fn` at column 0, keyed by its file's
//!   top-level module (`measure::read_ees`), or bare for the crate root and
//!   its private modules (`builtin`), whatever its re-exported path;
//! - it stops at a file's first `#[cfg(test)]` and skips `macro_rules!`
//!   bodies (so `Rating::word`, made by a macro, is not seen), trait impls
//!   (their methods are not `pub fn`) and `pub(crate) fn`;
//! - it does not know whether a `pub fn` in a private module is re-exported:
//!   such a function is listed as deliberate like any other.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(std::fs::DirEntry::path);
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The inherent impl's type on an `impl` line, or None for a trait impl.
fn impl_type(line: &str) -> Option<String> {
    let mut rest = line.strip_prefix("impl")?;
    if rest.starts_with('<') {
        let mut depth = 0;
        let end = rest.char_indices().find_map(|(i, c)| {
            match c {
                '<' => depth += 1,
                '>' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(i + 1)
        })?;
        rest = &rest[end..];
    }
    let head = rest.split('{').next()?.trim();
    if head.split_whitespace().any(|w| w == "for") {
        return None;
    }
    let name = head.split('<').next()?.rsplit("::").next()?.trim();
    Some(name.to_string())
}

/// Every public function's key, with where it is.
fn public_functions() -> BTreeMap<String, String> {
    let root = core_src();
    let lib = std::fs::read_to_string(root.join("lib.rs")).unwrap();
    let private: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("mod ")?.strip_suffix(';'))
        .collect();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut found = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&root).unwrap();
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default()
            .trim_end_matches(".rs");
        let module = if top == "lib" || private.contains(&top) {
            ""
        } else {
            top
        };
        let text = std::fs::read_to_string(&file).unwrap();
        let mut within: Option<String> = None;
        let mut in_macro = false;
        for (i, line) in text.lines().enumerate() {
            if line.starts_with("#[cfg(test)]") {
                break;
            }
            if line.starts_with("macro_rules!") {
                in_macro = true;
            } else if line.starts_with('}') {
                within = None;
                in_macro = false;
            } else if line.starts_with("impl") {
                within = impl_type(line);
            }
            if in_macro {
                continue;
            }
            let trimmed = line.trim_start();
            let Some(rest) = trimmed
                .strip_prefix("pub fn ")
                .or_else(|| trimmed.strip_prefix("pub const fn "))
            else {
                continue;
            };
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let key = if trimmed.len() == line.len() {
                if module.is_empty() {
                    name
                } else {
                    format!("{module}::{name}")
                }
            } else if let Some(t) = &within {
                format!("{t}::{name}")
            } else {
                continue; // a function inside a trait impl or an inline module
            };
            found.insert(key, format!("core/src/{}:{}", rel.display(), i + 1));
        }
    }
    found
}

#[test]
fn every_public_rust_function_is_listed_for_python_and_js() {
    let list: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("api_parity.json"))
            .unwrap(),
    )
    .unwrap();
    let listed = list["functions"].as_object().unwrap();
    let found = public_functions();
    assert!(
        found.len() > 150,
        "the scan found only {} functions",
        found.len()
    );
    let missing: Vec<String> = found
        .iter()
        .filter(|(k, _)| !listed.contains_key(*k))
        .map(|(k, at)| format!("{k} ({at})"))
        .collect();
    let gone: Vec<&String> = listed.keys().filter(|k| !found.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "public Rust functions not in tests/api_parity.json: give each its Python and JS name, \
         or \"deliberate: <why>\":\n  {}",
        missing.join("\n  ")
    );
    assert!(
        gone.is_empty(),
        "listed in tests/api_parity.json but not in core/src: {gone:?}"
    );
    for (key, entry) in listed {
        for binding in ["python", "js"] {
            let name = entry[binding].as_str().unwrap_or_default();
            assert!(
                !name.is_empty()
                    && (name.starts_with("deliberate: ") && name.len() > 20
                        || name
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')),
                "{key}: {binding} must be a name or \"deliberate: <why>\", not {name:?}"
            );
        }
    }
}

#[test]
fn the_scan_sees_methods_free_functions_and_skips_trait_impls() {
    assert_eq!(impl_type("impl Plan {").as_deref(), Some("Plan"));
    assert_eq!(impl_type("impl<'a> Foo<'a> {").as_deref(), Some("Foo"));
    assert_eq!(impl_type("impl std::str::FromStr for Rating {"), None);
    let found = public_functions();
    for key in [
        "Plan::changes",
        "Evaluation::due_within",
        "measure::read_ees",
        "builtin",
    ] {
        assert!(found.contains_key(key), "{key} not found");
    }
}
