#!/usr/bin/env bash
# Runs Spark MLlib's implicit ALS peer (dev.vitrina.spark.SparkAlsPeer, spark module test classes)
# with the class path and JVM flags scripts/bench-spark-als.sh prepared. Arguments: as SparkAlsPeer.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
CP="spark/target/test-classes:spark/target/classes:$(cat out/bench/scratch/spark-test-cp.txt)"
OPENS=$(sed -n 's|.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*|\1|p' spark/pom.xml)
# shellcheck disable=SC2086
SPARK_LOCAL_IP=127.0.0.1 "$JAVA_HOME/bin/java" -Xmx8g $OPENS -cp "$CP" \
  dev.vitrina.spark.SparkAlsPeer "$@" 2> >(grep -vE '^(WARNING|[0-9]{2}/[0-9]{2}/[0-9]{2} |Using Spark)' >&2)
