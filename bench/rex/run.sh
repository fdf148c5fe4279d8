#!/usr/bin/env bash
# REX's offline cost: build time, memory, and answer latency over the evaluation questions.
# Usage: bench/rex/run.sh [rounds]   (from the repository root; builds rex-agent first)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-20}"
./mvnw -B -q -pl workflows,rex-agent -am install -DskipTests
./mvnw -B -q -pl rex-agent test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-${TMPDIR:-/tmp}/djl}"
java -Xmx512m -cp "rex-agent/target/classes:rex-agent/target/test-classes:$(cat rex-agent/target/bench.cp)" \
  com.hirepilot.rex.RexBenchmark "$rounds"
