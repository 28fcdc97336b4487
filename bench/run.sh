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
WLP=target/liberty/wlp
SERVER=$WLP/usr/servers/benchServer

echo "== building Jotter and the Liberty runtime"
mvn -q -B -DskipTests -Dspotless.check.skip=true package liberty:create
CP="target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile=/dev/stdout):$WLP/usr/servers/jotter/jdbc/h2.jar"

"$WLP/bin/server" stop benchServer >/dev/null 2>&1 || true
rm -rf "$SERVER"
mkdir -p "$SERVER/dropins"
cp "$WLP/usr/servers/jotter/server.xml" "$SERVER/"
cp -r "$WLP/usr/servers/jotter/jdbc" "$SERVER/"
cp target/jotter.war "$SERVER/dropins/"
printf 'jotter.http.port=%s\njotter.https.port=%s\n' "$PORT" "$((PORT + 1))" > "$SERVER/bootstrap.properties"
# keep the keystore and LTPA passwords liberty:create generated: MicroProfile JWT needs them
cp "$WLP/usr/servers/jotter/server.env" "$SERVER/"
printf '\nJOTTER_DEMO_SEED=false\n' >> "$SERVER/server.env" # the generated file may lack a final newline

start() {
  "$WLP/bin/server" start benchServer >/dev/null
  for _ in $(seq 1 600); do
    if curl -sf "http://localhost:$PORT/health" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "benchServer did not become healthy; see $SERVER/logs/messages.log" >&2
  exit 1
}
stop() { "$WLP/bin/server" stop benchServer >/dev/null; }
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
