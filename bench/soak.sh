#!/usr/bin/env bash
# Soak (not a test): DURATION seconds (default 600) of mixed load on a fresh demo blog over
# loopback — anonymous reads with wrk (home page, a post with related thinking, a search, the tag
# list), a staff user publishing or editing a post every second, hostile requests mixed in — and
# prints the requests served, the count of HTTP 5xx answers (must be 0), read latency p50/p99, and
# the server's resident memory at start and end (must stay flat).
# Usage: bench/soak.sh        (DURATION=60 bench/soak.sh for a short run; needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-600}
PORT=${PORT:-9295}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
source bench/server.sh

build_jotter
make_server benchSoak "$PORT"
trap 'stop_server benchSoak 2>/dev/null || true' EXIT
start_server benchSoak "$PORT"
pid=$(cat "$WLP/usr/servers/.pid/benchSoak.pid")
rss() { awk '/VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$pid/status"; }
echo "== warm-up (30 s of reads)"
wrk -t2 -c8 -d30s -s bench/soak-reads.lua "http://localhost:$PORT" >/dev/null
echo "== resident memory at start: $(rss)"
java bench/Soak.java "http://localhost:$PORT" "$DURATION" > target/soak-writer.txt &
writer=$!
(for _ in $(seq 1 $((DURATION / 60))); do sleep 60; echo "   resident memory: $(rss)"; done) &
sampler=$!
wrk -t2 -c8 -d"${DURATION}s" --latency -s bench/soak-reads.lua "http://localhost:$PORT" \
  | tee target/soak-reads.txt | grep -E "requests in|Latency|50%|99%|Non-2xx|Socket errors"
wait "$writer"
kill "$sampler" 2>/dev/null || true
cat target/soak-writer.txt
echo "== resident memory at end: $(rss)"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
