#!/usr/bin/env bash
# Builds the WebAssembly package: bindings-wasm/pkg/web and pkg/node, and
# the intranet example's files (examples/intranet/pkg/, lancashire.json,
# tracker.csv).
# Safe to run again and again; installs only what is missing.
#
#   bash scripts/build-wasm.sh              # size-optimised (opt-level "z")
#   OPT_LEVEL=s bash scripts/build-wasm.sh  # opt-level "s" instead
#   DEBUG_PANICS=1 bash scripts/build-wasm.sh  # readable panic messages
#   WASM_FEATURES=xlsx bash scripts/build-wasm.sh  # with workbook import/export
#
# The Rust side prefers a rustup toolchain with the wasm32-unknown-unknown
# target. Without one it falls back to Debian's rustc-web (which carries
# the std sources) with -Zbuild-std and lld's wasm-ld.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
TARGET=wasm32-unknown-unknown
PROFILE=wasm-release
OPT_LEVEL="${OPT_LEVEL:-z}"
export CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL="$OPT_LEVEL"
WANT="${WASM_FEATURES:-}"
if [ -n "${DEBUG_PANICS:-}" ]; then WANT="debug-panics${WANT:+,$WANT}"; fi
FEATURES=()
if [ -n "$WANT" ]; then FEATURES=(--features "$WANT"); fi

say() { printf '  - %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || { echo "need: ${missing[*]} (no apt-get here)" >&2; exit 1; }
    say "apt-get install ${missing[*]}"
    as_root apt-get update -qq && as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# 1. Compile the crate to WebAssembly.
if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
  say "rustup toolchain with $TARGET"
  cargo build -q --profile "$PROFILE" --target "$TARGET" -p lineofsight-wasm "${FEATURES[@]}"
else
  say "no rustup $TARGET target: Debian rustc-web with -Zbuild-std"
  apt_install rustc-web rust-web-src cargo-web lld-19
  # std is built here, so panics can abort at once: no panic message is
  # formatted (nothing would print it: the core does not panic, and a panic
  # aborts either way), which leaves the formatting machinery behind them
  # out of the module. DEBUG_PANICS keeps the messages.
  IMMEDIATE=()
  if [ -z "${DEBUG_PANICS:-}" ]; then
    IMMEDIATE=(-Zpanic-immediate-abort)
    export CARGO_PROFILE_WASM_RELEASE_PANIC=immediate-abort
  fi
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 \
    /usr/bin/cargo build -q --profile "$PROFILE" -Zbuild-std=std,panic_abort "${IMMEDIATE[@]}" \
    --target "$TARGET" -p lineofsight-wasm "${FEATURES[@]}"
fi
WASM="$CARGO_TARGET_DIR/$TARGET/$PROFILE/lineofsight_wasm.wasm"

# 2. wasm-bindgen-cli, exactly the version in Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
TOOLS="$CARGO_TARGET_DIR/tools"
WB="$TOOLS/bin/wasm-bindgen"
if ! "$WB" --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  # Not --locked: its lock file pins crates some registry mirrors lack.
  say "cargo install wasm-bindgen-cli $WB_VERSION"
  CARGO_TARGET_DIR="$CARGO_TARGET_DIR/tools-build" \
    cargo install -q wasm-bindgen-cli --version "$WB_VERSION" --root "$TOOLS" --force
fi

# 3. wasm-opt (binaryen) 116 or newer: older ones (Debian 12 has 108)
#    rewrite the externref table wasm-bindgen emits into one that fails to
#    instantiate. Use the system's when new enough, else binaryen from npm
#    (pinned) under target/tools/binaryen.
BINARYEN_NPM=132.0.0
wasm_opt_version() { "$1" --version 2>/dev/null | sed -n 's/^wasm-opt version \([0-9]*\).*/\1/p'; }
WASM_OPT=$(command -v wasm-opt || true)
if [ -z "$WASM_OPT" ] || [ "$(wasm_opt_version "$WASM_OPT")" -lt 116 ] 2>/dev/null; then
  WASM_OPT="$TOOLS/binaryen/node_modules/.bin/wasm-opt"
  if [ "$(wasm_opt_version "$WASM_OPT")" != "${BINARYEN_NPM%%.*}" ]; then
    say "npm install binaryen@$BINARYEN_NPM (the system wasm-opt is missing or too old)"
    mkdir -p "$TOOLS/binaryen"
    npm install --prefix "$TOOLS/binaryen" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_NPM" >/dev/null
  fi
fi

# 4. Bindings for browsers (ES module) and Node.js (CommonJS), then -Oz.
#    wasm-bindgen warns that `strip = true` removed the target_features
#    section; the features it assumes are the ones listed for wasm-opt.
PKG=bindings-wasm/pkg
rm -rf "$PKG/web" "$PKG/node"
"$WB" --target web --out-dir "$PKG/web" "$WASM" 2> >(grep -v target_features >&2)
"$WB" --target nodejs --out-dir "$PKG/node" "$WASM" 2> >(grep -v target_features >&2)
say "wasm-opt -Oz ($("$WASM_OPT" --version))"
"$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$PKG/web/lineofsight_wasm_bg.wasm" -o "$PKG/web/lineofsight_wasm_bg.opt.wasm"
mv "$PKG/web/lineofsight_wasm_bg.opt.wasm" "$PKG/web/lineofsight_wasm_bg.wasm"
# Both targets use the same module; only the JavaScript glue differs. The
# package ships it once, in pkg/web: the Node.js glue reads it from there.
NODE_GLUE="$PKG/node/lineofsight_wasm.js"
sed -i 's|`${__dirname}/lineofsight_wasm_bg.wasm`|`${__dirname}/../web/lineofsight_wasm_bg.wasm`|' "$NODE_GLUE"
grep -q '/\.\./web/lineofsight_wasm_bg\.wasm' "$NODE_GLUE" \
  || { echo "build-wasm.sh: the Node.js glue no longer names its .wasm as expected" >&2; exit 1; }
rm "$PKG/node/lineofsight_wasm_bg.wasm"
# The web build's InitOutput interface lists the raw WebAssembly exports,
# typing externref slots `any`; make them `unknown` so the public .d.ts has
# no `any` (nothing outside the glue calls these).
sed -i -E '/^export interface InitOutput/,/^}/ s/\bany\b/unknown/g' "$PKG/web/lineofsight_wasm.d.ts"
cp bindings-wasm/js/los-dashboard.js bindings-wasm/js/los-dashboard.d.ts "$PKG/web/"
# The built-in plans ship beside the module, not in it (one compile serves
# both targets): `Plan.builtin` fetches them in browsers and reads them in
# Node.js, each glue given its own from bindings-wasm/js/builtin.<target>.*.
cp core/data/lancashire.json core/data/lancashire-cla-2014-17.json \
  core/data/lancashire-cip-2017.json core/data/lancashire-cps-2018-20.json "$PKG/web/"
for target in web node; do
  cat "bindings-wasm/js/builtin.$target.js" >> "$PKG/$target/lineofsight_wasm.js"
  cat "bindings-wasm/js/builtin.$target.d.ts" >> "$PKG/$target/lineofsight_wasm.d.ts"
done
# Node.js reads pkg/node/*.js as CommonJS even inside an ES-module package.
printf '{ "type": "commonjs" }\n' > "$PKG/node/package.json"
printf '{ "type": "module" }\n' > "$PKG/web/package.json"
# Smoke test: the optimised module instantiates and rates the built-in plan.
node -e "const l = require('./$PKG/node/lineofsight_wasm.js');
  if (!(l.Plan.builtin('lancashire').evaluate('2019-12-31').actions().length > 0)) process.exit(1);"

# 5. The intranet example: the web package, the built-in plan and a
#    council tracker saved as CSV (the page's source).
mkdir -p examples/intranet/pkg
cp "$PKG/web/lineofsight_wasm.js" "$PKG/web/lineofsight_wasm_bg.wasm" \
  "$PKG/web/los-dashboard.js" "$PKG/web/"lancashire*.json examples/intranet/pkg/
cp core/data/lancashire.json examples/intranet/lancashire.json
cp tests/fixtures/tracker-2019-q3.csv examples/intranet/tracker.csv

RAW=$(wc -c < "$PKG/web/lineofsight_wasm_bg.wasm")
GZ=$(gzip -9 -c "$PKG/web/lineofsight_wasm_bg.wasm" | wc -c)
say "built with opt-level $OPT_LEVEL: lineofsight_wasm_bg.wasm $RAW bytes, $GZ gzipped"
