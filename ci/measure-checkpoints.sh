#!/usr/bin/env bash
# What trial checkpoints cost for the reference configurations (docs/PERFORMANCE.md): each model
# trained EPOCHS epochs (default 3) with a checkpoint at every epoch end, then per model: s/epoch,
# the checkpoint's size, what training waited per checkpoint (encoding, and any write still in
# flight) and its share of an epoch, and the write itself (file, fsync, rename; beside training).
# Usage: ci/measure-checkpoints.sh [EPOCHS] [THREADS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
epochs="${1:-3}"
threads="${2:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
num() { grep -o "\"$2\":[^,}]*" "$1" | head -1 | cut -d: -f2; }
printf '%-6s %-28s %9s %12s %14s %9s %12s\n' model settings s/epoch "bytes" "waited ms/ckpt" "of epoch" "write ms/ckpt"
run() {
  local model="$1"; shift
  local json="$work/$model.jsonl"
  ./aebench train --model "$model" "$@" --epochs "$epochs" --threads "$threads" --no-probe --metrics none --quiet \
    --checkpoint "$work/ckpt" --checkpoint-interval 0 --json "$json" >/dev/null
  local spe bytes waited writes wsec
  spe=$(num "$json" sec_per_epoch); bytes=$(num "$json" bytes); waited=$(num "$json" checkpoint_sec)
  writes=$(num "$json" writes); wsec=$(num "$json" write_sec)
  awk -v m="$model" -v s="${*:-defaults}" -v spe="$spe" -v b="$bytes" -v w="$waited" -v n="$writes" -v ws="$wsec" \
    'BEGIN { printf "%-6s %-28s %9.3f %12d %14.1f %8.2f%% %12.1f\n", m, s, spe, b, 1000*w/n, 100*(w/n)/spe, 1000*ws/n }'
}
run ae
run conv
run vae
