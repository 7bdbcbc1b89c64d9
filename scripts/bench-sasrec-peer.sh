#!/usr/bin/env bash
# Training speed of vitrina's SASRec beside the same network written in PyTorch by hand
# (scripts/peers/sasrec_torch.py), same data, same machine, one after the other: 2 epochs each over
# the first USERS lines of the MovieLens 1M sequences, max_len 200, dim 64, 2 blocks, batch 128,
# full-softmax loss, THREADS threads; the second epoch's seconds are compared (the first includes
# start-up). Needs a Python with torch: PEER_PYTHON (default python3).
# Usage: scripts/bench-sasrec-peer.sh [USERS] [THREADS]; writes out/bench/sasrec-peer.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
USERS="${1:-1280}"
THREADS="${2:-2}"
PY="${PEER_PYTHON:-python3}"
DATA="$ROOT/../shared/data/movielens-1m-seq/train/input.txt"
"$PY" -c "import torch" || { echo "error: $PY cannot import torch; set PEER_PYTHON" >&2; exit 2; }
WORK=out/bench/scratch/sasrec-peer
rm -rf "$WORK"
mkdir -p "$WORK/data/train"
head -n "$USERS" "$DATA" >"$WORK/data/train/input.txt"
OUT=out/bench/sasrec-peer.txt
export THP_MEM_ALLOC_ENABLE=1
{
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $USERS users, $THREADS threads"
  for cbwr in "AUTO,STRICT" "unset"; do
    rm -rf "$WORK/model"
    if [ "$cbwr" = unset ]; then M=(env -u MKL_CBWR MKL_CBWR=); else M=(env MKL_CBWR="$cbwr"); fi
    "${M[@]}" ./vitrina recs train --data "$WORK/data" --model sasrec -P sasrec.max_len=200 \
      -P sasrec.epochs=2 -P sasrec.threads="$THREADS" -P sasrec.lr=0.002 --out "$WORK/model" \
      >/dev/null 2>&1
    python3 -c "import json,glob;l=json.load(open(glob.glob('$WORK/model/*/training.json')[0]));print('vitrina (MKL_CBWR=$cbwr):', ' '.join('epoch %d loss %.4f seconds %.2f' % (e['epoch'], e['loss'], e['seconds']) for e in l['epochs']))"
  done
  echo "pytorch $("$PY" -c 'import torch;print(torch.__version__)'):"
  "$PY" scripts/peers/sasrec_torch.py "$WORK/data/train/input.txt" 2 "$THREADS"
} | tee "$OUT"
