#!/usr/bin/env bash
# Benchmark: prints figures, asserts only that the answers were right. Two parts, both on the e2e
# stack (scripts/e2e.sh: packaged services, a private Redis, nginx, a fresh PostgreSQL database,
# all on free ports, everything through the gateway):
#
#  cold  For each variant, a fresh stack loaded at once, no warm-up by the client
#        (load-tests' ColdStart): time to ready per service, the first burst (300 users lock
#        one seat, the winner books it), booking throughput in the first 20 s and from 120 s to
#        140 s, RSS idle and under load; then COLD_STARTS-1 (default 4) more fresh starts with only
#        the first burst; every start's first burst is tallied. COLD_LOAD_SECONDS=0: bursts only. Variants (COLD_START_VARIANTS):
#          java17       the last Java 17 build (BASELINE_REF, built once into target/bench/java17
#                       with the machine's JDK 17), no cache, no warm-up: what the project was
#          java25       this build on Java 25, no AOT cache, warm-up off
#          java25-warm  this build on Java 25, warm-up on, no AOT cache
#          java25-aot   this build on Java 25, AOT cache and warm-up: how it ships
#  warm  load-tests' Bench on one fresh stack (its class comment lists the scenarios): bookings cold
#        (the first thing after ready) and again warm at the end, each part's HTTP floor, holds on
#        fresh and on taken seats, bookings with and without a hold, direct and through the gateway,
#        1,000 users on one seat, 10,000 users for 1,000 seats until sold out; then the ceilings in
#        the same run: Redis running the hold script (redis-benchmark EVALSHA) and PostgreSQL running
#        one booking's SQL (pgbench). Every scenario's answers are checked against PostgreSQL and
#        Redis. A table, target/bench/bench.json and target/bench/BENCHMARKS.md.
#        BENCH_SMOKE=1: seconds-long and small, answers checked, figures meaningless (CI runs this).
#
# BENCH_ONLY=cold|warm (default: both). COLD_LOAD_SECONDS (default 140), COLD_BURST_USERS (300),
# BENCH_USERS (64), BENCH_SECONDS (20). Needs the jars (./mvnw package -DskipTests).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/prereqs.sh
. scripts/lib/prereqs.sh
ticketing_use_jdk
ticketing_require_tools pgbench redis-cli redis-benchmark
ONLY=${BENCH_ONLY:-all}
# The benchmark's virtual users are machines, each doing the work of hundreds of people: one user
# books thousands of seats of a schedule and sends hundreds of requests a second. The per-user
# limits (8 seats per schedule, 10 requests a second at the gateway) would refuse them, so they are
# lifted here; their checks still run on every request, so what they cost is measured.
export GATEWAY_USER_RATE=${GATEWAY_USER_RATE:-1000000r/s} GATEWAY_USER_BURST=${GATEWAY_USER_BURST:-1000000}
export SEAT_LOCK_SEATS_PER_USER=${SEAT_LOCK_SEATS_PER_USER:-1000000} BOOKING_SEATS_PER_USER=${BOOKING_SEATS_PER_USER:-1000000}
# Its schedules are made through the operator API, with a seat for every hold a timed run makes
# (up to 25,000 a second): more seats than a hall's 50,000, which operators may allow the same way.
export BOOKING_OPERATOR_MAX_SEATS_PER_SCHEDULE=${BOOKING_OPERATOR_MAX_SEATS_PER_SCHEDULE:-2000000}
BASELINE_REF=${BASELINE_REF:-5665ac6}
mkdir -p target/bench

baseline_java17() { # builds the last Java 17 commit once; prints its folder
  local dir="$ROOT/target/bench/java17" jdk17
  jdk17=$(ls -d /usr/lib/jvm/*17* 2>/dev/null | head -n 1)
  [ -n "$jdk17" ] || { echo "no JDK 17 under /usr/lib/jvm" >&2; return 1; }
  if [ ! -f "$dir/booking-service/target/quarkus-app/quarkus-run.jar" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    git archive "$BASELINE_REF" | tar -x -C "$dir"
    (cd "$dir" && JAVA_HOME=$jdk17 ./mvnw -B -q -ntp package -DskipTests >&2)
  fi
  echo "$dir $jdk17"
}

# Runs load-tests' ColdStart on a fresh stack of one variant; extra arguments are its environment.
cold_start() { # variant env...
  local variant=$1
  shift
  case "$variant" in
    java17)
      local app_root jdk17
      read -r app_root jdk17 < <(baseline_java17) || { echo "skipped: no Java 17 baseline" >&2; return 0; }
      env "$@" APP_ROOT="$app_root" JAVA_BIN="$jdk17/bin/java" AOT=off \
        COLD_START_VARIANT="Java 17, no cache, no warm-up ($BASELINE_REF)" scripts/e2e.sh ColdStart ;;
    java25)
      env "$@" AOT=off SEAT_LOCK_WARM_UP_ENABLED=false BOOKING_WARM_UP_ENABLED=false \
        COLD_START_VARIANT="Java 25, no cache, no warm-up" scripts/e2e.sh ColdStart ;;
    java25-warm)
      env "$@" AOT=off COLD_START_VARIANT="Java 25, warm-up, no cache" scripts/e2e.sh ColdStart ;;
    java25-aot)
      env "$@" AOT=on COLD_START_VARIANT="Java 25, AOT cache + warm-up" scripts/e2e.sh ColdStart ;;
    *) echo "unknown variant $variant" >&2; exit 2 ;;
  esac
}

if [ "$ONLY" != warm ]; then
  tsv="$ROOT/target/bench/cold-start.tsv"
  bursts="$ROOT/target/bench/first-bursts.tsv"
  : >"$tsv"
  : >"$bursts"
  for variant in ${COLD_START_VARIANTS:-java17 java25 java25-warm java25-aot}; do
    echo "=== cold start: $variant ==="
    cold_start "$variant" COLD_START_TSV="$tsv" COLD_BURSTS_TSV="$bursts"
    # More fresh starts, first burst only: does the winner book at the first press, with no 503?
    for _ in $(seq 2 "${COLD_STARTS:-5}"); do
      cold_start "$variant" COLD_LOAD_SECONDS=0 COLD_BURSTS_TSV="$bursts" >/dev/null 2>&1 || true
    done
  done
  echo
  echo "=== cold start, $(date -u +%F), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, everything on one machine ==="
  {
    printf 'variant\tseat-lock ready ms\tbooking ready ms\tfirst burst: locks then books\twinner booked at first press\t503s in burst\tbookings/s 0-20 s\tbookings/s 120-140 s\t0-20 s vs 120-140 s\tseat-lock RSS MiB idle / load\tbooking RSS MiB idle / load\n'
    cat "$tsv"
  } | column -t -s $'\t'
  echo
  echo "first burst clean (one 200, no 503, the winner's booking 201 at the first press) per fresh start:"
  awk -F'\t' '{ n[$1]++; if ($2 == "clean") c[$1]++ } END { for (v in n) printf "  %-40s %d of %d\n", v, c[v] + 0, n[v] }' "$bursts"
fi

if [ "$ONLY" != cold ]; then
  echo
  echo "=== warm: load-tests' Bench ==="
  # Holds live longer than the run, so that the check after each scenario finds every one in Redis.
  HOLD_TTL=PT5M scripts/e2e.sh Bench
fi
