#!/usr/bin/env bash
# The npm package as a user gets it. Called by scripts/test-wasm.sh after
# the build (bindings-wasm/pkg must exist) and after tests/browser's
# `npm ci` (for playwright-core):
#   1. `npm pack` in bindings-wasm/ into target/wasm-package/;
#   2. a fresh project, target/wasm-package/project: this folder's files,
#      TypeScript, Vite and esbuild from this folder's package-lock.json
#      (`npm ci`, only when it or package.json changed), then the tarball,
#      unsaved;
#   3. package.test.mjs: the tarball's contents, tsc --strict (bundler,
#      nodenext, node10) over consumer.ts against node_modules/lineofsight,
#      a Node ESM import, a Vite build of page/ and the built pages in
#      Chromium, the same pages from Vite's dev server, and an esbuild bundle.
# npm's cache is target/wasm-package/npm-cache, so reruns need no network.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WASM="$(cd "$HERE/../.." && pwd)"
ROOT="$(cd "$WASM/.." && pwd)"
OUT="${CARGO_TARGET_DIR:-$ROOT/target}/wasm-package"
PROJECT="$OUT/project"
NPM=(npm --cache "$OUT/npm-cache" --prefer-offline --no-audit --no-fund --loglevel=error)
mkdir -p "$OUT"

# 1. The tarball (and npm's list of what is in it).
rm -f "$OUT"/lineofsight-*.tgz
(cd "$WASM" && "${NPM[@]}" pack --json --pack-destination "$OUT") > "$OUT/pack.json"
TARBALL="$OUT/$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[0].filename)' "$OUT/pack.json")"

# 2. A fresh project: everything but node_modules laid anew each run.
mkdir -p "$PROJECT"
find "$PROJECT" -mindepth 1 -maxdepth 1 ! -name node_modules -exec rm -rf {} +
cp -r "$HERE/package.json" "$HERE/package-lock.json" "$HERE/consumer.ts" "$HERE/node-consumer.mjs" \
  "$HERE/vite.config.mjs" "$HERE/page" "$PROJECT/"
# `npm ci` only when package.json or the lock changed since the last one.
STAMP="$PROJECT/node_modules/.lineofsight-test-lock"
if ! cat "$HERE/package.json" "$HERE/package-lock.json" | cmp -s - "$STAMP"; then
  (cd "$PROJECT" && "${NPM[@]}" ci)
  cat "$HERE/package.json" "$HERE/package-lock.json" > "$STAMP"
fi
# The new tarball, and no pre-bundled copy of the last one in Vite's cache
# (it is keyed on the lock file, which a new tarball does not change).
rm -rf "$PROJECT/node_modules/lineofsight" "$PROJECT/node_modules/.vite"
(cd "$PROJECT" && "${NPM[@]}" install --no-save "$TARBALL")

# 3. The tests.
LOS_PACKAGE_PROJECT="$PROJECT" LOS_PACKAGE_PACK="$OUT/pack.json" \
  node --test "$HERE/package.test.mjs"
