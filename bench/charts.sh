#!/usr/bin/env bash
# Chart redraw time: the app's live chart (Dashboard/wwwroot/js/liveChart.js on uPlot) with
# 10,000 points per series, redrawn 300 times in headless Chromium (/usr/bin/chromium, through
# Playwright's bundled driver, as the browser tests run it). Builds what it needs, prints a table.
#   bash bench/charts.sh                 # 10,000 points per series
#   POINTS=50000 REDRAWS=100 bash bench/charts.sh
set -euo pipefail

cd "$(dirname "$0")/.."
POINTS=${POINTS:-10000}
REDRAWS=${REDRAWS:-300}

echo "== build (Release): the Dashboard installs uPlot from npm; the benchmark tool"
dotnet build -c Release Dashboard/Dashboard.csproj -v q -nologo | grep -E "error|Warn" || true
dotnet build -c Release tools/ChartBench/ChartBench.csproj -v q -nologo | grep -E "error|Warn" || true
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
tools/ChartBench/bin/Release/net10.0/ChartBench --points "$POINTS" --redraws "$REDRAWS"
