#!/usr/bin/env python3
"""Benchmark of the portal's live activity feed (server-sent events).

    bench/portal-events/run.py <path/to/app.jar> [streams, default 64] [comments, default 20]

What it does, in order:
  1. starts the jar on a fresh data directory and non-default ports, with the shipped pool of 10
     database connections (Hikari's default) and the embedded mail server;
  2. seeds through the recruiter API one job with STREAMS client collaborators and one submitted
     candidate, and waits until the submission is AWAITING_FEEDBACK;
  3. signs every client in with the link from their own submission email (embedded mailbox);
  4. opens one event stream per client (GET /api/portal/jobs/{jobId}/events, each its own
     session and connection) and waits until every stream has delivered the existing line;
  5. posts COMMENTS recruiter replies (POST /api/submissions/{id}/comments), one every 0.5 s,
     and records when each reply's activity line reaches each stream;
  6. meanwhile reads the app's thread count and resident memory from /proc, and its Hikari pool
     statistics from its log;
  7. prints a markdown report: delivery latency percentiles over every (reply, stream) pair,
     replies missing on any stream, threads and memory before and with the streams open.

Needs only python3 and java. Everything the run writes stays in one directory under /tmp.
"""
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

JAR = sys.argv[1] if len(sys.argv) > 1 else sys.exit(__doc__)
STREAMS = int(sys.argv[2]) if len(sys.argv) > 2 else 64
COMMENTS = int(sys.argv[3]) if len(sys.argv) > 3 else 20
PORT = int(os.environ.get("PORT", "18090"))
TEMPORAL_PORT = int(os.environ.get("TEMPORAL_PORT", "17243"))
RUN_DIR = os.environ.get("RUN_DIR", time.strftime("/tmp/bench-portal-events-%Y%m%d-%H%M%S"))
TOKEN = "bench-events-" + os.urandom(12).hex()
HOST = "localhost"


def log(message):
    print(time.strftime("[%H:%M:%S] ") + message, file=sys.stderr, flush=True)


def request(method, path, body=None, headers=None, timeout=30):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    data = json.dumps(body).encode() if body is not None else None
    all_headers = {"Content-Type": "application/json"} if data else {}
    all_headers.update(headers or {})
    connection.request(method, path, body=data, headers=all_headers)
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, response.getheader("Set-Cookie") or "", payload


def api(method, path, body=None):
    status, _, payload = request(method, path, body, {"Authorization": "Bearer " + TOKEN})
    if status >= 300:
        raise SystemExit(f"{method} {path} answered {status}: {payload[:300]!r}")
    return json.loads(payload) if payload else None


def proc_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return int(fields["Threads"]), int(fields["VmRSS"].split()[0]) // 1024


def cookie(set_cookie, name):
    match = re.search(name + r"=([^;,\s]+)", set_cookie)
    return match.group(1) if match else None


class Stream(threading.Thread):
    """One client's event stream: the arrival time of every activity line, by its detail."""

    def __init__(self, number, session, job_id):
        super().__init__(daemon=True)
        self.number, self.session, self.job_id = number, session, job_id
        self.arrivals = []  # (activity line id, detail, monotonic arrival time)
        self.status = None
        self.connected = threading.Event()

    def run(self):
        connection = http.client.HTTPConnection(HOST, PORT, timeout=600)
        connection.request(
            "GET", f"/api/portal/jobs/{self.job_id}/events",
            headers={"Accept": "text/event-stream", "Cookie": "JSESSIONID=" + self.session})
        response = connection.getresponse()
        self.status = response.status
        self.connected.set()
        if response.status != 200:
            return
        data = []
        while True:
            line = response.readline()
            if not line:
                return
            line = line.decode().rstrip("\r\n")
            if line.startswith("data:"):
                data.append(line[5:])
            elif line == "" and data:
                event = json.loads("".join(data))
                self.arrivals.append((event["id"], event["detail"], time.monotonic()))
                data = []


def main():
    os.makedirs(os.path.join(RUN_DIR, "data"))
    app_log = open(os.path.join(RUN_DIR, "app.log"), "w")
    env = dict(os.environ,
               SERVER_PORT=str(PORT), TEMPORAL_EMBEDDED_PORT=str(TEMPORAL_PORT),
               PORTAL_DATA_DIR=os.path.join(RUN_DIR, "data"), PORTAL_DEMO_ENABLED="false",
               PORTAL_BOOTSTRAP_TOKEN=TOKEN, PORTAL_BASE_URL=f"http://{HOST}:{PORT}",
               PORTAL_MAIL_EMBEDDED="true",
               # The rate limits are per IP, and every simulated client here is 127.0.0.1.
               PORTAL_RATE_LIMITS_SIGN_INS_PER_IP_REQUESTS="100000",
               PORTAL_RATE_LIMITS_LINK_REQUESTS_PER_IP_REQUESTS="100000")
    log(f"run directory {RUN_DIR}; starting {JAR}")
    app = subprocess.Popen(
        ["java", "-jar", JAR, "--logging.level.com.zaxxer.hikari.pool.HikariPool=DEBUG",
         "--logging.level.com.zaxxer.hikari.HikariConfig=DEBUG"],
        env=env, stdout=app_log, stderr=subprocess.STDOUT)
    try:
        for _ in range(180):
            try:
                if request("GET", "/actuator/health/readiness", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(1)
        else:
            raise SystemExit("the app did not become ready within 180 s")
        report = run(app.pid)
    finally:
        app.terminate()
        app.wait(60)
    print(report)
    with open(os.path.join(RUN_DIR, "report.md"), "w") as f:
        f.write(report)


def run(pid):
    job = api("POST", "/api/jobs", {"title": "Events benchmark", "clientCompany": "Bench Inc",
                                    "requirements": "Java", "showDescriptionToClients": True})
    emails = [f"client-{i}@bench.example" for i in range(STREAMS)]
    for i, email in enumerate(emails):
        api("POST", f"/api/jobs/{job['id']}/collaborators", {"email": email, "name": f"Client {i}"})
    candidate = api("POST", "/api/candidates", {"name": "Bench Candidate", "title": "Engineer"})
    submission = api("POST", f"/api/jobs/{job['id']}/submissions",
                     {"candidateId": candidate["id"], "message": "Have a look.", "attachmentIds": []})
    for _ in range(120):
        if api("GET", f"/api/submissions/{submission['id']}")["status"] == "AWAITING_FEEDBACK":
            break
        time.sleep(1)
    else:
        raise SystemExit("the submission did not reach AWAITING_FEEDBACK")
    # Every client's link, from their email in the embedded mailbox.
    links = {}
    for _ in range(60):
        page = request("GET", "/mailbox")[2].decode()
        rows = re.findall(r"<td>([^<]*)</td>\s*<td><a href=\"(/mailbox/messages/[0-9a-f]+)\"", page)
        for to, href in rows:
            if to in emails and to not in links:
                text = request("GET", href + "/html")[2].decode()
                found = re.search(r"http[^\"]*/portal/login\?token=([^\"&]+)", text)
                if found:
                    links[to] = urllib.parse.unquote(found.group(1))
        if len(links) == STREAMS:
            break
        time.sleep(2)
    else:
        raise SystemExit(f"only {len(links)} of {STREAMS} clients got their email")
    sessions = []
    for email in emails:
        _, set_cookie, _ = request("GET", "/portal/access")
        xsrf = cookie(set_cookie, "XSRF-TOKEN")
        status, set_cookie, body = request(
            "POST", "/api/portal/session", {"token": links[email]},
            {"X-XSRF-TOKEN": xsrf, "Cookie": "XSRF-TOKEN=" + xsrf})
        if status != 200:
            raise SystemExit(f"{email} could not sign in: {status} {body[:200]!r}")
        sessions.append(cookie(set_cookie, "JSESSIONID"))
    log(f"{STREAMS} clients signed in")
    threads_before, rss_before = proc_status(pid)

    streams = [Stream(i, s, job["id"]) for i, s in enumerate(sessions)]
    for s in streams:
        s.start()
    for s in streams:
        s.connected.wait(30)
    refused = [s.status for s in streams if s.status != 200]
    if refused:
        raise SystemExit(f"streams refused: {refused}")
    submitted = "Bench Candidate was submitted"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not all(
            any(d == submitted for _, d, _ in s.arrivals) for s in streams):
        time.sleep(0.1)
    log(f"{STREAMS} streams open, each with the existing line")
    samples = []
    posted = {}
    for n in range(COMMENTS):
        body = f"Reply {n}"
        start = time.monotonic()
        api("POST", f"/api/submissions/{submission['id']}/comments", {"body": body})
        posted[n] = start
        threads, rss = proc_status(pid)
        samples.append((threads, rss, dump_counts(pid) if n % 5 == 2 else None))
        time.sleep(0.5)
    time.sleep(3)
    return summarize(pid, streams, posted, samples, threads_before, rss_before)


def dump_counts(pid):
    """From a thread dump: request threads busy in a request, and threads waiting for a connection."""
    try:
        dump = subprocess.run(["jcmd", str(pid), "Thread.print"], capture_output=True, text=True,
                              timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    blocks = dump.split("\n\n")
    busy = sum(1 for b in blocks if b.startswith('"http-nio-') and "Http11Processor.service" in b)
    waiting = sum(1 for b in blocks if "HikariPool.getConnection" in b and "TIMED_WAITING" in b)
    return busy, waiting


def pool_stats():
    """Hikari's own 'Pool stats' lines: the most connections in use, and the most waiting."""
    active, waiting, lines = 0, 0, 0
    with open(os.path.join(RUN_DIR, "app.log")) as f:
        for line in f:
            m = re.search(r"stats \(total=(\d+), active=(\d+), idle=(\d+), waiting=(\d+)\)", line)
            if m:
                lines += 1
                active = max(active, int(m.group(2)))
                waiting = max(waiting, int(m.group(4)))
    return lines, active, waiting


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summarize(pid, streams, posted, samples, threads_before, rss_before):
    # Each reply is a new activity line; replies go out 0.5 s apart, so the order in which new line
    # ids first appear on any stream is the order the replies were posted.
    first_seen = {}
    for s in streams:
        for line_id, detail, at in s.arrivals:
            if "replied about" in detail:
                first_seen[line_id] = min(first_seen.get(line_id, at), at)
    reply_lines = sorted(first_seen, key=first_seen.get)
    latencies, missing = [], 0
    for n, line_id in enumerate(reply_lines[: len(posted)]):
        for s in streams:
            arrivals = [at for i, _, at in s.arrivals if i == line_id]
            if arrivals:
                latencies.append((arrivals[0] - posted[n]) * 1000)
            else:
                missing += 1
    missing += (len(posted) - min(len(posted), len(reply_lines))) * len(streams)
    duplicates = sum(len(s.arrivals) - len({i for i, _, _ in s.arrivals}) for s in streams)
    threads_open = max(t for t, _, _ in samples)
    rss_open = max(r for _, r, _ in samples)
    dumps = [d for _, _, d in samples if d is not None]
    stat_lines, max_active, max_waiting = pool_stats()
    out = ["# Portal live feed benchmark\n",
           f"- jar: `{JAR}`; {os.cpu_count()} CPUs; {STREAMS} clients, each signed in with its own session and"
           f" holding one event stream open; {len(posted)} recruiter replies, one every 0.5 s",
           f"- deliveries: {len(latencies)} of {len(posted) * len(streams)} (reply × stream); missing {missing};"
           f" duplicate lines on a stream {duplicates}",
           "",
           "| delivery latency, reply posted → line read by the client | ms |",
           "|---|---:|"]
    if latencies:
        for label, p in (("p50", 50), ("p90", 90), ("p99", 99)):
            out.append(f"| {label} | {percentile(latencies, p):.1f} |")
        out.append(f"| max | {max(latencies):.1f} |")
        out.append(f"| mean | {statistics.mean(latencies):.1f} |")
    out += ["",
            f"- app threads: {threads_before} before the streams, at most {threads_open} with {STREAMS} open",
            f"- app resident memory: {rss_before} MB before, at most {rss_open} MB with the streams open",
            f"- Hikari pool (maximumPoolSize 10): {stat_lines} 'Pool stats' lines during the run; most active"
            f" {max_active}, most waiting {max_waiting}",
            f"- thread dumps during the replies: {len(dumps)}; request threads busy in a request at most"
            f" {max((d[0] for d in dumps), default='n/a')}; threads waiting for a pooled connection at most"
            f" {max((d[1] for d in dumps), default='n/a')}",
            ""]
    return "\n".join(out)


if __name__ == "__main__":
    main()
