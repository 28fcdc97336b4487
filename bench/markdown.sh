#!/usr/bin/env bash
# Pathological post bodies (not a test): renders each kind of 1 MiB body built to be slow with
# Jotter's Markdown renderer and prints its time, whether it was rendered or refused, and the
# worst time. Target: every body under 1 s on 2 cores.
# Usage: bench/markdown.sh            (MAX_BYTES=262144 bench/markdown.sh for smaller bodies)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests -Dspotless.check.skip=true compile
CP="target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile=/dev/stdout)"
java -cp "$CP" bench/Markdown.java "${MAX_BYTES:-1048576}"
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
