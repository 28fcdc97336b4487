#!/usr/bin/env bash
# Search on several servers: Jotter's Lucene index (one per server, following the change log)
# against PostgreSQL's own full-text search, on the same POSTS synthetic posts (default 10,000).
# Prints the search index's build time and p50/p99 of a two-word search over GraphQL (Lucene, as
# a frontend sees it); then, in one process with the server stopped, p50/p99 of the same searches
# on Jotter's index and on PostgreSQL (tsvector, GIN), and the GIN index's build time.
# Needs a PostgreSQL server: JOTTER_IT_POSTGRES_URL / _USER / _PASSWORD as for the tests
# (default jdbc:postgresql://localhost:5432/, jotter_ci, jotter-ci); it uses a scratch database
# jotter_bench_search.
# Usage: bench/search.sh      (POSTS=2000 REQUESTS=300 bench/search.sh for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS=${POSTS:-10000}
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-9630}
PG_URL=${JOTTER_IT_POSTGRES_URL:-jdbc:postgresql://localhost:5432/}
PG_USER=${JOTTER_IT_POSTGRES_USER:-jotter_ci}
PG_PASSWORD=${JOTTER_IT_POSTGRES_PASSWORD:-jotter-ci}
source bench/server.sh
SERVER=$WLP/usr/servers/benchSearch

build_jotter
CP="target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=provided \
  -Dmdep.outputFile=/dev/stdout)"
make_server benchSearch "$PORT" JOTTER_DEMO_SEED=false
trap 'stop_server benchSearch 2>/dev/null || true' EXIT
start_server benchSearch "$PORT"
stop_server benchSearch
echo "== generating $POSTS posts"
java -cp "$CP" bench/Generate.java "jdbc:h2:file:$(pwd)/$SERVER/data/jotter" "$POSTS"
echo "== Lucene: the server builds its index at start, then answers searches over GraphQL"
start_server benchSearch "$PORT"
for _ in $(seq 1 900); do
  if grep -q "Discovery ready" "$SERVER/logs/messages.log"; then break; fi
  sleep 1
done
grep -h "Discovery ready" "$SERVER/logs/messages.log" | sed 's/.*Discovery ready/Discovery ready/'
java bench/Load.java "http://localhost:$PORT" "$POSTS" "$REQUESTS" | grep -i search
stop_server benchSearch
echo "== in process, the server stopped: Jotter's search index, then PostgreSQL on the same posts"
java -cp "$CP" bench/PgSearch.java "jdbc:h2:file:$(pwd)/$SERVER/data/jotter" \
  "$SERVER/data/search-index" "$PG_URL" "$PG_USER" "$PG_PASSWORD" "$REQUESTS"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
