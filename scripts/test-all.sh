#!/usr/bin/env bash
# Runs every test lineofsight has. Safe to run again and again on a fresh
# machine: it installs what it needs and skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Rust toolchain components"
if command -v rustup >/dev/null 2>&1; then
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi

step "Format (cargo fmt --check)"
cargo fmt --all -- --check

step "Lints (cargo clippy --all-targets -D warnings)"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust tests: unit, integration, shared vectors and doctests"
cargo test --workspace

step "Benchmarks compile and run once (criterion test mode; no timing asserted)"
cargo test -p lineofsight --benches -- --test

step "Main job runs"
cargo run -q --example board_report -- --as-of 2019-12-31 > /dev/null

step "WebAssembly package: build, Node.js tests (shared vectors, errors) and the dashboard in headless Chromium"
bash scripts/test-wasm.sh
