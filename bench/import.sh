#!/usr/bin/env bash
# The import benchmark (not a test): an empty Jotter of its own imports a generated Markdown zip of
# POSTS posts (POST /imports, then startImport, followed with importJob), then the same file again
# (nothing changes), then exports the blog; prints the times and posts per second.
# Usage: bench/import.sh            (10,000 posts)
#        POSTS=2000 bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS=${POSTS:-10000}
PORT=${PORT:-9660}
EMAIL=bench@import.test
PASSWORD="a long bench password"
source bench/server.sh

build_jotter
trap 'stop_server benchImport 2>/dev/null || true' EXIT
make_server benchImport "$PORT" JOTTER_DEMO_SEED=false "JOTTER_ADMIN_EMAIL=$EMAIL" \
  "JOTTER_ADMIN_PASSWORD=$PASSWORD" JOTTER_ADMIN_NAME=Bench "${EXTRA_ENV:-JOTTER_BENCH=1}"
start_server benchImport "$PORT"
java bench/Import.java "http://localhost:$PORT" "$EMAIL" "$PASSWORD" "$POSTS"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
