#!/usr/bin/env bash
# Builds the Python package (bindings-python/) as a release wheel, installs
# that wheel into a git-ignored virtual environment at .venv/ (so the wheel is
# what is tested, as a user would `pip install` it) and runs its tests: mypy's
# stubtest on the hand-written stubs, then pytest (shared test vectors, bad
# input, the README's Python blocks, the example notebook run headless, and
# mypy --strict and pyright on the README's and the notebook's code). Safe to
# run again and again on a fresh machine: it creates the environment and
# installs what it needs only when missing, and builds the wheel only when its
# sources change.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
PY="$VENV/bin/python"

# Pinned by major version (the type checkers exactly: a new release may
# check more); installed again only when this list changes.
REQUIREMENTS=('maturin>=1.9,<2' 'pytest>=8,<9' 'mypy>=1.15,<2' 'pandas>=3,<4' 'numpy>=2,<3'
  'polars>=2,<3' 'pyarrow>=26,<27' 'nbclient>=0.10,<1' 'nbformat>=5,<6' 'ipykernel>=6,<7'
  'pandas-stubs==3.1.0.261029' 'pyright[nodejs]==1.1.414' 'duckdb>=1.1,<3')
STAMP="$VENV/.lineofsight-requirements"
if [ "$(cat "$STAMP" 2>/dev/null)" != "${REQUIREMENTS[*]}" ]; then
  "$PY" -m pip install --quiet --disable-pip-version-check "${REQUIREMENTS[@]}"
  printf '%s' "${REQUIREMENTS[*]}" > "$STAMP"
fi

# Build a release wheel, once per state of the sources it is built from (a
# hash of their contents, committed or not, and of the toolchain), into the
# git-ignored target directory; then install that wheel, replacing whatever
# was there (an earlier wheel or a `maturin develop`).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "not a git checkout: the wheel's sources cannot be listed, so it is always rebuilt" >&2
  rm -rf "$CARGO_TARGET_DIR/python-wheels"
fi
SOURCES="$(
  {
    git ls-files -z --cached --others --exclude-standard -- \
      Cargo.toml Cargo.lock rust-toolchain.toml core bindings-python \
      ':!bindings-python/tests' ':!bindings-python/bench' ':!bindings-python/README.md' \
      | xargs -0 sha256sum 2>/dev/null || true
    rustc -V
    "$VENV/bin/maturin" --version
  } | sha256sum | cut -c1-16
)"
WHEELS="$CARGO_TARGET_DIR/python-wheels/$SOURCES"
if ! ls "$WHEELS"/lineofsight-*.whl >/dev/null 2>&1; then
  # Wheels of older sources are of no more use (cargo keeps its own cache).
  rm -rf "$CARGO_TARGET_DIR/python-wheels"
  echo "Building the lineofsight wheel (release; sources $SOURCES)"
  "$VENV/bin/maturin" build --release --manifest-path bindings-python/Cargo.toml \
    --interpreter "$PY" --out "$WHEELS.partial"
  mv "$WHEELS.partial" "$WHEELS"
fi
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$WHEELS"/lineofsight-*.whl

"$PY" -m mypy.stubtest lineofsight
"$PY" -m pytest -q bindings-python/tests
