#!/usr/bin/env bash
# Fuzzes every parser and importer in lineofsight with cargo-fuzz (libFuzzer):
#
#   scripts/fuzz.sh [seconds-per-target] [target...]
#
# Installs cargo-fuzz if it is missing, writes the seed corpora from tests/
# into fuzz/corpus/ (fuzz/seeds.py), builds the targets once, runs each for
# the given seconds (default 60; 0 runs each over its corpus once and stops)
# and prints the executions per target. Exits 1 when a target panicked, hung
# (one input over FUZZ_TIMEOUT seconds) or ran out of memory; the input that
# did it is in fuzz/artifacts/<target>/ and the run's log is named.
#
# Works on stable Rust: cargo-fuzz passes nightly-only flags, which
# RUSTC_BOOTSTRAP=1 lets a stable compiler take. Choose the toolchain with
# RUSTUP_TOOLCHAIN=stable or nightly. Other settings:
#   FUZZ_SANITIZER      address (default) or none (faster to build and run)
#   FUZZ_PROFILE        release (default) or dev: unoptimised, builds in a
#                       third of the time and runs 10-20 times slower
#   FUZZ_CODEGEN_UNITS  1 (default: fastest fuzzing); 16 builds faster
#   FUZZ_TIMEOUT        seconds one input may take before it is a hang (20)
#   FUZZ_ARGS           more libFuzzer flags, e.g. "-max_len=100000"
#   FUZZ_CORPUS         the corpus folder, absolute or under fuzz/ (default
#                       fuzz/corpus, which keeps
#                       what each run finds); the suite passes an empty one
#                       so its run over the seeds does not grow with it
# See fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
[ $# -gt 0 ] && shift
case "$seconds" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [seconds-per-target] [target...]" >&2; exit 2 ;;
esac
sanitizer="${FUZZ_SANITIZER:-address}"
case "${FUZZ_PROFILE:-release}" in
  release) build_flags=(-O --debug-assertions --codegen-units "${FUZZ_CODEGEN_UNITS:-1}") ;;
  dev) build_flags=(--dev) ;;
  *) echo "FUZZ_PROFILE is release or dev, not $FUZZ_PROFILE" >&2; exit 2 ;;
esac
build_flags+=(--sanitizer "$sanitizer")
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> Installing cargo-fuzz from crates.io"
  RUSTC_BOOTSTRAP= cargo install cargo-fuzz --locked
fi

cd fuzz
all=$(cargo fuzz list)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && mapfile -t targets <<<"$all"
for t in "${targets[@]}"; do
  grep -qx "$t" <<<"$all" || { echo "no fuzz target $t; there are: $(echo $all)" >&2; exit 2; }
done

corpus="${FUZZ_CORPUS:-corpus}"
echo "==> Seed corpora from tests/ into $corpus/"
python3 seeds.py "$corpus"

echo "==> Building ${#targets[@]} fuzz targets (${FUZZ_PROFILE:-release}, sanitizer: $sanitizer)"
if [ ${#targets[@]} -eq 1 ]; then
  cargo fuzz build "${build_flags[@]}" "${targets[0]}"
else
  cargo fuzz build "${build_flags[@]}"
fi

if [ "$seconds" -eq 0 ]; then
  run_for=(-runs=0)
else
  run_for=(-max_total_time="$seconds")
fi
logs="$(mktemp -d)"
failed=0
summary=()
for t in "${targets[@]}"; do
  echo "==> Fuzzing $t for ${seconds}s"
  log="$logs/$t.log"
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  if cargo fuzz run "${build_flags[@]}" "$t" "$corpus/$t" -- "${run_for[@]}" \
    -timeout="${FUZZ_TIMEOUT:-20}" -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1; then
    result=ok
  else
    failed=1
    artifact=$(ls -t "artifacts/$t" 2>/dev/null | head -n 1)
    result="FAILED: fuzz/artifacts/$t/${artifact:-?} (log: $log)"
    grep -E "panicked at|ERROR: libFuzzer|^SUMMARY" "$log" | head -n 3 | sed 's/^/    /' || true
  fi
  # libFuzzer's final stats; the last `#N` status line if they are missing.
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  summary+=("$(printf '%-12s %10s %8s  %s' "$t" "${runs:-?}" "${rate:-?}" "$result")")
done

echo
echo "==> Executions per target (${seconds}s each, ${FUZZ_PROFILE:-release}, sanitizer: $sanitizer)"
printf '%-12s %10s %8s  %s\n' target executions exec/s result
printf '%s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || { echo "A target failed; reproduce with: cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run <target> <artifact>" >&2; exit 1; }
rm -rf "$logs"
