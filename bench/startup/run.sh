#!/usr/bin/env bash
# Start-up-at-scale benchmark: how long a restarted app takes to give N open submissions their
# workflows back. Usage: bench/startup/run.sh <app jar> <N>   (or: run.sh --header)
# Prints one markdown table row per measurement on stdout; progress goes to stderr.
# Settings (environment):
#   BENCH_JAVA_OPTS   JVM options of the measured app            (default -Xmx2g)
#   BENCH_REPEAT      measurements on the same seed              (default 1)
#   BENCH_TIMEOUT     cap per measurement, seconds               (default 300)
#   BENCH_JSTACK_EVERY  seconds between thread dumps, 0 = none   (default 0)
#   BENCH_CHECK_ALL=1 GET every seeded submission at the end (slow, but proves all are live)
#   BENCH_JFR=1       record a JFR profile (recording.jfr; summarize with jfr-summary.py)
#   BENCH_APP_ENV     extra "K=V K2=V2" for the app, e.g. a feature flag of the fix
#   BENCH_READINESS_URL  if readiness is not at /actuator/health/readiness on the app port
#   BENCH_RESUMED_REGEX  if the reconciler's summary line is worded differently
#   BENCH_OUT         where logs, result.json and dumps go  (default /tmp/hirepilot-bench/<stamp>-N<N>)
#   BENCH_KEEP=1      keep the seeded data dirs
#   BENCH_SEED_DIR    reuse a seed made earlier by this script (skips preparing and seeding)
#   BENCH_POLL        seconds between polls                      (default 0.2)
#   BENCH_PORT / BENCH_TEMPORAL_PORT  (default 28080 / 27233)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ "${1:-}" == "--header" ]]; then
  exec python3 "$here/bench.py" header
fi
if [[ $# -ne 2 || ! -f "$1" || ! "$2" =~ ^[0-9]+$ || "$2" -lt 2 ]]; then
  echo "usage: $0 <app jar> <N >= 2>   |   $0 --header" >&2
  exit 2
fi
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
n="$2"
java_opts="${BENCH_JAVA_OPTS:--Xmx2g}"
port="${BENCH_PORT:-28080}"
tport="${BENCH_TEMPORAL_PORT:-27233}"
# Fixed, so that a seed made once can be measured again later with BENCH_SEED_DIR.
token="bench-startup-token-0123456789abcdef"
stamp="$(date +%Y%m%d-%H%M%S)"
out="${BENCH_OUT:-/tmp/hirepilot-bench/$stamp-N$n}"
work="$(mktemp -d /tmp/hirepilot-bench-work.XXXXXX)"
pidfile="$work/app.pid"
mkdir -p "$out"

cleanup() {
  # bench.py kills its own JVM; this covers an interrupted run (Ctrl-C, set -e) in between.
  if [[ -f "$pidfile" ]]; then
    kill -9 -- "-$(cat "$pidfile")" 2>/dev/null || true
  fi
  if [[ "${BENCH_KEEP:-0}" != 1 ]]; then
    rm -rf "$work"
  else
    echo "bench: kept $work" >&2
  fi
}
trap cleanup EXIT

common=(--jar "$jar" --token "$token" --port "$port" --temporal-port "$tport"
        --java-opts="$java_opts" --app-env="${BENCH_APP_ENV:-}" --pid-file "$pidfile")

if [[ -n "${BENCH_SEED_DIR:-}" ]]; then
  seed="$BENCH_SEED_DIR"
  [[ -f "$seed/seed.env" && -f "$seed/data/portal.mv.db" ]] || { echo "bench: $seed is not a seed dir" >&2; exit 2; }
else
  seed="$work/seed"
  mkdir -p "$seed/data"
  # The H2 file format is tied to the H2 version: seed with exactly the one the app bundles.
  h2_entry="$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$' | head -1)"
  [[ -n "$h2_entry" ]] || { echo "bench: no BOOT-INF/lib/h2-*.jar in $jar" >&2; exit 1; }
  unzip -p "$jar" "$h2_entry" >"$work/h2.jar"

  echo "bench: preparing schema, workspace, job and collaborator with the app itself" >&2
  python3 "$here/bench.py" prepare "${common[@]}" --data-dir "$seed/data" --log "$out/prepare.log"
  echo "bench: seeding $n open submissions" >&2
  java -cp "$work/h2.jar" "$here/Seed.java" \
    "jdbc:h2:file:$seed/data/portal;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH" "$n" "$seed/seed.env"
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    echo "bench: seed kept for BENCH_SEED_DIR=$seed" >&2
  fi
fi
# shellcheck disable=SC1091
source "$seed/seed.env"

for i in $(seq 1 "${BENCH_REPEAT:-1}"); do
  run="$work/run-$i"
  # A copy per run: the measured app writes to its database, and each run must start from the
  # same state, as the first start after a SIGKILL would.
  rm -rf "$run" && cp -a "$seed/data" "$run"
  run_out="$out"
  [[ "${BENCH_REPEAT:-1}" -gt 1 ]] && run_out="$out/run-$i"
  python3 "$here/bench.py" measure "${common[@]}" --data-dir "$run" --n "$n" \
    --first "$SEED_FIRST" --last "$SEED_LAST" --migrations "$SEED_MIGRATIONS" --out "$run_out" \
    --timeout "${BENCH_TIMEOUT:-300}" --jstack-every "${BENCH_JSTACK_EVERY:-0}" \
    $([[ "${BENCH_CHECK_ALL:-0}" == 1 ]] && echo --check-all) \
    $([[ "${BENCH_JFR:-0}" == 1 ]] && echo --jfr) \
    ${BENCH_READINESS_URL:+--readiness-url "$BENCH_READINESS_URL"} \
    ${BENCH_RESUMED_REGEX:+--resumed-regex "$BENCH_RESUMED_REGEX"}
  rm -rf "$run"
  echo "bench: details in $run_out/result.json, app log in $run_out/app.log" >&2
done
