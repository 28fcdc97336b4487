#!/usr/bin/env bash
# Discovery benchmark (not a test): generates POSTS synthetic published posts (default 10,000)
# in a server of its own, then prints
#   - the time of a full rebuild of the related lists and of the search index (at start-up,
#     from messages.log), and
#   - p50 / p99 of a post page query with related(first: 3), and of a two-word search,
#     REQUESTS each (default 1,000), sent one at a time over loopback.
# Usage: bench/run.sh            (POSTS=2000 REQUESTS=300 bench/run.sh for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS=${POSTS:-10000}
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-9280}
source bench/server.sh
SERVER=$WLP/usr/servers/benchServer

build_jotter
CP="target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile=/dev/stdout)"
make_server benchServer "$PORT" JOTTER_DEMO_SEED=false
start() { start_server benchServer "$PORT"; }
stop() { stop_server benchServer; }
trap 'stop 2>/dev/null || true' EXIT

echo "== first start: Flyway creates the schema"
start
stop
echo "== generating $POSTS posts"
java -cp "$CP" bench/Generate.java "jdbc:h2:file:$(pwd)/$SERVER/data/jotter" "$POSTS"
echo "== second start: discovery finds its indexes stale and rebuilds them"
start
# above 2,000 posts the related lists are rebuilt in the background: wait for the rebuild
for _ in $(seq 1 900); do
  if grep -q "Discovery ready" "$SERVER/logs/messages.log"; then break; fi
  sleep 1
done
grep -h "Discovery ready" "$SERVER/logs/messages.log" | sed 's/.*Discovery ready/Discovery ready/'
echo "== $REQUESTS requests of each kind, one at a time"
java bench/Load.java "http://localhost:$PORT" "$POSTS" "$REQUESTS"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
