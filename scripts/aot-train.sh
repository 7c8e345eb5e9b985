#!/usr/bin/env bash
# Trains each service's AOT cache (JDK 25 Leyden, JEP 483/514/515): starts both packaged services on
# a stack of their own (scripts/e2e.sh: free ports, a private Redis, a fresh PostgreSQL database)
# with -XX:AOTCacheOutput, loads them through the gateway with the traffic of a sale
# (load-tests Train: holds, conflicts, verify, extend, release, bookings with and without a
# hold, conflicts at booking, seat maps, lists, cancels), then stops them: each JVM writes its
# app.aot beside its quarkus-run.jar as it exits. Every way of running the services uses that file
# when it is there (-XX:AOTCache=app.aot), and starts without it, a little slower, when it is not.
# The cache fits only the JVM build that trained it: train with the JDK that will run the service.
# AOT_TRAINING_SECONDS (default 20): how long the load runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
for service in seat-lock booking; do
  [ -f "$service-service/target/quarkus-app/quarkus-run.jar" ] \
    || { echo "aot-train: build first (./mvnw package -DskipTests)" >&2; exit 1; }
  rm -f "$service-service/target/quarkus-app/app.aot"
done
started=$SECONDS
AOT_TRAINING=1 E2E_STACK_DIR="$ROOT/target/aot-training" E2E_DB_NAME=ticketing_aot scripts/e2e.sh Train
for service in seat-lock booking; do
  cache="$service-service/target/quarkus-app/app.aot"
  [ -f "$cache" ] || { echo "aot-train: $cache was not written (see target/aot-training/$service.log)" >&2; exit 1; }
  echo "aot-train: $cache $(($(stat -c %s "$cache") / 1048576)) MiB"
done
echo "aot-train: done in $((SECONDS - started)) s"
