#!/usr/bin/env bash
# Runs the PySpark example (examples/spark/rate_councils.py): every
# council's actions rated by lineofsight.rate_actions inside Spark's
# mapInArrow, checked against the object API; exits non-zero on any
# difference. Installs pyspark into the project's .venv/ when it is missing
# (about a minute on a fresh machine), Java 17 through apt-get when there is
# no java on the PATH (Spark needs 17 or later), and
# the lineofsight wheel through scripts/test-python.sh when lineofsight is
# not installed there yet. Arguments go to the example, e.g.
#   bash scripts/spark-example.sh --synthetic 200
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PY="$VENV/bin/python"
if ! "$PY" -c 'import lineofsight' >/dev/null 2>&1; then
  bash scripts/test-python.sh
fi
SPARK='pyspark>=4,<5'
STAMP="$VENV/.lineofsight-spark"
if [ "$(cat "$STAMP" 2>/dev/null)" != "$SPARK" ] || ! "$PY" -c 'import pyspark' >/dev/null 2>&1; then
  "$PY" -m pip install --quiet --disable-pip-version-check "$SPARK"
  printf '%s' "$SPARK" > "$STAMP"
fi
if ! command -v java >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y openjdk-17-jre-headless
  else
    echo "Spark needs Java 17 or later on the PATH (openjdk-17-jre-headless)" >&2
    exit 1
  fi
fi
"$PY" examples/spark/rate_councils.py "$@"
