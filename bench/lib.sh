# Shared by bench/work.sh, bench/board.sh, bench/catalog.sh and bench/sla.sh (sourced after ROOT, OUT, WORK_HOME and
# DEADLINE are set): the jar, building it, logging, load notes, tools, the data dir, stamping one tenant,
# starting and stopping the app, a watchdog.
# shellcheck shell=bash
APP_PID=""

# The packaged app: target/app with its class-data-sharing archive when there, else the plain jar.
JAR=target/worklane-0.1.0-SNAPSHOT.jar
if [ -f target/app/worklane.jsa ]; then
  JAR=target/app/worklane-0.1.0-SNAPSHOT.jar
  JAVA_OPTS="-XX:SharedArchiveFile=target/app/worklane.jsa ${JAVA_OPTS:-}"
fi

WATCHDOG=""
CHILD=""

run_child() { local rc=0; "$@" & CHILD=$!; wait "$CHILD" || rc=$?; CHILD=""; return "$rc"; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/bench.log"; }
now_ns() { date +%s%N; }
load_note() {
  local busy
  busy=$(python3 "$ROOT/bench/cpu.py" busy 2)
  echo "== $1 $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg); $busy" >> "$OUT/load.txt"
  log "$1: load average $(cut -d' ' -f1-3 /proc/loadavg); $busy"
}

# --- tools -------------------------------------------------------------------------------------
need=()
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
command -v unshare >/dev/null 2>&1 || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# --- build, machine -----------------------------------------------------------------------------
build_jar() {
  if [ "$BUILD" = 1 ]; then
    log "building the jar"
    ./mvnw -q -B -ntp package -DskipTests > "$OUT/logs/build.log" 2>&1 || { tail -50 "$OUT/logs/build.log"; exit 1; }
  fi
  [ -f "$JAR" ] || { echo "no $JAR: build it, or drop --no-build" >&2; exit 1; }
}
# The first lines of machine.txt: when, which code, which machine.
machine_header() {
  echo "date: $(date -u +%FT%TZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null) ($(git rev-parse --abbrev-ref HEAD 2>/dev/null))$(git diff --quiet HEAD -- 2>/dev/null || echo ' + uncommitted changes')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
}

# --- the data dir, kept between runs ------------------------------------------------------------
# Empties it with FRESH_HOME=1, makes it, keeps its operator token (OPERATOR_TOKEN) and picks a free
# PORT unless one is set.
prepare_home() {
  if [ "$FRESH_HOME" = 1 ] && [ -d "$WORK_HOME" ]; then
    log "removing $WORK_HOME (--fresh-home)"
    stop_orphan_postgres
    rm -rf "$WORK_HOME"
  fi
  mkdir -p "$WORK_HOME"
  [ -s "$WORK_HOME/bench-operator-token" ] || \
    (umask 077; echo "bench-operator-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$WORK_HOME/bench-operator-token")
  OPERATOR_TOKEN=$(cat "$WORK_HOME/bench-operator-token")
  if [ -z "${PORT:-}" ]; then
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  fi
}

# Stamps one tenant whose slug starts with $1 (the app is running): TENANT, its admin's API token
# SECRET, and its SCHEMA.
stamp_one_tenant() {
  local prefix
  prefix="$1-$(echo "$RUN_ID" | tr 'A-Z' 'a-z' | tr -dc 'a-z0-9')"
  run_child python3 "$ROOT/bench/stamp.py" --port "$PORT" --operator-token "$OPERATOR_TOKEN" --count 1 \
    --prefix "$prefix" --out "$OUT" > "$OUT/stamp.log" 2> "$OUT/stamp.err" || { log "stamping failed:"; cat "$OUT/stamp.err"; exit 1; }
  TENANT=$(cut -d' ' -f1 "$OUT/tokens.txt")
  SECRET=$(cut -d' ' -f2 "$OUT/tokens.txt")
  SCHEMA=$(psql -X -qAtc "select schema_name from platform.tenants where slug = '$TENANT'")
  log "tenant $TENANT, schema $SCHEMA"
}

# --- stopping what we started (the data dir stays) -------------------------------------------------
stop_orphan_postgres() {
  local pidfile=$WORK_HOME/pg/postmaster.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(head -1 "$pidfile" | tr -d ' ')
  if [[ "$pid" =~ ^[0-9]+$ ]] && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = postgres ] \
     && grep -qa -- "$WORK_HOME/pg" /proc/"$pid"/cmdline 2>/dev/null; then
    log "stopping the embedded PostgreSQL (pid $pid) left behind"
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
}
stop_app() {
  [ -n "$APP_PID" ] || return 0
  local t=$(now_ns)
  kill -TERM "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 900); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$APP_PID" 2>/dev/null; then log "the app did not stop within 90 s of SIGTERM; killing it"; kill -KILL "$APP_PID" 2>/dev/null || true; fi
  wait "$APP_PID" 2>/dev/null || true
  log "app stopped in $(( ($(now_ns) - t) / 1000000 )) ms"
  APP_PID=""
  rm -f "$OUT/app.pid"
  stop_orphan_postgres
}
# Starts the packaged app on WORK_HOME and PORT (with OPERATOR_TOKEN), waits until it is ready, and
# points psql at its embedded PostgreSQL (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE).
start_app() {
  load_note "start"
  local t0 rc=0
  t0=$(now_ns)
  # shellcheck disable=SC2086
  WORKLANE_HOME=$WORK_HOME WORKLANE_OPERATOR_TOKEN=$OPERATOR_TOKEN PORT=$PORT \
    java $JAVA_OPTS -jar "$JAR" > "$OUT/logs/app.log" 2>&1 &
  APP_PID=$!
  echo "$APP_PID" > "$OUT/app.pid"
  run_child python3 "$ROOT/bench/wait_ready.py" "$PORT" "$APP_PID" "$t0" "$READY_TIMEOUT" > "$OUT/ready.ms" || rc=$?
  [ "$rc" = 0 ] || { log "the app did not get ready (rc $rc); see logs/app.log"; tail -20 "$OUT/logs/app.log"; exit 1; }
  log "app ready in $(cat "$OUT/ready.ms") ms"
  export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=postgres
  PGPORT=$(sed -n 4p "$WORK_HOME/pg/postmaster.pid" | tr -d ' '); export PGPORT
  PGPASSWORD=$(cat "$WORK_HOME/pg-password" 2>/dev/null || true); export PGPASSWORD
  psql -X -qAtc "select 1" >/dev/null || { log "cannot reach the embedded PostgreSQL on port $PGPORT"; exit 1; }
}
cleanup() {
  local rc=$?
  trap - EXIT
  trap '' INT TERM
  if [ -n "$CHILD" ]; then kill -TERM "$CHILD" 2>/dev/null || true; fi
  stop_app
  stop_orphan_postgres
  if [ -n "$WATCHDOG" ]; then kill "$WATCHDOG" 2>/dev/null || true; wait "$WATCHDOG" 2>/dev/null || true; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

(
  trap 'kill "$sp" 2>/dev/null; exit 0' TERM
  sleep "$DEADLINE" & sp=$!
  wait "$sp"
  echo "[watchdog] deadline of ${DEADLINE}s reached" >&2
  [ -f "$OUT/app.pid" ] && kill -TERM "$(cat "$OUT/app.pid")" 2>/dev/null
  kill -TERM $$ 2>/dev/null
) &
WATCHDOG=$!
