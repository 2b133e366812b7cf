#!/usr/bin/env bash
# Measures what the representation analyses add to a trial (docs/PERFORMANCE.md, "Analysis cost"):
# runs `./aebench train --model ae --epochs 5 --validation 10000` with each metrics setting, the
# settings interleaved round after round (a noisy machine then slows all of them alike), and prints
# per setting the median wall time of the whole command, the median analysis_sec of the trial
# record, the added share relative to the `none` trial's median wall, and the median
# per-analysis split from the trial log.
# Usage: ci/measure-analyses.sh [ROUNDS] [SETTING...]
#   ci/measure-analyses.sh                      # 3 rounds of none, default, all
#   ci/measure-analyses.sh 2 none default all "default --queries 500"
# A setting is a --metrics value, optionally followed by further train options.
# Results: bench-results/analyses-<date>.jsonl (one record per trial, with the setting and wall).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${1:-3}"
[ $# -gt 0 ] && shift
settings=("$@")
[ ${#settings[@]} -gt 0 ] || settings=(none default all)
mkdir -p bench-results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="bench-results/analyses-$stamp.jsonl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./aebench train --help >/dev/null # builds first when the sources changed, outside the timings
for ((r = 1; r <= rounds; r++)); do
  for s in "${settings[@]}"; do
    read -r -a args <<< "$s"
    echo "measure: round $r/$rounds, metrics ${args[0]} ${args[*]:1}" >&2
    rm -f "$work/rec.jsonl"
    t0=$(date +%s.%N)
    ./aebench train --model ae --epochs 5 --validation 10000 --metrics "${args[@]}" \
      --json "$work/rec.jsonl" >"$work/log" 2>&1
    t1=$(date +%s.%N)
    split=$(sed -n 's/^analyses [0-9.]*s: //p' "$work/log" | head -1)
    python3 - "$work/rec.jsonl" "$s" "$t0" "$t1" "$split" >>"$out" <<'PY'
import json, sys
rec = json.loads(open(sys.argv[1]).readline())
rec["measure"] = {"setting": sys.argv[2], "wall_sec": float(sys.argv[4]) - float(sys.argv[3]), "split": sys.argv[5]}
print(json.dumps(rec))
PY
  done
done
cpu="$(lscpu | sed -n 's/^Model name: *//p') x$(nproc)"
echo "machine: $cpu; JDK: $("${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%d); commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo -dirty); command: ci/measure-analyses.sh $rounds $*"
echo
python3 - "$out" "${settings[@]}" <<'PY'
import json, re, statistics as st, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
settings = sys.argv[2:]
by = {s: [r for r in recs if r["measure"]["setting"] == s] for s in settings}
base = st.median(r["measure"]["wall_sec"] for r in by[settings[0]])
print(f"| metrics | trials | median wall s | median analysis_sec | added share of the {settings[0]} wall "
      f"({base:.2f} s) | analysis_sec / {settings[0]} wall | median split |")
print("|---|---|---|---|---|---|---|")
for s in settings:
    rs = by[s]
    wall = st.median(r["measure"]["wall_sec"] for r in rs)
    an = st.median(r["time"].get("analysis_sec", 0.0) for r in rs)
    parts = {}
    for r in rs:
        for name, sec in re.findall(r"([a-z]+) ([0-9.]+)s", r["measure"]["split"]):
            parts.setdefault(name, []).append(float(sec))
    split = ", ".join(f"{k} {st.median(v):.2f}" for k, v in parts.items()) or "-"
    print(f"| {s} | {len(rs)} | {wall:.2f} | {an:.2f} | {100 * (wall - base) / base:+.1f} % "
          f"| {100 * an / base:.1f} % | {split} |")
PY
