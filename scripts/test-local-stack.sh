#!/usr/bin/env bash
# Tests of scripts/local-stack.sh's promises on a machine that lacks something (run by .ci/run):
#  1. a tool missing from the PATH (nginx) and no permission to install: `up` names it and the
#     install command, exits non-zero, and has started nothing (no JVM, no Redis, no pid file);
#  2. `up` failing half-way (a service that cannot start): it stops what it had started (its own
#     Redis), so that the next `up` starts clean;
#  3. no Redis and no PostgreSQL to be had: `up` runs the tests' embedded ones and the product
#     answers through the gateway; `down` stops them.
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

# 3. No Redis and no PostgreSQL on the machine, none installable: up runs the tests' embedded ones,
#    the product answers through the gateway, and down stops everything.
fresh_env
export PGPORT; PGPORT=$(free_port)
bin=$(mktemp -d)
for dir in "${dirs[@]}"; do
  for tool in "$dir"/*; do
    name=$(basename "$tool")
    case "$name" in redis-server | redis-cli | psql | pg_isready | pg_ctlcluster) continue ;; esac
    [ -e "$bin/$name" ] || ln -s "$tool" "$bin/$name" 2>/dev/null
  done
done
out=$(PATH="$bin" TICKETING_NO_INSTALL=1 scripts/local-stack.sh up 2>&1)
code=$?
token=$(scripts/dev-token.sh embedded-user)
events=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$GATEWAY_PORT/api/v1/tickets/events")
hold=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"schedule_id":1,"seats":[{"row":"1열","number":1}]}' "http://127.0.0.1:$GATEWAY_PORT/api/v1/tickets/seats/lock")
PATH="$bin" scripts/local-stack.sh down >/dev/null 2>&1
left=$(nothing_left)
if [ $code -eq 0 ] && grep -q "starting the embedded one" <<<"$out" && grep -q '"event_id":1' <<<"$events" \
    && [ "$hold" = 200 ] && [ -z "$left" ] && ! listening "$PGPORT"; then
  result "no Redis or PostgreSQL to be had: up runs the embedded ones, down stops them" 0
else
  result "no Redis or PostgreSQL to be had: up runs the embedded ones, down stops them" 1 \
    "exit $code, events '$events', hold $hold, $left, output: $out"
fi
rm -rf "$bin" "$STACK_DIR"
unset PGPORT

echo "local-stack: $passed passed, $failed failed"
[ $failed -eq 0 ]
