#!/usr/bin/env bash
# Sourced by ./vitrina and .ci/run: exports JAVA_HOME pointing at a JDK >= 21, or fails with a clear
# message. Order: $JAVA_HOME, the java on PATH, then JDKs installed under /usr/lib/jvm and /opt.

vitrina_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

vitrina_find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local d
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -d "$d" ] && candidates+=("$d")
  done
  local best="" best_major=0 c major
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(vitrina_java_major "$c")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$c"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "vitrina needs a JDK 21 or newer (with javac); none was found in JAVA_HOME, on PATH," >&2
    echo "or under /usr/lib/jvm. Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
