#!/usr/bin/env bash
# Trial checkpoints end to end: experiments/checkpoint-demo.yaml (one 12-epoch `ae` trial) run
# with `./aebench run` and killed with SIGKILL (the runner and its trial process together, as a
# preempted machine is) every 7 s until a run finishes by itself; then its record must match an
# uninterrupted run's: the same test_mse, final_train_loss and loss_curve, to the last digit
# Jackson writes (the same bits), recorded exactly once, with no process left behind.
# Exit 0 when they match, 1 when they do not. Usage: ci/checkpoint-kill.sh [KILL_EVERY_SECONDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
every="${1:-7}"
max_rounds=40
experiment=experiments/checkpoint-demo.yaml
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./aebench --version >/dev/null # builds first if needed, so that no kill lands in the build

echo "checkpoint-kill: uninterrupted run"
./aebench run "$experiment" --out "$work/straight" --no-report --no-checkpoints >"$work/straight.log" 2>&1 || {
  cat "$work/straight.log"; echo "checkpoint-kill: the uninterrupted run failed"; exit 1; }

rounds=0
kills=0
while :; do
  rounds=$((rounds + 1))
  if [ "$rounds" -gt "$max_rounds" ]; then
    echo "checkpoint-kill: not finished after $max_rounds runs killed every ${every}s"; exit 1
  fi
  setsid ./aebench run "$experiment" --out "$work/killed" --no-report >>"$work/killed.log" 2>&1 &
  group=$!
  waited=0
  while kill -0 "$group" 2>/dev/null && [ "$waited" -lt "$((every * 10))" ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$group" 2>/dev/null; then
    kill -KILL -- "-$group" 2>/dev/null || true
    wait "$group" 2>/dev/null || true
    kills=$((kills + 1))
    continue
  fi
  if wait "$group"; then
    break
  fi
  tail -20 "$work/killed.log"; echo "checkpoint-kill: a run ended with an error"; exit 1
done
for _ in $(seq 100); do # the last run's processes (launcher, runner, trial JVM) must all end
  pgrep -g "$group" >/dev/null 2>&1 || break
  sleep 0.1
done
if pgrep -g "$group" >/dev/null 2>&1; then
  ps -o pid,etime,args -g "$group" || true
  echo "checkpoint-kill: processes of the last run were left behind"; exit 1
fi

field() { # field FILE NAME: the raw JSON text of metrics.NAME in the file's one record
  grep -o "\"$2\":\(\[[^]]*\]\|[^,}]*\)" "$1" | head -1
}
straight="$work/straight/trials.jsonl"
killed="$work/killed/trials.jsonl"
lines=$(grep -c . "$killed")
[ "$lines" = 1 ] || { echo "checkpoint-kill: expected 1 record after the kills, found $lines"; exit 1; }
status=0
for name in test_mse final_train_loss loss_curve; do
  a=$(field "$straight" "$name")
  b=$(field "$killed" "$name")
  if [ -z "$a" ] || [ "$a" != "$b" ]; then
    echo "checkpoint-kill: $name differs: uninterrupted $a, killed and resumed $b"; status=1
  fi
done
resumes=$(cat "$work"/killed/logs/*.log 2>/dev/null | grep -c "resuming from epoch" || true)
echo "checkpoint-kill: $kills kills, $rounds runs, $resumes resumed from a checkpoint;" \
  "$(field "$killed" attempts), $(field "$killed" resumed_from_epoch), $(field "$killed" test_mse)"
if [ "$status" = 0 ] && [ "$kills" -gt 0 ] && [ "$resumes" = 0 ]; then
  echo "checkpoint-kill: killed $kills times but never resumed from a checkpoint"; status=1
fi
[ "$status" = 0 ] && echo "checkpoint-kill: ok, the same bits as the uninterrupted run"
exit "$status"
