#!/usr/bin/env bash
# What durability costs (not a test): write throughput of Jotter on the embedded H2 database with
# H2's own write delay (500 ms: commits reach the file later, so a crash loses the last ones) and
# with Jotter's default (0: every commit is in the file before the answer), and, when a PostgreSQL
# server is given, on PostgreSQL (synchronous_commit on: every commit is flushed to disk).
# Each mode gets a fresh server with an empty blog; WRITERS staff clients repeat createDraft,
# updatePost and publishPost for DURATION seconds (after 5 s of warm-up).
# Usage: bench/writes.sh
#        WRITERS=4 DURATION=30 PG_URL=jdbc:postgresql://localhost:5432/jotter_bench PG_USER=jotter \
#          PG_PASSWORD=secret bench/writes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WRITERS=${WRITERS:-4}
DURATION=${DURATION:-30}
PORT=${PORT:-9640}
source bench/server.sh

build_jotter
trap 'stop_server benchWrites 2>/dev/null || true' EXIT

measure() { # LABEL ENV_LINE...
  local label=$1
  shift
  make_server benchWrites "$PORT" JOTTER_DEMO_SEED=false "$@"
  start_server benchWrites "$PORT"
  java bench/Writes.java "http://localhost:$PORT" "$WRITERS" "$DURATION" "$label"
  stop_server benchWrites
}

echo "== $WRITERS writers, $DURATION s per mode"
measure "H2, write delay 500 ms (H2's own)" JOTTER_DB_H2_WRITE_DELAY_MS=500
measure "H2, write delay 0 (Jotter's)" JOTTER_DB_H2_WRITE_DELAY_MS=0
if [ -n "${PG_URL:-}" ]; then
  measure "PostgreSQL, synchronous_commit on" JOTTER_DB_DRIVER=postgresql "JOTTER_DB_URL=$PG_URL" \
    "JOTTER_DB_USER=${PG_USER:-jotter}" "JOTTER_DB_PASSWORD=${PG_PASSWORD:-}"
fi
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
