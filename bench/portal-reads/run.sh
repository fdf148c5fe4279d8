#!/usr/bin/env bash
# Benchmark of the client portal's read paths.
#
#   bench/portal-reads/run.sh <path/to/app.jar> [duration-seconds, default 10]
#
# What it does, in order:
#   1. starts the jar on a fresh data directory, on non-default ports, with one extra static
#      location (a directory of this run) so the same JVM can serve plain files;
#   2. seeds, through the recruiter REST API: one job, one client collaborator, N candidates
#      (default 50) each with a public PDF resume, and one submission per candidate;
#   3. waits until every submission is AWAITING_FEEDBACK (each one runs a Temporal workflow that
#      emails the client), so background work has settled before anything is measured;
#   4. signs the client in through the portal JSON API with the newest magic link found in the
#      embedded mailbox, and keeps the session cookie;
#   5. verifies the answers are real (200, the JSON has N entries, the job page names every
#      candidate, the first candidate's page names them and has its decision panel) and writes
#      each answer, byte for byte, as a static file;
#   6. runs wrk against each endpoint and against its same-size static twin, at each concurrency;
#   7. stops the app and prints a markdown report (also saved in the run directory).
#
# Everything the run produces stays in one directory under /tmp (printed at the start and end):
# app log, Tomcat access log, wrk outputs, thread dumps, captured answers, report.md.
#
# Settings (environment variables, all optional):
#   PORT=18080  TEMPORAL_PORT=17233   ports the app listens on (checked free before starting)
#   CANDIDATES=50                     candidates submitted to the one job
#   CONNECTIONS="1 16 64"             wrk -c values
#   THREADS=2                         wrk -t (lowered to -c when -c is smaller: wrk needs t <= c)
#   WRK_TIMEOUT=5s                    wrk --timeout. wrk 4.x counts a timeout only when a response
#                                     arrives later than this, within the run; keep it below the
#                                     duration or it can never fire. A request not answered before
#                                     the run ends is counted nowhere by wrk: the report's
#                                     "unanswered" column (from the access log) shows those.
#   RECOVERY_TIMEOUT=180              seconds to wait, after a run, for the endpoint to answer again
#   JAVA=java  JAVA_OPTS=""           the JVM and its options
#   RUN_DIR=/tmp/bench-portal-reads-<timestamp>   where the run's files go (must not exist)
#
# Needs: java, curl, jq, wrk, python3, ss (iproute2); jcmd is optional (thread dumps).

set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

JAR=${1:?usage: $0 <app.jar> [duration-seconds]}
DURATION=${2:-10}
PORT=${PORT:-18080}
TEMPORAL_PORT=${TEMPORAL_PORT:-17233}
CANDIDATES=${CANDIDATES:-50}
CONNECTIONS=${CONNECTIONS:-"1 16 64"}
THREADS=${THREADS:-2}
WRK_TIMEOUT=${WRK_TIMEOUT:-5s}
RECOVERY_TIMEOUT=${RECOVERY_TIMEOUT:-180}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
RUN_DIR=${RUN_DIR:-/tmp/bench-portal-reads-$(date +%Y%m%d-%H%M%S)}

BASE=http://localhost:$PORT
CLIENT_EMAIL=bench.client@client.example
JOB_TITLE="Benchmark Platform Engineer"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  printf '\nFAIL: %s\n' "$*" >&2
  if [[ -f ${APP_LOG:-/nonexistent} ]]; then
    printf -- '--- last 40 lines of %s ---\n' "$APP_LOG" >&2
    tail -n 40 "$APP_LOG" >&2
  fi
  # In the main shell, after some runs: stop the app and report what was measured.
  if [[ $BASHPID == "$$" && -s ${RUNS:-/nonexistent} && -f $RUN_DIR/meta.json ]]; then
    stop_app
    echo "PARTIAL REPORT (the benchmark failed: $*)" >"$RUN_DIR/report.md"
    python3 "$HERE/summarize.py" "$RUN_DIR" >>"$RUN_DIR/report.md" && cat "$RUN_DIR/report.md"
  fi
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Preflight
# ---------------------------------------------------------------------------------------------
[[ -f $JAR ]] || die "no such jar: $JAR"
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
[[ $DURATION =~ ^[0-9]+$ ]] || die "duration must be whole seconds, got '$DURATION'"
[[ $WRK_TIMEOUT =~ ^([0-9]+)s$ ]] || die "WRK_TIMEOUT must be whole seconds like 5s, got '$WRK_TIMEOUT'"
((BASH_REMATCH[1] < DURATION)) ||
  log "WARNING: WRK_TIMEOUT=$WRK_TIMEOUT is not below the duration (${DURATION}s): wrk can never report a timeout"
for tool in "$JAVA" curl jq wrk python3 ss; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
# A port already in use would mean measuring someone else's process.
for p in "$PORT" "$TEMPORAL_PORT"; do
  if ss -Hltn "sport = :$p" | grep -q .; then die "port $p is already in use"; fi
done
[[ ! -e $RUN_DIR ]] || die "$RUN_DIR already exists"
# The app reads its configuration from the environment too (README "Configuration"). Settings
# inherited from the caller's shell change what is measured, so name them in the log and the
# report (they are kept: pointing SPRING_DATASOURCE_URL at PostgreSQL may be the point).
INHERITED=$(env | cut -d= -f1 | grep -E '^(PORTAL|SPRING|TEMPORAL|SERVER|REX|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS)' | sort | xargs || true)
[[ -z $INHERITED ]] || log "WARNING: inherited app settings from the environment: $INHERITED"

mkdir -p "$RUN_DIR"/{data,static/bench,access,wrk,dumps,answers,seed}
APP_LOG=$RUN_DIR/app.log
RUNS=$RUN_DIR/runs.jsonl
: >"$RUNS"
log "run directory: $RUN_DIR"

# ---------------------------------------------------------------------------------------------
# Start the app
# ---------------------------------------------------------------------------------------------
BOOTSTRAP_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

# Extra arguments, and why:
#  - static-locations: the app's own static files plus this run's directory, so the static
#    baseline goes through the same JVM, Tomcat connector and security filter chain.
#  - Tomcat access log with an X-Bench-Run column: exact server-side status counts per wrk run,
#    including answers that complete after wrk has stopped (e.g. 500s after a pool timeout).
#  - HikariConfig DEBUG prints the pool configuration once at start (the real pool size, not an
#    assumed default); HikariPool DEBUG prints pool stats every 30 s (active/idle/waiting).
APP_ARGS=(
  "--spring.web.resources.static-locations=classpath:/static/,file:$RUN_DIR/static/"
  "--server.tomcat.accesslog.enabled=true"
  "--server.tomcat.accesslog.directory=$RUN_DIR/access"
  "--server.tomcat.accesslog.prefix=access"
  "--server.tomcat.accesslog.suffix=.log"
  "--server.tomcat.accesslog.rotate=false"
  "--server.tomcat.accesslog.pattern=%{X-Bench-Run}i %s %b %D %U"
  "--logging.level.com.zaxxer.hikari.HikariConfig=DEBUG"
  "--logging.level.com.zaxxer.hikari.pool.HikariPool=DEBUG"
)

log "starting $JAR on port $PORT (Temporal $TEMPORAL_PORT)"
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options on purpose
SERVER_PORT=$PORT \
TEMPORAL_EMBEDDED_PORT=$TEMPORAL_PORT \
PORTAL_DATA_DIR=$RUN_DIR/data \
PORTAL_DEMO_ENABLED=false \
PORTAL_BOOTSTRAP_TOKEN=$BOOTSTRAP_TOKEN \
PORTAL_BASE_URL=$BASE \
PORTAL_MAIL_EMBEDDED=true \
  "$JAVA" $JAVA_OPTS -jar "$JAR" "${APP_ARGS[@]}" >"$APP_LOG" 2>&1 &
APP_PID=$!
echo "$APP_PID" >"$RUN_DIR/app.pid"

stop_app() {
  # Stops only the JVM this script started, by its PID: SIGTERM (graceful, flushes the access
  # log), then SIGKILL if it is still there after 60 s.
  if [[ -n ${APP_PID:-} ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the app (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "still running after 60 s: SIGKILL"
      kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT
trap 'exit 130' INT TERM

alive() { kill -0 "$APP_PID" 2>/dev/null || die "the app exited (see $APP_LOG)"; }

# Ready means the portal's sign-in page answers: by then Tomcat, Flyway, Temporal are up.
for i in $(seq 180); do
  alive
  if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/portal/access") == 200 ]]; then
    break
  fi
  [[ $i -lt 180 ]] || die "the app did not answer on $BASE within 180 s"
  sleep 1
done
log "app is up"

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
# api METHOD PATH [curl args...]: the recruiter API; prints the body, dies unless 2xx.
api() {
  local method=$1 path=$2 out status
  shift 2
  out=$RUN_DIR/seed/last-answer
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" \
    -H "Authorization: Bearer $BOOTSTRAP_TOKEN" "$@" "$BASE$path") || die "curl failed: $method $path"
  [[ $status == 2?? ]] || { cat "$out" >&2; echo >&2; die "$method $path answered $status"; }
  cat "$out"
}
json() { api "$1" "$2" -H 'Content-Type: application/json' -d "$3"; }

# ---------------------------------------------------------------------------------------------
# Seed
# ---------------------------------------------------------------------------------------------
# A small but real PDF (valid xref offsets, one page of text), so the app's content detection
# sees application/pdf just as it would for an uploaded resume.
PDF=$RUN_DIR/seed/resume.pdf
python3 - "$PDF" <<'PY'
import sys
text = b"BT /F1 14 Tf 72 720 Td (Benchmark candidate resume) Tj 0 -20 Td (10 years of backend work.) Tj ET"
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
    b" /Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for i, body in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY

SEED_START=$(date +%s)
JOB_ID=$(json POST /api/jobs "$(jq -n --arg t "$JOB_TITLE" '{
  title: $t, clientCompany: "Bench Client Inc.", location: "Remote (EU)",
  description: "Runs the deployment platform for 40 product teams.",
  requirements: "Kubernetes; Java or Go; on-call experience", showDescriptionToClients: true}')" |
  jq -er .id)
json POST "/api/jobs/$JOB_ID/collaborators" \
  "$(jq -n --arg e "$CLIENT_EMAIL" '{email: $e, name: "Bench Client"}')" >/dev/null
log "job $JOB_ID, collaborator $CLIENT_EMAIL; seeding $CANDIDATES candidates"

: >"$RUN_DIR/seed/candidates.txt"
: >"$RUN_DIR/seed/submissions.txt"
for i in $(seq -w 1 "$CANDIDATES"); do
  name="Bench Candidate $i"
  cid=$(json POST /api/candidates "$(jq -n --arg n "$name" --arg i "$i" '{
    name: $n, title: "Senior Backend Engineer", currentCompany: ("Company " + $i),
    skills: ["Java", "Spring Boot", "PostgreSQL", "Kubernetes"],
    summary: "Built and ran payment services at scale; led a team of five; strong on observability and incident response.",
    email: ("candidate" + $i + "@mail.example"), phone: "+1 555 0100",
    internalNotes: "Not for clients"}')" | jq -er .id)
  resume=$(api POST "/api/candidates/$cid/attachments" \
    -F "file=@$PDF;type=application/pdf;filename=resume-$i.pdf" -F kind=RESUME -F public=true)
  rid=$(jq -er .id <<<"$resume")
  [[ $(jq -r .contentType <<<"$resume") == application/pdf ]] ||
    die "the resume was not stored as a PDF: $resume"
  sid=$(json POST "/api/jobs/$JOB_ID/submissions" "$(jq -n --arg c "$cid" --arg r "$rid" '{
    candidateId: $c, attachmentIds: [$r],
    message: "Strong fit for the platform team: has run Kubernetes in production and is available in four weeks."}')" |
    jq -er .id)
  echo "$name" >>"$RUN_DIR/seed/candidates.txt"
  echo "$sid" >>"$RUN_DIR/seed/submissions.txt"
done
log "seeded in $(($(date +%s) - SEED_START)) s; waiting for every submission to be AWAITING_FEEDBACK"

# Each submission's workflow emails the client, then waits for feedback. Measuring while those
# workflows still run would mix their database work into the read benchmark.
for i in $(seq 300); do
  alive
  states=$(api GET "/api/submissions?jobId=$JOB_ID" | jq -r '[.[].status] | group_by(.) | map("\(.[0])=\(length)") | join(" ")')
  [[ $states == "AWAITING_FEEDBACK=$CANDIDATES" ]] && break
  [[ $i -lt 300 ]] || die "submissions did not settle within 300 s: $states"
  sleep 1
done
# Then wait until the mailbox has stopped growing, so no email is still being sent.
mail_count() { curl -s "$BASE/mailbox" | grep -c 'href="/mailbox/messages/' || true; }
prev=-1
for _ in $(seq 60); do
  now=$(mail_count)
  [[ $now == "$prev" ]] && break
  prev=$now
  sleep 3
done
log "settled: $states, $now emails in the mailbox, $(($(date +%s) - SEED_START)) s after seeding began"

# ---------------------------------------------------------------------------------------------
# Sign the client in
# ---------------------------------------------------------------------------------------------
# Every email issues a new link and revokes the previous one, so only the newest link works.
# Emails can arrive in a different order than the links were issued, so try the client's
# emails newest first until one signs in.
COOKIES=$RUN_DIR/cookies.txt
cookie() { awk -v n="$1" '$6 == n {print $7}' "$COOKIES"; }
curl -s "$BASE/mailbox" | python3 -c '
import html, re, sys
page = sys.stdin.read()
for to, n in re.findall(r"<td>([^<]*)</td>\s*<td><a href=\"/mailbox/messages/([0-9a-f]+)\"", page):
    if html.unescape(to).strip() == sys.argv[1]:
        print(n)' "$CLIENT_EMAIL" >"$RUN_DIR/seed/client-mails.txt"
[[ -s $RUN_DIR/seed/client-mails.txt ]] || die "no email to $CLIENT_EMAIL in $BASE/mailbox"

SIGNED_IN=
while read -r n; do
  link=$(curl -s "$BASE/mailbox/messages/$n/html" | grep -o 'http[^"]*/portal/login?token=[^"&]*' | head -n1 || true)
  [[ -n $link ]] || continue
  token=${link#*token=}
  rm -f "$COOKIES"
  curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null "$BASE/portal/access"
  [[ -n $(cookie XSRF-TOKEN) ]] || die "GET /portal/access set no XSRF-TOKEN cookie"
  status=$(curl -s -c "$COOKIES" -b "$COOKIES" -o "$RUN_DIR/seed/session.json" -w '%{http_code}' \
    -H "X-XSRF-TOKEN: $(cookie XSRF-TOKEN)" -H 'Content-Type: application/json' \
    "$BASE/api/portal/session" -d "$(jq -n --arg t "$token" '{token: $t}')")
  if [[ $status == 200 ]]; then SIGNED_IN=$n; break; fi
done <"$RUN_DIR/seed/client-mails.txt"
[[ -n $SIGNED_IN ]] || die "no magic link in the client's $(wc -l <"$RUN_DIR/seed/client-mails.txt") emails signed in"
[[ $(jq -r .collaborator.email "$RUN_DIR/seed/session.json") == "$CLIENT_EMAIL" ]] ||
  die "signed in as someone else: $(cat "$RUN_DIR/seed/session.json")"
SESSION=$(cookie JSESSIONID)
XSRF=$(cookie XSRF-TOKEN)
[[ -n $SESSION ]] || die "no JSESSIONID cookie after sign-in"
# The headers a browser would send: the session, and the CSRF cookie it was given (without it
# every page render would mint a new CSRF token and answer a Set-Cookie).
COOKIE_HEADER="Cookie: JSESSIONID=$SESSION; XSRF-TOKEN=$XSRF"
log "client signed in with the link of mailbox message $SIGNED_IN"

# ---------------------------------------------------------------------------------------------
# Verify the answers and write their static twins
# ---------------------------------------------------------------------------------------------
PAGE_PATH=/portal/jobs/$JOB_ID
JSON_PATH=/api/portal/jobs/$JOB_ID/submissions

# fetch PATH FILE: GET with the session; prints "status size content-type".
fetch() {
  curl -s --max-time 30 -o "$2" -w '%{http_code} %{size_download} %{content_type}' \
    -H "$COOKIE_HEADER" "$BASE$1" || true
}

read -r st PAGE_SIZE ct <<<"$(fetch "$PAGE_PATH" "$RUN_DIR/answers/job-page.html")"
[[ $st == 200 ]] || die "GET $PAGE_PATH answered $st (expected 200)"
[[ $ct == text/html* ]] || die "GET $PAGE_PATH answered $ct (expected text/html)"
grep -qF "$JOB_TITLE" "$RUN_DIR/answers/job-page.html" || die "the job page does not show the job title"
while read -r name; do
  grep -qF ">$name<" "$RUN_DIR/answers/job-page.html" || die "the job page does not list $name"
done <"$RUN_DIR/seed/candidates.txt"

read -r st JSON_SIZE ct <<<"$(fetch "$JSON_PATH" "$RUN_DIR/answers/submissions.json")"
[[ $st == 200 ]] || die "GET $JSON_PATH answered $st (expected 200)"
[[ $ct == application/json* ]] || die "GET $JSON_PATH answered $ct (expected application/json)"
n=$(jq 'length' "$RUN_DIR/answers/submissions.json")
[[ $n == "$CANDIDATES" ]] || die "GET $JSON_PATH has $n entries, expected $CANDIDATES"
jq -e --argjson want "$(jq -R . "$RUN_DIR/seed/candidates.txt" | jq -s 'sort')" '
  ([.[].candidate.name] | sort) == $want
  and all(.[]; .status == "AWAITING_FEEDBACK"
              and (.attachments | length) == 1
              and .attachments[0].kind == "RESUME"
              and .attachments[0].contentType == "application/pdf")' \
  "$RUN_DIR/answers/submissions.json" >/dev/null ||
  die "the submissions JSON is not the $CANDIDATES seeded candidates, each with its PDF resume"

# The candidate page of the first candidate: the page the emailed link opens.
FIRST_SUBMISSION=$(jq -r '.[0].id' "$RUN_DIR/answers/submissions.json")
FIRST_NAME=$(jq -r '.[0].candidate.name' "$RUN_DIR/answers/submissions.json")
CANDIDATE_PATH=/portal/submissions/$FIRST_SUBMISSION
read -r st CANDIDATE_SIZE ct <<<"$(fetch "$CANDIDATE_PATH" "$RUN_DIR/answers/candidate-page.html")"
[[ $st == 200 ]] || die "GET $CANDIDATE_PATH answered $st (expected 200)"
[[ $ct == text/html* ]] || die "GET $CANDIDATE_PATH answered $ct (expected text/html)"
grep -qF ">$FIRST_NAME<" "$RUN_DIR/answers/candidate-page.html" || die "the candidate page does not name $FIRST_NAME"
grep -qF "Confirm approval" "$RUN_DIR/answers/candidate-page.html" || die "the candidate page has no decision panel"

# Without the session cookie all must be refused, so a 200 above really is the client's view.
for p in "$PAGE_PATH" "$JSON_PATH" "$CANDIDATE_PATH"; do
  st=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$p")
  [[ $st != 200 ]] || die "GET $p answers 200 without a session"
done

# The static twins: the very bytes of each answer, so size and content type match.
cp "$RUN_DIR/answers/job-page.html" "$RUN_DIR/static/bench/job-page.html"
cp "$RUN_DIR/answers/submissions.json" "$RUN_DIR/static/bench/submissions.json"
cp "$RUN_DIR/answers/candidate-page.html" "$RUN_DIR/static/bench/candidate-page.html"
STATIC_PAGE_PATH=/bench/job-page.html
STATIC_JSON_PATH=/bench/submissions.json
STATIC_CANDIDATE_PATH=/bench/candidate-page.html
for pair in "$STATIC_PAGE_PATH:$PAGE_SIZE" "$STATIC_JSON_PATH:$JSON_SIZE" "$STATIC_CANDIDATE_PATH:$CANDIDATE_SIZE"; do
  p=${pair%%:*} want=${pair#*:}
  read -r st size _ <<<"$(fetch "$p" "$RUN_DIR/answers/static-check")"
  [[ $st == 200 && $size == "$want" ]] ||
    die "static file $p answered $st with $size bytes (expected 200, $want bytes)"
  cmp -s "$RUN_DIR/answers/static-check" "$RUN_DIR/static${p}" || die "static file $p is not served as written"
done
# The page embeds a per-request CSRF token; its length is constant, so the size should be too.
read -r _ size2 _ <<<"$(fetch "$PAGE_PATH" "$RUN_DIR/answers/job-page-2.html")"
[[ $size2 == "$PAGE_SIZE" ]] || log "note: the job page size varies between requests ($PAGE_SIZE, $size2)"
log "verified: job page $PAGE_SIZE bytes, submissions JSON $JSON_SIZE bytes ($CANDIDATES entries); static twins served"

# ---------------------------------------------------------------------------------------------
# Measure
# ---------------------------------------------------------------------------------------------
# What the report needs to describe the run and the machine (noise matters on small machines).
jq -n --arg jar "$JAR" --arg duration "$DURATION" --arg timeout "$WRK_TIMEOUT" \
  --arg connections "$CONNECTIONS" --arg threads "$THREADS" --arg candidates "$CANDIDATES" \
  --arg job "$JOB_ID" --arg page_size "$PAGE_SIZE" --arg json_size "$JSON_SIZE" \
  --arg candidate_size "$CANDIDATE_SIZE" \
  --arg java_opts "$JAVA_OPTS" --arg java "$("$JAVA" -version 2>&1 | head -n1)" \
  --arg wrk "$(wrk --version 2>&1 | head -n1 | sed 's/ *Copyright.*//')" \
  --arg cpus "$(nproc)" --arg cpu_model "$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | xargs)" \
  --arg mem "$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)" \
  --arg load_start "$(cut -d' ' -f1-3 /proc/loadavg)" --arg started "$(date -u +%FT%TZ)" \
  --arg inherited_env "$INHERITED" \
  '$ARGS.named' >"$RUN_DIR/meta.json"

# probe PATH SIZE: one request with the session; true if it answers 200 with SIZE bytes.
probe() {
  local r
  r=$(curl -s --max-time 5 -o /dev/null -w '%{http_code} %{size_download}' -H "$COOKIE_HEADER" "$BASE$1" || true)
  [[ $r == "200 $2" ]]
}

HAVE_JCMD=$(command -v jcmd >/dev/null && echo yes || true)
[[ -n $HAVE_JCMD ]] || log "note: no jcmd, so no thread dumps and recovery is judged by one probe only"

thread_dump() {
  # Taken right after wrk stops, so it costs the measurement nothing. It shows what requests
  # still in the server are doing (e.g. waiting in HikariPool.getConnection).
  [[ -n $HAVE_JCMD ]] && jcmd "$APP_PID" Thread.print >"$1" 2>&1 || true
}

# Request threads still processing a request (a Tomcat worker with Http11Processor.service on
# its stack); idle workers park in the task queue.
busy_requests() {
  [[ -n $HAVE_JCMD ]] || { echo 0; return; }
  jcmd "$APP_PID" Thread.print 2>/dev/null |
    awk 'BEGIN {RS = ""} /^"http-nio-[0-9]+-exec-/ && /Http11Processor\.service/ {n++} END {print n + 0}'
}

# cpu_now: "machine-total machine-idle app this-shell's-children" in clock ticks. Taken around
# each wrk run to tell how much CPU the app, wrk and everything else on the machine used: on a
# small shared machine, "other" is the noise.
cpu_now() {
  local total idle
  read -r total idle < <(awk '/^cpu / {t = 0; for (i = 2; i <= 9; i++) t += $i; print t, $5 + $6}' /proc/stat)
  echo "$total $idle $(awk '{print $14 + $15}' "/proc/$APP_PID/stat") $(awk '{print $16 + $17}' "/proc/$$/stat")"
}
NCPU=$(nproc)

# measure TAG KIND TARGET PATH SIZE CONNECTIONS
measure() {
  local tag=$1 kind=$2 target=$3 path=$4 size=$5 c=$6
  local t=$((THREADS < c ? THREADS : c)) out=$RUN_DIR/wrk/$tag.txt start rec recovered cpu0 cpu1 load
  alive
  # Every run starts from an app that answers this very URL normally (a previous run that did
  # not recover ends the benchmark here; the report then covers the runs done so far).
  probe "$path" "$size" || die "$path does not answer 200/$size bytes before run $tag"
  log "run $tag: wrk -t$t -c$c -d${DURATION}s $path"
  load=$(cut -d' ' -f1 /proc/loadavg)
  cpu0=$(cpu_now)
  wrk -t"$t" -c"$c" -d"${DURATION}s" --latency --timeout "$WRK_TIMEOUT" \
    -H "$COOKIE_HEADER" -H "X-Bench-Run: $tag" -s "$HERE/wrk-summary.lua" "$BASE$path" >"$out" 2>&1 ||
    die "wrk failed, see $out"
  cpu1=$(cpu_now)
  thread_dump "$RUN_DIR/dumps/$tag.txt"
  # Wait until the endpoint answers normally again and no request of this run is still being
  # processed, so one run's leftovers (requests stuck in the server) do not slow the next one
  # down. How long that takes is a result too.
  start=$(date +%s) recovered=true
  until probe "$path" "$size" && [[ $(busy_requests) == 0 ]]; do
    alive
    if (($(date +%s) - start > RECOVERY_TIMEOUT)); then
      log "run $tag: $path did not recover within $RECOVERY_TIMEOUT s"
      thread_dump "$RUN_DIR/dumps/$tag-no-recovery.txt"
      recovered=false
      break
    fi
    sleep 1
  done
  rec=$(($(date +%s) - start))
  grep '^BENCH_JSON ' "$out" | sed 's/^BENCH_JSON //' |
    jq -c --arg tag "$tag" --arg kind "$kind" --arg target "$target" --arg path "$path" \
      --argjson size "$size" --argjson c "$c" --argjson t "$t" \
      --argjson recovery "$rec" --argjson recovered "$recovered" \
      --arg cpu0 "$cpu0" --arg cpu1 "$cpu1" --argjson ncpu "$NCPU" --arg load1 "$load" \
      '. + {tag: $tag, kind: $kind, target: $target, path: $path, body_bytes: $size,
            connections: $c, threads: $t, recovery_s: $recovery,
            recovered: $recovered, load1_before: $load1}
       # CPU cores used during the run: by the app, by wrk, by everything else.
       + ([$cpu0, $cpu1] | map(split(" ") | map(tonumber)) as [$a, $b]
          | (($b[0] - $a[0]) / $ncpu) as $wall
          | {cpu_busy_cores: ((($b[0] - $a[0]) - ($b[1] - $a[1])) / $wall),
             cpu_app_cores: (($b[2] - $a[2]) / $wall),
             cpu_wrk_cores: (($b[3] - $a[3]) / $wall)}
          | . + {cpu_other_cores: ([.cpu_busy_cores - .cpu_app_cores - .cpu_wrk_cores, 0] | max)})' \
      >>"$RUNS" || die "no summary line in $out"
}

# For each concurrency, each endpoint runs right after its static twin, so the pair shares the
# machine's conditions as closely as possible; the static run goes first so that it never
# inherits an endpoint's stalled requests.
for c in $CONNECTIONS; do
  measure "static-page-c$c" static job-page "$STATIC_PAGE_PATH" "$PAGE_SIZE" "$c"
  measure "job-page-c$c" endpoint job-page "$PAGE_PATH" "$PAGE_SIZE" "$c"
  measure "static-json-c$c" static submissions "$STATIC_JSON_PATH" "$JSON_SIZE" "$c"
  measure "submissions-c$c" endpoint submissions "$JSON_PATH" "$JSON_SIZE" "$c"
  measure "static-candidate-c$c" static candidate-page "$STATIC_CANDIDATE_PATH" "$CANDIDATE_SIZE" "$c"
  measure "candidate-page-c$c" endpoint candidate-page "$CANDIDATE_PATH" "$CANDIDATE_SIZE" "$c"
done

# ---------------------------------------------------------------------------------------------
# Stop and report
# ---------------------------------------------------------------------------------------------
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
stop_app
for p in "$PORT" "$TEMPORAL_PORT"; do
  if ss -Hltn "sport = :$p" | grep -q .; then log "warning: port $p is still in use after the stop"; fi
done

jq --arg load_end "$LOAD_END" '. + {load_end: $load_end}' \
  "$RUN_DIR/meta.json" >"$RUN_DIR/meta.json.new" && mv "$RUN_DIR/meta.json.new" "$RUN_DIR/meta.json"
python3 "$HERE/summarize.py" "$RUN_DIR" | tee "$RUN_DIR/report.md"
log "done; everything is in $RUN_DIR"
