#!/usr/bin/env bash
# Benchmark: the same stack as the end-to-end suite (packaged services, Redis, nginx, a fresh
# PostgreSQL database, all on free ports), loaded through the gateway by scripts/e2e/Bench.java,
# which prints throughput and latency percentiles. Needs the jars (./mvnw package first).
# BENCH_USERS (default 64) concurrent clients, BENCH_SECONDS (default 20) per timed load.
set -euo pipefail
exec "$(dirname "$0")/e2e.sh" Bench
