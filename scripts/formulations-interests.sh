#!/usr/bin/env bash
# Multi-interest feeds against single-vector iALS and EASE on MovieLens 100K and MovieLens 1M
# (configuration chosen on validation splits), and recovery of planted interests on the synthetic
# marketplace. Reads ../shared/data; writes out/bench/formulations-interests.json and .txt.
# Usage: scripts/formulations-interests.sh [--only ml100k|ml1m|synthetic ...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/find-jdk.sh
vitrina_find_jdk
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl bench -am package
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p out/bench
"$JAVA_HOME/bin/java" -Xmx6g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -cp "$CP" dev.vitrina.bench.formulations.MultiInterestBench \
  --ml100k ../shared/data/movielens-100k --ml1m ../shared/data/movielens-1m-seq \
  --out out/bench/formulations-interests.json "$@" | tee out/bench/formulations-interests.txt
