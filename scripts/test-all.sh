#!/usr/bin/env bash
# Runs every test lineofsight has. Safe to run again and again on a fresh
# machine: it installs what it needs and skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step says how long the suite has run so far, so a slow step shows in CI's log.
step() { printf '\n==> [%dm%02ds] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

step "Rust toolchain components"
if command -v rustup >/dev/null 2>&1; then
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi

step "Format (cargo fmt --check)"
cargo fmt --all -- --check

step "Lints (cargo clippy --all-targets -D warnings)"
cargo clippy --workspace --all-targets -- -D warnings
# The browser build leaves out the Excel reader and writer (feature xlsx).
cargo clippy -p lineofsight --no-default-features -- -D warnings

step "Rust tests: unit, integration, shared vectors and doctests"
cargo test --workspace

step "Benchmarks compile and run once (criterion test mode); the growth ladder fails past 20x time for 10x input"
cargo test -p lineofsight --benches -- --test

step "Fuzz targets: 3 s each from the seed corpora (unoptimised, no sanitizer: a short build; the long run is scripts/fuzz.sh 3600)"
FUZZ_PROFILE=dev FUZZ_SANITIZER=none FUZZ_CORPUS="$(mktemp -d)" bash scripts/fuzz.sh 3

step "Python package: build into .venv/, stubtest, pytest (vectors, bad input, README, notebook)"; bash scripts/test-python.sh

step "PySpark example: every council's actions rated in mapInArrow, checked against the object API (installs pyspark into .venv/ once)"
bash scripts/spark-example.sh --synthetic 2 --batch 50

step "Main job runs"
cargo run -q --example board_report -- --as-of 2019-12-31 > /dev/null

step "Main job writes every format"
out_dir="$(mktemp -d)"
for format in terminal markdown html csv json xlsx docx ics; do
  cargo run -q --example board_report -- --as-of 2019-12-31 --format "$format" --out "$out_dir/report.$format"
  test -s "$out_dir/report.$format"
done
grep -q '^BEGIN:VEVENT' "$out_dir/report.ics"
cargo run -q --example board_report -- --as-of 2019-12-31 --format html --publish --out "$out_dir/public.html"
cargo run -q --example board_report -- --as-of 2019-12-31 --since 2019-09-30 --by-lead --out "$out_dir/since.txt"
test -s "$out_dir/since.txt"
cargo run -q --example board_report -- tests/fixtures/tracker-2019-q3.csv --previous tests/fixtures/tracker-2019-q2.csv \
  --since 2019-09-30 --as-of 2019-12-31 --format json --out "$out_dir/compared.json"
grep -q '"moved_deadlines"' "$out_dir/compared.json"
cargo run -q --example board_report -- --builtin lancashire --as-of 2019-12-31 --format ics --per-lead "$out_dir/leads" 2> "$out_dir/leads.log"
ls "$out_dir"/leads/*.ics > /dev/null
test -s "$out_dir/leads/virtual-school-head.ics"
rm -rf "$out_dir"

step "Word board paper opens in LibreOffice: converted to PDF, pages counted, page 1 and an actions page rendered"
if ! command -v libreoffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y libreoffice-writer-nogui poppler-utils
  else
    echo "LibreOffice or poppler-utils is missing and apt-get is not available: install them" >&2
    exit 1
  fi
fi
paper_dir="${PAPER_DIR:-$(mktemp -d)}"
mkdir -p "$paper_dir"
cargo run -q --example board_report -- --builtin lancashire --as-of 2019-12-31 --format docx --out "$paper_dir/paper.docx"
libreoffice --headless --convert-to pdf --outdir "$paper_dir" "$paper_dir/paper.docx" >/dev/null
test -s "$paper_dir/paper.pdf"
pages="$(pdfinfo "$paper_dir/paper.pdf" | awk '/^Pages:/ {print $2}')"
echo "paper.docx: $(wc -c < "$paper_dir/paper.docx") bytes, $pages A4 pages"
test "$pages" -ge 3
# Page 1 (the summary) and the first page of the actions by objective.
actions_page="$(for p in $(seq 2 "$pages"); do
  if pdftotext -f "$p" -l "$p" "$paper_dir/paper.pdf" - | grep -q '^Objective 1: '; then echo "$p"; break; fi
done)"
pdftoppm -png -r 60 -f 1 -l 1 "$paper_dir/paper.pdf" "$paper_dir/page"
pdftoppm -png -r 60 -f "${actions_page:-2}" -l "${actions_page:-2}" "$paper_dir/paper.pdf" "$paper_dir/actions"
ls "$paper_dir"/page-*.png "$paper_dir"/actions-*.png
echo "Look at the pages: $paper_dir"

step "HTML report in a browser: no script runs, nothing fetched, axe-core accessibility"
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
  else
    echo "Chromium is missing and apt-get is not available: install Chromium or set CHROMIUM=/path" >&2
    exit 1
  fi
fi
(
  cd tests/browser
  npm ci --no-audit --no-fund
  node --test html-report.test.mjs
)

step "WebAssembly package: build, Node.js tests (shared vectors, errors, TypeScript) and the dashboard in headless Chromium"; bash scripts/test-wasm.sh

step "All tests passed"
