#!/usr/bin/env bash
# The console's submission page under load: requests/s at 64 connections, for one or more jars.
#
#   bench/console-page/run.sh <app.jar> [more.jar ...]
#
# Each jar starts on a fresh data directory with the demo data (one job, one submission awaiting
# feedback, its workflow running on the embedded Temporal server), signs the demo recruiter in to
# the console with a chosen password, and runs wrk against /console/submissions/{id} for
# DURATION seconds at CONNECTIONS connections after a short warm-up. The page asks the running
# workflow for its live state, so this measures that path too.
#
# Settings (environment): PORT=18095 TEMPORAL_PORT=17295 CONNECTIONS=64 THREADS=2 DURATION=10
# Needs: java, curl, jq, wrk.
set -euo pipefail
PORT="${PORT:-18095}"
TEMPORAL_PORT="${TEMPORAL_PORT:-17295}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-10}"
PASSWORD="bench-password-$RANDOM$RANDOM"
TOKEN="bench-token-$RANDOM$RANDOM$RANDOM"
BASE="http://127.0.0.1:$PORT"

echo "| jar | requests/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
for jar in "$@"; do
  run=$(mktemp -d /tmp/bench-console-page-XXXX)
  PORTAL_DATA_DIR="$run/data" PORTAL_BOOTSTRAP_PASSWORD="$PASSWORD" PORTAL_BOOTSTRAP_TOKEN="$TOKEN" \
    java -jar "$jar" --server.port="$PORT" --temporal.embedded-port="$TEMPORAL_PORT" \
    --portal.base-url="$BASE" > "$run/app.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -sf "$BASE/actuator/health/readiness" > /dev/null 2>&1 && break
    sleep 1
  done
  submission=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/submissions" | jq -r '.[0].id')
  jar_cookies="$run/cookies"
  csrf=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "$BASE/console/login" \
    | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar_cookies" -b "$jar_cookies" -X POST "$BASE/console/login" \
    --data-urlencode "email=owner@localhost" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf"
  # curl writes HttpOnly cookies as "#HttpOnly_<domain>" lines.
  cookie=$(sed 's/^#HttpOnly_//' "$jar_cookies" | awk '$0 !~ /^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}')
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE/console/submissions/$submission")
  if [ "$status" != "200" ]; then
    echo "| $(basename "$jar") | sign-in or page failed ($status), see $run/app.log | | | |"
    kill $app; wait $app 2>/dev/null || true; continue
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Cookie: $cookie" "$BASE/console/submissions/$submission" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $cookie" \
    "$BASE/console/submissions/$submission" > "$run/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$run/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$run/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$run/wrk.txt")
  bad=$(awk '/Non-2xx/ {print $5}' "$run/wrk.txt")
  echo "| $(basename "$jar") | $rps | $p50 | $p99 | ${bad:-0} |"
  kill $app; wait $app 2>/dev/null || true
  trap - EXIT
done
