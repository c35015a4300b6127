#!/usr/bin/env bash
# Platform benchmark of Worklane: cold start, tenant stamping, authenticated reads across tenants.
# See bench/README.md. Everything it starts, it stops; all traffic goes to 127.0.0.1 only.
#
#   bench/platform.sh [--no-build] [--starts N] [--tenants N] [--warmup S] [--duration S]
#                     [--threads N] [--connections N] [--starts-after N] [--port N]
#                     [--deadline S] [--keep-home] [--skip-starts] [--starts-only]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
STARTS=5            # timed cold starts on the existing (platform-only) data dir
STARTS_AFTER=3      # timed cold starts again once the tenants exist (0 to skip)
TENANTS=200
WARMUP=240          # at most this many seconds of wrk warm-up (not counted)
DURATION=30         # wrk measured seconds
THREADS=2
CONNECTIONS=8
PORT=""
DEADLINE=2700       # the whole run is stopped after this many seconds
KEEP_HOME=0
SKIP_INITIAL=0
STARTS_ONLY=0
READY_TIMEOUT=180   # one start may take this long before it counts as failed
JAVA_OPTS=${BENCH_JAVA_OPTS:-}

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --starts) STARTS=$2; shift ;;
    --starts-after) STARTS_AFTER=$2; shift ;;
    --tenants) TENANTS=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --port) PORT=$2; shift ;;
    --deadline) DEADLINE=$2; shift ;;
    --keep-home) KEEP_HOME=1 ;;
    --skip-starts) STARTS=0; STARTS_AFTER=0; SKIP_INITIAL=1 ;;
    --starts-only) STARTS_ONLY=1 ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage 2 ;;
  esac
  shift
done
[ "${BENCH_NO_BUILD:-0}" = 1 ] && BUILD=0

JAR=target/worklane-0.1.0-SNAPSHOT.jar
# The packaged app as the build leaves it: the extracted jar with its class-data sharing archive.
if [ -f target/app/worklane.jsa ]; then
  JAR=target/app/worklane-0.1.0-SNAPSHOT.jar
  JAVA_OPTS="-XX:SharedArchiveFile=target/app/worklane.jsa ${JAVA_OPTS:-}"
fi
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/out/$RUN_ID
mkdir -p "$OUT/logs"
ln -sfn "$RUN_ID" "$ROOT/bench/out/latest"
BENCH_HOME=""       # created once the clean-up is in place
OPERATOR_TOKEN="bench-operator-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
APP_PID=""
WATCHDOG=""
T0=0
READY_MS=""
STOP_MS=""

CHILD=""
run_child() { # runs a long step in the background and waits, so that a signal is handled at once
  local rc=0
  "$@" & CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/bench.log"; }
now_ns() { date +%s%N; }
load_note() { # label: how busy the machine is just before a phase (over 2 s), and by whom
  local busy
  busy=$(python3 "$ROOT/bench/cpu.py" busy 2)
  echo "== $1 $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg); $busy" >> "$OUT/load.txt"
  log "$1: load average $(cut -d' ' -f1-3 /proc/loadavg); $busy"
}

# --- tools -------------------------------------------------------------------------------------
need=()
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v unshare >/dev/null 2>&1 || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# --- stopping what we started --------------------------------------------------------------------
stop_orphan_postgres() { # a postmaster of our BENCH_HOME left behind (only if the app was killed)
  [ -n "$BENCH_HOME" ] || return 0
  local pidfile=$BENCH_HOME/pg/postmaster.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(head -1 "$pidfile" | tr -d ' ')
  if [[ "$pid" =~ ^[0-9]+$ ]] && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = postgres ] \
     && grep -qa -- "$BENCH_HOME/pg" /proc/"$pid"/cmdline 2>/dev/null; then
    log "stopping the embedded PostgreSQL (pid $pid) left behind"
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
}

stop_app() { # SIGTERM, as an operator would; SIGKILL only if it hangs past 90 s
  STOP_MS=""
  [ -n "$APP_PID" ] || return 0
  local t=$(now_ns) rc=0
  kill -TERM "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 900); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$APP_PID" 2>/dev/null; then
    log "the app did not stop within 90 s of SIGTERM; killing it"
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  wait "$APP_PID" 2>/dev/null || rc=$?
  STOP_MS=$(( ($(now_ns) - t) / 1000000 ))
  APP_PID=""
  rm -f "$OUT/app.pid"
  if [ -f "$BENCH_HOME/pg/postmaster.pid" ]; then
    log "PostgreSQL still running after the app stopped (exit $rc): not a clean stop"
    stop_orphan_postgres
  fi
  return 0
}

cleanup() {
  local rc=$?
  trap - EXIT
  trap '' INT TERM  # finish cleaning up (bounded: stop_app gives up after 90 s) even if signalled again
  if [ -n "$CHILD" ]; then kill -TERM "$CHILD" 2>/dev/null || true; fi
  stop_app
  stop_orphan_postgres
  if [ -n "$WATCHDOG" ]; then kill "$WATCHDOG" 2>/dev/null || true; wait "$WATCHDOG" 2>/dev/null || true; fi
  if [ -n "$BENCH_HOME" ]; then
    if [ "$KEEP_HOME" = 1 ]; then log "kept $BENCH_HOME"; else rm -rf "$BENCH_HOME"; fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM
BENCH_HOME=$(mktemp -d /tmp/worklane-bench.XXXXXX)

# The whole run is bounded: past DEADLINE the app is stopped (so any client fails fast) and so is this script.
(
  trap 'kill "$sp" 2>/dev/null; exit 0' TERM
  sleep "$DEADLINE" & sp=$!
  wait "$sp"
  echo "[watchdog] deadline of ${DEADLINE}s reached" >&2
  [ -f "$OUT/app.pid" ] && kill -TERM "$(cat "$OUT/app.pid")" 2>/dev/null
  kill -TERM $$ 2>/dev/null
) &
WATCHDOG=$!

# --- machine -------------------------------------------------------------------------------------
{
  echo "date: $(date -u +%FT%TZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null) ($(git rev-parse --abbrev-ref HEAD 2>/dev/null))"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "free -h:"; free -h
  echo "java -version:"; java -version 2>&1
  echo "wrk: $(wrk --version 2>&1 | head -1)"
  echo "uptime: $(uptime)"
  echo "options: starts=$STARTS starts_after=$STARTS_AFTER tenants=$TENANTS warmup=${WARMUP}s duration=${DURATION}s threads=$THREADS connections=$CONNECTIONS java_opts='$JAVA_OPTS'"
} > "$OUT/machine.txt"

# --- build ---------------------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
  log "building the jar"
  ./mvnw -q -B package -DskipTests > "$OUT/logs/build.log" 2>&1 || { tail -50 "$OUT/logs/build.log"; exit 1; }
fi
[ -f "$JAR" ] || { echo "no $JAR: build it, or drop --no-build" >&2; exit 1; }

if [ -z "$PORT" ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi
BASE=http://127.0.0.1:$PORT
log "run $RUN_ID: WORKLANE_HOME=$BENCH_HOME port=$PORT output in bench/out/$RUN_ID"

# --- starting ------------------------------------------------------------------------------------
start_app() { # label: starts the jar and waits for the first 200 of the readiness probe
  local label=$1
  READY_MS=""
  python3 "$ROOT/bench/cpu.py" machine > "$OUT/logs/$label.cpu0.json"
  T0=$(now_ns)
  echo "$1 $T0" >> "$OUT/starts.t0"
  # shellcheck disable=SC2086
  WORKLANE_HOME=$BENCH_HOME WORKLANE_OPERATOR_TOKEN=$OPERATOR_TOKEN PORT=$PORT \
    java $JAVA_OPTS -jar "$JAR" > "$OUT/logs/$label.log" 2>&1 &
  APP_PID=$!
  echo "$APP_PID" > "$OUT/app.pid"
  local rc=0
  run_child python3 "$ROOT/bench/wait_ready.py" "$PORT" "$APP_PID" "$T0" "$READY_TIMEOUT" > "$OUT/ready.ms" || rc=$?
  READY_MS=$(cat "$OUT/ready.ms")
  case $rc in
    0) # CPU the app and its PostgreSQL used to start, against what the whole machine used meanwhile
       python3 "$ROOT/bench/cpu.py" "$APP_PID" "$BENCH_HOME" > "$OUT/logs/$label.cpu1.json"
       return 0 ;;
    1) log "$label: the app exited before it was ready; see logs/$label.log"; tail -20 "$OUT/logs/$label.log"
       wait "$APP_PID" 2>/dev/null || true; APP_PID=""; return 1 ;;
    *) log "$label: not ready after ${READY_TIMEOUT}s"; return 1 ;;
  esac
}

started_line() { # "Started WorklaneApplication in X seconds (process running for Y)" → "X Y"
  sed -n 's/.*Started WorklaneApplication in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' "$1" | head -1
}

timed_starts() { # prefix count
  local prefix=$1 n=$2 i
  for i in $(seq 1 "$n"); do
    load_note "$prefix-$i"
    start_app "$prefix-$i" || exit 1
    local ready=$READY_MS started
    started=$(started_line "$OUT/logs/$prefix-$i.log")
    stop_app
    echo "$prefix,$i,$ready,${started% *},${started#* },$STOP_MS" >> "$OUT/starts.csv"
    log "$prefix-$i: ready in $ready ms (Spring: ${started% *} s, JVM: ${started#* } s); stopped in $STOP_MS ms"
  done
}

echo "set,run,ready_ms,spring_started_s,jvm_running_s,stop_ms" > "$OUT/starts.csv"

# 1. Cold start. The first start creates the data dir (extracts PostgreSQL, initdb, platform schema);
#    it is recorded but not counted. Then STARTS timed starts on the existing data dir.
if [ "$SKIP_INITIAL" = 0 ]; then
  load_note "initial"
  start_app initial || exit 1
  INITIAL_MS=$READY_MS
  stop_app
  echo "initial,0,$INITIAL_MS,$(started_line "$OUT/logs/initial.log" | tr ' ' ','),$STOP_MS" >> "$OUT/starts.csv"
  log "initial start (creates the data dir): ready in $INITIAL_MS ms; stopped in $STOP_MS ms"
fi
timed_starts cold "$STARTS"

if [ "$STARTS_ONLY" = 1 ]; then
  load_note "end"
  python3 "$ROOT/bench/summarize.py" "$OUT" | tee "$OUT/summary.txt"
  exit 0
fi

# 2. Stamping: TENANTS tenants one after another, each timed; then a token per tenant.
load_note "stamp"
start_app serve || exit 1
log "serve: ready in $READY_MS ms; stamping $TENANTS tenants"
log "progress: tail -f $OUT/stamp.log"
run_child python3 "$ROOT/bench/stamp.py" --port "$PORT" --operator-token "$OPERATOR_TOKEN" --count "$TENANTS" \
  --out "$OUT" --app-pid "$APP_PID" --home "$BENCH_HOME" > "$OUT/stamp.log" 2> "$OUT/stamp.err" \
  || { log "stamping reported failures:"; tail -20 "$OUT/stamp.err"; }
jq -c '{stamped, stamp_failures, stamp: (.stamp | {p50_s, p95_s, max_s, first20_mean_s, last20_mean_s}), token_failures, me_check_failures}' \
  "$OUT/stamp.json" | tee -a "$OUT/bench.log"
[ -s "$OUT/tokens.txt" ] || { log "no tokens: cannot run the read benchmark"; exit 1; }

# 3. Authenticated GET /t/{slug}/api/v1/me across random tenants, with keep-alive.
wrk_run() { # label seconds
  ( timeout $(( $2 + 60 )) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --timeout 5s --latency \
      -s "$ROOT/bench/me.lua" "$BASE" -- "$OUT/tokens.txt" > "$OUT/wrk-$1.txt" 2>&1 || true
    times > "$OUT/wrk-$1.times" )  # 2nd line: wrk's own CPU time (user, system), on the same cores
  grep '^BENCH_JSON ' "$OUT/wrk-$1.txt" | sed 's/^BENCH_JSON //' > "$OUT/wrk-$1.json"
  [ -s "$OUT/wrk-$1.json" ] || { log "wrk $1 failed:"; cat "$OUT/wrk-$1.txt"; exit 1; }
  log "wrk $1: $(jq -c '{rps, non200, errors, latency_ms: {p50: .latency_ms.p50, p99: .latency_ms.p99}}' "$OUT/wrk-$1.json")"
}
# Warm-up, not counted: 15 s runs until the JIT has compiled the request path, i.e. until the JIT
# threads used under 5 % of the JVM's CPU in two runs in a row; at most WARMUP seconds.
load_note "wrk-warmup"
prev=1; w=0; i=0
while :; do
  i=$((i + 1)); w=$((w + 15))
  python3 "$ROOT/bench/cpu.py" "$APP_PID" "$BENCH_HOME" > "$OUT/cpu-before-warmup-$i.json"
  wrk_run "warmup-$i" 15
  python3 "$ROOT/bench/cpu.py" "$APP_PID" "$BENCH_HOME" > "$OUT/cpu-after-warmup-$i.json"
  rps=$(jq -r '.rps' "$OUT/wrk-warmup-$i.json")
  jit=$(jq -rn --slurpfile a "$OUT/cpu-after-warmup-$i.json" --slurpfile b "$OUT/cpu-before-warmup-$i.json" \
    '(($a[0].java_threads_s.jit - $b[0].java_threads_s.jit) / ([($a[0].java_s - $b[0].java_s), 0.001] | max))')
  log "warm-up $i: JIT share of the JVM's CPU $(awk -v j="$jit" 'BEGIN { printf "%.1f", j * 100 }') %"
  if python3 -c "import sys; sys.exit(0 if max(map(float, sys.argv[1:])) < 0.05 else 1)" "$prev" "$jit"; then
    break
  fi
  [ "$w" -ge "$WARMUP" ] && { log "warm-up: stopped at the ${WARMUP}s limit"; break; }
  prev=$jit
done
load_note "wrk"
python3 "$ROOT/bench/cpu.py" "$APP_PID" "$BENCH_HOME" > "$OUT/cpu-before-wrk.json"
top -b -d 5 -n $(( DURATION / 5 + 1 )) -w 160 > "$OUT/top-during-wrk.txt" 2>&1 &
TOP_PID=$!
wrk_run measured "$DURATION"
python3 "$ROOT/bench/cpu.py" "$APP_PID" "$BENCH_HOME" > "$OUT/cpu-after-wrk.json"
wait "$TOP_PID" 2>/dev/null || true
stop_app
log "serve: stopped in $STOP_MS ms"

# 4. Cold start again, now that the data dir holds the tenants.
if [ "$STARTS_AFTER" -gt 0 ]; then
  timed_starts "cold-with-$TENANTS-tenants" "$STARTS_AFTER"
fi
load_note "end"

# --- summary -------------------------------------------------------------------------------------
python3 "$ROOT/bench/summarize.py" "$OUT" | tee "$OUT/summary.txt"
