#!/usr/bin/env bash
# Throughput of the PostgreSQL backplane, against the in-memory one on the same machine:
#   - events/s accepted by POST /feeds/publish on instance A (PublishLoad, C senders),
#   - publish-to-receive latency at N SSE clients of instance B (FeedLoad, from each event's ts),
#     so every event crosses A -> PostgreSQL (insert, commit, NOTIFY) -> B -> client.
# Then the same with one in-memory instance taking both the posts and the clients.
# Everything runs on 127.0.0.1: a private PostgreSQL cluster in a temporary folder, two instances.
# Usage: bench/postgres.sh   (env: CLIENTS=200 CONCURRENCY=16 DURATION=20)
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-200}
CONCURRENCY=${CONCURRENCY:-16}
DURATION=${DURATION:-20}
KEY=bench-publish-key-0123456789

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

echo "building (Release)..."
dotnet build -c Release Dashboard >/dev/null
dotnet build -c Release tools/FeedLoad >/dev/null
dotnet build -c Release tools/PublishLoad >/dev/null
APP=Dashboard/bin/Release/net10.0/Dashboard
FEEDLOAD=tools/FeedLoad/bin/Release/net10.0/FeedLoad
PUBLISHLOAD=tools/PublishLoad/bin/Release/net10.0/PublishLoad

work=$(mktemp -d)
pids=()
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  as_postgres "$PGBIN/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$work"

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PGPORT=$(port)
as_postgres "$PGBIN/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$work/data" -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $work" -l "$work/pg.log" -w start >/dev/null
DB="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"

# Only the measured topic: producers off, publishing open and unthrottled, many streams from one address.
common=(--Feeds:Clock:Enabled=false --Feeds:Ticker:Enabled=false --Feeds:Metrics:Enabled=false --Feeds:Alerts:Enabled=false
  "--Feeds:Publish:ApiKeys:0=$KEY" --Feeds:Publish:Topics:0=bench --Feeds:Publish:PermitsPerSecond=1000000
  --Feeds:Sse:MaxStreamsPerClient=100000 --Logging:LogLevel:Default=Warning
  --Dashboard:Demos:ChatBotSeconds=3600)  # the demo chat bot speaks once at start, not during the run

start() { # name port args...
  local name=$1 p=$2; shift 2
  "$APP" --urls="http://127.0.0.1:$p" --Feeds:Backplane:InstanceName="$name" "${common[@]}" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && return; sleep 0.2; done
  echo "instance $name did not start:"; cat "$work/$name.log"; exit 1
}

measure() { # label publish-port subscribe-port
  echo
  echo "== $1: $CLIENTS SSE clients on :$3, $CONCURRENCY senders posting to :$2 for $DURATION s"
  "$FEEDLOAD" --clients "$CLIENTS" --seconds $((DURATION + 4)) --url "http://127.0.0.1:$3/feeds/sse?topic=bench" >"$work/feedload.txt" &
  local feedload=$!
  sleep 2
  "$PUBLISHLOAD" --url "http://127.0.0.1:$2/feeds/publish/bench?type=tick" --key "$KEY" --concurrency "$CONCURRENCY" --seconds "$DURATION" || true
  wait "$feedload" || true
  cat "$work/feedload.txt"
}

A=$(port); B=$(port)
start a "$A" --Feeds:Backplane:Kind=Postgres "--ConnectionStrings:Feeds=$DB"
start b "$B" --Feeds:Backplane:Kind=Postgres "--ConnectionStrings:Feeds=$DB"
measure "Postgres backplane, published on a, received on b" "$A" "$B"
kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true; pids=()

M=$(port)
start memory "$M"
measure "InMemory backplane, one instance" "$M" "$M"
