# shellcheck shell=sh
# Finds the JDK 25 that builds and runs the services and exports JAVA_HOME and PATH for it.
# Sourced (POSIX sh) by ./mvnw, scripts/local-stack.sh, scripts/e2e.sh and .ci/run, so that every
# command picks the same JDK on a fresh machine without hand steps:
#   1. JAVA_HOME, if it holds a JDK 25 or newer;
#   2. else the first JDK 25+ under /usr/lib/jvm (Debian's layout; Temurin's packages install there);
#   3. else `java` on the PATH, if it is 25 or newer;
#   4. else a clear message naming what is missing, and a non-zero exit.
# TICKETING_JDK_QUIET=1 silences the one line it prints when it had to look.

ticketing_jdk_feature() { # JAVA_HOME-like dir -> feature version (17, 25, ...) or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

ticketing_use_jdk() {
  ticketing_required=25
  ticketing_found=
  if [ -n "${JAVA_HOME-}" ]; then
    v=$(ticketing_jdk_feature "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$ticketing_required" ]; then
      ticketing_found=$JAVA_HOME
    fi
  fi
  if [ -z "$ticketing_found" ]; then
    # ls, not a glob: ./mvnw runs with `set -f`.
    for name in $(ls /usr/lib/jvm 2>/dev/null); do
      dir=/usr/lib/jvm/$name
      [ -d "$dir" ] || continue
      v=$(ticketing_jdk_feature "$dir")
      if [ -n "$v" ] && [ "$v" -ge "$ticketing_required" ]; then
        ticketing_found=$dir
        break
      fi
    done
  fi
  if [ -z "$ticketing_found" ] && command -v javac >/dev/null 2>&1; then
    dir=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(ticketing_jdk_feature "$dir")
    if [ -n "$v" ] && [ "$v" -ge "$ticketing_required" ]; then
      ticketing_found=$dir
    fi
  fi
  if [ -z "$ticketing_found" ]; then
    echo "error: this project builds and runs on a JDK $ticketing_required or newer, and none was found" >&2
    echo "  (looked at JAVA_HOME='${JAVA_HOME-}', /usr/lib/jvm/*, and javac on the PATH)." >&2
    echo "  Install one (for example Eclipse Temurin 25 from adoptium.net, or your system's openjdk-25-jdk)" >&2
    echo "  and point JAVA_HOME at it." >&2
    return 1
  fi
  if [ "${JAVA_HOME-}" != "$ticketing_found" ] && [ "${TICKETING_JDK_QUIET-}" != 1 ]; then
    echo "[jdk] using $ticketing_found (JAVA_HOME was '${JAVA_HOME-}')" >&2
  fi
  JAVA_HOME=$ticketing_found
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
}
