#!/usr/bin/env bash
# Builds the WebAssembly package and runs its tests:
#   1. Node.js tests over the nodejs build (bindings-wasm/tests/*.test.mjs):
#      the shared vectors, the documented errors, the API, and agreement
#      with native Rust's board report;
#   2. tsc --strict over the public .d.ts and tests/types/use.ts;
#   3. the dashboard in headless Chromium (bindings-wasm/tests/browser/):
#      RAG counts, keyboard and mouse filtering, CSP, axe-core.
# Safe to run again and again on a fresh machine: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need_apt() {
  command -v apt-get >/dev/null 2>&1 || { echo "please install $* (no apt-get here)" >&2; exit 1; }
  as_root apt-get update -qq && as_root apt-get install -y -qq "$@" >/dev/null
}

bash scripts/build-wasm.sh

command -v node >/dev/null 2>&1 || need_apt nodejs npm
command -v npm >/dev/null 2>&1 || need_apt npm

OUT="$CARGO_TARGET_DIR/wasm-test"
mkdir -p "$OUT"
cargo run -q --example board_report -- --builtin lancashire --as-of 2019-12-31 --format json > "$OUT/board_report.json"
LOS_NATIVE_REPORT="$OUT/board_report.json" node --test bindings-wasm/tests/*.test.mjs

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || need_apt chromium
BROWSER_TESTS=bindings-wasm/tests/browser
if [ ! -d "$BROWSER_TESTS/node_modules/playwright-core" ] || [ ! -d "$BROWSER_TESTS/node_modules/axe-core" ] \
   || [ ! -d "$BROWSER_TESTS/node_modules/typescript" ] \
   || [ "$BROWSER_TESTS/package-lock.json" -nt "$BROWSER_TESTS/node_modules/.package-lock.json" ]; then
  (cd "$BROWSER_TESTS" && npm ci --no-audit --no-fund --loglevel=error)
fi
# The public .d.ts files type-check under --strict, and type real use
# (dashboard.ts imports `lineofsight/dashboard` through package.json exports).
"$BROWSER_TESTS/node_modules/.bin/tsc" --noEmit --strict --lib esnext,dom --module nodenext \
  --moduleResolution nodenext bindings-wasm/tests/types/use.ts bindings-wasm/tests/types/dashboard.ts \
  bindings-wasm/pkg/web/lineofsight_wasm.d.ts bindings-wasm/pkg/web/los-dashboard.d.ts
CHROMIUM="$CHROMIUM" node --test "$BROWSER_TESTS/dashboard.test.mjs" "$BROWSER_TESTS/inputs.test.mjs" "$BROWSER_TESTS/views.test.mjs"
echo "screenshot: $OUT/dashboard.png"

# 4. The npm package as a user gets it (bindings-wasm/tests/package/run.sh):
#    `npm pack`, the tarball installed into a fresh project with pinned
#    TypeScript and Vite, tsc --strict over both entry points, Node's ESM
#    import, and a Vite build whose .wasm Chromium must find.
CHROMIUM="$CHROMIUM" bash bindings-wasm/tests/package/run.sh
