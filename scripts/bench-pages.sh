#!/usr/bin/env bash
# Pages of carousels on MovieLens 100K and 1M (from ../shared/data): flat list, row-independent and
# page-wise greedy (with each constraint), 2-D nDCG, hit rate, duplicates and categories in view;
# then the time to compose one page on a 100,000-item model.
# Usage: scripts/bench-pages.sh [extra PagesBench arguments, e.g. --sets ml100k --speed false]
# Writes out/bench/pages.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/find-jdk.sh
vitrina_find_jdk
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl bench -am package
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p out/bench
"$JAVA_HOME/bin/java" -Xmx8g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -cp "$CP" dev.vitrina.bench.pages.PagesBench --data ../shared/data "$@" | tee out/bench/pages.md
