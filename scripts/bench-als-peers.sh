#!/usr/bin/env bash
# vitrina iALS against the Python `implicit` library (built from source), in one session:
#  - speed on the AlsBench interactions (MovieLens-20M-shaped, seed 42, ~9.9M pairs), 64 factors,
#    3 CG steps, THREADS threads: seconds per iteration and top-10 for all users, the two peers
#    alternating run by run;
#  - quality on MovieLens 100K (75/25 random split by user, seed 42): nDCG@10 of both under the same
#    factors, iterations, regularization and alpha, scored by the same code.
# Usage: IMPLICIT_SRC=DIR scripts/bench-als-peers.sh [RUNS] [ITERATIONS] [THREADS] [ML100K_DIR]
#   (defaults: 3 10 2 ../shared/data/movielens-100k). DIR: a checkout of github.com/benfred/implicit.
# Writes out/bench/als-peers.txt. Skips the peer, with a message, where `implicit` does not build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/find-jdk.sh
vitrina_find_jdk
RUNS="${1:-3}"
ITER="${2:-10}"
THREADS="${3:-2}"
ML="${4:-../shared/data/movielens-100k}"
OUT=out/bench/als-peers.txt
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl bench -am package
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
JAVA=("$JAVA_HOME/bin/java" -Xmx6g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$CP")
mkdir -p out/bench/scratch
: >"$OUT"
if ! scripts/peers/build-implicit.sh; then
  echo "implicit could not be built: running vitrina alone (see the message above)" | tee -a "$OUT"
  "${JAVA[@]}" dev.vitrina.bench.recs.AlsBench --iterations "$ITER" --threads "$THREADS" | tee -a "$OUT"
  exit 0
fi
export PYTHONPATH="$ROOT/out/peers/implicit-py${PYTHONPATH:+:$PYTHONPATH}"
DATA=out/bench/scratch/als-interactions.bin
"${JAVA[@]}" dev.vitrina.bench.recs.AlsPeer synthetic "$DATA"
for r in $(seq 1 "$RUNS"); do
  echo "== run $r vitrina, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
  "${JAVA[@]}" dev.vitrina.bench.recs.AlsBench --iterations "$ITER" --threads "$THREADS" \
    --out "out/bench/als-vitrina-$r.json" 2>&1 | grep -E '^ials|^ +[0-9.]+ s/iteration' | tee -a "$OUT"
  echo "== run $r implicit, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
  python3 bench/python/implicit_als.py speed "$DATA" "$ITER" "$THREADS" 64 2>/dev/null | tee -a "$OUT"
done
echo "== quality (MovieLens 100K), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
if [ -f "$ML/u.data" ]; then
  for cfg in "64 15 50 5" "64 15 0.01 1"; do
    # shellcheck disable=SC2086
    "${JAVA[@]}" dev.vitrina.bench.recs.AlsPeer quality "$ML" out/bench/scratch python3 \
      bench/python/implicit_als.py $cfg "$THREADS" 2>/dev/null | tee -a "$OUT"
  done
else
  echo "no MovieLens 100K at $ML: quality comparison skipped" | tee -a "$OUT"
fi
echo "machine: $(nproc) cores; load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
