#!/usr/bin/env bash
# Soak (not a test): DURATION seconds (default 600) of mixed load on a fresh demo blog over
# loopback — anonymous reads with wrk (home page, a post with related thinking, a search, the tag
# list), a staff user publishing or editing a post every second, hostile requests mixed in — and
# prints the requests served, the count of HTTP 5xx answers (must be 0), read latency p50/p99, and
# the server's resident memory and its heap in use after a full GC, at start and end (must stay
# flat). The server runs with -Xmx512m (HEAP=...) so that resident memory means something.
# Usage: bench/soak.sh        (DURATION=60 bench/soak.sh for a short run; needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-600}
PORT=${PORT:-9650}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
source bench/server.sh

build_jotter
make_server benchSoak "$PORT"
# a bounded heap, so that resident memory says whether anything accumulates (unbounded, the JVM
# grows its heap towards a quarter of the machine's memory whatever the load)
printf -- '-Xmx%s\n' "${HEAP:-512m}" > "$WLP/usr/servers/benchSoak/jvm.options"
trap 'stop_server benchSoak 2>/dev/null || true' EXIT
start_server benchSoak "$PORT"
pid=$(cat "$WLP/usr/servers/.pid/benchSoak.pid")
rss() { awk '/VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$pid/status"; }
# the heap still in use after a full collection: what the application really holds
live() {
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/garbage-first heap|used/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i + 1); exit}}'
}
echo "== warm-up (30 s of reads)"
wrk -t2 -c8 -d30s -s bench/soak-reads.lua "http://localhost:$PORT" >/dev/null
echo "== resident memory at start: $(rss); heap in use after a full GC: $(live)"
java bench/Soak.java "http://localhost:$PORT" "$DURATION" > target/soak-writer.txt &
writer=$!
(for _ in $(seq 1 $((DURATION / 60))); do sleep 60; echo "   resident memory: $(rss)"; done) &
sampler=$!
wrk -t2 -c8 -d"${DURATION}s" --latency -s bench/soak-reads.lua "http://localhost:$PORT" \
  | tee target/soak-reads.txt | grep -E "requests in|Latency|50%|99%|Non-2xx|Socket errors"
wait "$writer"
kill "$sampler" 2>/dev/null || true
cat target/soak-writer.txt
echo "== resident memory at end: $(rss); heap in use after a full GC: $(live)"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
