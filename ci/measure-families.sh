#!/usr/bin/env bash
# Measures the reference configurations of docs/PERFORMANCE.md ("Training speed and quality"):
# one `./aebench train` per row, then prints the Markdown table with the machine, JDK, date and
# commit it was measured at. Usage: ci/measure-families.sh [EPOCHS] [extra train options...]
#   ci/measure-families.sh            # 4 epochs, no probe: the speed table
#   ci/measure-families.sh 5 --probe  # 5 epochs with the linear probe: the quality table
# Run it on a quiet machine: it measures wall time. Results: bench-results/families-<date>.jsonl.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
epochs="${1:-4}"
[ $# -gt 0 ] && shift
probe=--no-probe
extra=()
for a in "$@"; do
  if [ "$a" = --probe ]; then probe=; else extra+=("$a"); fi
done
mkdir -p bench-results
out="bench-results/families-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
rows=(
  "ae|reference|"
  "dae|gaussian sigma 0.5|--set noise=gaussian --set sigma=0.5"
  "dae|mask nu 0.3|--set noise=mask --set nu=0.3"
  "cae|closed form, lambda 0.1|--set lambda=0.1"
  "deep|784-512-128-32, ReLU|"
  "deep|exact Jacobian, lambda 0.01|--set penalty=jacobian:0.01"
  "conv|reference|"
  "vae|reference|"
  "psd|reference (lambda 0.5, 10 FISTA steps)|"
  "pca|k=32|--set k=32"
)
for row in "${rows[@]}"; do
  IFS='|' read -r model label sets <<< "$row"
  read -r -a set_args <<< "$sets"
  e="$epochs"
  [[ "$sets" == *jacobian* ]] && e=2   # ~10x a deep epoch: two epochs give one timed epoch
  echo "measure: $model $label ($e epochs)" >&2
  ./aebench train --model "$model" --epochs "$e" ${set_args[@]+"${set_args[@]}"} $probe --quiet \
    ${extra[@]+"${extra[@]}"} --json "$out" >/dev/null
done
cpu="$(lscpu | sed -n 's/^Model name: *//p') x$(nproc), $(grep -o -m1 -w 'avx512f' /proc/cpuinfo || echo avx2)"
echo "machine: $cpu; JDK: $("${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%d); commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo -dirty); command: ci/measure-families.sh $epochs $*"
echo
python3 - "$out" "${rows[@]}" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
labels = [r.split('|')[1] for r in sys.argv[2:]]
print("| model | settings | epochs | s/epoch | 1st epoch s | test MSE | probe acc | kernels |")
print("|---|---|---|---|---|---|---|---|")
for rec, label in zip(lines, labels):
    m = rec["metrics"]
    f = lambda k, d: ("%.*f" % (d, m[k])) if m.get(k) is not None else "-"
    print(f"| {rec['model']} | {label} | {rec['epochs']} | {f('sec_per_epoch', 2)} | {f('first_epoch_sec', 2)} "
          f"| {f('test_mse', 5)} | {f('probe_acc', 4)} | {rec['provenance']['kernels']} |")
PY
