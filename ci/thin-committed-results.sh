#!/usr/bin/env bash
# Thins a results folder before it is committed: keeps only the trial artifacts its report reads
# (the first ok trial of each selected configuration, as the report's figures take them) and
# checks that the report rendered from the thinned folder has the same bytes as REPORT_DIR, the
# report of the whole folder (otherwise every artifact is put back and the script fails).
# Usage: ci/thin-committed-results.sh RESULTS_DIR REPORT_DIR   e.g. results/dae-vs-cae reports/dae-vs-cae
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$1"
report="$2"
[ -f "$report/summary.csv" ] || { echo "thin: $report/summary.csv: no such file (render the report first)" >&2; exit 2; }
[ -f "$results/trials.jsonl" ] || { echo "thin: $results/trials.jsonl: no such file" >&2; exit 2; }
aside="$(mktemp -d)"
trap 'rm -rf "$aside"' EXIT

# selected configurations: the summary's config_id where selected is true (columns by name)
mapfile -t selected < <(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  $col["selected"] == "true" { print $col["config_id"] }' "$report/summary.csv")
keep=()
for config in "${selected[@]}"; do
  id=$(grep -F "\"config_id\":\"$config\"" "$results/trials.jsonl" | grep -F '"status":"ok"' | head -1 \
        | sed -n 's/^{"trial_id":"\([0-9a-f]*\)".*/\1/p')
  [ -n "$id" ] && keep+=("$id")
done
moved=0
for f in "$results"/artifacts/*.json; do
  id=$(basename "$f" .json)
  if [[ " ${keep[*]} " != *" $id "* ]]; then
    mv "$f" "$aside/"
    moved=$((moved + 1))
  fi
done
"$root/aebench" report "$results" --out "$aside/report" >/dev/null
if diff -rq -x '*.json' "$report" "$aside/report" >/dev/null; then
  echo "thin: $results keeps ${#keep[@]} artifacts, removed $moved; its report is unchanged"
else
  mv "$aside"/*.json "$results/artifacts/" 2>/dev/null || true
  echo "thin: the report of the thinned folder differs from $report; every artifact put back" >&2
  exit 1
fi
