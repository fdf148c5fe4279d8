#!/usr/bin/env python3
"""Turns one run directory of run.sh into a markdown report (printed on stdout).

Inputs, all written by run.sh: meta.json, runs.jsonl (one wrk summary per run), access/*.log
(Tomcat access log, first column = the X-Bench-Run header), app.log, dumps/*.txt (jcmd
Thread.print taken right after each wrk run).

    python3 summarize.py /tmp/bench-portal-reads-<timestamp>
"""

import collections
import glob
import json
import os
import re
import sys

run_dir = sys.argv[1]
meta = json.load(open(os.path.join(run_dir, "meta.json")))
runs = [json.loads(line) for line in open(os.path.join(run_dir, "runs.jsonl")) if line.strip()]
app_log = open(os.path.join(run_dir, "app.log"), errors="replace").read().splitlines()


def ms(us):
    return "n/a" if us is None or us < 0 else f"{us / 1000:.1f} ms"


def rps(run):
    return run["requests"] / (run["duration_us"] / 1e6)


# --- Tomcat access log: status counts, sizes and server-side time per run tag ---------------
# Pattern "%{X-Bench-Run}i %s %b %D %U": tag, status, bytes sent, processing time (microseconds
# on Tomcat 10+), path. Requests without the header (set-up, probes) have tag "-".
server = collections.defaultdict(
    lambda: {"status": collections.Counter(), "sizes": collections.defaultdict(collections.Counter), "time": []}
)
for path in glob.glob(os.path.join(run_dir, "access", "*.log")):
    for line in open(path, errors="replace"):
        parts = line.split()
        if len(parts) < 4 or parts[0] == "-":
            continue
        entry = server[parts[0]]
        entry["status"][parts[1]] += 1
        entry["sizes"][parts[1]][parts[2]] += 1
        if parts[3].isdigit():
            entry["time"].append(int(parts[3]))


def statuses(tag):
    """e.g. "200×1234 (15383 B)" or "200×22 (20×143961 B, 2×8206 B), 500×15 (206 B)"."""
    entry = server[tag]
    cells = []
    for status, n in sorted(entry["status"].items()):
        sizes = entry["sizes"][status]
        if len(sizes) == 1:
            shown = f"{next(iter(sizes))} B"
        else:
            shown = ", ".join(f"{k}×{size} B" for size, k in sizes.most_common(3))
            if len(sizes) > 3:
                shown += ", …"
        cells.append(f"{status}×{n} ({shown})")
    return ", ".join(cells) or "none logged"


def server_total(tag):
    return sum(server[tag]["status"].values())


def server_max(tag):
    times = server[tag]["time"]
    return f"{max(times) / 1e6:.1f} s" if times else "n/a"


# --- Thread dumps ---------------------------------------------------------------------------
def worker_blocks(path):
    text = open(path, errors="replace").read()
    return [b for b in re.split(r"\n\s*\n", text) if re.match(r'"http-nio-\d+-exec-\d+"', b)]


def waiting(block):
    return "HikariPool.getConnection" in block


def nested(block):
    # Waiting for a connection while an outer query of the same thread is still mapping rows,
    # i.e. while already holding a connection (Spring Data JDBC loading an aggregate's children).
    return waiting(block) and "ResultSetExtractor" in block.split("HikariPool.getConnection", 1)[1]


def dump_summary(tag):
    path = os.path.join(run_dir, "dumps", f"{tag}.txt")
    if not os.path.exists(path):
        return "no dump"
    workers = worker_blocks(path)
    busy = [b for b in workers if "Http11Processor.service" in b]
    return (f"{len(busy)} busy / {sum(map(waiting, workers))} waiting for a connection / "
            f"{sum(map(nested, workers))} of those holding one")


def dump_callers():
    """The application frame nearest to getConnection in waiting request threads, over all dumps."""
    callers = collections.Counter()
    for path in glob.glob(os.path.join(run_dir, "dumps", "*.txt")):
        for block in worker_blocks(path):
            if waiting(block):
                frames = re.findall(r"at (com\.hirepilot\.[\w.$]+)\(", block)
                if frames:
                    callers[frames[0]] += 1
    return callers


# --- App log --------------------------------------------------------------------------------
def pool_setting(name):
    for line in app_log:
        m = re.search(rf"\b{name}\.*\s*(\S+)\s*$", line)
        if m and "HikariConfig" in line:
            return m.group(1)
    return "unknown (no HikariConfig DEBUG line in app.log)"


level_re = re.compile(r"\s(ERROR|WARN)\s+\d+\s+---\s+\[[^\]]*\]\s+(?:\[[^\]]*\]\s+)?(\S+)\s*:\s*(.*)")
exception_re = re.compile(r"^([\w.$]+(?:Exception|Error))(?::\s*(.*))?")
problems = collections.Counter()
for i, line in enumerate(app_log):
    m = level_re.search(line)
    if not m:
        continue
    message = m.group(3)
    # For "Unexpected failure"-style lines the exception is on the next line.
    if i + 1 < len(app_log) and exception_re.match(app_log[i + 1]):
        message += " → " + app_log[i + 1].strip()
    message = re.sub(r"\b[0-9a-f-]{8,}\b|\d+", "#", message)
    problems[(m.group(1), m.group(2), message[:300])] += 1
pool_timeouts = sum("Connection is not available, request timed out" in line for line in app_log)
unexpected = sum("Unexpected failure" in line for line in app_log)
stats = [line for line in app_log if "Pool stats" in line]
max_waiting = max(
    (int(m.group(1)) for line in stats for m in [re.search(r"waiting=(\d+)", line)] if m), default=None
)

# --- Report ---------------------------------------------------------------------------------
out = []
w = out.append
w("# Portal read paths benchmark\n")
w(f"- jar: `{meta['jar']}`")
w(f"- machine: {meta.get('cpus', '?')} CPUs ({meta.get('cpu_model', '?')}), {meta.get('mem', '?')} RAM; "
  f"load average at start {meta.get('load_start', '?')}, at end {meta.get('load_end', '?')}")
w(f"- {meta['java']}; JAVA_OPTS: `{meta['java_opts'] or '(none)'}`; app settings inherited from the environment: "
  f"{meta.get('inherited_env') or 'none'}")
w(f"- {meta['wrk']}: `wrk -t{meta['threads']} -cN -d{meta['duration']}s --latency --timeout {meta['timeout']}` "
  f"(-t lowered to N when N < {meta['threads']}), N in: {meta['connections']}")
w(f"- data: 1 job, 1 client collaborator, {meta['candidates']} submitted candidates, each with a public PDF resume")
w(f"- answer bodies: job page {meta['page_size']} B, submissions JSON {meta['json_size']} B, candidate page "
  f"{meta.get('candidate_size', 'n/a')} B; each static twin is a "
  "byte-for-byte copy served by the same app from an extra `file:` static location")
w(f"- DB pool (Hikari, from the app's own log): maximumPoolSize={pool_setting('maximumPoolSize')}, "
  f"connectionTimeout={pool_setting('connectionTimeout')} ms\n")

w("## All runs\n")
w("| target | conns | req/s | completed (wrk) | p50 | p99 | max | wrk status ≥400 | wrk timeouts "
  "| socket errors connect/read/write | unanswered within the run | server side: status×count (bytes sent) "
  "| slowest server-side | request threads right after the run | recovery | CPU cores app/wrk/other (load before) |")
w("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for r in runs:
    recovery = f"{r['recovery_s']} s" + ("" if r["recovered"] else " (NOT recovered)")
    unanswered = max(server_total(r["tag"]) - r["requests"], 0)
    cpu = (f"{r['cpu_app_cores']:.2f}/{r['cpu_wrk_cores']:.2f}/{r['cpu_other_cores']:.2f} ({r['load1_before']})"
           if "cpu_app_cores" in r else "n/a")
    w(f"| {r['path'] if r['kind'] == 'static' else r['target']} | {r['connections']} | {rps(r):.1f} | {r['requests']} "
      f"| {ms(r['lat_p50_us'])} | {ms(r['lat_p99_us'])} | {ms(r['lat_max_us'])} | {r['err_status']} | {r['err_timeout']} "
      f"| {r['err_connect']}/{r['err_read']}/{r['err_write']} | {unanswered} "
      f"| {statuses(r['tag'])} | {server_max(r['tag'])} | {dump_summary(r['tag'])} | {recovery} | {cpu} |")

w("\n## Endpoint vs same-size static file (requests/s, same run)\n")
TARGETS = [("job-page", "job page"), ("submissions", "submissions JSON"), ("candidate-page", "candidate page")]
TARGETS = [(t, name) for t, name in TARGETS if any(r["target"] == t for r in runs)]
w("| conns | " + " | ".join(f"{name} | static twin | ratio" for _, name in TARGETS) + " |")
w("|---|" + "---|---|---|" * len(TARGETS))
by = {(r["kind"], r["target"], r["connections"]): r for r in runs}
for c in sorted({r["connections"] for r in runs}):
    cells = [str(c)]
    for target, _ in TARGETS:
        e, s = by.get(("endpoint", target, c)), by.get(("static", target, c))
        if e and s:
            ratio = rps(e) / rps(s) if rps(s) else float("nan")
            cells += [f"{rps(e):.1f}", f"{rps(s):.1f}", f"{ratio:.3f}"]
        else:
            cells += ["n/a"] * 3
    w("| " + " | ".join(cells) + " |")

w("\n## App log\n")
w(f"- lines with HikariPool 'Connection is not available, request timed out': {pool_timeouts}")
w(f"- 'Unexpected failure' lines (the JSON API's handler for a 500): {unexpected}")
if stats:
    w(f"- Hikari 'Pool stats' lines (every 30 s): {len(stats)}; highest 'waiting': {max_waiting}")
if problems:
    w("- ERROR/WARN lines by logger and message (digits and ids replaced by #):")
    for (level, logger, message), n in problems.most_common(15):
        w(f"  - {n} × {level} `{logger}`: {message}")
else:
    w("- no ERROR or WARN lines")
callers = dump_callers()
if callers:
    w("- in the thread dumps, the application frame nearest to `HikariPool.getConnection` of waiting request threads:")
    for frame, n in callers.most_common(8):
        w(f"  - {n} × `{frame}`")
w("")
w("How to read it: 'req/s' and 'completed' count every response wrk received within the run (any status). "
  "wrk 4.x counts a 'timeout' only for a response that arrives within the run but later than --timeout "
  "(such responses are left out of the latency percentiles); a request still unanswered when the run ends is "
  "counted nowhere by wrk. 'unanswered within the run' = requests the server logged for the run minus "
  "the responses wrk received: requests still in flight when wrk stopped (up to 'conns' of them is normal, "
  "those are the requests under way at the instant wrk stops). 'server side' comes from Tomcat's "
  "access log and includes answers completed after wrk stopped; bytes sent include the chunked-encoding "
  "framing of dynamic answers, and a 200 with fewer bytes than the body is an answer cut off because wrk had "
  "closed the connection. 'request threads right after the run': Tomcat workers still processing a request, "
  "waiting in HikariPool.getConnection, and of those, waiting while an outer query of the same thread is "
  "still reading rows (so already holding a connection). 'recovery': time until the endpoint answered "
  "normally again and no request thread was busy. 'CPU cores': CPU used during the run by the app's JVM, "
  "by wrk, and by every other process on the machine (the noise), with the 1-minute load average before it.")
print("\n".join(out))
