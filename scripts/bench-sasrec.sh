#!/usr/bin/env bash
# SASRec on the MovieLens 1M sequences beside iALS and EASE (docs/recommendations.md, "SASRec"):
# leave-one-out, full ranking over all items, seen items excluded, HR@10 and nDCG@10; every SASRec
# epoch's validation nDCG@10 is printed as it ends.
# Usage: scripts/bench-sasrec.sh NAME [SASRec key=value ...] [--models sasrec,ials,ease]
#   e.g. scripts/bench-sasrec.sh ce max_len=200 max_minutes=60 threads=2 patience=10 epochs=400
# Reads ../shared/data/movielens-1m-seq (or $SASREC_DATA); writes out/bench/sasrec-NAME.json and .txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/find-jdk.sh
vitrina_find_jdk
export JAVA_HOME
NAME="${1:?usage: scripts/bench-sasrec.sh NAME [key=value ...]}"
shift
DATA="${SASREC_DATA:-$ROOT/../shared/data/movielens-1m-seq}"
if [ ! -f "$DATA/train/input.txt" ]; then
  echo "error: $DATA/train/input.txt is missing; see ../shared/data/README.md" >&2
  exit 2
fi
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl sasrec -am install
mkdir -p out/bench/scratch
./mvnw -q -B -pl sasrec dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/out/bench/scratch/sasrec-test-cp.txt"
CP="sasrec/target/test-classes:sasrec/target/classes:$(cat out/bench/scratch/sasrec-test-cp.txt)"
# PyTorch's CPU allocator asks for transparent huge pages for its big blocks (about 2x faster
# training where the kernel offers them in madvise mode)
export THP_MEM_ALLOC_ENABLE=1
export DJL_CACHE_DIR="$ROOT/out/djl-cache"
# Intel MKL's reproducible mode (results independent of memory alignment), as ./vitrina sets it
export MKL_CBWR="${MKL_CBWR-AUTO,STRICT}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" | tee "out/bench/sasrec-$NAME.txt"
"$JAVA_HOME/bin/java" -Xmx8g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -Dai.djl.offline=true ${SASREC_JAVA_OPTS:-} -cp "$CP" dev.vitrina.sasrec.bench.SasRecBench \
  --data "$DATA" --out "out/bench/sasrec-$NAME.json" "$@" 2>&1 \
  | grep --line-buffered -v 'AutoNonVariableTypeMode\|incubator' | tee -a "out/bench/sasrec-$NAME.txt"
