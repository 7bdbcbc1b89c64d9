#!/usr/bin/env bash
# Implicit-ALS benchmark on a seeded MovieLens-20M-shaped synthetic set (138,493 users, 20,000
# items, ~10M interactions), 64 factors: seconds per iteration and top-10 for all users.
# Usage: scripts/bench-als.sh [ITERATIONS] [THREADS] [--profile]   (defaults: 10, all cores)
# Writes out/bench/als.json (and, with --profile, a JFR recording and its hottest methods in
# out/bench/als-profile.txt).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/find-jdk.sh
vitrina_find_jdk
ITER="${1:-10}"
THREADS="${2:-$(nproc)}"
PROFILE="${3:-}"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl bench -am package
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p out/bench
JFR=()
if [ "$PROFILE" = "--profile" ]; then
  JFR=(-XX:StartFlightRecording=filename=out/bench/als.jfr,settings=profile)
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee out/bench/als.txt
"$JAVA_HOME/bin/java" -Xmx6g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  "${JFR[@]}" -cp "$CP" dev.vitrina.bench.recs.AlsBench \
  --iterations "$ITER" --threads "$THREADS" --out out/bench/als.json | tee -a out/bench/als.txt
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load after: $(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee -a out/bench/als.txt
if [ "$PROFILE" = "--profile" ]; then
  "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample out/bench/als.jfr \
    | awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' \
    | sort | uniq -c | sort -rn | head -25 | tee out/bench/als-profile.txt
fi
