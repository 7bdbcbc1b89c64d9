#!/usr/bin/env bash
# MovieLens 100K with the Microsoft Recommenders protocol (75/25 random split stratified by user,
# seed 42, top-10, training items excluded): tune itemknn, ials and ease on a validation split
# carved from the training side only, then evaluate all four models once on the test side.
# Usage: scripts/recs-movielens.sh [DATA_DIR]   (default: ../shared/data/movielens-100k)
# Writes out/recs/movielens-params.json, out/recs/movielens.json and out/recs/movielens.html.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="${1:-../shared/data/movielens-100k}"
PARAMS=out/recs/movielens-params.json
mkdir -p out/recs
rm -f "$PARAMS"
for model in itemknn ials ease; do
  ./vitrina recs tune --data "$DATA" --split random-by-user:0.75 --validation random-by-user:0.75 \
    --seed 42 --k 10 --model "$model" --out "$PARAMS" --json > "out/recs/movielens-tune-$model.json"
  echo "tuned $model: $(grep -o '"best":{[^}]*}' "out/recs/movielens-tune-$model.json")"
done
# one evaluation: the JSON on stdout, the table and chart in the HTML report
./vitrina recs evaluate --data "$DATA" --split random-by-user:0.75 --seed 42 \
  --models popular,itemknn,ials,ease --k 10 --params "$PARAMS" --report out/recs/movielens.html \
  --json > out/recs/movielens.json
echo "wrote out/recs/movielens.json and out/recs/movielens.html"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
