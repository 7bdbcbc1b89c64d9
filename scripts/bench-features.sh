#!/usr/bin/env bash
# Feature-engine benchmark on the m5 preset against DuckDB (JDBC) and polars (when installed), each
# written two ways: naive (what most notebooks do) and strong (integer codes, no string join).
# Peers alternate run by run; each run records the load average before and after.
# Usage: scripts/bench-features.sh [RUNS] [PRESET]   (defaults: 3 m5)
# JVM options: -Dbench.thp=false measures vitrina on 4 KB pages; -Dbench.peers=vitrina,polars-strong
# runs a subset (pass them through BENCH_OPTS).
# Writes the JSON and the markdown table to out/bench/features-<preset>.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/find-jdk.sh
vitrina_find_jdk
RUNS="${1:-3}"
PRESET="${2:-m5}"
DATA="out/bench/data-$PRESET"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl bench -am package
[ -f "$DATA/sales.parquet" ] || ./vitrina generate --preset "$PRESET" --seed 42 --out "$DATA"
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p out/bench
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${BENCH_OPTS:-} -cp "$CP" \
  dev.vitrina.bench.features.FeatureBench "$DATA" out/bench/scratch "$RUNS" python3 \
  | tee "out/bench/features-$PRESET.txt"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee -a "out/bench/features-$PRESET.txt"
