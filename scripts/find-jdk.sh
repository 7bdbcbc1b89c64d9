#!/usr/bin/env bash
# Sourced by ./vitrina and ./mvnw: exports JAVA_HOME pointing at a JDK >= 21, or fails with a clear
# message. Order: $JAVA_HOME when it is a JDK >= 21 (a user's explicit choice wins), then the java on
# PATH, then the newest JDK >= 21 installed under /usr/lib/jvm or /opt.

vitrina_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# Prints the JDK's major version when $1 is a JDK (java and javac) of version >= 21; fails otherwise.
vitrina_usable_jdk() {
  local major
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  major=$(vitrina_java_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ] || return 1
  echo "$major"
}

vitrina_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    if vitrina_usable_jdk "$JAVA_HOME" >/dev/null; then
      export JAVA_HOME
      return 0
    fi
    echo "vitrina: JAVA_HOME=$JAVA_HOME is not a JDK 21 or newer; looking for another one" >&2
  fi
  if command -v java >/dev/null 2>&1; then
    local on_path
    on_path="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    if vitrina_usable_jdk "$on_path" >/dev/null; then
      export JAVA_HOME="$on_path"
      return 0
    fi
  fi
  local best="" best_major=0 d major
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -d "$d" ] || continue
    major=$(vitrina_usable_jdk "$d") || continue
    if [ "$major" -gt "$best_major" ]; then
      best="$d"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "vitrina needs a JDK 21 or newer (with javac); none was found in JAVA_HOME, on PATH," >&2
    echo "or under /usr/lib/jvm and /opt. Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
