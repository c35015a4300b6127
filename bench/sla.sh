#!/usr/bin/env bash
# Service-level benchmark of Worklane (issue 6): seeds one tenant with N closed incidents and their
# stored SLA clocks (spread over the last 12 months, a share breached) in SQL, then times the
# compliance report (by month and policy, and by team) and the breaches list over the API. See bench/README.md.
#
#   bench/sla.sh [--no-build] [--home DIR] [--fresh-home] [--clocks N] [--requests N]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
WORK_HOME=${BENCH_SLA_HOME:-/var/tmp/worklane-sla-bench}
FRESH_HOME=0
CLOCKS=1000000
REQUESTS=20
DEADLINE=1800
READY_TIMEOUT=300
JAVA_OPTS=${BENCH_JAVA_OPTS:-}

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --home) WORK_HOME=$2; shift ;;
    --fresh-home) FRESH_HOME=1 ;;
    --clocks) CLOCKS=$2; shift ;;
    --requests) REQUESTS=$2; shift ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage 2 ;;
  esac
  shift
done

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/out/$RUN_ID-sla
DOCS=$ROOT/docs/benchmarks/$RUN_ID-sla
mkdir -p "$OUT/logs"
source "$ROOT/bench/lib.sh"

build_jar
{
  machine_header
  echo "options: clocks=$CLOCKS requests=$REQUESTS java_opts='$JAVA_OPTS'"
} > "$OUT/machine.txt"

PORT=""
prepare_home
log "run $RUN_ID: WORKLANE_HOME=$WORK_HOME port=$PORT output in bench/out/$RUN_ID-sla"

start_app

stamp_one_tenant sla

load_note "seed and report"
run_child python3 "$ROOT/bench/sla_report.py" --port "$PORT" --slug "$TENANT" --schema "$SCHEMA" --token "$SECRET" \
  --out "$OUT" --clocks "$CLOCKS" --requests "$REQUESTS" > "$OUT/report.log" 2>&1 \
  || { log "the report run failed:"; tail -20 "$OUT/report.log"; exit 1; }
load_note "end"
stop_app

mkdir -p "$DOCS"
cp "$OUT/machine.txt" "$OUT/load.txt" "$OUT/summary.json" "$OUT/report.log" "$DOCS/"
log "results in docs/benchmarks/$RUN_ID-sla"
cat "$OUT/summary.json"
