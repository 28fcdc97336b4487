#!/usr/bin/env bash
# Discovery benchmark (not a test): generates POSTS synthetic published posts (default 10,000)
# in a server of its own, then prints
#   - the time of a full rebuild of the related lists and of the search index (at start-up,
#     from messages.log), and
#   - p50 / p99 of a post page query with related(first: 3), and of a two-word search,
#     REQUESTS each (default 1,000), sent one at a time over loopback,
#   - the server's peak resident memory during the rebuild and the requests, and
#   - a restart with up-to-date indexes: seconds from 'server start' to ready.
# HEAP (default 1g) is the server's -Xmx.
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
make_server benchServer "$PORT" JOTTER_DEMO_SEED=false "JVM_ARGS=-Xmx${HEAP:-1g}"
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
rss_peak=0
sample_rss() {
  local pid rss
  pid=$(cat "$WLP/usr/servers/.pid/benchServer.pid" 2>/dev/null || true)
  rss=$( [ -n "$pid" ] && ps -o rss= -p "$pid" 2>/dev/null || echo 0)
  rss=${rss// /}
  if [ "${rss:-0}" -gt "$rss_peak" ]; then rss_peak=$rss; fi
}
# above 2,000 posts the related lists are rebuilt in the background: wait for the rebuild
for _ in $(seq 1 1800); do
  sample_rss
  if grep -q "Discovery ready" "$SERVER/logs/messages.log"; then break; fi
  sleep 1
done
grep -h "Discovery ready" "$SERVER/logs/messages.log" | sed 's/.*Discovery ready/Discovery ready/'
echo "== $REQUESTS requests of each kind, one at a time"
( while sleep 1; do ps -o rss= -p "$(cat "$WLP/usr/servers/.pid/benchServer.pid")"; done ) \
  > target/bench-rss.txt 2>/dev/null &
sampler=$!
java bench/Load.java "http://localhost:$PORT" "$POSTS" "$REQUESTS"
kill "$sampler" 2>/dev/null || true
for rss in $(cat target/bench-rss.txt); do
  if [ "$rss" -gt "$rss_peak" ]; then rss_peak=$rss; fi
done
echo "peak resident memory during the rebuild and the requests: $((rss_peak / 1024)) MiB"
echo "== restart with up-to-date indexes"
stop
: > "$SERVER/logs/messages.log"
t0=$(date +%s.%N)
start
t1=$(date +%s.%N)
echo "restart to ready: $(python3 -c "print(round($t1 - $t0, 1))") s"
grep -h "Discovery ready\|Related engine loaded" "$SERVER/logs/messages.log" | sed 's/.*\(Discovery ready\|Related engine loaded\)/\1/'
for _ in $(seq 1 600); do
  if grep -q "Related engine loaded" "$SERVER/logs/messages.log"; then break; fi
  sleep 1
done
grep -h "Related engine loaded" "$SERVER/logs/messages.log" | sed 's/.*Related engine loaded/Related engine loaded/' 
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
