#!/usr/bin/env bash
# Work-item benchmark of Worklane: seeds one tenant with ITEMS items (history, comments) in SQL, then
# drives get / create / patch / filtered list / full-text search with wrk. See bench/README.md.
# Everything it starts, it stops; the data dir (WORKLANE_HOME) is kept, so a seeded tenant can be re-used.
#
#   bench/work.sh [--no-build] [--items N] [--batch N] [--seed-jobs N] [--skip-seed] [--tenant SLUG]
#                 [--home DIR] [--fresh-home] [--phases LIST] [--warmup S] [--min-warmup S] [--duration S]
#                 [--threads N] [--connections N] [--agents N] [--port N] [--deadline S]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
ITEMS=1000000
BATCH=100000
SEED_JOBS=2
SKIP_SEED=0
TENANT=""
WORK_HOME=${BENCH_WORK_HOME:-/var/tmp/worklane-work-bench}
FRESH_HOME=0
PHASES=get,create,patch,filter,search
WARMUP=300          # at most this many seconds of wrk warm-up per phase (not counted), in 15 s rounds
MIN_WARMUP=30       # at least this many, even when the JIT is quiet at once
DURATION=30
THREADS=2
CONNECTIONS=8
AGENTS=8
PORT=""
DEADLINE=5400
READY_TIMEOUT=300
JAVA_OPTS=${BENCH_JAVA_OPTS:-}

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --items) ITEMS=$2; shift ;;
    --batch) BATCH=$2; shift ;;
    --seed-jobs) SEED_JOBS=$2; shift ;;
    --skip-seed) SKIP_SEED=1 ;;
    --tenant) TENANT=$2; shift ;;
    --home) WORK_HOME=$2; shift ;;
    --fresh-home) FRESH_HOME=1 ;;
    --phases) PHASES=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --min-warmup) MIN_WARMUP=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --agents) AGENTS=$2; shift ;;
    --port) PORT=$2; shift ;;
    --deadline) DEADLINE=$2; shift ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage 2 ;;
  esac
  shift
done
[ "${BENCH_NO_BUILD:-0}" = 1 ] && BUILD=0
if [ "$SKIP_SEED" = 1 ] && [ -z "$TENANT" ]; then echo "--skip-seed needs --tenant SLUG" >&2; exit 2; fi

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/out/$RUN_ID-work          # everything, tokens and request lists included (git-ignored)
DOCS=$ROOT/docs/benchmarks/$RUN_ID-work   # what is worth keeping: raw wrk output, seed figures, summary
mkdir -p "$OUT/logs"
ln -sfn "$RUN_ID-work" "$ROOT/bench/out/latest-work"
# logging, tools, stopping what we started, the deadline watchdog: shared with bench/board.sh
source "$ROOT/bench/lib.sh"

# --- build, machine ------------------------------------------------------------------------------
build_jar
{
  machine_header
  echo "free -h:"; free -h
  echo "java -version:"; java -version 2>&1
  echo "wrk: $(wrk --version 2>&1 | head -1)"
  echo "uptime: $(uptime)"
  echo "options: items=$ITEMS batch=$BATCH seed_jobs=$SEED_JOBS skip_seed=$SKIP_SEED tenant=${TENANT:-new} phases=$PHASES warmup=${MIN_WARMUP}-${WARMUP}s (until the JIT is quiet) duration=${DURATION}s threads=$THREADS connections=$CONNECTIONS agents=$AGENTS java_opts='$JAVA_OPTS'"
  echo "database: embedded PostgreSQL in $WORK_HOME (app defaults: fsync on, synchronous_commit on, shared_buffers 256MB)"
} > "$OUT/machine.txt"

# --- the data dir, kept between runs ----------------------------------------------------------------
[ "$FRESH_HOME" = 1 ] && [ "$SKIP_SEED" = 1 ] && { echo "--fresh-home and --skip-seed exclude each other" >&2; exit 2; }
prepare_home
BASE=http://127.0.0.1:$PORT
log "run $RUN_ID: WORKLANE_HOME=$WORK_HOME port=$PORT output in bench/out/$RUN_ID-work, results in docs/benchmarks/$RUN_ID-work"

start_app

echo "$PGPORT" > "$OUT/pg.port"

# --- 1. the tenant and its seed ----------------------------------------------------------------------
if [ -z "$TENANT" ]; then
  prefix="work-$(echo "$RUN_ID" | tr 'A-Z' 'a-z' | tr -dc 'a-z0-9')"
  log "stamping a tenant"
  run_child python3 "$ROOT/bench/stamp.py" --port "$PORT" --operator-token "$OPERATOR_TOKEN" --count 1 \
    --prefix "$prefix" --out "$OUT" > "$OUT/stamp.log" 2> "$OUT/stamp.err" \
    || { log "stamping failed:"; cat "$OUT/stamp.err"; exit 1; }
  TENANT=$(cut -d' ' -f1 "$OUT/tokens.txt")
fi
SCHEMA=$(psql -X -qAtc "select schema_name from platform.tenants where slug = '$TENANT'")
[ -n "$SCHEMA" ] || { log "no tenant $TENANT in this data dir ($WORK_HOME)"; exit 1; }
echo "$TENANT" > "$OUT/tenant.txt"
log "tenant $TENANT, schema $SCHEMA"
if [ "$SKIP_SEED" = 0 ]; then
  load_note "seed"
  log "seeding $ITEMS items in batches of $BATCH, $SEED_JOBS at a time; progress: tail -f $OUT/seed.log"
  python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-before-seed.json"
  run_child python3 "$ROOT/bench/work_seed.py" --schema "$SCHEMA" --items "$ITEMS" --batch "$BATCH" \
    --jobs "$SEED_JOBS" --out "$OUT" > "$OUT/seed.log" 2>&1 || { log "seeding failed:"; tail -20 "$OUT/seed.log"; exit 1; }
  python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-after-seed.json"
  log "$(tail -1 "$OUT/seed.log")"
else
  log "--skip-seed: $(psql -X -qAtc "select count(*) from $SCHEMA.work_items") items in $SCHEMA"
fi
psql -X -qAtF ' ' -c "select relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid))
  from pg_stat_user_tables where schemaname = '$SCHEMA' order by pg_total_relation_size(relid) desc limit 8" \
  > "$OUT/tables.txt" || true

# --- 2. tokens, request lists, and whether the query language answers ---------------------------------
run_child python3 "$ROOT/bench/work_prepare.py" --port "$PORT" --slug "$TENANT" --schema "$SCHEMA" --out "$OUT" \
  --agents "$AGENTS" > "$OUT/prepare.log" 2>&1 || { log "preparing failed:"; tail -20 "$OUT/prepare.log"; exit 1; }
cat "$OUT/prepare.log" | tee -a "$OUT/bench.log"

# --- 3. the load phases -----------------------------------------------------------------------------
wrk_run() { # label mode file seconds
  ( timeout $(( $4 + 60 )) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4"s --timeout 5s --latency \
      -s "$ROOT/bench/work.lua" "$BASE" -- "$2" "$3" "$TENANT" > "$OUT/wrk-$1.txt" 2>&1 || true
    times > "$OUT/wrk-$1.times" )
  grep '^BENCH_JSON ' "$OUT/wrk-$1.txt" | sed 's/^BENCH_JSON //' > "$OUT/wrk-$1.json"
  [ -s "$OUT/wrk-$1.json" ] || { log "wrk $1 failed:"; cat "$OUT/wrk-$1.txt"; exit 1; }
  log "wrk $1: $(jq -c '{rps, non2xx, errors, latency_ms: {p50: .latency_ms.p50, p95: .latency_ms.p95, p99: .latency_ms.p99}}' "$OUT/wrk-$1.json")"
  grep "^UNEXPECTED" "$OUT/wrk-$1.txt" | head -3 | cut -c1-400 | while read -r l; do log "  $l"; done || true
}
# Before each phase: VACUUM (ANALYZE) of the tenant's tables and a CHECKPOINT, so that the dead rows,
# stale statistics and dirty pages of one phase (or of the seed) are not cleaned up while the next
# one is measured.
settle_database() { # phase
  local t=$(now_ns)
  printf '%s\n\\gexec\n' "select format('VACUUM (ANALYZE) %I.%I', schemaname, relname) from pg_stat_user_tables
                            where schemaname = '$SCHEMA' order by relname" \
    | psql -X -qAt -v ON_ERROR_STOP=1 >/dev/null 2>"$OUT/vacuum-$1.err" \
    || { log "VACUUM before $1 failed:"; cat "$OUT/vacuum-$1.err"; exit 1; }
  psql -X -qAtc "CHECKPOINT" >/dev/null
  log "$1: VACUUM (ANALYZE) of $SCHEMA and CHECKPOINT in $(( ($(now_ns) - t) / 1000000 )) ms"
}
# Warm-up, not counted: 15 s rounds until the JIT compiler threads used under 5 % of the JVM's CPU in
# two rounds in a row (on 2 cores C2 keeps compiling for over a minute of load, and a phase with new
# code paths compiles them); at least MIN_WARMUP and at most WARMUP seconds.
warm_up() { # phase mode list
  [ "$WARMUP" -gt 0 ] || return 0
  local prev=1 w=0 i=0 jit
  while :; do
    i=$((i + 1)); w=$((w + 15))
    python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-before-$1-warmup-$i.json"
    wrk_run "$1-warmup-$i" "$2" "$3" 15
    python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-after-$1-warmup-$i.json"
    jit=$(jq -rn --slurpfile a "$OUT/cpu-after-$1-warmup-$i.json" --slurpfile b "$OUT/cpu-before-$1-warmup-$i.json" \
      '(($a[0].java_threads_s.jit - $b[0].java_threads_s.jit) / ([($a[0].java_s - $b[0].java_s), 0.001] | max))')
    log "$1 warm-up $i: JIT share of the JVM's CPU $(awk -v j="$jit" 'BEGIN { printf "%.1f", j * 100 }') %"
    if [ "$w" -ge "$MIN_WARMUP" ] && python3 -c "import sys; sys.exit(0 if max(map(float, sys.argv[1:])) < 0.05 else 1)" "$prev" "$jit"; then
      log "$1: warm after ${w}s"
      break
    fi
    [ "$w" -ge "$WARMUP" ] && { log "$1 warm-up: stopped at the ${WARMUP}s limit, the JIT still busy"; break; }
    prev=$jit
  done
}
for phase in ${PHASES//,/ }; do
  case $phase in
    get) mode=get; list=get.txt ;;
    create) mode=create; list=create.txt ;;
    patch) mode=patch; list=patch.txt ;;
    filter|search) mode=list; list=$phase.txt
      status=$(jq -r ".$phase.status" "$OUT/probe.json")
      if [ "$status" = 400 ] || [ "$status" = 404 ] || [ "$status" = 405 ]; then
        log "$phase: SKIPPED — GET /t/$TENANT/api/v1/items?q=… answers $status (the query language is not merged yet): $(jq -r ".$phase.body" "$OUT/probe.json" | cut -c1-200)"
        echo "{\"skipped\": true, \"status\": $status}" > "$OUT/wrk-$phase-skipped.json"
        continue
      fi ;;
    *) log "unknown phase $phase"; exit 2 ;;
  esac
  [ -s "$OUT/$list" ] || { log "$phase: empty request list $list"; exit 1; }
  settle_database "$phase"
  load_note "$phase-warmup"
  warm_up "$phase" "$mode" "$OUT/$list"
  load_note "$phase"
  python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-before-$phase.json"
  wrk_run "$phase" "$mode" "$OUT/$list" "$DURATION"
  python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-after-$phase.json"
done
stop_app
load_note "end"

# --- summary, and the results worth keeping ----------------------------------------------------------
python3 "$ROOT/bench/work_summarize.py" "$OUT" | tee "$OUT/summary.txt"
mkdir -p "$DOCS"
cp "$OUT/summary.md" "$OUT/summary.json" "$OUT/machine.txt" "$OUT/load.txt" "$OUT/tables.txt" "$DOCS/"
for f in seed.json seed.log probe.json prepare.log; do [ -f "$OUT/$f" ] && cp "$OUT/$f" "$DOCS/"; done
for f in "$OUT"/wrk-*.txt; do [ -f "$f" ] && cp "$f" "$DOCS/"; done
log "results in docs/benchmarks/$RUN_ID-work; re-run the load on this tenant with: bench/work.sh --no-build --skip-seed --tenant $TENANT${WORK_HOME:+ --home $WORK_HOME}"
