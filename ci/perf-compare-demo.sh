#!/usr/bin/env bash
# Demonstrates `perf compare` (docs/PERFORMANCE.md, "Side by side: perf compare"):
#   1. clean:    the working tree against its own commit (--base HEAD, nothing changed), RUNS times:
#                expect exit 0 every time, with every ratio now / base within 0.8-1.25;
#   2. injected: the same with a sleep of 1.5 ms per training step of ae on the working-tree side
#                only (about +50%), RUNS times: expect exit 1 naming ae every time.
# Usage: ci/perf-compare-demo.sh [--runs N] [--only clean|injected] [--families A,B] [--base REV] [--logs DIR]
# Each run builds nothing after the first (the base build is cached by commit). With --only and a
# small --runs the demonstration can be run in chunks; the summary lines add up across chunks.
# Exit 0 when every expectation held.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
aebench="${AEBENCH:-$root/aebench}"
runs=10
only=""
families="ae,linear"
base="HEAD"
logs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --families) families="$2"; shift 2 ;;
    --base) base="$2"; shift 2 ;;
    --logs) logs="$2"; shift 2 ;;
    *) echo "usage: ci/perf-compare-demo.sh [--runs N] [--only clean|injected] [--families A,B] [--base REV] [--logs DIR]" >&2; exit 2 ;;
  esac
done
if [ -n "$logs" ]; then mkdir -p "$logs"; out="$logs"; else out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT; fi
problems=0

# compare NAME EXPECTED_EXIT EXPECTED_TEXT JAVA_OPTS: one perf compare, checked; prints one line
compare() {
  local name="$1" want="$2" text="$3" opts="$4" log="$out/$1.log" start end rc range
  start=$(date +%s)
  AEBENCH_JAVA_OPTS="$opts" $aebench perf compare --base "$base" --short --families "$families" --quiet \
    --json "$out/$name.json" >"$log" 2>&1
  rc=$?
  end=$(date +%s)
  # the range of the Hodges-Lehmann ratios now / base over the families, from the JSON
  range=$(grep -o '"ratio" : [0-9.E-]*' "$out/$name.json" 2>/dev/null | awk '{ v=$3+0; if (n==0||v<lo) lo=v; if (n==0||v>hi) hi=v; n++ }
    END { if (n) printf "ratios now/base %.3f-%.3f", lo, hi }')
  if [ "$rc" = "$want" ] && grep -q -- "$text" "$log"; then
    echo "ok    $name: exit $rc in $((end - start)) s; $range"
  else
    echo "FAIL  $name: exit $rc (expected $want and \"$text\") in $((end - start)) s; $range"
    sed 's/^/      /' "$log"
    problems=$((problems + 1))
  fi
  grep -h "FAILED" "$log" | sed 's/^/      /'
}

if [ -z "$only" ] || [ "$only" = clean ]; then
  echo "== 1. the unchanged tree against --base $base, $runs runs, families $families (expect exit 0)"
  for i in $(seq 1 "$runs"); do compare "clean-$i" 0 "perf compare: passed" ""; done
fi
if [ -z "$only" ] || [ "$only" = injected ]; then
  echo "== 2. a sleep of 1.5 ms per step in ae on the working-tree side, $runs runs (expect exit 1 naming ae)"
  for i in $(seq 1 "$runs"); do compare "injected-$i" 1 "FAILED: ae is" "-Daebench.perf.inject.sleep=ae:1500"; done
fi
if [ "$problems" = 0 ]; then
  echo "perf-compare-demo: every expectation held"
else
  echo "perf-compare-demo: $problems expectation(s) failed"
  exit 1
fi
