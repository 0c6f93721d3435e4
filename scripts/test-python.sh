#!/usr/bin/env bash
# Builds the Python package (bindings-python/) into a git-ignored virtual
# environment at .venv/ and runs its tests: mypy's stubtest on the hand-written
# stubs, then pytest (shared test vectors, bad input, the README's Python
# blocks, the example notebook run headless, and mypy --strict and pyright on
# the README's and the notebook's code). Safe to run again and again on a
# fresh machine: it creates the environment and installs what it needs only
# when missing.
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
  'pandas-stubs==3.1.0.261029' 'pyright[nodejs]==1.1.414')
STAMP="$VENV/.lineofsight-requirements"
if [ "$(cat "$STAMP" 2>/dev/null)" != "${REQUIREMENTS[*]}" ]; then
  "$PY" -m pip install --quiet --disable-pip-version-check "${REQUIREMENTS[@]}"
  printf '%s' "${REQUIREMENTS[*]}" > "$STAMP"
fi

# Build the extension in debug mode and install it into the environment
# (editable: python/lineofsight is used in place).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
(cd bindings-python && VIRTUAL_ENV="$PWD/../$VENV" "../$VENV/bin/maturin" develop --quiet)

"$PY" -m mypy.stubtest lineofsight
"$PY" -m pytest -q bindings-python/tests
