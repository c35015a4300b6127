#!/usr/bin/env bash
# Catalog benchmark of Worklane (issue 5): a pre-authorised, fully automated offering whose two steps
# call a stub endpoint; orders one at a time (order -> fulfilled), then a burst submitted at once,
# waiting until every run is fulfilled (none lost, none run twice). See bench/README.md.
#
#   bench/catalog.sh [--no-build] [--home DIR] [--fresh-home] [--single N] [--burst N] [--approvals N] [--connections N]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
WORK_HOME=${BENCH_CATALOG_HOME:-/var/tmp/worklane-catalog-bench}
FRESH_HOME=0
SINGLE=30
BURST=1000
APPROVALS=200
CONNECTIONS=50
DEADLINE=1800
READY_TIMEOUT=300
JAVA_OPTS=${BENCH_JAVA_OPTS:-}

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --home) WORK_HOME=$2; shift ;;
    --fresh-home) FRESH_HOME=1 ;;
    --single) SINGLE=$2; shift ;;
    --burst) BURST=$2; shift ;;
    --approvals) APPROVALS=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage 2 ;;
  esac
  shift
done

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/out/$RUN_ID-catalog
DOCS=$ROOT/docs/benchmarks/$RUN_ID-catalog
mkdir -p "$OUT/logs"
source "$ROOT/bench/lib.sh"

build_jar
{
  machine_header
  echo "options: single=$SINGLE burst=$BURST approvals=$APPROVALS connections=$CONNECTIONS java_opts='$JAVA_OPTS'"
} > "$OUT/machine.txt"

PORT=""
prepare_home
log "run $RUN_ID: WORKLANE_HOME=$WORK_HOME port=$PORT output in bench/out/$RUN_ID-catalog"

start_app

stamp_one_tenant cat

load_note "orders"
python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-before.json"
run_child python3 "$ROOT/bench/catalog_orders.py" --port "$PORT" --slug "$TENANT" --schema "$SCHEMA" --token "$SECRET" \
  --out "$OUT" --single "$SINGLE" --burst "$BURST" --approvals "$APPROVALS" --connections "$CONNECTIONS" > "$OUT/orders.log" 2>&1 \
  || { log "the orders failed:"; tail -20 "$OUT/orders.log"; exit 1; }
python3 "$ROOT/bench/cpu.py" "$APP_PID" "$WORK_HOME" > "$OUT/cpu-after.json"
load_note "end"
stop_app

mkdir -p "$DOCS"
cp "$OUT/machine.txt" "$OUT/load.txt" "$OUT/summary.json" "$OUT/orders.log" "$DOCS/"
log "results in docs/benchmarks/$RUN_ID-catalog"
cat "$OUT/summary.json"
