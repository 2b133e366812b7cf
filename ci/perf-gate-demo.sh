#!/usr/bin/env bash
# Demonstrates the performance gate (docs/PERFORMANCE.md, "Performance gate"):
#   1. the unmodified build passes `perf check --short` RUNS times in a row;
#   2. an injected slowdown (a sleep per training step in one family) fails, naming that family;
#   3. the scalar kernels (-Daebench.kernels=scalar) fail as slower;
#   4. a quality change (the init seed of one family shifted) fails the final-loss comparison.
# Usage: ci/perf-gate-demo.sh [--runs N] [--baseline FILE] [--skip-stability] [--logs DIR]
# Run it on a quiet machine: every timing is a ratio to an in-process calibration, but a machine
# that is busy on both cores still adds noise. Exit 0 when every expectation held.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
aebench="${AEBENCH:-$root/aebench}"  # the launcher, or another command line that runs it
runs=10
baseline="$root/ci/perf-baseline.json"
stability=1
logs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --skip-stability) stability=0; shift ;;
    --logs) logs="$2"; shift 2 ;;
    *) echo "usage: ci/perf-gate-demo.sh [--runs N] [--baseline FILE] [--skip-stability] [--logs DIR]" >&2; exit 2 ;;
  esac
done
if [ -n "$logs" ]; then
  mkdir -p "$logs"
  out="$logs"
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
problems=0

# check NAME EXPECTED_EXIT EXPECTED_TEXT ENV_OPTS ARGS...: runs the gate and checks exit code and text
check() {
  local name="$1" want="$2" text="$3" opts="$4"; shift 4
  local log="$out/$name.log" start end rc
  start=$(date +%s)
  AEBENCH_JAVA_OPTS="$opts" $aebench perf check --short --quiet --baseline "$baseline" "$@" >"$log" 2>&1
  rc=$?
  end=$(date +%s)
  local worst
  worst=$(awk '/^[a-z]+ +[0-9.]+ +[0-9.]+ +[0-9.]+% +[-+][0-9.]+%/ { c=$5; sub("%","",c); if (c+0 > m || m == "") { m=c+0; f=$1 } } END { if (f) printf "largest change %+.1f%% (%s)", m, f }' "$log")
  if [ "$rc" = "$want" ] && { [ -z "$text" ] || grep -q -- "$text" "$log"; }; then
    echo "ok    $name: exit $rc in $((end - start)) s; $worst"
  else
    echo "FAIL  $name: exit $rc (expected $want${text:+ and \"$text\"}) in $((end - start)) s; $worst"
    sed 's/^/      /' "$log"
    problems=$((problems + 1))
  fi
  grep -h "FAILED" "$log" | sed 's/^/      /'
}

if [ "$stability" = 1 ]; then
  echo "== 1. the unmodified build, $runs runs (expect exit 0 every time)"
  for i in $(seq 1 "$runs"); do
    check "unmodified-$i" 0 "perf check: passed" ""
  done
fi

echo "== 2. a sleep of 1.5 ms per training step in ae (about +40%) (expect exit 1 naming ae)"
check "inject-sleep-ae" 1 "FAILED: ae is" "-Daebench.perf.inject.sleep=ae:1500" --families ae,deep,dae

echo "== 2b. a sleep of 0.05 ms per step in ae (about +1%, under the threshold) (expect exit 0)"
check "inject-small-sleep-ae" 0 "perf check: passed" "-Daebench.perf.inject.sleep=ae:50" --families ae,deep,dae

echo "== 3. the scalar kernels, ae only, 4 repeats (about 40x slower) (expect exit 1 naming ae)"
check "scalar-kernels" 1 "FAILED: ae is" "-Daebench.kernels=scalar" --families ae --repeats 4

echo "== 4. the init seed of deep shifted by 1 (expect exit 1: deep's final loss changed)"
check "inject-seed-deep" 1 "FAILED: deep final loss changed" "-Daebench.perf.inject.seed=deep:1" --families ae,deep

if [ "$problems" = 0 ]; then
  echo "perf-gate-demo: every expectation held"
else
  echo "perf-gate-demo: $problems expectation(s) failed"
  exit 1
fi
