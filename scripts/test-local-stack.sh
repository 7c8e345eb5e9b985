#!/usr/bin/env bash
# Tests of scripts/local-stack.sh's promises on a machine that lacks something (run by .ci/run):
#  1. a tool missing from the PATH (nginx) and no permission to install: `up` names it and the
#     install command, exits non-zero, and has started nothing (no JVM, no Redis, no pid file);
#  2. `up` failing half-way (a service that cannot start): it stops what it had started (its own
#     Redis), so that the next `up` starts clean.
# Each case runs on free ports and a stack folder of its own. Prints "local-stack: N passed, N failed".
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
passed=0
failed=0
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
result() { # name ok(0|1) detail
  if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "PASS $1"; else failed=$((failed + 1)); echo "FAIL $1: $3"; fi
}

fresh_env() {
  export STACK_DIR; STACK_DIR=$(mktemp -d)
  export GATEWAY_PORT SEAT_LOCK_PORT BOOKING_PORT REDIS_PORT
  GATEWAY_PORT=$(free_port) SEAT_LOCK_PORT=$(free_port) BOOKING_PORT=$(free_port) REDIS_PORT=$(free_port)
  export DB_NAME=ticketing_stack_test AOT=off
}

nothing_left() { # what a failed up may not leave behind
  local port
  for port in "$GATEWAY_PORT" "$SEAT_LOCK_PORT" "$BOOKING_PORT" "$REDIS_PORT"; do
    if listening "$port"; then echo "port $port is still listening"; return 1; fi
  done
  if ls "$STACK_DIR"/*.pid >/dev/null 2>&1; then echo "pid files left: $(ls "$STACK_DIR"/*.pid)"; return 1; fi
  if pgrep -f "$STACK_DIR" >/dev/null; then echo "processes left: $(pgrep -af "$STACK_DIR")"; return 1; fi
  return 0
}

# 1. nginx missing, installing not allowed.
fresh_env
bin=$(mktemp -d)
IFS=: read -r -a dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  for tool in "$dir"/*; do
    name=$(basename "$tool")
    [ "$name" = nginx ] || [ -e "$bin/$name" ] || ln -s "$tool" "$bin/$name" 2>/dev/null
  done
done
out=$(PATH="$bin" TICKETING_NO_INSTALL=1 scripts/local-stack.sh up 2>&1)
code=$?
left=$(nothing_left)
if [ $code -ne 0 ] && grep -q "missing nginx" <<<"$out" && grep -q "apt-get install -y nginx" <<<"$out" && [ -z "$left" ]; then
  result "nginx missing: up names it and the install command, starts nothing" 0
else
  result "nginx missing: up names it and the install command, starts nothing" 1 "exit $code, $left, output: $out"
fi
rm -rf "$bin" "$STACK_DIR"

# 2. seat-lock cannot start (its java is /bin/false): up stops the Redis it had started.
fresh_env
out=$(JAVA_BIN=/bin/false scripts/local-stack.sh up 2>&1)
code=$?
left=$(nothing_left)
if [ $code -ne 0 ] && grep -q "up failed: stopping what it started" <<<"$out" && [ -z "$left" ]; then
  result "a failure half-way: up stops what it started" 0
else
  result "a failure half-way: up stops what it started" 1 "exit $code, $left, output: $out"
fi
scripts/local-stack.sh down >/dev/null 2>&1
rm -rf "$STACK_DIR"
psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d postgres -qc "DROP DATABASE IF EXISTS ticketing_stack_test" >/dev/null 2>&1

echo "local-stack: $passed passed, $failed failed"
[ $failed -eq 0 ]
