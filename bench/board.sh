#!/usr/bin/env bash
# Board benchmark of Worklane (issue 4) on a tenant seeded by bench/work.sh: a team board with 2,000 open
# cards (first render, JSON and HTML, with and without swimlanes), card moves by 8 concurrent movers, and
# live updates to 200 open SSE streams. See bench/README.md.
# Everything it starts, it stops; the data dir (WORKLANE_HOME) is kept, and so is the seeded board team.
#
#   bench/board.sh --tenant SLUG [--home DIR] [--no-build] [--phases LIST] [--warmup S] [--warmup-short S]
#                  [--duration S] [--threads N] [--connections N] [--movers N] [--streams N] [--live-moves N]
#                  [--live-gap-ms N] [--open N] [--done N] [--port N] [--deadline S]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
TENANT=""
WORK_HOME=${BENCH_WORK_HOME:-/var/tmp/worklane-work-bench}
PHASES=cards1,page1,cards,page,lanes,moves,moves1,live
WARMUP=180          # wrk warm-up before the first render and move phases (not counted): C2 needs ~150 s here
WARMUP_SHORT=20     # warm-up of the swimlane variants (same code, warm already)
DURATION=30
THREADS=2
CONNECTIONS=8
MOVERS=8
PER_MOVER=25
STREAMS=200
LIVE_MOVES=50
LIVE_GAP_MS=300
OPEN=2000
DONE=20000
PORT=""
DEADLINE=2400
READY_TIMEOUT=300
JAVA_OPTS=${BENCH_JAVA_OPTS:-}

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --tenant) TENANT=$2; shift ;;
    --home) WORK_HOME=$2; shift ;;
    --phases) PHASES=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --warmup-short) WARMUP_SHORT=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --movers) MOVERS=$2; shift ;;
    --per-mover) PER_MOVER=$2; shift ;;
    --streams) STREAMS=$2; shift ;;
    --live-moves) LIVE_MOVES=$2; shift ;;
    --live-gap-ms) LIVE_GAP_MS=$2; shift ;;
    --open) OPEN=$2; shift ;;
    --done) DONE=$2; shift ;;
    --port) PORT=$2; shift ;;
    --deadline) DEADLINE=$2; shift ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage 2 ;;
  esac
  shift
done
[ "${BENCH_NO_BUILD:-0}" = 1 ] && BUILD=0
[ -n "$TENANT" ] || { echo "--tenant SLUG is required: a tenant seeded by bench/work.sh in --home" >&2; exit 2; }
[ -d "$WORK_HOME/pg" ] || { echo "no data dir in $WORK_HOME: seed one with bench/work.sh first" >&2; exit 2; }
[ "$LIVE_MOVES" -le 60 ] || { echo "--live-moves is at most 60 (the reserved live cards)" >&2; exit 2; }

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/out/$RUN_ID-board          # everything, tokens and cookies included (git-ignored)
DOCS=$ROOT/docs/benchmarks/$RUN_ID-board   # what is worth keeping: raw wrk output, summary
mkdir -p "$OUT/logs"
ln -sfn "$RUN_ID-board" "$ROOT/bench/out/latest-board"
# logging, tools, stopping what we started, the deadline watchdog: shared with bench/work.sh
source "$ROOT/bench/lib.sh"

# --- build, machine ------------------------------------------------------------------------------
build_jar
{
  machine_header
  echo "free -h:"; free -h
  echo "java -version:"; java -version 2>&1
  echo "wrk: $(wrk --version 2>&1 | head -1)"
  echo "uptime: $(uptime)"
  echo "options: tenant=$TENANT home=$WORK_HOME phases=$PHASES warmup=${WARMUP}s warmup_short=${WARMUP_SHORT}s duration=${DURATION}s threads=$THREADS connections=$CONNECTIONS movers=$MOVERS per_mover=$PER_MOVER streams=$STREAMS live_moves=$LIVE_MOVES live_gap_ms=$LIVE_GAP_MS open=$OPEN done=$DONE java_opts='$JAVA_OPTS'"
  echo "database: embedded PostgreSQL in $WORK_HOME (app defaults: fsync on, synchronous_commit on, shared_buffers 256MB)"
} > "$OUT/machine.txt"

[ -s "$WORK_HOME/bench-operator-token" ] || { echo "no operator token in $WORK_HOME: not a bench/work.sh data dir" >&2; exit 1; }
OPERATOR_TOKEN=$(cat "$WORK_HOME/bench-operator-token")
if [ -z "$PORT" ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi
BASE=http://127.0.0.1:$PORT
log "run $RUN_ID: WORKLANE_HOME=$WORK_HOME port=$PORT output in bench/out/$RUN_ID-board, results in docs/benchmarks/$RUN_ID-board"

start_app


SCHEMA=$(psql -X -qAtc "select schema_name from platform.tenants where slug = '$TENANT'")
[ -n "$SCHEMA" ] || { log "no tenant $TENANT in this data dir ($WORK_HOME)"; exit 1; }
echo "$TENANT" > "$OUT/tenant.txt"
log "tenant $TENANT, schema $SCHEMA: $(psql -X -qAtc "select count(*) from $SCHEMA.work_items") items; schema version $(psql -X -qAtc "select schema_version from platform.tenants where slug = '$TENANT'")"

# --- 1. the board's team and its work (kept; skipped when there), tokens, the board, a session ----------
load_note "prepare"
run_child python3 "$ROOT/bench/board_prepare.py" seed --schema "$SCHEMA" --out "$OUT" --open "$OPEN" --done "$DONE" \
  > "$OUT/seed.log" 2>&1 || { log "seeding the board team failed:"; tail -20 "$OUT/seed.log"; exit 1; }
log "$(tail -1 "$OUT/seed.log")"
run_child python3 "$ROOT/bench/board_prepare.py" setup --port "$PORT" --slug "$TENANT" --schema "$SCHEMA" --out "$OUT" \
  --movers "$MOVERS" > "$OUT/prepare.log" 2>&1 || { log "preparing failed:"; tail -20 "$OUT/prepare.log"; exit 1; }
cat "$OUT/prepare.log" | tee -a "$OUT/bench.log"
BOARD=$(jq -r .board "$OUT/board.json")
psql -X -qAtF ' ' -c "select relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid))
  from pg_stat_user_tables where schemaname = '$SCHEMA' order by pg_total_relation_size(relid) desc limit 8" \
  > "$OUT/tables.txt" || true
# The board's statement, as the app runs it for this board, explained on this tenant (for the record).
psql -X -qAt -c "vacuum (analyze) $SCHEMA.work_items, $SCHEMA.item_blocks, $SCHEMA.card_ranks" >/dev/null 2>&1 || true
psql -X -qAt -c "checkpoint" >/dev/null 2>&1 || true
for variant in plain lanes carry; do
  case $variant in plain) args=() ;; lanes) args=(--lane i.category) ;; carry) args=(--carry) ;; esac
  python3 "$ROOT/bench/board_explain.py" --schema "$SCHEMA" --board "$BOARD" "${args[@]}" > "$OUT/explain-$variant.txt" 2>&1 || true
done
log "first-render statement on this tenant: $(grep -h 'Execution Time' "$OUT/explain-plain.txt") (swimlanes: $(grep -h 'Execution Time' "$OUT/explain-lanes.txt"); without joining work_items again: $(grep -h 'Execution Time' "$OUT/explain-carry.txt"))"

# --- 2. the load phases -----------------------------------------------------------------------------
wrk_run() { # label mode file seconds threads connections [extra]
  ( timeout $(( $4 + 60 )) wrk -t"$5" -c"$6" -d"$4"s --timeout 5s --latency \
      -s "$ROOT/bench/board.lua" "$BASE" -- "$2" "$3" "${7:-}" > "$OUT/wrk-$1.txt" 2>&1 || true
    times > "$OUT/wrk-$1.times" )
  grep '^BENCH_JSON ' "$OUT/wrk-$1.txt" | sed 's/^BENCH_JSON //' > "$OUT/wrk-$1.json"
  [ -s "$OUT/wrk-$1.json" ] || { log "wrk $1 failed:"; cat "$OUT/wrk-$1.txt"; exit 1; }
  log "wrk $1: $(jq -c '{rps, non2xx, errors, latency_ms: {p50: .latency_ms.p50, p95: .latency_ms.p95, p99: .latency_ms.p99}}' "$OUT/wrk-$1.json")"
  grep "^UNEXPECTED" "$OUT/wrk-$1.txt" | head -3 | cut -c1-400 | while read -r l; do log "  $l"; done || true
}
measure() { # label mode file warmup threads connections [extra]
  if [ "$4" -gt 0 ]; then
    load_note "$1-warmup"
    [ "$2" = move ] && prepare_movers
    wrk_run "$1-warmup" "$2" "$3" "$4" "$5" "$6" "${7:-}"
  fi
  [ "$2" = move ] && prepare_movers
  load_note "$1"
  python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-before-$1.json"
  wrk_run "$1" "$2" "$3" "$DURATION" "$5" "$6" "${7:-}"
  python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-after-$1.json"
}
prepare_movers() {
  run_child python3 "$ROOT/bench/board_prepare.py" movers --schema "$SCHEMA" --out "$OUT" --per-mover "$PER_MOVER" \
    >> "$OUT/prepare.log" 2>&1 || { log "movers list failed:"; tail -5 "$OUT/prepare.log"; exit 1; }
}
lanes() {
  run_child python3 "$ROOT/bench/board_prepare.py" lanes --port "$PORT" --slug "$TENANT" --out "$OUT" --swimlanes "$1" \
    >> "$OUT/prepare.log" 2>&1 || { log "board settings failed:"; tail -5 "$OUT/prepare.log"; exit 1; }
  log "board swimlanes: $1"
}
for phase in ${PHASES//,/ }; do
  case $phase in
    cards1) # the issue's figure: a render's server time, one at a time (the first phase: it warms up)
      measure cards-1 cards "$OUT/cards.txt" "$WARMUP" 1 1 ;;
    page1) measure page-1 page "$OUT/page.txt" "$WARMUP" 1 1 ;;
    # the same under $CONNECTIONS concurrent clients (reported): warm already when cards1/page1 ran first
    cards) measure cards cards "$OUT/cards.txt" "$([[ ,$PHASES, == *,cards1,* ]] && echo "$WARMUP_SHORT" || echo "$WARMUP")" "$THREADS" "$CONNECTIONS" ;;
    page) measure page page "$OUT/page.txt" "$([[ ,$PHASES, == *,page1,* ]] && echo "$WARMUP_SHORT" || echo "$WARMUP")" "$THREADS" "$CONNECTIONS" ;;
    lanes)
      lanes category
      measure cards-lanes cards "$OUT/cards.txt" "$WARMUP_SHORT" "$THREADS" "$CONNECTIONS"
      measure page-lanes page "$OUT/page.txt" "$WARMUP_SHORT" "$THREADS" "$CONNECTIONS"
      lanes none ;;
    moves) measure moves move "$OUT/movers.txt" "$WARMUP" "$MOVERS" "$MOVERS" "/t/$TENANT/api/v1/boards/$BOARD/moves" ;;
    moves1) # one mover alone: the service time of a move, without queueing behind the others (after "moves": warm)
      measure moves-1 move "$OUT/movers.txt" 0 1 1 "/t/$TENANT/api/v1/boards/$BOARD/moves" ;;
    live)
      load_note "live"
      python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-before-live.json"
      run_child python3 "$ROOT/bench/board_live.py" --port "$PORT" --out "$OUT" --schema "$SCHEMA" --streams "$STREAMS" \
        --moves "$LIVE_MOVES" --gap-ms "$LIVE_GAP_MS" > "$OUT/live.log" 2>&1 || { log "live phase failed:"; tail -20 "$OUT/live.log"; exit 1; }
      python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-after-live.json"
      cat "$OUT/live.log" | tee -a "$OUT/bench.log" ;;
    idle) log "idle for $DURATION s (the app up, for psql probes)"; sleep "$DURATION" ;;
    *) log "unknown phase $phase"; exit 2 ;;
  esac
done
stop_app
load_note "end"

# --- summary, and the results worth keeping ----------------------------------------------------------
python3 "$ROOT/bench/board_summarize.py" "$OUT" | tee "$OUT/summary.txt"
mkdir -p "$DOCS"
cp "$OUT/summary.md" "$OUT/summary.json" "$OUT/machine.txt" "$OUT/load.txt" "$OUT/tables.txt" "$DOCS/"
for f in board-seed.json seed.log live.json live.log explain-plain.txt explain-lanes.txt explain-carry.txt; do [ -f "$OUT/$f" ] && cp "$OUT/$f" "$DOCS/"; done
# prepare.log and board.json carry tokens and the session cookie: only their harmless parts are kept.
jq '{board, columns, column_counts, cards_shown, cards_bytes, page_bytes}' "$OUT/board.json" > "$DOCS/board.json"
for f in "$OUT"/wrk-*.txt; do [ -f "$f" ] && cp "$f" "$DOCS/"; done
log "results in docs/benchmarks/$RUN_ID-board; again with: bench/board.sh --no-build --tenant $TENANT --home $WORK_HOME"
