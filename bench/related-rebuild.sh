#!/usr/bin/env bash
# The related engine's full rebuild alone (no server, no database), for several blog sizes, so
# anyone can see how its cost grows: prints load time, list time, cost per post and heap.
# Usage: bench/related-rebuild.sh            (SIZES="2000 10000 20000" SECTIONS=3 by default)
#        CLASSES=/other/checkout/target/classes bench/related-rebuild.sh   (another build, to compare)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-2000 10000 20000}
SECTIONS=${SECTIONS:-3}
if [ -z "${CLASSES:-}" ]; then
  mvn -q -B -o compile -Dspotless.check.skip=true 2>/dev/null || mvn -q -B compile -Dspotless.check.skip=true
  CLASSES=target/classes
fi
CP="$CLASSES:$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile=/dev/stdout)"
for n in $SIZES; do
  java -Xmx${HEAP:-8g} -cp "$CP" bench/RelatedRebuild.java "$n" "$SECTIONS"
done
