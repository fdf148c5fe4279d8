#!/usr/bin/env bash
# Every jar-based benchmark against one jar, optionally beside a second (the previous release),
# back to back, into one report: a regression shows up as a changed ratio before it ships.
#
#   bench/run-all.sh <new.jar> [<previous.jar>]
#
# 1. The portal's reads at 64 connections, each beside its same-size static twin
#    (bench/portal-reads/run.sh; ratio = page req/s ÷ static req/s in the same run).
# 2. The console's submission page at 64 connections (bench/console-page/run.sh).
# 3. Submit to the client's email, beside the floor of a bare one-activity workflow on the same
#    Temporal server (bench/submit-to-email/run.py --floor).
# REX's offline latency (bench/rex/run.sh) and start-up (bench/startup/run.sh) build from the
# source tree rather than a jar; run them from each commit.
#
# The report is printed and saved as report.md in a new directory under /tmp. About 12 minutes
# with two jars. Settings: SECONDS_PER_RUN=10.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,16p' "$0"; exit 2; }
jars=("$@")
out=$(mktemp -d /tmp/bench-all-XXXX)
seconds="${SECONDS_PER_RUN:-10}"
{
  echo "# Benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)."
  echo "Jars: ${jars[*]}"
  echo
  echo "## Portal reads, 64 connections (req/s, and the ratio to the static twin)"
  echo
  echo "| jar | job page | ratio | submissions JSON | ratio | candidate page | ratio |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
} > "$out/report.md"
for jar in "${jars[@]}"; do
  CONNECTIONS=64 bench/portal-reads/run.sh "$jar" "$seconds" > "$out/portal-reads-$(basename "$jar").txt" 2>&1
  dir=$(grep -o '/tmp/bench-portal-reads-[0-9-]*' "$out/portal-reads-$(basename "$jar").txt" | tail -1)
  sed -n '/^| conns | job page/,/^$/p' "$dir/report.md" | awk -F'|' -v j="$(basename "$jar")" \
    '$2 ~ /64/ {printf "| %s |%s|%s|%s|%s|%s|%s|\n", j, $3, $5, $6, $8, $9, $11}' >> "$out/report.md"
done
{
  echo
  echo "## Console submission page, 64 connections"
  echo
  bench/console-page/run.sh "${jars[@]}"
  echo
  echo "## Submit to the client's email (ratios to the floor)"
  echo
  python3 bench/submit-to-email/run.py --floor "${jars[@]}" 2> "$out/submit-to-email.log"
} >> "$out/report.md"
cat "$out/report.md"
echo
echo "Everything is in $out"
