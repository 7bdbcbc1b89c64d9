#!/usr/bin/env bash
# vitrina iALS against Spark MLlib's implicit ALS (local[THREADS]), in one session:
#  - speed on the AlsBench interactions (MovieLens-20M-shaped, seed 42, ~9.9M pairs), 64 factors:
#    seconds per iteration, vitrina with THREADS threads vs MLlib in local[THREADS];
#  - quality on MovieLens 100K (75/25 random split by user, seed 42): nDCG@10 of both on the same
#    training rows, scored by the same code, under the same factors, iterations and alpha.
# Usage: scripts/bench-spark-als.sh [ITERATIONS] [THREADS] [ML100K_DIR]
#   (defaults: 5 2 ../shared/data/movielens-100k). Writes out/bench/spark-als.txt.
# Spark comes from Maven (test scope of the spark module); nothing else in vitrina loads it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/find-jdk.sh
vitrina_find_jdk
export JAVA_HOME
# MLlib calls BLAS through netlib: with a native BLAS installed (Debian: libopenblas0, liblapack3)
# it uses it, else it falls back to Java loops and says so ("dlopen(libblas.so.3) failed"). One
# BLAS thread per Spark task, as Spark's tuning guide advises.
export OPENBLAS_NUM_THREADS=1
ITER="${1:-5}"
THREADS="${2:-2}"
ML="${3:-../shared/data/movielens-100k}"
OUT=out/bench/spark-als.txt
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl bench,spark -am package
./mvnw -q -B -pl spark dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/out/bench/scratch/spark-test-cp.txt"
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
JAVA=("$JAVA_HOME/bin/java" -Xmx6g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$CP")
mkdir -p out/bench/scratch
: >"$OUT"
DATA=out/bench/scratch/als-interactions.bin
[ -f "$DATA" ] || "${JAVA[@]}" dev.vitrina.bench.recs.AlsPeer synthetic "$DATA"
echo "== speed: vitrina iALS, $THREADS threads, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
"${JAVA[@]}" dev.vitrina.bench.recs.AlsBench --iterations "$ITER" --threads "$THREADS" 2>&1 \
  | grep -E '^ials|^ +[0-9.]+ s/iteration' | tee -a "$OUT"
echo "== speed: Spark MLlib ALS, local[$THREADS], load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
ldconfig -p 2>/dev/null | grep -q 'libblas.so.3 ' && echo "native BLAS: $(ldconfig -p | grep -m1 'libblas.so.3 ' | sed 's/.*=> //')" | tee -a "$OUT" \
  || echo "no native BLAS (libblas.so.3): MLlib falls back to Java loops" | tee -a "$OUT"
scripts/peers/spark-als.sh speed "$DATA" "$ITER" "$THREADS" 64 | tee -a "$OUT"
echo "== quality (MovieLens 100K), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
if [ -f "$ML/u.data" ]; then
  # the first setting is vitrina's defaults, the second implicit's; MLlib scales the regularization
  # by each user's and item's count, so the same number means a much stronger penalty there: the
  # rest are a small grid for MLlib
  for cfg in "64 15 50 5" "64 15 0.01 1" "64 15 0.1 5" "64 15 1 5" "64 15 3 5" "64 15 1 20"; do
    # shellcheck disable=SC2086
    "${JAVA[@]}" dev.vitrina.bench.recs.AlsPeer quality "$ML" out/bench/scratch bash \
      scripts/peers/spark-als.sh $cfg "$THREADS" spark_mllib | tee -a "$OUT"
  done
else
  echo "no MovieLens 100K at $ML: quality comparison skipped" | tee -a "$OUT"
fi
echo "machine: $(nproc) cores; load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
