#!/usr/bin/env bash
# Runs the whole stack without Docker: PostgreSQL, Redis, both packaged services and the nginx
# gateway on http://127.0.0.1:${GATEWAY_PORT:-8080}, trusting the LOCAL-ONLY dev JWT key.
#
#   scripts/local-stack.sh up                 start what is not running, return when all are ready
#   scripts/local-stack.sh down               stop what `up` started
#   scripts/local-stack.sh stop seat-lock     stop one service (seat-lock | booking; seat-lock-2 ... for
#                                             another replica), e.g. to test an outage
#   scripts/local-stack.sh kill seat-lock-2   the same with SIGKILL, as a crash would
#   scripts/local-stack.sh start seat-lock    start it again and wait until it is ready
#   scripts/local-stack.sh stop redis | start redis   stop the Redis `up` started / start it again, empty
#
# Settings (environment): GATEWAY_PORT=8080 SEAT_LOCK_PORT=8081 BOOKING_PORT=8082
#   REDIS_PORT=6379 (a Redis answering there is used, else redis-server is started there)
#   REPLICAS=1: how many instances of each service; replica i (from 2) listens on SEAT_LOCK_PORT_i and
#               BOOKING_PORT_i (default: the first's port + 100 x (i - 1)). With more than one, the
#               gateway spreads requests over them, and booking reaches seat-lock through a local
#               balancer on SEAT_LOCK_BALANCER_PORT (default SEAT_LOCK_PORT + 99), as a Kubernetes
#               Service would; BOOKING_SEAT_LOCK_URL_i points one booking replica elsewhere (a fault proxy).
#   REDIS_CLUSTER=1: a Redis Cluster instead, three masters started on REDIS_PORT, +1 and +2 (their
#                    cluster bus on each port + 10000), and seat-lock as a cluster client
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres DB_NAME=ticketing (created with the demo data if missing)
#   STACK_DIR=.local-stack (pids, logs, rendered gateway config)  HOLD_TTL=PT2M CLAIM_TTL=PT30S (seat-lock)
#   AOT=on (use each service's AOT cache, training it first if missing) | off (start without it)
#   AOT_TRAINING=1 (used by scripts/aot-train.sh: the services record an AOT cache until they stop)
#   JAVA_BIN (default: the JDK 25 that scripts/lib/jdk.sh finds)
# Before it starts anything it checks what it needs (scripts/lib/prereqs.sh): a JDK 25, psql,
# pg_isready, redis-server, redis-cli, nginx, envsubst, curl and free ports; as root on Debian or
# Ubuntu it installs what is missing with apt-get, elsewhere it prints the install command and
# stops. If `up` fails half-way, it stops what it had started, so the next `up` starts clean.
# The jars are built with ./mvnw package -DskipTests if missing, and their AOT caches trained; the
# page (web/dist) is built with npm (node and npm, installed like the rest) if missing or stale.
set -Eeuo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/prereqs.sh
. "$ROOT/scripts/lib/prereqs.sh"
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
CLAIM_TTL=${CLAIM_TTL:-PT30S}
AOT=${AOT:-on}
REPLICAS=${REPLICAS:-1}
EMBEDDED_REDIS=${EMBEDDED_REDIS:-} EMBEDDED_POSTGRES=${EMBEDDED_POSTGRES:-}
SEAT_LOCK_BALANCER_PORT=${SEAT_LOCK_BALANCER_PORT:-$((SEAT_LOCK_PORT + 99))}
AOT_TRAINING=${AOT_TRAINING:-}
# The same flags train the AOT cache and run with it (a cache is only used by a JVM configured like its trainer).
JVM_FLAGS=(-Xmx512m -XX:+UseG1GC)
SERVICE_KEY=local-only-service-key   # LOCAL-ONLY: the internal API key between the two services
export PGHOST PGPORT PGUSER

log() { printf '[local-stack] %s\n' "$*" >&2; }

now_ms() { date +%s%3N; }

wait_for() { # name url seconds [started_ms [pid]]: also writes $STACK_DIR/<name>.ready-ms, the time to ready
  local name=$1 url=$2 deadline=$((SECONDS + $3)) started=${4:-$(now_ms)} pid=${5:-}
  until curl -fs -o /dev/null "$url"; do
    if [ $SECONDS -ge $deadline ]; then log "$name not ready at $url (logs in $STACK_DIR)"; return 1; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then log "$name exited (see $STACK_DIR/${name%-service}.log)"; return 1; fi
    sleep 0.1
  done
  echo $(($(now_ms) - started)) >"$STACK_DIR/${name%-service}.ready-ms"
  log "$name ready in $(cat "$STACK_DIR/${name%-service}.ready-ms") ms ($url)"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

redis_answers() { # port: PING answered with PONG (no redis-cli needed)
  local reply
  reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'PING\r\n' >&3 && read -r -t 2 line <&3 && echo "$line") 2>/dev/null)
  [[ $reply == +PONG* ]]
}

# The tests' embedded Redis or PostgreSQL (test-support's EmbeddedServers, the same Maven artifacts),
# for a machine that has no server of its own and cannot install one.
start_embedded() { # redis|postgres args...
  local kind=$1 classpath="$STACK_DIR/embedded.classpath"
  shift
  if [ ! -s "$classpath" ]; then
    (cd "$ROOT" && ./mvnw -B -q -ntp dependency:build-classpath -pl test-support -Dmdep.outputFile="$classpath" >&2)
  fi
  log "no $kind server here and none could be installed: starting the embedded one the tests use"
  nohup "$JAVA_BIN" -Xmx128m -cp "$ROOT/test-support/target/classes:$(cat "$classpath")" \
    io.ticketing.testsupport.EmbeddedServers "$kind" "$@" >"$STACK_DIR/$kind.log" 2>&1 &
  echo $! >"$STACK_DIR/$kind-embedded.pid"
  for _ in $(seq 1 240); do
    grep -qx ready "$STACK_DIR/$kind.log" && return 0
    kill -0 "$(cat "$STACK_DIR/$kind-embedded.pid")" 2>/dev/null || break
    sleep 0.25
  done
  log "the embedded $kind did not start (see $STACK_DIR/$kind.log)"
  return 1
}

ensure_postgres() {
  if [ -n "$EMBEDDED_POSTGRES" ] && ! port_open "$PGPORT"; then
    PGUSER=postgres
    start_embedded postgres "$PGPORT" "$STACK_DIR/pgdata" "$DB_NAME"
    return
  fi
  if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
      ticketing_require_tools pg_ctlcluster
    fi
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

# The Redis seat-lock is told to use: one server, or the cluster's three masters.
redis_hosts() {
  if [ "${REDIS_CLUSTER:-}" = 1 ]; then
    echo "redis://127.0.0.1:$REDIS_PORT,redis://127.0.0.1:$((REDIS_PORT + 1)),redis://127.0.0.1:$((REDIS_PORT + 2))"
  else
    echo "redis://127.0.0.1:$REDIS_PORT"
  fi
}

start_redis_cluster() {
  local port nodes=()
  log "starting a Redis Cluster: three masters on ports $REDIS_PORT-$((REDIS_PORT + 2))"
  for port in "$REDIS_PORT" $((REDIS_PORT + 1)) $((REDIS_PORT + 2)); do
    mkdir -p "$STACK_DIR/redis-$port"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --cluster-enabled yes \
      --cluster-config-file nodes.conf --save "" --appendonly no --dir "$STACK_DIR/redis-$port" \
      --logfile "$STACK_DIR/redis-$port/redis.log" --pidfile "$STACK_DIR/redis-cluster-$port.pid"
    for _ in $(seq 1 20); do redis_answers "$port" && break; sleep 0.25; done
    nodes+=("127.0.0.1:$port")
  done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$STACK_DIR/redis-cluster-create.log" 2>&1
  for _ in $(seq 1 40); do
    redis-cli -p "$REDIS_PORT" cluster info 2>/dev/null | grep -q '^cluster_state:ok' && return 0
    sleep 0.25
  done
  echo "error: the Redis Cluster did not come up (see $STACK_DIR/redis-cluster-create.log)" >&2
  return 1
}

ensure_redis() {
  if [ "${REDIS_CLUSTER:-}" = 1 ]; then
    start_redis_cluster
  elif redis_answers "$REDIS_PORT"; then
    log "using the Redis already on port $REDIS_PORT"
  elif [ -n "$EMBEDDED_REDIS" ]; then
    start_embedded redis "$REDIS_PORT"
  else
    log "starting redis-server on port $REDIS_PORT"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir "$STACK_DIR" --logfile "$STACK_DIR/redis.log" --pidfile "$STACK_DIR/redis.pid"
    for _ in $(seq 1 20); do redis_answers "$REDIS_PORT" && break; sleep 0.25; done
  fi
}

ensure_jars() {
  if [ ! -f "$ROOT/seat-lock-service/target/quarkus-app/quarkus-run.jar" ] \
      || [ ! -f "$ROOT/booking-service/target/quarkus-app/quarkus-run.jar" ] \
      || [ ! -f "$ROOT/load-tests/target/load-tests.jar" ]; then
    log "building the services (./mvnw package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests)
  fi
}

# The page the gateway serves at / (web/dist), built with npm when missing or older than its sources.
ensure_web() {
  local dist="$ROOT/web/dist/index.html"
  if [ -f "$dist" ] && [ -z "$(find "$ROOT/web/src" "$ROOT/web/public" "$ROOT/web/package-lock.json" -newer "$dist" -print -quit)" ]; then
    return 0
  fi
  ticketing_require_tools node npm
  log "building the page (npm ci, npm run build in web/)"
  (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error >&2 && npm run --silent build >&2)
}

# APP_ROOT: where the built services are (scripts/bench.sh points it at an older build to compare).
app_dir() { echo "${APP_ROOT:-$ROOT}/$1-service/target/quarkus-app"; }

# A cache fits only the build that trained it: one older than its quarkus-run.jar is trained again.
aot_fresh() { [ "$(app_dir "$1")/app.aot" -nt "$(app_dir "$1")/quarkus-run.jar" ]; }

# Each service's AOT cache (app.aot beside quarkus-run.jar), trained on a stack of its own when missing.
ensure_aot() {
  [ "$AOT" = on ] && [ -z "$AOT_TRAINING" ] || return 0
  if ! aot_fresh seat-lock || ! aot_fresh booking; then
    log "training the AOT caches (scripts/aot-train.sh, about a minute, once per build)"
    "$ROOT/scripts/aot-train.sh" >"$STACK_DIR/aot-train.log" 2>&1 \
      || { log "AOT training failed (see $STACK_DIR/aot-train.log); starting without a cache"; return 0; }
  fi
}

# JVM options of a service: the shared flags and its AOT cache (recorded while training, else used if present).
jvm_options() {
  local app; app=$(app_dir "$1")
  printf '%s\n' "${JVM_FLAGS[@]}"
  if [ -n "$AOT_TRAINING" ]; then
    printf '%s\n' "-XX:AOTCacheOutput=$app/app.aot"
  elif [ "$AOT" = on ] && aot_fresh "$1"; then
    printf '%s\n' "-XX:AOTCache=$app/app.aot"
  fi
}

# The port of a service's replica: seat-lock, seat-lock-2, ... booking, booking-2, ...
replica_port() { # service replica
  local base var
  case "$1" in seat-lock) base=$SEAT_LOCK_PORT var=SEAT_LOCK_PORT_$2 ;; *) base=$BOOKING_PORT var=BOOKING_PORT_$2 ;; esac
  if [ "$2" = 1 ]; then echo "$base"; else echo "${!var:-$((base + 100 * ($2 - 1)))}"; fi
}

# Where booking replica i finds seat-lock: the one instance, or the balancer in front of several.
seat_lock_url_for() { # replica
  local var=BOOKING_SEAT_LOCK_URL_$1
  if [ -n "${!var:-}" ]; then echo "${!var}"
  elif [ "$REPLICAS" -gt 1 ]; then echo "http://127.0.0.1:$SEAT_LOCK_BALANCER_PORT"
  else echo "http://127.0.0.1:$SEAT_LOCK_PORT"; fi
}

start_service() {
  local name=$1 started service replica port
  service=${name%-[0-9]*}
  replica=${name#"$service"}
  replica=${replica#-}
  replica=${replica:-1}
  port=$(replica_port "$service" "$replica")
  case "$service" in
    seat-lock)
      started=$(now_ms)
      QUARKUS_HTTP_PORT=$port \
      QUARKUS_REDIS_HOSTS="$(redis_hosts)" \
      QUARKUS_REDIS_CLIENT_TYPE=$([ "${REDIS_CLUSTER:-}" = 1 ] && echo cluster || echo standalone) \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/dev/jwt-public.pem" \
      SEAT_LOCK_INTERNAL_API_KEY=$SERVICE_KEY \
      SEAT_LOCK_HOLD_TTL=$HOLD_TTL SEAT_LOCK_CLAIM_TTL=$CLAIM_TTL \
      nohup "$JAVA_BIN" $(jvm_options seat-lock) -jar "$(app_dir seat-lock)/quarkus-run.jar" \
        >>"$STACK_DIR/$name.log" 2>&1 &
      echo $! >"$STACK_DIR/$name.pid"
      wait_for "$name-service" "http://127.0.0.1:$port/q/health/ready" 90 "$started" "$!"
      ;;
    booking)
      started=$(now_ms)
      QUARKUS_HTTP_PORT=$port \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB_NAME" \
      QUARKUS_DATASOURCE_USERNAME=$PGUSER \
      BOOKING_DEMO_DATA=true \
      QUARKUS_REST_CLIENT_SEAT_LOCK_URL="$(seat_lock_url_for "$replica")" \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/dev/jwt-public.pem" \
      BOOKING_SEAT_LOCK_SERVICE_KEY=$SERVICE_KEY \
      nohup "$JAVA_BIN" $(jvm_options booking) -jar "$(app_dir booking)/quarkus-run.jar" \
        >>"$STACK_DIR/$name.log" 2>&1 &
      echo $! >"$STACK_DIR/$name.pid"
      wait_for "$name-service" "http://127.0.0.1:$port/q/health/ready" 90 "$started" "$!"
      ;;
    *) log "unknown service $name (seat-lock | booking, or seat-lock-2 ... for a replica)"; return 2 ;;
  esac
}

stop_pid() { # pidfile
  local pidfile=$1
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  # SIGTERM: the service drains (quarkus.shutdown.*); a training JVM then also writes its AOT cache.
  local quarter_seconds=80
  [ -z "$AOT_TRAINING" ] || quarter_seconds=480
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 $quarter_seconds); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

start_gateway() {
  mkdir -p "$STACK_DIR/nginx/logs" "$STACK_DIR/nginx/tmp"
  cp "$ROOT/gateway/nginx-local.conf" "$STACK_DIR/nginx/nginx.conf"
  SEAT_LOCK_UPSTREAM="127.0.0.1:$SEAT_LOCK_PORT" BOOKING_UPSTREAM="127.0.0.1:$BOOKING_PORT" \
  GATEWAY_LISTEN="127.0.0.1:$GATEWAY_PORT" GATEWAY_WEB_ROOT="$ROOT/web/dist" \
  GATEWAY_USER_RATE="${GATEWAY_USER_RATE:-10r/s}" GATEWAY_USER_BURST="${GATEWAY_USER_BURST:-20}" \
    envsubst '${SEAT_LOCK_UPSTREAM} ${BOOKING_UPSTREAM} ${GATEWAY_LISTEN} ${GATEWAY_WEB_ROOT} ${GATEWAY_USER_RATE} ${GATEWAY_USER_BURST}' \
    <"$ROOT/gateway/ticketing.conf.template" >"$STACK_DIR/nginx/ticketing.conf"
  if [ "$REPLICAS" -gt 1 ]; then
    # Every replica behind the gateway's upstreams, and a balancer for booking's calls to seat-lock.
    local i extra_seat_lock="" extra_booking=""
    for i in $(seq 2 "$REPLICAS"); do
      extra_seat_lock+="    server 127.0.0.1:$(replica_port seat-lock "$i") max_fails=0;"$'\n'
      extra_booking+="    server 127.0.0.1:$(replica_port booking "$i") max_fails=0;"$'\n'
    done
    awk -v first_seat_lock="server 127.0.0.1:$SEAT_LOCK_PORT " -v first_booking="server 127.0.0.1:$BOOKING_PORT " \
        -v more_seat_lock="${extra_seat_lock%$'\n'}" -v more_booking="${extra_booking%$'\n'}" \
      '{ print } index($0, first_seat_lock) { print more_seat_lock } index($0, first_booking) { print more_booking }' \
      "$STACK_DIR/nginx/ticketing.conf" >"$STACK_DIR/nginx/ticketing.conf.new"
    mv "$STACK_DIR/nginx/ticketing.conf.new" "$STACK_DIR/nginx/ticketing.conf"
    SEAT_LOCK_BALANCER_LISTEN="127.0.0.1:$SEAT_LOCK_BALANCER_PORT" envsubst '${SEAT_LOCK_BALANCER_LISTEN}' \
      <"$ROOT/gateway/seat-lock-balancer.conf.template" >"$STACK_DIR/nginx/balancer.conf"
  fi
  nginx -p "$STACK_DIR/nginx" -c nginx.conf -g 'daemon on;'
  wait_for gateway "http://127.0.0.1:$GATEWAY_PORT/gateway/health" 10
}

running() { [ -f "$STACK_DIR/$1.pid" ] && kill -0 "$(cat "$STACK_DIR/$1.pid")" 2>/dev/null; }

replica_name() { if [ "$2" = 1 ]; then echo "$1"; else echo "$1-$2"; fi; } # service replica

# Everything `up` needs, checked before it starts anything.
preflight() {
  ticketing_use_jdk
  JAVA_BIN=${JAVA_BIN:-$JAVA_HOME/bin/java}
  ticketing_require_tools nginx envsubst curl
  # Redis and PostgreSQL: a server already answering is used; else the machine's own, installed if
  # need be; else (none, and none can be installed) the embedded ones the tests use.
  EMBEDDED_REDIS= EMBEDDED_POSTGRES=
  if ! redis_answers "$REDIS_PORT" && ! ticketing_require_tools redis-server 2>/dev/null; then
    EMBEDDED_REDIS=1
  fi
  if ! ticketing_require_tools psql pg_isready 2>/dev/null; then
    if port_open "$PGPORT"; then
      ticketing_require_tools psql pg_isready   # a server to use, but no client: say what to install
    fi
    EMBEDDED_POSTGRES=1
  fi
  local ports=()
  local i
  for i in $(seq 1 "$REPLICAS"); do
    running "$(replica_name seat-lock "$i")" || ports+=("$(replica_port seat-lock "$i")")
    running "$(replica_name booking "$i")" || ports+=("$(replica_port booking "$i")")
  done
  [ -f "$STACK_DIR/nginx/logs/nginx.pid" ] || ports+=("$GATEWAY_PORT")
  if [ "$REPLICAS" -gt 1 ] && [ ! -f "$STACK_DIR/nginx/logs/nginx.pid" ]; then ports+=("$SEAT_LOCK_BALANCER_PORT"); fi
  ticketing_require_free_ports "${ports[@]}"
}

up() {
  preflight
  mkdir -p "$STACK_DIR"
  # A failure half-way stops what this `up` started, so that the next `up` starts clean.
  trap 'log "up failed: stopping what it started"; down >/dev/null 2>&1 || true' ERR
  ensure_jars
  ensure_web
  ensure_aot
  ensure_postgres
  ensure_redis
  local i
  for i in $(seq 1 "$REPLICAS"); do running "$(replica_name seat-lock "$i")" || start_service "$(replica_name seat-lock "$i")"; done
  for i in $(seq 1 "$REPLICAS"); do running "$(replica_name booking "$i")" || start_service "$(replica_name booking "$i")"; done
  [ -f "$STACK_DIR/nginx/logs/nginx.pid" ] || start_gateway
  trap - ERR
  log "up: gateway http://127.0.0.1:$GATEWAY_PORT  (token: scripts/dev-token.sh USER_ID)"
}

# The single redis-server `up` started, if it did (its data is not saved: it starts again empty).
stop_redis() {
  if [ -f "$STACK_DIR/redis.pid" ]; then
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || stop_pid "$STACK_DIR/redis.pid"
    rm -f "$STACK_DIR/redis.pid"
  fi
}

down() {
  if [ -f "$STACK_DIR/nginx/logs/nginx.pid" ]; then
    nginx -p "$STACK_DIR/nginx" -c nginx.conf -s quit 2>/dev/null || true
    for _ in $(seq 1 20); do [ -f "$STACK_DIR/nginx/logs/nginx.pid" ] || break; sleep 0.25; done
    rm -f "$STACK_DIR/nginx/logs/nginx.pid"
  fi
  local pidfile
  for pidfile in "$STACK_DIR"/booking.pid "$STACK_DIR"/booking-[0-9]*.pid; do stop_pid "$pidfile"; done
  for pidfile in "$STACK_DIR"/seat-lock.pid "$STACK_DIR"/seat-lock-[0-9]*.pid; do stop_pid "$pidfile"; done
  stop_redis
  for pidfile in "$STACK_DIR"/redis-cluster-*.pid; do
    [ -f "$pidfile" ] || continue
    local port=${pidfile##*-}
    port=${port%.pid}
    redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || stop_pid "$pidfile"
    rm -f "$pidfile"
  done
  # The embedded servers, if `up` started them (SIGTERM: they stop their server as they exit).
  stop_pid "$STACK_DIR/redis-embedded.pid"
  stop_pid "$STACK_DIR/postgres-embedded.pid"
  if [ -f "$STACK_DIR/postgres.started" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main stop || true
    rm -f "$STACK_DIR/postgres.started"
  fi
  log "down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  stop) if [ "${2:?service}" = redis ]; then stop_redis; else stop_pid "$STACK_DIR/$2.pid"; fi; log "stopped $2" ;;
  kill) [ -f "$STACK_DIR/${2:?service}.pid" ] && kill -9 "$(cat "$STACK_DIR/$2.pid")" 2>/dev/null; rm -f "$STACK_DIR/$2.pid"; log "killed $2" ;;
  start)
    if [ "${2:?service}" = redis ]; then ensure_redis
    else ticketing_use_jdk; JAVA_BIN=${JAVA_BIN:-$JAVA_HOME/bin/java}; mkdir -p "$STACK_DIR"; start_service "$2"; fi ;;
  *) echo "usage: $0 up | down | stop SERVICE | kill SERVICE | start SERVICE (SERVICE: seat-lock[-N] | booking[-N] | redis)" >&2; exit 2 ;;
esac
