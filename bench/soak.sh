#!/usr/bin/env bash
# Memory over time: the whole dashboard at its default rates (feeds in-process, appsettings.json
# as shipped) with real pages open in headless Chromium, sampled every minute from /proc and from
# the app's own /metrics. Answers whether the working set levels off once the relay's window
# (Dashboard:WindowMinutes, 60 by default) is full, or grows without bound.
#
#   bash bench/soak.sh                              # 2 hours, /, /monitoring, /ticker, /transports
#   MINUTES=20 PAGES="/ /ticker" bash bench/soak.sh # shorter
#
# Needs Chromium (/usr/bin/chromium) and the test project built once (`dotnet build`), whose
# output carries Playwright's driver. The app runs from a copy of its Release build, so building
# meanwhile does not touch it. Results: BENCHMARKS.md ("Memory over time").
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MINUTES=${MINUTES:-120}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-60}
PAGES=${PAGES:-"/ /monitoring /ticker /transports"}
PORT=${PORT:-5393}
OUT=${OUT:-$(mktemp -d /tmp/soak.XXXXXX)}
mkdir -p "$OUT"
DRIVER=${DRIVER:-$ROOT/Dashboard.Tests/bin/Debug/net10.0/.playwright}
BASE=http://127.0.0.1:$PORT

[ -d "$DRIVER/package" ] || { echo "no Playwright driver at $DRIVER: run 'dotnet build' first" >&2; exit 1; }
echo "building (Release)..." >&2
dotnet build -c Release Dashboard/Dashboard.csproj -v quiet -nologo >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
cp -r Dashboard/bin/Release/net10.0 "$OUT/app"

SERVER_PID= PAGES_PID=
stop_all() {
  [ -n "$PAGES_PID" ] && kill "$PAGES_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop_all EXIT

(cd "$OUT/app" && exec ./Dashboard --urls="$BASE" --Logging:LogLevel:Default=Warning) >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null "$BASE/healthz" && break; sleep 0.2; done

# shellcheck disable=SC2086 # PAGES is a list of paths
PLAYWRIGHT_DRIVER=$DRIVER "$DRIVER/node/linux-x64/node" bench/soak/pages.js "$BASE" $PAGES >"$OUT/pages.log" 2>&1 &
PAGES_PID=$!

metric() { # the sum of a metric's samples in the scrape in $OUT/metrics.txt
  awk -v name="$1" '$1 == name || index($1, name "{") == 1 { sum += $2 } END { printf "%.0f", sum }' "$OUT/metrics.txt"
}

echo "minute rss_mb gc_heap_mb gc_committed_mb relay_window_events circuits threads" | tee "$OUT/samples.txt"
START=$(date +%s)
for minute in $(seq 0 "$MINUTES"); do
  # Sample on the minute from the start, however long a scrape took.
  while [ $(( $(date +%s) - START )) -lt $(( minute * SAMPLE_SECONDS )) ]; do sleep 1; done
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server died; see $OUT/server.log" >&2; exit 1; }
  curl -s -m 10 "$BASE/metrics" >"$OUT/metrics.txt" || true
  rss=$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status")
  threads=$(awk '/Threads/ { print $2 }' "/proc/$SERVER_PID/status")
  heap=$(metric dotnet_gc_last_collection_heap_size_bytes)
  committed=$(metric dotnet_gc_last_collection_memory_committed_size_bytes)
  echo "$minute $rss $(awk -v b="$heap" 'BEGIN { printf "%.1f", b / 1048576 }') $(awk -v b="$committed" 'BEGIN { printf "%.1f", b / 1048576 }') $(metric dashboard_relay_window_events) $(metric dashboard_circuits_open) $threads" | tee -a "$OUT/samples.txt"
done

echo
echo "Memory over time, $MINUTES min, pages: $PAGES ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| minute | RSS MB | GC heap MB (after last GC) | GC committed MB | relay window events | circuits | threads |"
echo "|---|---|---|---|---|---|---|"
awk 'NR > 1 && ($1 % 10 == 0 || $1 <= 5) { printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$OUT/samples.txt"
echo
echo "page problems seen: $(grep -c -E 'error' "$OUT/pages.log" || true) (log: $OUT/pages.log)"
echo "samples: $OUT/samples.txt"
