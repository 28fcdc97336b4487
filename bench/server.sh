# Sourced by the benchmark scripts: a Liberty server of the benchmark's own, made from the
# 'jotter' server that 'mvn package liberty:create' prepares (its config, JDBC drivers and the
# keystore and LTPA passwords MicroProfile JWT needs), with the freshly built WAR in dropins.
# Each script has a PORT of its own in 9610-9671 (its server takes PORT and PORT+1), away from the
# ports the tests use (9080, 9181, 9281-9305, 9337, 9481, 9544, 9844): a benchmark can run while
# the tests do.
WLP=target/liberty/wlp

build_jotter() {
  echo "== building Jotter and the Liberty runtime"
  mvn -q -B -DskipTests -Dspotless.check.skip=true package liberty:create
}

# make_server NAME PORT [ENV_LINE ...]: a fresh server directory; ENV_LINEs go to its server.env
make_server() {
  local name=$1 port=$2 dir="$WLP/usr/servers/$1"
  shift 2
  "$WLP/bin/server" stop "$name" >/dev/null 2>&1 || true
  rm -rf "$dir"
  mkdir -p "$dir/dropins"
  cp "$WLP/usr/servers/jotter/server.xml" "$WLP/usr/servers/jotter/server.env" \
    "$WLP/usr/servers/jotter/jvm.options" "$dir/"
  cp -r "$WLP/usr/servers/jotter/jdbc" "$dir/"
  cp target/jotter.war "$dir/dropins/"
  printf 'jotter.http.port=%s\njotter.https.port=%s\n' "$port" "$((port + 1))" > "$dir/bootstrap.properties"
  echo >> "$dir/server.env" # the generated file may lack a final newline
  for line in "$@"; do echo "$line" >> "$dir/server.env"; done
}

# start_server NAME PORT: starts it and waits (at most 10 minutes) until it is ready
start_server() {
  "$WLP/bin/server" start "$1" >/dev/null
  wait_ready "$1" "$2" 1
}

# wait_ready NAME PORT INTERVAL: polls /health/ready every INTERVAL seconds, at most 10 minutes
wait_ready() {
  local polls
  polls=$(python3 -c "print(int(600 / $3))")
  for _ in $(seq 1 "$polls"); do
    if curl -sf "http://localhost:$2/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep "$3"
  done
  echo "$1 did not become ready; see $WLP/usr/servers/$1/logs/messages.log" >&2
  exit 1
}

stop_server() { "$WLP/bin/server" stop "$1" >/dev/null; }
