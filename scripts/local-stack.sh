#!/usr/bin/env bash
# Runs the whole stack without Docker: PostgreSQL, Redis, both packaged services and the nginx
# gateway on http://127.0.0.1:${GATEWAY_PORT:-8080}, trusting the LOCAL-ONLY dev JWT key.
#
#   scripts/local-stack.sh up                 start what is not running, return when all are ready
#   scripts/local-stack.sh down               stop what `up` started
#   scripts/local-stack.sh stop seat-lock     stop one service (seat-lock | booking), e.g. to test an outage
#   scripts/local-stack.sh start seat-lock    start it again and wait until it is ready
#
# Settings (environment): GATEWAY_PORT=8080 SEAT_LOCK_PORT=8081 BOOKING_PORT=8082
#   REDIS_PORT=6379 (a Redis answering there is used, else redis-server is started there)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres DB_NAME=ticketing (created with the demo data if missing)
#   STACK_DIR=.local-stack (pids, logs, rendered gateway config)  HOLD_TTL=PT2M (seat-lock hold time)
# Needs: a JDK 17, psql, redis-server, nginx (apt-get install postgresql-client redis-server nginx).
# The jars are built with ./mvnw package -DskipTests if missing.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
GATEWAY_PORT=${GATEWAY_PORT:-8080}
SEAT_LOCK_PORT=${SEAT_LOCK_PORT:-8081}
BOOKING_PORT=${BOOKING_PORT:-8082}
REDIS_PORT=${REDIS_PORT:-6379}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB_NAME=${DB_NAME:-ticketing}
STACK_DIR=${STACK_DIR:-$ROOT/.local-stack}
HOLD_TTL=${HOLD_TTL:-PT2M}
SERVICE_KEY=local-only-service-key   # LOCAL-ONLY: the internal claim API key between the two services
export PGHOST PGPORT PGUSER

log() { printf '[local-stack] %s\n' "$*" >&2; }

wait_for() { # name url seconds
  local name=$1 url=$2 deadline=$((SECONDS + $3))
  until curl -fs -o /dev/null "$url"; do
    if [ $SECONDS -ge $deadline ]; then log "$name not ready at $url (logs in $STACK_DIR)"; return 1; fi
    sleep 0.5
  done
  log "$name ready ($url)"
}

ensure_postgres() {
  if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    touch "$STACK_DIR/postgres.started"   # so that `down` stops only a PostgreSQL that `up` started
    for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 0.5; done
  fi
  if ! psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
    log "creating database $DB_NAME"
    psql -d postgres -qc "CREATE DATABASE \"$DB_NAME\""
  fi
}

ensure_redis() {
  if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "using the Redis already on port $REDIS_PORT"
  else
    log "starting redis-server on port $REDIS_PORT"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir "$STACK_DIR" --logfile "$STACK_DIR/redis.log" --pidfile "$STACK_DIR/redis.pid"
    for _ in $(seq 1 20); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.25; done
  fi
}

ensure_jars() {
  if [ ! -f "$ROOT/seat-lock-service/target/quarkus-app/quarkus-run.jar" ] \
      || [ ! -f "$ROOT/booking-service/target/quarkus-app/quarkus-run.jar" ]; then
    log "building the services (./mvnw package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests)
  fi
}

start_service() {
  local name=$1
  case "$name" in
    seat-lock)
      QUARKUS_HTTP_PORT=$SEAT_LOCK_PORT \
      QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$REDIS_PORT" \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/dev/jwt-public.pem" \
      SEAT_LOCK_INTERNAL_API_KEY=$SERVICE_KEY \
      SEAT_LOCK_HOLD_TTL=$HOLD_TTL \
      nohup java -Xmx512m -jar "$ROOT/seat-lock-service/target/quarkus-app/quarkus-run.jar" \
        >>"$STACK_DIR/seat-lock.log" 2>&1 &
      echo $! >"$STACK_DIR/seat-lock.pid"
      wait_for seat-lock-service "http://127.0.0.1:$SEAT_LOCK_PORT/q/health/ready" 90
      ;;
    booking)
      QUARKUS_HTTP_PORT=$BOOKING_PORT \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB_NAME" \
      QUARKUS_DATASOURCE_USERNAME=$PGUSER \
      BOOKING_DEMO_DATA=true \
      QUARKUS_REST_CLIENT_SEAT_LOCK_URL="http://127.0.0.1:$SEAT_LOCK_PORT" \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/dev/jwt-public.pem" \
      BOOKING_SEAT_LOCK_SERVICE_KEY=$SERVICE_KEY \
      nohup java -Xmx512m -jar "$ROOT/booking-service/target/quarkus-app/quarkus-run.jar" \
        >>"$STACK_DIR/booking.log" 2>&1 &
      echo $! >"$STACK_DIR/booking.pid"
      wait_for booking-service "http://127.0.0.1:$BOOKING_PORT/q/health/ready" 90
      ;;
    *) log "unknown service $name (seat-lock | booking)"; return 2 ;;
  esac
}

stop_pid() { # pidfile
  local pidfile=$1
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

start_gateway() {
  mkdir -p "$STACK_DIR/nginx/logs" "$STACK_DIR/nginx/tmp"
  cp "$ROOT/gateway/nginx-local.conf" "$STACK_DIR/nginx/nginx.conf"
  SEAT_LOCK_UPSTREAM="127.0.0.1:$SEAT_LOCK_PORT" BOOKING_UPSTREAM="127.0.0.1:$BOOKING_PORT" \
  GATEWAY_LISTEN="127.0.0.1:$GATEWAY_PORT" \
    envsubst '${SEAT_LOCK_UPSTREAM} ${BOOKING_UPSTREAM} ${GATEWAY_LISTEN}' \
    <"$ROOT/gateway/ticketing.conf.template" >"$STACK_DIR/nginx/ticketing.conf"
  nginx -p "$STACK_DIR/nginx" -c nginx.conf -g 'daemon on;'
  wait_for gateway "http://127.0.0.1:$GATEWAY_PORT/gateway/health" 10
}

up() {
  mkdir -p "$STACK_DIR"
  ensure_jars
  ensure_postgres
  ensure_redis
  [ -f "$STACK_DIR/seat-lock.pid" ] && kill -0 "$(cat "$STACK_DIR/seat-lock.pid")" 2>/dev/null || start_service seat-lock
  [ -f "$STACK_DIR/booking.pid" ] && kill -0 "$(cat "$STACK_DIR/booking.pid")" 2>/dev/null || start_service booking
  [ -f "$STACK_DIR/nginx/logs/nginx.pid" ] || start_gateway
  log "up: gateway http://127.0.0.1:$GATEWAY_PORT  (token: scripts/dev-token.sh USER_ID)"
}

down() {
  if [ -f "$STACK_DIR/nginx/logs/nginx.pid" ]; then
    nginx -p "$STACK_DIR/nginx" -c nginx.conf -s quit 2>/dev/null || true
    for _ in $(seq 1 20); do [ -f "$STACK_DIR/nginx/logs/nginx.pid" ] || break; sleep 0.25; done
    rm -f "$STACK_DIR/nginx/logs/nginx.pid"
  fi
  stop_pid "$STACK_DIR/booking.pid"
  stop_pid "$STACK_DIR/seat-lock.pid"
  if [ -f "$STACK_DIR/redis.pid" ]; then
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || stop_pid "$STACK_DIR/redis.pid"
    rm -f "$STACK_DIR/redis.pid"
  fi
  if [ -f "$STACK_DIR/postgres.started" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main stop || true
    rm -f "$STACK_DIR/postgres.started"
  fi
  log "down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  stop) stop_pid "$STACK_DIR/${2:?service}.pid"; log "stopped $2" ;;
  start) mkdir -p "$STACK_DIR"; start_service "${2:?service}" ;;
  *) echo "usage: $0 up | down | stop SERVICE | start SERVICE" >&2; exit 2 ;;
esac
