#!/usr/bin/env bash
# SSE fan-out, the feeds server against a minimal Go net/http broadcaster, back to back on this
# machine; then the server's memory per idle stream. One command prints the whole table:
#
#   bench/fanout.sh                      # about 4 minutes on a quiet machine
#   SECONDS_PER_RUN=10 bench/fanout.sh   # shorter runs
#
# Everything listens on 127.0.0.1 only. Both servers publish one topic, ticker/ACME, at 10 events/s;
# FeedLoad opens N streams on it, parses every event (id, type, JSON ts) and reports events/s,
# publish-to-receive latency percentiles, id gaps (events missed), connect failures and the
# server's RSS and CPU from /proc. The load client runs on the same machine as the server and
# shares its cores: what it spends is printed too (client CPU %). Method and results: BENCHMARKS.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
IDLE_SECONDS=${IDLE_SECONDS:-10}
OURS_PORT=${OURS_PORT:-5200}
GO_PORT=${GO_PORT:-5100}
OUT=$(mktemp -d /tmp/fanout.XXXXXX)

# 10,000 streams are 10,000 sockets in the server and as many in the client (each its own
# process): the soft open-file limit (often 1024, 20,000 here) must be above that, with room.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 12000 ]; then
  echo "open-file limit $(ulimit -n) is too low for 10,000 streams; raise the hard limit (ulimit -Hn)" >&2
  exit 1
fi

if ! command -v go >/dev/null; then
  echo "installing Go from Debian (golang-go)" >&2
  apt-get install -y golang-go >/dev/null
fi

echo "building (Release)..." >&2
dotnet build -c Release bench/FeedsHost -v quiet -nologo >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
dotnet build -c Release tools/FeedLoad -v quiet -nologo >>"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
(cd bench/go-broadcaster && GO111MODULE=off GOCACHE="$OUT/gocache" go build -o go-broadcaster main.go)
HOST=bench/FeedsHost/bin/Release/net10.0/FeedsHost
LOAD=tools/FeedLoad/bin/Release/net10.0/FeedLoad
GO=bench/go-broadcaster/go-broadcaster

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap stop_server EXIT

wait_until_up() {
  for _ in $(seq 100); do
    # A stream never ends: a 200 within the second counts, though curl then times out.
    if [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$1" || true)" = 200 ]; then return 0; fi
    sleep 0.2
  done
  echo "server did not come up at $1" >&2
  exit 1
}

# The feeds, alone (bench/FeedsHost: AddFeeds/UseFeeds/MapFeeds and nothing else, no appsettings.json):
# one ticker symbol every 100 ms, the other producers off, and the stream limits raised so 10,000
# streams from one address are admitted (defaults: 100 per client, 10,000 in all). Kestrel has no
# connection cap by default; one is set above the streams, as a deployment would.
start_ours() { # extra arguments
  "$HOST" --Urls="http://127.0.0.1:$OURS_PORT" --Logging:LogLevel:Default=Warning \
    --Feeds:Ticker:Symbols:0=ACME --Feeds:Ticker:IntervalMs=100 --Feeds:Ticker:Seed=7 \
    --Feeds:Clock:Enabled=false --Feeds:Metrics:Enabled=false --Feeds:Alerts:Enabled=false \
    --Feeds:Publish:Topics:0=idle \
    --Feeds:Sse:MaxStreams=12000 --Feeds:Sse:MaxStreamsPerClient=12000 \
    --Kestrel:Limits:MaxConcurrentConnections=12500 "$@" >"$OUT/ours.log" 2>&1 &
  SERVER_PID=$!
  wait_until_up "http://127.0.0.1:$OURS_PORT/feeds/topics"
}

start_go() { # extra arguments
  "$GO" -addr "127.0.0.1:$GO_PORT" "$@" >"$OUT/go.log" 2>&1 &
  SERVER_PID=$!
  wait_until_up "http://127.0.0.1:$GO_PORT/feeds/sse"
}

ROWS=()
load() { # label clients url
  local log="$OUT/$(echo "$1" | tr ' ,' '__').log"
  echo "run: $1 ($2 clients)" >&2
  # Bounded: FeedLoad measures SECONDS_PER_RUN once all are connected; timeout stops a wedged run.
  timeout $((SECONDS_PER_RUN + 240)) "$LOAD" --clients "$2" --seconds "$SECONDS_PER_RUN" --warmup 3 \
    --server-pid "$SERVER_PID" --label "$1" --url "$3" >"$log" 2>&1 || true
  local row
  row=$(grep '^row ' "$log" | cut -c23- || true)
  if [ -z "$row" ]; then row="| $1 | run failed, see $log |"; fi
  grep -E '^(ramp-up|result|  - )' "$log" >&2 || true
  ROWS+=("$row")
}

OURS_URL="http://127.0.0.1:$OURS_PORT/feeds/sse?topic=ticker/ACME"
GO_URL="http://127.0.0.1:$GO_PORT/feeds/sse?topic=ticker/ACME"
for clients in 2000 5000 10000; do
  start_go; load "go $clients" "$clients" "$GO_URL"; stop_server
  start_ours; load "ours $clients" "$clients" "$OURS_URL"; stop_server
done

IDLE_ROWS=()
idle() { # label url
  local log="$OUT/idle_$(echo "$1" | tr ' ' '_').log"
  echo "idle: $1" >&2
  sleep 3 # let the fresh server settle before its RSS at 0 streams is read
  timeout $((IDLE_SECONDS + 240)) "$LOAD" --clients 10000 --idle "$IDLE_SECONDS" --warmup 2 \
    --server-pid "$SERVER_PID" --label "$1" --url "$2" >"$log" 2>&1 || true
  local row
  row=$(grep '^row ' "$log" | cut -c23- || true)
  IDLE_ROWS+=("${row:-| $1 | run failed, see $log |}")
}
start_ours --Feeds:Ticker:Enabled=false; idle "ours idle" "http://127.0.0.1:$OURS_PORT/feeds/sse?topic=idle"; stop_server
start_go -interval 0; idle "go idle" "$GO_URL"; stop_server

echo
echo "SSE fan-out, one topic at 10 events/s, $SECONDS_PER_RUN s measured per run ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| run | clients | connect failures | events/s | id gaps | p50 ms | p90 ms | p99 ms | max ms | server CPU % | server RSS MB | client CPU % |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "| idle run | streams | RSS MB at 0 | RSS MB at N | KB per stream |"
echo "|---|---|---|---|---|"
printf '%s\n' "${IDLE_ROWS[@]}"
echo
echo "logs: $OUT"
