#!/usr/bin/env bash
# Jotter at scale (a benchmark, not a test). For each blog size in SIZES (default "200 10000"):
# a server of its own is filled with that many synthetic published posts (bench/Generate.java:
# 20 topics, 30 tags, SECTIONS sections of 135 words, default 7: ~950 words a post), then it prints
#   - the generation time,
#   - the full rebuild of the related lists (and its cost a post) and of the search index, which
#     the restart after the generation runs (from messages.log),
#   - p50 / p99 of REQUESTS reads of each kind (default 1,000, one at a time over loopback, the
#     response cache off so the server's work is timed): a post page with related(first: 3), the
#     home list, a tag page, a totalCount, the archive and a two-word search (bench/Load.java),
#   - the server's peak resident memory during the rebuild and the reads, and
#   - a restart with up-to-date indexes: seconds from 'server start' to ready,
# and at the end one table of every size, each read's p50 also as a ratio to the first size's.
# HEAP (default 512m) is the server's -Xmx. DB=postgresql runs it on PostgreSQL (a database
# jotter_bench, dropped and created for each size, at PG_URL, default jdbc:postgresql://localhost:5432/,
# as PG_USER / PG_PASSWORD, default jotter_ci / jotter-ci: the CI role, which may create databases).
# Usage: bench/run.sh     SIZES="200 2000" REQUESTS=300 bench/run.sh     SIZES="200 100000" ...
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-${POSTS:-200 10000}}
REQUESTS=${REQUESTS:-1000}
SECTIONS=${SECTIONS:-7}
PORT=${PORT:-9620}
source bench/server.sh
SERVER=$WLP/usr/servers/benchServer
PID_FILE=$WLP/usr/servers/.pid/benchServer.pid
OUT=target/bench-run
mkdir -p "$OUT"

build_jotter
CP="target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile=/dev/stdout)"
start() { start_server benchServer "$PORT"; }
stop() { stop_server benchServer; }
trap 'stop 2>/dev/null || true' EXIT
rss_peak=0
sample_rss() {
  local pid rss
  pid=$(cat "$PID_FILE" 2>/dev/null || true)
  rss=$( [ -n "$pid" ] && ps -o rss= -p "$pid" 2>/dev/null || echo 0)
  rss=${rss// /}
  if [ "${rss:-0}" -gt "$rss_peak" ]; then rss_peak=$rss; fi
}
log_value() { # log_value REGEX: the first number captured by REGEX's group in messages.log
  sed -n "s/.*$1.*/\1/p" "$SERVER/logs/messages.log" | head -1
}

DB=${DB:-h2}
PG_URL=${PG_URL:-jdbc:postgresql://localhost:5432/}
PG_USER=${PG_USER:-jotter_ci}
PG_PASSWORD=${PG_PASSWORD:-jotter-ci}
for POSTS in $SIZES; do
  echo "=================== $POSTS posts on $DB"
  db_env=()
  db_args=("jdbc:h2:file:$(pwd)/$SERVER/data/jotter")
  if [ "$DB" = postgresql ]; then
    hostport=${PG_URL#jdbc:postgresql://}
    hostport=${hostport%%/*}
    export PGPASSWORD=$PG_PASSWORD
    dropdb -h "${hostport%:*}" -p "${hostport#*:}" -U "$PG_USER" --if-exists jotter_bench
    createdb -h "${hostport%:*}" -p "${hostport#*:}" -U "$PG_USER" jotter_bench
    db_env=(JOTTER_DB_DRIVER=postgresql "JOTTER_DB_URL=${PG_URL}jotter_bench"
      "JOTTER_DB_USER=$PG_USER" "JOTTER_DB_PASSWORD=$PG_PASSWORD")
    db_args=("${PG_URL}jotter_bench" "$POSTS" "$SECTIONS" "$PG_USER" "$PG_PASSWORD")
  else
    db_args+=("$POSTS" "$SECTIONS")
  fi
  make_server benchServer "$PORT" JOTTER_DEMO_SEED=false JOTTER_CACHE_RESPONSES_MAX_BYTES=0 \
    "JVM_ARGS=-Xmx${HEAP:-512m}" "${db_env[@]}"
  echo "== first start: Flyway creates the schema"
  start
  stop
  echo "== generating $POSTS posts"
  java -Xmx2g -cp "$CP" bench/Generate.java "${db_args[@]}" | tee "$OUT/generate-$POSTS.txt"
  if [ "$DB" = postgresql ]; then # the statistics autovacuum would have gathered by now
    psql -q -h "${hostport%:*}" -p "${hostport#*:}" -U "$PG_USER" -d jotter_bench -c "vacuum analyze"
  fi
  echo "== second start: discovery finds its indexes stale and rebuilds them"
  : > "$OUT/rss-$POSTS.txt"
  rss_peak=0
  start
  # above 2,000 posts the related lists are rebuilt in the background: wait for the rebuild
  for _ in $(seq 1 1800); do
    sample_rss
    if grep -q "Discovery ready" "$SERVER/logs/messages.log"; then break; fi
    sleep 1
  done
  grep -h "Discovery ready" "$SERVER/logs/messages.log" | sed 's/.*Discovery ready/Discovery ready/'
  related_ms=$(log_value 'related lists rebuilt in \([0-9]*\) ms')
  search_ms=$(log_value 'search index rebuilt in \([0-9]*\) ms')
  echo "== $REQUESTS reads of each kind, one at a time"
  ( while sleep 1; do ps -o rss= -p "$(cat "$PID_FILE")"; done ) > "$OUT/rss-$POSTS.txt" \
    2>/dev/null &
  sampler=$!
  java bench/Load.java "http://localhost:$PORT" "$POSTS" "$REQUESTS" | tee "$OUT/load-$POSTS.txt"
  kill "$sampler" 2>/dev/null || true
  for rss in $(cat "$OUT/rss-$POSTS.txt"); do
    if [ "$rss" -gt "$rss_peak" ]; then rss_peak=$rss; fi
  done
  echo "peak resident memory during the rebuild and the reads: $((rss_peak / 1024)) MiB"
  echo "== restart with up-to-date indexes"
  stop
  : > "$SERVER/logs/messages.log"
  t0=$(date +%s.%N)
  start
  t1=$(date +%s.%N)
  restart=$(python3 -c "print(round($t1 - $t0, 1))")
  echo "restart to ready: $restart s"
  for _ in $(seq 1 600); do
    if grep -q "Related engine loaded" "$SERVER/logs/messages.log"; then break; fi
    sleep 1
  done
  # above JOTTER_DISCOVERY_SYNCHRONOUS_LIMIT posts, the check of the stored indexes runs behind
  grep -hE "Discovery (serving|ready)|Related engine loaded" "$SERVER/logs/messages.log" |
    sed -E 's/.*(Discovery|Related engine)/\1/'
  engine_ms=$(log_value 'Related engine loaded in \([0-9]*\) ms')
  stop
  generation=$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$OUT/generate-$POSTS.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$POSTS" "$generation" "${related_ms:-}" \
    "${search_ms:-}" "$((rss_peak / 1024))" "$restart" "${engine_ms:-}" > "$OUT/summary-$POSTS.txt"
done

echo
echo "=================== summary ($(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"\
  "-Xmx${HEAP:-512m}, $DB, ~$((SECTIONS * 135)) words a post, $(date -u +%F))"
python3 - "$OUT" $SIZES <<'EOF'
import re, sys
out, sizes = sys.argv[1], sys.argv[2:]
print("| posts | generation | related rebuild (ms a post) | search index | peak RSS | restart to ready (engine loaded behind) |")
print("|---|---|---|---|---|---|")
reads = {}
for n in sizes:
    posts, gen, rel, search, rss, restart, engine = (open(f"{out}/summary-{n}.txt").read().rstrip("\n").split("\t") + [""] * 7)[:7]
    rel_s = f"{int(rel) / 1000:.1f} s ({int(rel) / int(posts):.2f})" if rel else "at start-up"
    search_s = f"{int(search) / 1000:.1f} s" if search else "-"
    engine_s = f" ({int(engine) / 1000:.1f} s)" if engine else ""
    print(f"| {int(posts):,} | {gen} s | {rel_s} | {search_s} | {rss} MiB | {restart} s{engine_s} |")
    for line in open(f"{out}/load-{n}.txt"):
        m = re.match(r"(.+?)\s+\d+ requests: p50 ([\d.]+) ms, p99 ([\d.]+) ms", line)
        if m:
            reads.setdefault(m.group(1), {})[n] = (float(m.group(2)), float(m.group(3)))
print()
print("| read, p50 / p99 ms | " + " | ".join(f"{int(n):,} posts" for n in sizes) + " |")
print("|---|" + "---|" * len(sizes))
for name, by in reads.items():
    base = by.get(sizes[0], (None,))[0]
    cells = []
    for n in sizes:
        if n not in by:
            cells.append("-")
            continue
        p50, p99 = by[n]
        ratio = f" ({p50 / base:.2f}x)" if base and n != sizes[0] else ""
        cells.append(f"{p50:.1f} / {p99:.1f}{ratio}")
    print(f"| {name} | " + " | ".join(cells) + " |")
EOF
