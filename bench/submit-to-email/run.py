#!/usr/bin/env python3
"""Submit-to-email benchmark: how long from POST /api/jobs/{id}/submissions to the client's email
at the SMTP relay, one at a time (latency) and many at once (throughput).

    bench/submit-to-email/run.py [--floor] <app.jar> [more.jar ...]

Each jar runs in turn on a fresh data directory with its embedded Temporal server and H2, and
sends mail to an SMTP sink this script runs on 127.0.0.1 (so the time includes the real SMTP
hand-off, not an in-process shortcut). Per jar: a warm-up, then SEQUENTIAL submissions one after
the other (each waits for its email), then BURST submissions posted by CONCURRENCY threads.
Each submission's candidate is created before its timer starts (the floor has no such step).
The report gives p50/p95 latency, emails per second, the JVM's CPU time per email in the burst
(user + system from /proc, the follow-up steps after each email included), and the ratio to the
first jar. A short WARMUP leaves the JIT compiling during the burst, more for the app's large
code than for the floor's; WARMUP=200 measures closer to steady state.

With --floor, the floor runs first and the ratios are to it: Floor.java, run with the first
jar's own libraries (extracted with Spring Boot's jarmode tools), is the same Temporal test
server and SDK running a workflow whose only activity sends the email, started by an HTTP POST
that answers at once. No database, rendering or recording: what submit-to-email cannot beat.

Settings (environment): SEQUENTIAL=40 BURST=200 CONCURRENCY=16 WARMUP=20 PORT=18090
TEMPORAL_PORT=17290 SMTP_PORT=12525 JAVA=java JAVA_OPTS="" BURST_PROFILER=<libasyncProfiler.so>
(CPU-profiles each jar's burst alone; see burst_profiler).
Needs: java and python3 (3.11: the smtpd module; it is gone from 3.12).
"""
import asyncore
import contextlib
import json
import os
import secrets
import shutil
import smtpd
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

SEQUENTIAL = int(os.environ.get("SEQUENTIAL", 40))
BURST = int(os.environ.get("BURST", 200))
CONCURRENCY = int(os.environ.get("CONCURRENCY", 16))
WARMUP = int(os.environ.get("WARMUP", 20))
PORT = int(os.environ.get("PORT", 18090))
TEMPORAL_PORT = int(os.environ.get("TEMPORAL_PORT", 17290))
SMTP_PORT = int(os.environ.get("SMTP_PORT", 12525))
JAVA = os.environ.get("JAVA", "java")
JAVA_OPTS = os.environ.get("JAVA_OPTS", "").split()


class Sink(smtpd.SMTPServer):
    """Records when each message arrived, by its subject (which names the candidate)."""

    def __init__(self):
        super().__init__(("127.0.0.1", SMTP_PORT), None, decode_data=True)
        self.arrived = {}
        self.lock = threading.Condition()

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        now = time.monotonic()
        for line in data.splitlines():
            if line.lower().startswith("subject:"):
                with self.lock:
                    self.arrived.setdefault(line.split(":", 1)[1].strip(), now)
                    self.lock.notify_all()
                break

    def wait_for(self, fragment, timeout=120):
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                for subject, at in self.arrived.items():
                    if fragment in subject:
                        return at
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no email about " + fragment)
                self.lock.wait(left)


def api(token, method, path, body=None):
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read() or b"{}")


@contextlib.contextmanager
def started(command, work, ready_path, what, env=None, patience=180):
    """Runs the command (its log in work/<what>.log) until it answers ready_path, then yields;
    stops it and removes work afterwards."""
    log = open(os.path.join(work, what + ".log"), "w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + patience
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}{ready_path}", timeout=2)
                break
            except Exception:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"{what} did not start; see {log.name}")
                time.sleep(0.5)
        def cpu():
            return cpu_seconds(process.pid)

        cpu.pid = process.pid
        yield cpu
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(work, ignore_errors=True)


def cpu_seconds(pid):
    """User and system CPU the process has used so far, from /proc (Linux)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_jar(jar, sink):
    data = tempfile.mkdtemp(prefix="bench-submit-")
    token = secrets.token_hex(16)
    env = dict(
        os.environ,
        SERVER_PORT=str(PORT),
        TEMPORAL_EMBEDDED_PORT=str(TEMPORAL_PORT),
        PORTAL_DATA_DIR=data,
        PORTAL_DEMO_ENABLED="false",
        PORTAL_BOOTSTRAP_TOKEN=token,
        PORTAL_BASE_URL=f"http://127.0.0.1:{PORT}",
        PORTAL_MAIL_EMBEDDED="false",
        SPRING_MAIL_HOST="127.0.0.1",
        SPRING_MAIL_PORT=str(SMTP_PORT),
    )
    # Readiness, not the first page: the bootstrap token exists only once start-up has finished,
    # which on PostgreSQL comes noticeably after the web server first answers.
    with started([JAVA, *JAVA_OPTS, "-jar", jar], data, "/actuator/health/readiness", "app", env=env) as cpu:
        job = api(token, "POST", "/api/jobs", {"title": "Bench Engineer"})["id"]
        api(token, "POST", f"/api/jobs/{job}/collaborators", {"email": "client@bench.test"})

        def prepare(label):
            return api(token, "POST", "/api/candidates", {"name": label})["id"]

        def submit(label, candidate):
            began = time.monotonic()
            api(token, "POST", f"/api/jobs/{job}/submissions", {"candidateId": candidate})
            return began, sink.wait_for(": " + label)

        return measure(submit, cpu, prepare)


def burst_profiler(pid, command):
    """With BURST_PROFILER (the path of async-profiler's libasyncProfiler.so, which Maven Central
    serves as tools.profiler:async-profiler:<version>:jar:linux-x64), sends it a command by
    attaching it to the running JVM, so that only the burst is profiled, not start-up or warm-up."""
    library = os.environ.get("BURST_PROFILER")
    if not library:
        return False
    # Quoted: jcmd would read the options' "=" as its own name=value arguments.
    subprocess.run(["jcmd", str(pid), "JVMTI.agent_load", library, f'"{command}"'], check=True,
                   stdout=subprocess.DEVNULL)
    return True


def measure(submit, cpu, prepare=lambda label: None):
    """Warm-up, then latency one at a time, then throughput of a burst. What a submission needs
    beforehand (the candidate) is prepared outside the timed part, in both measures: the floor has
    no such step, and the comparison is from the submit request to the email."""
    for i in range(WARMUP):
        label = f"Warm {i} {secrets.token_hex(3)}"
        submit(label, prepare(label))
    latencies = []
    for i in range(SEQUENTIAL):
        label = f"Seq {i} {secrets.token_hex(3)}"
        began, arrived = submit(label, prepare(label))
        latencies.append((arrived - began) * 1000)
    labels = [f"Burst {i} {secrets.token_hex(3)}" for i in range(BURST)]
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        prepared = list(pool.map(prepare, labels))
    profiling = burst_profiler(cpu.pid, "start,event=cpu,interval=1ms,cstack=no,threads")
    cpu_before = cpu()
    began = time.monotonic()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        done = list(pool.map(submit, labels, prepared))
    last = max(arrived for _, arrived in done)
    if profiling:
        profile = f"/tmp/bench-submit-burst-{cpu.pid}.collapsed"
        burst_profiler(cpu.pid, f"stop,collapsed,file={profile}")
        print(f"# burst CPU profile (async-profiler, collapsed stacks): {profile}", file=sys.stderr)
    # Settled (the workflows' follow-up steps after the email included), then read.
    time.sleep(2)
    cpu_used = cpu() - cpu_before
    latencies.sort()
    return {
        "p50": statistics.median(latencies),
        "p95": latencies[int(len(latencies) * 0.95) - 1],
        "throughput": BURST / (last - began),
        "cpu_ms": cpu_used * 1000 / BURST,
    }


def run_floor(jar, sink):
    here = os.path.dirname(os.path.abspath(__file__))
    work = tempfile.mkdtemp(prefix="bench-floor-")
    subprocess.run(
        [JAVA, "-Djarmode=tools", "-jar", jar, "extract", "--destination", work],
        check=True, stdout=subprocess.DEVNULL)
    command = [JAVA, *JAVA_OPTS, "-cp", os.path.join(work, "lib", "*"),
               os.path.join(here, "Floor.java"), str(PORT), str(TEMPORAL_PORT), str(SMTP_PORT)]
    with started(command, work, "/ready", "floor", patience=120) as cpu:

        def submit(label, _):
            began = time.monotonic()
            request = urllib.request.Request(
                f"http://127.0.0.1:{PORT}/submit?label={urllib.parse.quote(label)}", method="POST")
            urllib.request.urlopen(request, timeout=30).read()
            return began, sink.wait_for(": " + label)

        return measure(submit, cpu)


def main():
    args = sys.argv[1:]
    with_floor = "--floor" in args
    jars = [a for a in args if a != "--floor"]
    if not jars:
        sys.exit(__doc__)
    sink = Sink()
    threading.Thread(target=asyncore.loop, kwargs={"timeout": 0.05}, daemon=True).start()
    results = []
    if with_floor:
        print("# floor (Floor.java)", file=sys.stderr)
        results.append(("floor", run_floor(jars[0], sink)))
    for jar in jars:
        print(f"# {jar}", file=sys.stderr)
        results.append((jar, run_jar(jar, sink)))
    base = results[0][1]
    print(f"| jar | p50 ms | p95 ms | emails/s ({BURST} by {CONCURRENCY}) | CPU ms per email | p50 vs first | emails/s vs first |")
    print("|---|---|---|---|---|---|---|")
    for jar, r in results:
        print(
            f"| {jar if jar == 'floor' else os.path.basename(jar)} | {r['p50']:.0f} | {r['p95']:.0f}"
            f" | {r['throughput']:.1f} | {r['cpu_ms']:.0f} | {r['p50'] / base['p50']:.2f} | {r['throughput'] / base['throughput']:.2f} |"
        )


if __name__ == "__main__":
    main()
