#!/usr/bin/env bash
# HTTP benchmark (not a test): wrk on loopback against a server of its own, on a generated blog of
# POSTS posts (~950 words each), with the response cache on and off. For each of
#   static      a static file (/app/style.css)
#   typename    { __typename }
#   post        the reader's post page: post, author cards, tags, reading time, related with reasons
#   home        the home list: 20 posts with tags and authors
#   related     a post's related list alone
#   search      a two-word search
# it prints req/s, p50 and p99 (wrk -t2 -c32 -d${DURATION}s --latency, after a warm-up), the
# server's largest resident memory, and the targets as ratios within the run:
#   post with the cache >= 50 % of static and p99 < 20 ms; post without >= 30 % of typename;
#   home without >= 15 % of typename; RSS <= 400 MiB.
# Usage: bench/http.sh   (POSTS=10000 bench/http.sh for the large blog; DURATION=10 for a quick run;
#        CACHE=off and ONLY="typename post" for part of it, without the targets;
#        MODELS=off to switch off the read models of posts and related lists under the cache too)
#        PROFILE=post bench/http.sh   instead loads one kind of request, with the response cache
#        off, under Java Flight Recorder, and prints where the CPU time went (bench/JfrTop.java);
#        the recording stays in target/bench-http-PROFILE.jfr for 'jfr print' or JDK Mission Control.
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS=${POSTS:-200}
DURATION=${DURATION:-30}
PORT=${PORT:-9610}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
source bench/server.sh
NAME=benchHttp
SERVER=$WLP/usr/servers/$NAME

build_jotter
CP="target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile=/dev/stdout)"
trap 'kill ${SAMPLER:-} 2>/dev/null; rm -f "${PEAK:-}"; stop_server $NAME 2>/dev/null || true' EXIT

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
gql() { echo "/graphql?query=$(enc "$1")${2:+&variables=$(enc "$2")}"; }
SLUG=bench-post-$((POSTS / 2))
declare -A PATHS=(
  [static]=/app/style.css
  [typename]=$(gql '{ __typename }')
  [post]=$(gql 'query PostPage($slug: String!) { post(slug: $slug) { slug title subtitle html
    headings { level text anchor } publishedAt readingTime { label } primaryTag { name slug }
    tags { name slug } author { name slug } authors { name slug bio avatarUrl }
    related(first: 3) { score reasons sharedTags { name slug }
      post { slug title readingTime { label } primaryTag { name slug } } } } }' "{\"slug\":\"$SLUG\"}")
  [home]=$(gql '{ posts(first: 20) { edges { node { slug title excerpt publishedAt
    readingTime { label } primaryTag { name slug } tags { name slug } authors { name slug } } } } }')
  [related]=$(gql "{ post(slug: \"$SLUG\") { related(first: 3) { score reasons post { slug title } } } }")
  [search]=$(gql '{ search(query: "time people", first: 10) { totalCount edges { node { snippet post { slug title } } } } }')
)
ORDER=${ONLY:-static typename post home related search}

rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$(cat "$WLP/usr/servers/.pid/$NAME.pid")/status"; }
# The largest resident memory of the server, sampled every half second for the whole run by a
# process of its own (a sample taken inside run would be lost: run's output is read through a
# subshell, and a variable set there never reaches this shell).
PEAK=$(mktemp)
echo 0 > "$PEAK"
( while sleep 0.5; do
    r=$(rss 2>/dev/null) || continue
    [ -n "$r" ] && [ "$r" -gt "$(cat "$PEAK")" ] && echo "$r" > "$PEAK"
  done ) &
SAMPLER=$!

# run NAME: prints "req/s p50_ms p99_ms"
run() {
  local url="http://127.0.0.1:$PORT${PATHS[$1]}" out
  out=$(wrk -t2 -c32 -d"${DURATION}s" --latency "$url")
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = ms($2) } / 99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { if (bad > 0) { print "non-2xx answers: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

echo "== a blog of $POSTS posts"
# discovery holds every post's terms in memory: a large blog needs more than the shipped 192 MB heap
heap=(); [ "$POSTS" -gt 1000 ] && heap=(JVM_ARGS=-Xmx2g)
make_server $NAME "$PORT" JOTTER_DEMO_SEED=false "${heap[@]}"
start_server $NAME "$PORT"
stop_server $NAME
java -cp "$CP" bench/Generate.java "jdbc:h2:file:$(pwd)/$SERVER/data/jotter" "$POSTS" 7
if [ "${MODELS:-on}" = off ]; then # no post or related list kept in memory either: every read is SQL
  printf 'JOTTER_CACHE_POSTS_MAX_BYTES=0\nJOTTER_CACHE_RELATED_MAX_LISTS=0\n' >> "$SERVER/server.env"
fi

if [ -n "${PROFILE:-}" ]; then
  [ -n "${PATHS[$PROFILE]:-}" ] || { echo "PROFILE is one of: $ORDER" >&2; exit 1; }
  echo "JOTTER_CACHE_RESPONSES_MAX_BYTES=0" >> "$SERVER/server.env"
  start_server $NAME "$PORT"
  for _ in $(seq 1 900); do grep -q "Discovery ready" "$SERVER/logs/messages.log" && break; sleep 1; done
  url="http://127.0.0.1:$PORT${PATHS[$PROFILE]}"
  curl -sf -o /dev/null "$url" || { echo "$PROFILE fails: $url" >&2; exit 1; }
  wrk -t2 -c32 -d10s "$url" >/dev/null
  pid=$(cat "$WLP/usr/servers/.pid/$NAME.pid")
  jfr=$(pwd)/target/bench-http-$PROFILE.jfr
  jcmd "$pid" JFR.configure stackdepth=512 >/dev/null # the default 64 frames cut the stacks short
  jcmd "$pid" JFR.start name=bench settings=profile >/dev/null
  echo "== $PROFILE, response cache off, under JFR: $(run "$PROFILE") (req/s p50 p99)"
  jcmd "$pid" JFR.stop name=bench filename="$jfr" >/dev/null
  java bench/JfrTop.java "$jfr" 30
  exit 0
fi

declare -A RESULT
for cache in ${CACHE:-on off}; do
  bytes=16777216; [ $cache = off ] && bytes=0
  grep -v JOTTER_CACHE_RESPONSES_MAX_BYTES "$SERVER/server.env" > "$SERVER/server.env.new" || true
  echo "JOTTER_CACHE_RESPONSES_MAX_BYTES=$bytes" >> "$SERVER/server.env.new"
  mv "$SERVER/server.env.new" "$SERVER/server.env"
  start_server $NAME "$PORT"
  for _ in $(seq 1 900); do grep -q "Discovery ready" "$SERVER/logs/messages.log" && break; sleep 1; done
  echo "== response cache $cache (resident memory after start: $(rss) MiB)"
  for what in $ORDER; do # warm-up: the JIT compiles what every kind of request runs
    url="http://127.0.0.1:$PORT${PATHS[$what]}"
    curl -sf -o /dev/null "$url" || { echo "$what fails: $url" >&2; exit 1; }
    wrk -t2 -c32 -d10s "$url" >/dev/null
  done
  printf '   %-9s %9s %9s %9s\n' "" "req/s" "p50 ms" "p99 ms"
  for what in $ORDER; do
    RESULT[$what.$cache]=$(run "$what")
    printf '   %-9s %9s %9s %9s\n' "$what" ${RESULT[$what.$cache]}
  done
  stop_server $NAME
done

rps() { echo "${RESULT[$1]}" | cut -d' ' -f1; }
p99() { echo "${RESULT[$1]}" | cut -d' ' -f3; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; }
verdict() { if awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; then echo met; else echo MISSED; fi; }
peak=$(cat "$PEAK")
echo "== resident memory: at most $peak MiB"
[ -n "${CACHE:-}${ONLY:-}" ] && exit 0 # a partial run has no targets to compare
echo "== targets (ratios within this run)"
r=$(ratio "$(rps post.on)" "$(rps static.on)"); echo "   post, cached:      $r % of the static file (>= 50): $(verdict "$r" 50)"
p=$(p99 post.on); echo "   post, cached:      p99 $p ms (< 20): $(verdict 20 "$p")"
r=$(ratio "$(rps post.off)" "$(rps typename.off)"); echo "   post, not cached:  $r % of { __typename } (>= 30): $(verdict "$r" 30)"
r=$(ratio "$(rps home.off)" "$(rps typename.off)"); echo "   home, not cached:  $r % of { __typename } (>= 15): $(verdict "$r" 15)"
echo "   resident memory:   at most $peak MiB (<= 400): $(verdict 400 "$peak")"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
