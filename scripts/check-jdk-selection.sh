#!/usr/bin/env bash
# Checks that ./mvnw runs Maven on a JDK >= 21 with no JAVA_HOME set and with JAVA_HOME pointing at an
# older JDK (the machines' default java is 17): the README's commands must work as a new user types them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh

check() {
  local label="$1"; shift
  local out major
  out="$("$@" ./mvnw -v 2>&1)" || { echo "FAIL ($label): ./mvnw -v failed:"; echo "$out"; exit 1; }
  major="$(printf '%s\n' "$out" | sed -n 's/^Java version: \([0-9]*\).*/\1/p')"
  if [ -z "$major" ] || [ "$major" -lt 21 ]; then
    echo "FAIL ($label): ./mvnw runs on Java '${major:-?}', needs >= 21:"; echo "$out"; exit 1
  fi
  echo "ok ($label): ./mvnw runs on Java $major"
}

check "no JAVA_HOME" env -u JAVA_HOME -u MAVEN_OPTS
for d in /usr/lib/jvm/*; do
  [ -x "$d/bin/java" ] || continue
  major="$(vitrina_java_major "$d")"
  if [ -n "$major" ] && [ "$major" -lt 21 ]; then
    check "JAVA_HOME=Java $major" env -u MAVEN_OPTS JAVA_HOME="$d"
    break
  fi
done
