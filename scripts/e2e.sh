#!/usr/bin/env bash
# End-to-end suite: starts the packaged services, a private Redis and nginx from gateway/ on free
# ports against a fresh PostgreSQL database, runs the load-tests module's E2eSuite through the gateway
# only, and stops everything it started, also on failure. Needs the jars (./mvnw package or verify first).
# An argument names another main class of load-tests (package io.ticketing.load) to run on the same
# stack: scripts/bench.sh runs `scripts/e2e.sh Bench`, scripts/aot-train.sh `scripts/e2e.sh Train`.
# The services meet the suite cold: no warm-up burst first, only what each service does before it
# says it is ready (and its AOT cache, which local-stack.sh trains first if it is missing).
# E2E_ONLY=part,part runs only the scenarios whose names contain one of the parts; REDIS_CLUSTER=1
# runs the stack on a three-master Redis Cluster instead of one redis-server, REPLICAS=2 two of each
# service behind the gateway (see local-stack.sh). `scripts/e2e.sh SurgeFaults` (with REPLICAS=2)
# runs the fault scenarios: parts killed and restarted in the middle of a surge. `scripts/e2e.sh browser`
# runs the page's browser suite instead (web/tests: Debian's Chromium, playwright-core; screenshots in
# target/browser).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/prereqs.sh
. scripts/lib/prereqs.sh
ticketing_use_jdk
ticketing_require_tools python3 psql pg_isready

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
seconds_of() { local t=${1#PT}; case $t in *M) echo $((${t%M} * 60)) ;; *) echo "${t%S}" ;; esac; }

LOAD_TESTS="$ROOT/load-tests/target"
[ -f "$LOAD_TESTS/load-tests.jar" ] || { echo "e2e: build first (./mvnw package -DskipTests)" >&2; exit 1; }

# One folder per kind of run (logs kept after it), so that CI's later runs do not erase an earlier one's.
export STACK_DIR="${E2E_STACK_DIR:-$ROOT/target/e2e-stack-${1:-E2eSuite}${REDIS_CLUSTER:+-cluster}}"
export GATEWAY_PORT=$(free_port) SEAT_LOCK_PORT=$(free_port) BOOKING_PORT=$(free_port) REDIS_PORT=$(free_port)
if [ "${REDIS_CLUSTER:-}" = 1 ]; then
  # Three ports in a row, each with its cluster bus port (+10000) free too, so below 55,000.
  REDIS_PORT=$(python3 -c '
import random, socket
def free(p):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); return True
    except OSError:
        return False
    finally:
        s.close()
while True:
    p = random.randrange(20000, 30000)
    if all(free(q) and free(q + 10000) for q in (p, p + 1, p + 2)):
        print(p); break')
  export REDIS_PORT
fi
# REPLICAS=N: N instances of each service behind the gateway, each on a free port.
export REPLICAS=${REPLICAS:-1}
if [ "$REPLICAS" -gt 1 ]; then
  export SEAT_LOCK_BALANCER_PORT=$(free_port)
  for i in $(seq 2 "$REPLICAS"); do
    export "SEAT_LOCK_PORT_$i=$(free_port)" "BOOKING_PORT_$i=$(free_port)"
  done
  if [ "${1:-}" = SurgeFaults ]; then
    # The second booking replica reaches seat-lock through the suite's fault proxy (started by the
    # suite on this port), so that a scenario can keep its confirms from arriving, then kill it.
    export FAULT_PROXY_PORT=$(free_port)
    export BOOKING_SEAT_LOCK_URL_2="http://127.0.0.1:$FAULT_PROXY_PORT"
  fi
fi
# Short TTLs, so that the suite sees holds and claims expire; the benchmark sets longer ones.
export HOLD_TTL=${HOLD_TTL:-PT5S} CLAIM_TTL=${CLAIM_TTL:-PT12S}
export HOLD_TTL_SECONDS=$(seconds_of "$HOLD_TTL") CLAIM_TTL_SECONDS=$(seconds_of "$CLAIM_TTL")
export DB_NAME=${E2E_DB_NAME:-ticketing_e2e}
export GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT" STACK_SCRIPT="$ROOT/scripts/local-stack.sh"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

rm -rf "$STACK_DIR"
mkdir -p "$STACK_DIR"
trap 'scripts/local-stack.sh down || true' EXIT

# A fresh database each run, so the surge sells a full schedule of 200 seats.
if pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  psql -d postgres -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)"
fi
scripts/local-stack.sh up
# C1 only: on a 2-core machine a cold client JIT-compiling at full tilt would starve the servers it measures.
if [ "${1:-}" = browser ]; then
  # The page in Debian's Chromium (web/tests, playwright-core): screenshots under target/browser.
  ticketing_require_tools node npm chromium
  ticketing_require_korean_font
  (cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } \
    && SCREENSHOTS="$ROOT/target/browser" npm run --silent test:browser)
else
  "$JAVA_HOME/bin/java" -Xmx1g -XX:TieredStopAtLevel=1 --sun-misc-unsafe-memory-access=allow -cp "$LOAD_TESTS/load-tests.jar:$LOAD_TESTS/lib/*" \
    "io.ticketing.load.${1:-E2eSuite}"
fi
