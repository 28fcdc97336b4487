#!/usr/bin/env bash
# Evaluation of related thinking (not a benchmark of speed): for every labelled corpus under
# src/test/resources/related-corpus/ and the demo blog, prints precision@3 and nDCG@3, each tag
# with what the engine makes of it (rarity, how alike its posts read, category share, split,
# coherence) and every miss: the post, the wrong post shown and where, the score's parts, and the
# best post of its own topic that was left out. Then a leave-one-corpus-out cross-validation
# over a grid of weights.
# Usage: bench/related-eval.sh
#        CORPORA=corpus,generic-first,workshop,thinking bench/related-eval.sh   (tuning: leaves
#        the held-out corpus unseen)
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
if [ -n "${CORPORA:-}" ]; then args+=("-Drelated.corpora=$CORPORA"); fi
mvn -q -B test -Dspotless.check.skip=true \
  -Dtest='RelatedCorporaTest#theReportNamesEveryCorpus+weightsChosenOnSomeCorporaHoldOnTheOthers' \
  -Dsurefire.failIfNoSpecifiedTests=false "${args[@]}" 2>&1 \
  | grep -av '^SLF4J\|^\[INFO\]\|^\[ERROR\]\|^\s*at '
