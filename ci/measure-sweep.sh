#!/usr/bin/env bash
# Times one experiment file on an earlier commit and on this checkout, one after the other in one
# script, and checks that every trial trained to the same bits (docs/PERFORMANCE.md, "The full
# dae-vs-cae sweep, side by side").
#
# Usage: ci/measure-sweep.sh BASE_REV [EXPERIMENT] [RUN OPTIONS...]
#   ci/measure-sweep.sh 16d53cc experiments/dae-vs-cae.yaml
# The experiment file is taken from BASE_REV (so both commits run the file as it was then); the
# base commit is exported with `git archive` to ${AEBENCH_CACHE:-~/.cache/aebench}/sweep-base/SHA
# and built there once, outside the timings. Both sweeps run with --no-report into a temporary
# folder (a base from before reports renders none anyway); the script prints each wall time, the ratio, the per-trial time phases summed, and
# whether test_mse is identical for every trial (matched by block, configuration and seed).
# Results: bench-results/sweep-<date>.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ $# -ge 1 ] || { echo "usage: ci/measure-sweep.sh BASE_REV [EXPERIMENT] [RUN OPTIONS...]" >&2; exit 2; }
base_rev="$1"
experiment="${2:-experiments/dae-vs-cae.yaml}"
shift $(( $# >= 2 ? 2 : 1 ))
sha="$(git rev-parse --verify -q "$base_rev^{commit}")" || { echo "measure-sweep: unknown revision '$base_rev'" >&2; exit 2; }
git cat-file -e "$sha:$experiment" 2>/dev/null || { echo "measure-sweep: $experiment: not in $base_rev" >&2; exit 2; }

cache="${AEBENCH_CACHE:-$HOME/.cache/aebench}"
[ "$cache" = off ] && cache="$HOME/.cache/aebench"
base="$cache/sweep-base/$sha"
if [ ! -x "$base/aebench" ]; then
  rm -rf "$base.tmp" && mkdir -p "$base.tmp"
  git archive "$sha" | tar -x -C "$base.tmp"
  mv "$base.tmp" "$base"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git show "$sha:$experiment" >"$work/experiment.yaml"
echo "measure-sweep: building both commits (outside the timings)" >&2
"$base/aebench" models >/dev/null
./aebench models >/dev/null

run() { # name dir [options]
  local t0 t1 no_report=()
  # a commit from before reports renders none; a later one is told not to, so both do the same work
  "$2/aebench" run --help 2>&1 | grep -q -- '--no-report' && no_report=(--no-report)
  echo "measure-sweep: $1 ($2)" >&2
  t0=$(date +%s.%N)
  (cd "$2" && ./aebench run "$work/experiment.yaml" --out "$work/$1" ${no_report[@]+"${no_report[@]}"} "${@:3}" \
      >"$work/$1.log" 2>&1) \
    || { echo "measure-sweep: the $1 sweep failed; its log:" >&2; tail -20 "$work/$1.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  python3 -c "print(round($t1 - $t0, 1))" >"$work/$1.wall"
}
run base "$base" "$@"
run head "$root" "$@"

mkdir -p bench-results
out="bench-results/sweep-$(date -u +%Y%m%dT%H%M%SZ).json"
cpu="$(lscpu | sed -n 's/^Model name: *//p') x$(nproc)"
head_rev="$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo -dirty)"
python3 - "$work" "$out" "$sha" "$head_rev" "$experiment" "$cpu" <<'PY'
import json, sys
work, out, base_sha, head_rev, experiment, cpu = sys.argv[1:]
def trials(name):
    recs = {}
    for line in open(f"{work}/{name}/trials.jsonl"):
        r = json.loads(line)
        key = (r.get("block"), json.dumps(r.get("params"), sort_keys=True), r.get("seed"))
        recs[key] = r
    return recs
def mse(r):
    return (r.get("metrics") or {}).get("test_mse", r.get("test_mse"))
base, head = trials("base"), trials("head")
walls = {n: float(open(f"{work}/{n}.wall").read()) for n in ("base", "head")}
same = [k for k in base if k in head and mse(base[k]) == mse(head[k])]
differ = [k for k in base if k in head and mse(base[k]) != mse(head[k])]
def phases(recs):
    s = {}
    for r in recs.values():
        for k, v in (r.get("time") or {}).items():
            s[k] = s.get(k, 0) + v
    return {k: round(v, 1) for k, v in s.items()}
result = {"experiment": experiment, "base": base_sha[:7], "head": head_rev, "cpu": cpu,
          "wall_sec": walls, "ratio": round(walls["head"] / walls["base"], 3),
          "trials": {"base": len(base), "head": len(head), "same_test_mse": len(same), "different": len(differ)},
          "phases_sec": {"base": phases(base), "head": phases(head)}}
json.dump(result, open(out, "w"), indent=1)
print(f"machine: {cpu}; experiment: {experiment}")
print(f"base {base_sha[:7]}: {walls['base']:.1f} s, {len(base)} trials; head {head_rev}: {walls['head']:.1f} s, {len(head)} trials")
print(f"ratio head/base: {walls['head'] / walls['base']:.3f}")
print(f"test_mse identical for {len(same)} of {len(base)} trials" + (f"; DIFFERENT: {differ}" if differ else ""))
print("time phases summed over trials (s): base", result["phases_sec"]["base"])
print("                                    head", result["phases_sec"]["head"])
print(f"record: {out}")
sys.exit(1 if differ or len(same) != len(base) else 0)
PY
