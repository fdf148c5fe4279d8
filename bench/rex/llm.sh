#!/usr/bin/env bash
# REX's evaluation tables through a real LLM (any OpenAI-compatible endpoint: Ollama, vLLM,
# OpenAI), beside the offline brain: tool accuracy, cited section, pass^4 over wordings, and
# pass^k over k askings of each question. Prints a Markdown table and writes it to
# rex-agent/target/rex-llm-evaluation.md. Needs a reachable model, so it is not part of the build.
# Usage (from the repository root; builds rex-agent first):
#   REX_LLM_BASE_URL=http://localhost:11434/v1 REX_LLM_MODEL=qwen2.5:7b-instruct bench/rex/llm.sh
#   REX_LLM_BASE_URL=... REX_LLM_MODEL=... [REX_LLM_API_KEY=...] bench/rex/llm.sh \
#     [--tables main,holdout,holdout-2] [--repeat k] [--out file]
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${REX_LLM_BASE_URL:?set REX_LLM_BASE_URL, e.g. http://localhost:11434/v1}"
: "${REX_LLM_MODEL:?set REX_LLM_MODEL, e.g. qwen2.5:7b-instruct}"
./mvnw -B -q -pl workflows,rex-agent -am install -DskipTests
./mvnw -B -q -pl rex-agent test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-${TMPDIR:-/tmp}/djl}"
java -Xmx1g -cp "rex-agent/target/classes:rex-agent/target/test-classes:$(cat rex-agent/target/bench.cp)" \
  com.hirepilot.rex.LlmEvaluation "$@"
