#!/usr/bin/env bash
# Trigger-induced feeds on the MovieLens 1M sequences (docs/formulations.md, "Trigger-induced
# feeds"): trigger-only, user-only (iALS), fixed 50/50 blend and intent blend, HR@10 and nDCG@10
# overall and on the new-intent quarter; tunes and fits on the validation item, reports the test item.
# Usage: scripts/formulations-trigger.sh [extra TriggerBench arguments, e.g. --threads 2]
# Reads ../shared/data/movielens-1m-seq; writes out/bench/trigger.json and out/bench/trigger.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/find-jdk.sh
vitrina_find_jdk
DATA="$ROOT/../shared/data/movielens-1m-seq"
if [ ! -d "$DATA" ]; then
  echo "error: $DATA is missing; see ../shared/data/README.md for the reference data" >&2
  exit 2
fi
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl bench -am package
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p out/bench
"$JAVA_HOME/bin/java" -Xmx4g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -cp "$CP" dev.vitrina.bench.formulations.TriggerBench \
  --data "$DATA" --out out/bench/trigger.json "$@" | tee out/bench/trigger.txt
