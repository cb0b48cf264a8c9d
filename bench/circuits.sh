#!/usr/bin/env bash
# Circuit load on the overview page: builds Release, then for each circuit count starts a fresh
# dashboard (default rates, feeds in-process) on 127.0.0.1, opens the circuits with
# tools/CircuitLoad, measures, stops the server, and prints one table at the end.
# A fresh server per count keeps each run's memory from the previous one's garbage.
#   bash bench/circuits.sh                      # 100 and 500 circuits on /, 30 s measured each
#   CIRCUITS="50 500 800" SECONDS_MEASURED=60 PAGE=/monitoring bash bench/circuits.sh
set -euo pipefail

cd "$(dirname "$0")/.."
CIRCUITS=${CIRCUITS:-"100 500"}
SECONDS_MEASURED=${SECONDS_MEASURED:-30}
PAGE=${PAGE:-/}
PORT=${PORT:-5391}
RAMP=${RAMP:-50}
SETTLE=${SETTLE:-15}

echo "== build (Release)"
dotnet build -c Release Dashboard/Dashboard.csproj -v q -nologo | grep -E "error|Warn" || true
dotnet build -c Release tools/CircuitLoad/CircuitLoad.csproj -v q -nologo | grep -E "error|Warn" || true
APP_DIR=Dashboard/bin/Release/net10.0
LOAD=tools/CircuitLoad/bin/Release/net10.0/CircuitLoad

echo "== machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') memory, load average $(cut -d' ' -f1-3 /proc/loadavg)"

SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

start_server() {
  # From its build folder, as a published app runs: static assets and appsettings.json are there.
  (cd "$APP_DIR" && exec ./Dashboard --urls="http://127.0.0.1:$PORT" --Logging:LogLevel:Default=Warning) > /tmp/circuits-bench-server.log 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 60); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; then
      # Let the relay's windows fill and the JIT settle before the idle sample.
      sleep 10
      return
    fi
    sleep 1
  done
  echo "the dashboard did not answer on port $PORT; its log:" >&2
  tail -30 /tmp/circuits-bench-server.log >&2
  exit 1
}

SUMMARIES=()
for n in $CIRCUITS; do
  echo
  echo "== $n circuits on $PAGE, measured ${SECONDS_MEASURED} s"
  start_server
  out=$("$LOAD" --url "http://127.0.0.1:$PORT$PAGE" --circuits "$n" --ramp "$RAMP" --settle "$SETTLE" \
    --seconds "$SECONDS_MEASURED" --server-pid "$SERVER_PID" || true)
  echo "$out" | grep -v '^SUMMARY'
  SUMMARIES+=("$(echo "$out" | grep '^SUMMARY' || echo "SUMMARY circuits=$n alive=-")")
  stop_server
done

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " ${2#SUMMARY }"; }
echo
echo "== circuits on $PAGE: $(nproc) cores, ${SECONDS_MEASURED} s measured after a ${SETTLE} s settle"
echo "| circuits | all up after (s) | alive at end | server CPU % of $(nproc) cores (idle -> loaded) | RSS MB (idle -> loaded) | CPU ms/s per circuit | RSS KB per circuit | bytes/s per circuit (median, max) | chart update bytes (median, p95, max) | load tool CPU % |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for s in "${SUMMARIES[@]}"; do
  echo "| $(field circuits "$s") | $(field started_s "$s") | $(field alive "$s") | $(field cpu_idle "$s") -> $(field cpu "$s") | $(field rss_idle_mb "$s") -> $(field rss_mb "$s") | $(field cpu_ms_per_circuit "$s") | $(field rss_kb_per_circuit "$s") | $(field bytes_s_median "$s"), $(field bytes_s_max "$s") | $(field update_median "$s"), $(field update_p95 "$s"), $(field update_max "$s") | $(field loader_cpu "$s") |"
done
