#!/usr/bin/env bash
# One cold start of the app on a fresh data directory: prints the milliseconds from launch to
# readiness 200, and, when REX is there, to its "REX indexed" log line (the background index).
# Usage: bench/rex/startup.sh <app jar>   (for hyperfine: hyperfine 'bench/rex/startup.sh app.jar')
set -euo pipefail
jar="$1"
port="${BENCH_PORT:-28090}"
dir="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
start=$(date +%s%N)
PORTAL_DATA_DIR="$dir" SERVER_PORT="$port" TEMPORAL_EMBEDDED_PORT=$((port + 1)) \
  DJL_CACHE_DIR="${DJL_CACHE_DIR:-/tmp/djl}" \
  java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$jar" > "$dir/log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1; do
  sleep 0.05
  kill -0 "$pid" 2>/dev/null || { cat "$dir/log" >&2; exit 1; }
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
indexed=""
if [[ "${BENCH_WAIT_FOR_REX:-0}" == 1 ]]; then
  until grep -q "REX indexed" "$dir/log"; do sleep 0.05; done
  indexed=$(( ($(date +%s%N) - start) / 1000000 ))
fi
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "ready_ms=$ready rex_indexed_ms=${indexed:-n/a} rss_kb=$rss"
