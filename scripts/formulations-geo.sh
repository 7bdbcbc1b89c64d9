#!/usr/bin/env bash
# Location-aware ranking on Foursquare Singapore: popular, item-kNN, iALS and EASE against their
# geo-aware versions and the pure-distance baseline (P@10, R@10, nDCG@10 on the given test file;
# decays fitted on a validation split carved out of train). See docs/formulations.md.
# Usage: scripts/formulations-geo.sh [DATA_DIR] [SEED] [GeoBench options, e.g. --floors 0,0.5 --split far]
#   (defaults: ../shared/data/foursquare-sg, 42; the options are listed in GeoBench's Javadoc)
# Writes out/bench/formulations-geo.json and prints the table.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/find-jdk.sh
vitrina_find_jdk
DATA="${1:-../shared/data/foursquare-sg}"
SEED="${2:-42}"
shift $(($# < 2 ? $# : 2))
if [ ! -d "$DATA" ]; then
  echo "no Foursquare data at $DATA; pass its folder as the first argument" >&2
  exit 2
fi
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl bench -am package
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p out/bench
"$JAVA_HOME/bin/java" -Xmx4g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -cp "$CP" dev.vitrina.bench.formulations.GeoBench \
  --data "$DATA" --seed "$SEED" --out out/bench/formulations-geo.json "$@" | tee out/bench/formulations-geo.txt
