#!/usr/bin/env bash
# Restart benchmark (not a test): how long a restart with existing data takes until the server is
# ready. A server of its own with the demo blog is started once (seeding it), then stopped and
# started RUNS times; each restart is timed from 'server start' until /health/ready answers (polled
# every 0.1 s). Prints each restart, the median, and from messages.log where the last one's time
# went. Then the floor: the same server, with the same features and configuration but without the
# application, restarted and timed the same way. The floor is Liberty's own start on this machine,
# so Jotter's share of a restart can be told from the machine's speed (these 2-core machines
# differ by 2-3x from one day to the next).
# Usage: bench/restart.sh   (RUNS=9 bench/restart.sh for more; NOBUILD=1 to time what is built)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-9670}
source bench/server.sh
NAME=benchRestart
SERVER=$WLP/usr/servers/$NAME
OUT=$(mktemp -d)

[ -n "${NOBUILD:-}" ] || build_jotter
trap 'stop_server $NAME 2>/dev/null || true; rm -rf "$OUT"' EXIT

now() { date +%s.%N; }

# restarts LABEL: RUNS timed restarts; prints each and the median, which goes to $OUT/LABEL
restarts() {
  local times=() t0 t1
  for i in $(seq 1 "$RUNS"); do
    t0=$(now)
    "$WLP/bin/server" start $NAME >/dev/null
    wait_ready $NAME "$PORT" 0.1
    t1=$(now)
    times+=("$(python3 -c "print(f'{$t1 - $t0:.1f}')")")
    echo "$1 restart $i: ${times[-1]} s"
    stop_server $NAME
  done
  python3 -c '
import statistics, sys
t = sorted(float(x) for x in sys.argv[3:])
print(f"{sys.argv[1]}: {len(t)} restarts, {t[0]:.1f}-{t[-1]:.1f} s, median {statistics.median(t):.1f} s")
open(sys.argv[2], "w").write(str(statistics.median(t)))
' "$1" "$OUT/$1" "${times[@]}"
}

# Where the last start's time went, from the timestamps of messages.log (its first line is the
# launch; the JVM's own start before it is not in the log).
timeline() {
  python3 -c '
import re, sys
from datetime import datetime
marks = (("application starting", "CWWKZ0018I"), ("application started", "CWWKZ0001I"),
         ("server ready", "CWWKF0011I"))
first, seen = None, {}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r"\[(\d+/\d+/\d+),? (\d+:\d+:\d+:\d+) ", line)
    if not m:
        continue
    t = datetime.strptime(m.group(1) + " " + m.group(2), "%m/%d/%y %H:%M:%S:%f")
    first = first or t
    for label, code in marks:
        if code in line and label not in seen:
            seen[label] = t
for label, t in sorted(seen.items(), key=lambda kv: kv[1]):
    print(f"  {label}: {(t - first).total_seconds():.1f} s after the launch")
' "$SERVER/logs/messages.log"
}

make_server $NAME "$PORT"
echo "== first start (seeds the demo blog)"
start_server $NAME "$PORT"
stop_server $NAME
restarts jotter
timeline

echo "== the floor: the same server without the application"
rm "$SERVER/dropins/jotter.war"
start_server $NAME "$PORT" # the first start without the application rebuilds Liberty's caches
stop_server $NAME
restarts floor

python3 -c '
import sys
jotter, floor = (float(open(f"{sys.argv[1]}/{k}").read()) for k in ("jotter", "floor"))
print(f"medians: Jotter {jotter:.1f} s, the floor {floor:.1f} s: Jotter adds {jotter - floor:.1f} s "
      f"to Liberty'"'"'s own start ({jotter / floor:.1f}x the floor)")
' "$OUT"
