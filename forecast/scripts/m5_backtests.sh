#!/usr/bin/env bash
# Reproduces the m5 tables of docs/forecasting.md: one 28-day fold (the last 28 days of the
# synthetic m5 preset, seed 42), scored at store x item x day, for the direct LightGBM model, the
# aggregate-then-disaggregate variants and the baselines. Each LightGBM run is its own JVM under
# /usr/bin/time -v (peak RSS = "Maximum resident set size"), with -Xmx8g and 2 LightGBM threads.
#
# Run from the repository root:   forecast/scripts/m5_backtests.sh [step ...]
# Steps: generate direct city state weekly recursive baselines groups (the default: all of
# these, in order), and direct-3folds city-3folds (3 origins 28 days apart; run only when named).
# Results: out/forecast-m5/<step>.json (the --json output) and <step>.time (/usr/bin/time -v).
# On a shared machine, hold a lock around it so no other benchmark overlaps: flock LOCKFILE ...
set -euo pipefail
DATA=${DATA:-out/m5}
RES=${RES:-out/forecast-m5}
mkdir -p "$RES"
export VITRINA_JAVA_OPTS=${VITRINA_JAVA_OPTS:--Xmx8g}

# Modest LightGBM settings so that a fold fits in minutes on 2 cores.
LGBM=(--model lgbm --horizon 28 --train-days 364 --valid-days 28 --rounds 300
  --learning-rate 0.1 --leaves 63 --early-stopping 20 --threads 2 --seed 42)

run() {
  local name=$1
  shift
  echo "== $name: ./vitrina forecast backtest --data $DATA $* --json" >&2
  echo "   loadavg before: $(cat /proc/loadavg)" >&2
  /usr/bin/time -v -o "$RES/$name.time" ./vitrina forecast backtest --data "$DATA" "$@" --json \
    >"$RES/$name.json"
  echo "   loadavg after:  $(cat /proc/loadavg)" >&2
  grep -E "Elapsed|Maximum resident" "$RES/$name.time" >&2
}

steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(generate direct city state weekly recursive baselines groups)
for s in "${steps[@]}"; do
  case "$s" in
    generate) [ -f "$DATA/sales.parquet" ] || ./vitrina generate --preset m5 --seed 42 --out "$DATA" ;;
    direct) run direct --level store,item --freq day "${LGBM[@]}" --folds 1 --report "$RES/direct.html" ;;
    city) run city --level item,city --freq day "${LGBM[@]}" --folds 1 ;;
    state) run state --level item,state --freq day "${LGBM[@]}" --folds 1 ;;
    weekly) run weekly --level store,item --freq week "${LGBM[@]}" --folds 1 ;;
    direct-3folds) run direct-3folds --level store,item --freq day "${LGBM[@]}" --folds 3 ;;
    city-3folds) run city-3folds --level item,city --freq day "${LGBM[@]}" --folds 3 ;;
    groups) run groups --level store,item --freq day "${LGBM[@]}" --folds 1 --direct-groups 7,14,21,28 ;;
    recursive) run recursive --level store,item --freq day "${LGBM[@]}" --folds 1 --recursive ;;
    baselines)
      run baselines --level store,item --freq day --horizon 28 --folds 1 \
        --model naive,snaive,ma,croston,sba,tsb,adida
      ;;
    *) echo "unknown step '$s'; use generate direct city state weekly recursive baselines groups direct-3folds city-3folds" >&2; exit 2 ;;
  esac
done
