#!/usr/bin/env python3
"""Start-up-at-scale benchmark driver for the HirePilot Client Portal (stdlib only).

Two steps, both driven by run.sh:
  prepare  start the app on an empty data dir so Flyway creates the schema and the bootstrap
           token creates a workspace + recruiter; create one job and one collaborator through
           the recruiter API; stop the app cleanly so H2 closes its file.
  measure  start the app on a seeded copy, the way it starts after a SIGKILL (the embedded
           Temporal server has no workflows), time the milestones, then SIGKILL it.
"""

import argparse
import datetime as dt
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

POLL = float(os.environ.get("BENCH_POLL", "0.2"))

# The app reads these prefixes from the environment; an inherited TEMPORAL_TARGET or
# PORTAL_DEMO_ENABLED would silently change what is measured.
APP_ENV_PREFIXES = ("PORTAL_", "TEMPORAL_", "SERVER_", "SPRING_", "REX_", "MANAGEMENT_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")

# Spring Boot's default console line: "2026-01-02T10:11:12.345+00:00  INFO 123 --- [app] [thread] logger : msg"
LOG_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|[+-]\d{2}:\d{2}))\s+(TRACE|DEBUG|INFO|WARN|ERROR)\b")


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def port_in_use(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def http(method, url, token=None, body=None, timeout=5.0):
    """(status, parsed-or-raw body); status 0 when nothing answered (connection refused, timeout)."""
    data = None
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        raw = e.read()
        status = e.code
    except (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError, OSError):
        return 0, None
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, raw.decode("utf-8", "replace")


class App:
    """One app JVM, launched in its own process group so a SIGKILL reaches only it."""

    def __init__(self, args, data_dir, log_path):
        self.args = args
        env = {k: v for k, v in os.environ.items() if not k.startswith(APP_ENV_PREFIXES)}
        env.update(
            SERVER_PORT=str(args.port),
            TEMPORAL_EMBEDDED_PORT=str(args.temporal_port),
            PORTAL_DATA_DIR=data_dir,
            PORTAL_DEMO_ENABLED="false",
            PORTAL_BOOTSTRAP_TOKEN=args.token,
            PORTAL_MAIL_EMBEDDED="true",
        )
        for kv in (args.app_env or "").split():
            k, _, v = kv.partition("=")
            env[k] = v
        jfr = ["-XX:StartFlightRecording=name=bench,settings=profile"] if getattr(args, "jfr", False) else []
        self.cmd = ["java", *args.java_opts.split(), *jfr, "-jar", args.jar]
        self.env = env
        self.log_path = log_path
        self.proc = None
        self.t0 = None
        self.t0_wall = None

    def start(self):
        for p in (self.args.port, self.args.temporal_port):
            if port_in_use(p):
                raise SystemExit(f"bench: port {p} is already in use; refusing to measure someone else's process")
        self.logf = open(self.log_path, "wb")
        self.t0_wall = time.time()
        self.t0 = time.monotonic()
        self.proc = subprocess.Popen(self.cmd, env=self.env, stdout=self.logf, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        with open(self.args.pid_file, "w") as f:
            f.write(str(self.proc.pid))
        return self

    def elapsed(self):
        return time.monotonic() - self.t0

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill9(self):
        if self.alive():
            os.killpg(self.proc.pid, signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()
        self._release()

    def terminate(self, grace=60):
        """SIGTERM and wait: the seeded H2 file must be closed cleanly before it is copied."""
        if self.alive():
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                log(f"app did not stop within {grace}s of SIGTERM; SIGKILL")
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._release()

    def _release(self):
        self.logf.close()
        try:
            os.remove(self.args.pid_file)
        except FileNotFoundError:
            pass
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(port_in_use(p) for p in (self.args.port, self.args.temporal_port)):
            time.sleep(0.2)
        for p in (self.args.port, self.args.temporal_port):
            if port_in_use(p):
                log(f"WARNING: port {p} still answers after the app exited")


def wait_for_port(app, base, token, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not app.alive():
            raise SystemExit(f"bench: the app exited with {app.proc.returncode}; see {app.log_path}")
        status, _ = http("GET", f"{base}/api/workspace", token, timeout=2)
        if status == 200:
            return app.elapsed()
        time.sleep(POLL)
    raise SystemExit(f"bench: port did not answer within {timeout}s; see {app.log_path}")


def cmd_prepare(args):
    base = f"http://127.0.0.1:{args.port}"
    app = App(args, args.data_dir, args.log).start()
    try:
        t = wait_for_port(app, base, args.token, 180)
        log(f"prepare: app answered after {t:.1f}s")
        status, job = http("POST", f"{base}/api/jobs", args.token, {
            "title": "Benchmark Engineer", "clientCompany": "Acme Robotics", "location": "Remote",
            "description": "Seeded by bench/startup.", "requirements": "None",
            "showDescriptionToClients": True})
        if status not in (200, 201) or not isinstance(job, dict) or "id" not in job:
            raise SystemExit(f"bench: POST /api/jobs answered {status}: {job}")
        status, collab = http("POST", f"{base}/api/jobs/{job['id']}/collaborators", args.token,
                              {"email": "bench.client@acme.example", "name": "Bench Client"})
        if status not in (200, 201):
            raise SystemExit(f"bench: POST collaborators answered {status}: {collab}")
        log(f"prepare: job {job['id']} with one collaborator")
    finally:
        app.terminate()
    if app.proc.returncode not in (0, 143, -15):
        log(f"prepare: app exited with {app.proc.returncode} after SIGTERM (see {args.log})")


class Milestones:
    def __init__(self):
        self.lock = threading.Lock()
        self.t = {}

    def set(self, key, value):
        with self.lock:
            self.t.setdefault(key, value)

    def get(self, key):
        with self.lock:
            return self.t.get(key)


def cmd_measure(args):
    base = f"http://127.0.0.1:{args.port}"
    ids = [f"bench-s-{i:06d}" for i in range(1, args.n + 1)]
    if ids[0] != args.first or ids[-1] != args.last:
        raise SystemExit(f"bench: seeded IDs {args.first}..{args.last} are not the expected {ids[0]}..{ids[-1]}")
    os.makedirs(args.out, exist_ok=True)
    app_log = os.path.join(args.out, "app.log")
    app = App(args, args.data_dir, app_log)
    m = Milestones()
    stop = threading.Event()
    probes = {}
    rss = {"samples": []}
    resumed_re = re.compile(args.resumed_regex)

    def deadline_passed():
        return app.elapsed() > args.timeout

    def probe(name, sid):
        """Polls one submission until its GET says live; every answer before that is kept."""
        st = probes[name] = {"id": sid, "answers": 0, "not_live": 0, "errors": 0, "max_latency": 0.0,
                             "first_answer": None, "live": None}
        while not stop.is_set() and not deadline_passed():
            t = time.monotonic()
            status, body = http("GET", f"{base}/api/submissions/{sid}", args.token,
                                timeout=max(1.0, min(60.0, args.timeout - app.elapsed())))
            lat = time.monotonic() - t
            if status:
                st["answers"] += 1
                st["max_latency"] = max(st["max_latency"], lat)
                if st["first_answer"] is None:
                    st["first_answer"] = round(app.elapsed(), 2)
                if status == 200 and isinstance(body, dict) and body.get("live") is True:
                    st["live"] = round(app.elapsed(), 2)
                    return
                if status == 200:
                    st["not_live"] += 1
                else:
                    st["errors"] += 1
                    st.setdefault("error_samples", []).append(f"{status}: {str(body)[:200]}")
            time.sleep(POLL)

    def port_and_readiness():
        readiness_url = args.readiness_url or f"{base}/actuator/health/readiness"
        while not stop.is_set() and not deadline_passed():
            if m.get("port") is None:
                status, _ = http("GET", f"{base}/api/workspace", args.token, timeout=2)
                if status == 200:
                    m.set("port", round(app.elapsed(), 2))
            if m.get("readiness") is None:
                status, body = http("GET", readiness_url, args.token, timeout=2)
                if status == 200 and isinstance(body, dict) and body.get("status") == "UP":
                    m.set("readiness", round(app.elapsed(), 2))
                elif status == 503:
                    m.set("readiness_first_503", round(app.elapsed(), 2))
                elif status in (401, 403, 404) and m.get("port") is not None:
                    # Only trusted once the API answers: before that a 404 may come from a half-started server.
                    m.set("readiness", f"n/a ({status})")
                elif status and status not in (200, 503, 401, 403, 404):
                    m.set("readiness_odd", f"{status}: {str(body)[:200]}")
            if m.get("port") is not None and m.get("readiness") is not None:
                return
            time.sleep(POLL)

    def tail_log():
        """Watches the app's log for the reconciler's summary line, and the JVM for an early exit."""
        pos = 0
        buf = b""
        while not stop.is_set():
            try:
                with open(app_log, "rb") as f:
                    f.seek(pos)
                    chunk = f.read()
                    pos += len(chunk)
            except FileNotFoundError:
                chunk = b""
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for raw in lines:
                line = raw.decode("utf-8", "replace")
                if m.get("resumed_seen") is None and resumed_re.search(line):
                    m.set("resumed_seen", round(app.elapsed(), 2))
                    m.set("resumed_line", line.strip())
                if m.get("started_line") is None and "Started " in line and "process running for" in line:
                    m.set("started_line", line.strip())
            if not app.alive():
                m.set("exited", app.proc.returncode)
                return
            time.sleep(POLL / 2)

    def sample_rss():
        while not stop.is_set():
            try:
                with open(f"/proc/{app.proc.pid}/status") as f:
                    status = dict(l.split(":", 1) for l in f if ":" in l)
                rss["samples"].append((round(app.elapsed(), 1), int(status["VmRSS"].split()[0]) // 1024))
                rss["hwm_mb"] = int(status["VmHWM"].split()[0]) // 1024
                rss["threads"] = int(status["Threads"])
            except (FileNotFoundError, KeyError, ValueError, ProcessLookupError):
                pass
            stop.wait(1.0)

    def thread_dumps():
        """Dumps until the last probe is live: what the reconciler and the Temporal workers wait on."""
        k = 0
        while not stop.wait(args.jstack_every):
            if probes.get("last", {}).get("live") is not None:
                break
            k += 1
            path = os.path.join(args.out, f"jstack-{k:02d}-{app.elapsed():06.1f}s.txt")
            with open(path, "w") as f:
                subprocess.run(["jstack", "-l", str(app.proc.pid)], stdout=f, stderr=subprocess.STDOUT, timeout=60)

    app.start()
    log(f"measure: N={args.n}, pid {app.proc.pid}, {' '.join(app.cmd)}")
    threads = [threading.Thread(target=f, daemon=True) for f in (tail_log, sample_rss, port_and_readiness)]
    threads += [threading.Thread(target=probe, args=(name, sid), daemon=True)
                for name, sid in (("first", ids[0]), ("last", ids[-1]))]
    if args.jstack_every > 0:
        threads.append(threading.Thread(target=thread_dumps, daemon=True))
    for t in threads:
        t.start()
    sample = {}
    try:
        for t in threads[2:5]:
            while t.is_alive() and app.alive() and not deadline_passed():
                t.join(0.5)
        # Random submissions, checked only once the last one is live: "the last one answers"
        # must not hide a workflow somewhere in the middle that never came back.
        rng = random.Random(args.sample_seed)
        picked = rng.sample(ids[1:-1], min(args.sample, max(0, args.n - 2)))
        pending = set(picked)
        first_pass_not_live = None
        while pending and app.alive() and not deadline_passed() and probes.get("last", {}).get("live") is not None:
            for sid in sorted(pending):
                status, body = http("GET", f"{base}/api/submissions/{sid}", args.token,
                                    timeout=max(1.0, min(60.0, args.timeout - app.elapsed())))
                if status == 200 and isinstance(body, dict) and body.get("live") is True:
                    pending.discard(sid)
            if first_pass_not_live is None:
                first_pass_not_live = len(pending)
            if pending:
                time.sleep(POLL)
        sample = {"seed": args.sample_seed, "size": len(picked), "not_live_on_first_pass": first_pass_not_live,
                  "still_not_live": sorted(pending),
                  "all_live_at": round(app.elapsed(), 2) if not pending and picked else None}
        # The reconciler's line may come after the workflows answer (or never, if it changed).
        while m.get("resumed_seen") is None and app.alive() and not deadline_passed():
            time.sleep(POLL)
        if args.check_all and app.alive():
            not_live = [sid for sid in ids
                        if not ((lambda r: r[0] == 200 and isinstance(r[1], dict) and r[1].get("live") is True)
                                (http("GET", f"{base}/api/submissions/{sid}", args.token, timeout=60)))]
            sample["check_all_not_live"] = len(not_live)
            sample["check_all_not_live_ids"] = not_live[:20]
        time.sleep(1.5)  # one more RSS sample and log flush after the last milestone
        heap = None
        if app.alive():
            r = subprocess.run(["jcmd", str(app.proc.pid), "GC.heap_info"], capture_output=True, text=True, timeout=60)
            heap = r.stdout
            with open(os.path.join(args.out, "heap_info.txt"), "w") as f:
                f.write(heap)
            if args.jfr:
                # A SIGKILL loses an in-memory recording: dump it while the JVM still runs.
                subprocess.run(["jcmd", str(app.proc.pid), "JFR.dump", "name=bench",
                                f"filename={os.path.join(args.out, 'recording.jfr')}"],
                               capture_output=True, timeout=120)
            if args.jstack_every > 0:
                with open(os.path.join(args.out, f"jstack-final-{app.elapsed():06.1f}s.txt"), "w") as f:
                    subprocess.run(["jstack", "-l", str(app.proc.pid)], stdout=f, stderr=subprocess.STDOUT, timeout=60)
    finally:
        stop.set()
        exited_early = m.get("exited")
        app.kill9()
    for t in threads:
        t.join(2)

    result = summarize(args, app, app_log, m, probes, sample, rss, heap, exited_early)
    with open(os.path.join(args.out, "result.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(row(result), flush=True)


def parse_log(app_log, t0_wall, resumed_re, probe_ids):
    counts = {"WARN": 0, "ERROR": 0, "no_workflow_warn": 0, "no_workflow_warn_probe_ids": 0,
              "could_not_query_warn": 0}
    stamps = {}
    firsts = {"WARN": [], "ERROR": []}
    marks = {
        "jvm_first_log": re.compile(r"."),
        "temporal_server_starting": re.compile(r"Starting the embedded Temporal server"),
        "tomcat_started": re.compile(r"Tomcat started on port"),
        "resumed": resumed_re,
        "app_started": re.compile(r"Started \S+ in .* \(process running for"),
    }
    with open(app_log, "rb") as f:
        for raw in f:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            mm = LOG_LINE.match(line)
            if not mm:
                continue
            stamp, level = mm.group(1), mm.group(2)
            at = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp() - t0_wall
            for key, rx in marks.items():
                if key not in stamps and rx.search(line):
                    stamps[key] = round(at, 2)
            if level in ("WARN", "ERROR"):
                counts[level] += 1
                if len(firsts[level]) < 5:
                    firsts[level].append(line[:400])
            if level == "WARN" and "No workflow" in line:
                counts["no_workflow_warn"] += 1
                if any(pid in line for pid in probe_ids):
                    counts["no_workflow_warn_probe_ids"] += 1
            if level == "WARN" and "Could not query" in line:
                counts["could_not_query_warn"] += 1
    return counts, stamps, firsts


def summarize(args, app, app_log, m, probes, sample, rss, heap, exited_early):
    probe_ids = [p["id"] for p in probes.values()] + (sample.get("still_not_live") or [])
    counts, stamps, firsts = parse_log(app_log, app.t0_wall, re.compile(args.resumed_regex), probe_ids)
    heap_used = None
    if heap:
        hm = re.search(r"total (\d+)K, used (\d+)K", heap)
        if hm:
            heap_used = {"committed_mb": int(hm.group(1)) // 1024, "used_mb": int(hm.group(2)) // 1024}
    resumed_count = None
    if m.get("resumed_line"):
        cm = re.search(r"(\d+)", m.get("resumed_line").split("Resumed", 1)[-1])
        resumed_count = int(cm.group(1)) if cm else None
    return {
        "n": args.n, "jar": os.path.abspath(args.jar), "java_opts": args.java_opts, "app_env": args.app_env,
        "timeout_s": args.timeout, "migrations": args.migrations,
        "port_open_s": m.get("port"),
        "resumed_log_s": stamps.get("resumed"), "resumed_seen_by_harness_s": m.get("resumed_seen"),
        "resumed_line": m.get("resumed_line"), "resumed_count": resumed_count,
        "first_live_s": probes.get("first", {}).get("live"), "last_live_s": probes.get("last", {}).get("live"),
        "readiness_s": m.get("readiness"), "readiness_first_503_s": m.get("readiness_first_503"),
        "readiness_odd": m.get("readiness_odd"),
        "log_stamps_s": stamps, "started_line": m.get("started_line"),
        "probes": probes, "sample": sample,
        "log_counts": counts, "first_warn_lines": firsts["WARN"], "first_error_lines": firsts["ERROR"],
        "rss_peak_mb": rss.get("hwm_mb"), "rss_samples_mb": rss["samples"], "threads": rss.get("threads"),
        "heap_after": heap_used, "exited_early_with": exited_early,
        "out_dir": args.out,
    }


def fmt(v, cap):
    if isinstance(v, (int, float)):
        return f"{v:.1f}"
    if v is None:
        return f"> {cap:.0f}"
    return str(v)


def row(r):
    c = r["log_counts"]
    warn = (f"{c['no_workflow_warn']} No-workflow WARN ({c['no_workflow_warn_probe_ids']} on probed IDs), "
            f"{c['could_not_query_warn']} Could-not-query WARN, {c['WARN']} WARN total, {c['ERROR']} ERROR")
    s = r["sample"]
    if s.get("size"):
        warn += f"; sample {s['size'] - len(s['still_not_live'])}/{s['size']} live"
    if "check_all_not_live" in s:
        warn += f"; check-all: {s['check_all_not_live']} not live"
    if r["resumed_count"] is not None and r["resumed_count"] != r["n"]:
        warn += f"; log says {r['resumed_count']} resumed"
    if r["exited_early_with"] is not None:
        warn += f"; APP EXITED with {r['exited_early_with']}"
    readiness = r["readiness_s"]
    if readiness is None and r["port_open_s"] is None:
        readiness = "?"
    cap = r["timeout_s"]
    return (f"| {r['n']} | {fmt(r['port_open_s'], cap)} | {fmt(r['resumed_log_s'], cap)} | "
            f"{fmt(r['last_live_s'], cap)} | {fmt(readiness, cap)} | {warn} |")


HEADER = ("| N | port open s | \"Resumed\" log s | last workflow live s | readiness s | warnings |\n"
          "|---:|---:|---:|---:|---:|---|")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("prepare", "measure"):
        s = sub.add_parser(name)
        s.add_argument("--jar", required=True)
        s.add_argument("--data-dir", required=True)
        s.add_argument("--token", required=True)
        s.add_argument("--port", type=int, default=28080)
        s.add_argument("--temporal-port", type=int, default=27233)
        s.add_argument("--java-opts", default="-Xmx2g")
        s.add_argument("--app-env", default="")
        s.add_argument("--pid-file", required=True)
    pr = sub.choices["prepare"]
    pr.add_argument("--log", required=True)
    me = sub.choices["measure"]
    me.add_argument("--n", type=int, required=True)
    me.add_argument("--first", required=True)
    me.add_argument("--last", required=True)
    me.add_argument("--migrations", default="")
    me.add_argument("--out", required=True)
    me.add_argument("--timeout", type=float, default=300)
    me.add_argument("--sample", type=int, default=20)
    me.add_argument("--sample-seed", type=int, default=None)
    me.add_argument("--check-all", action="store_true")
    me.add_argument("--jstack-every", type=float, default=0)
    me.add_argument("--readiness-url", default="")
    me.add_argument("--jfr", action="store_true")
    me.add_argument("--resumed-regex", default=r"Resumed the workflows of \d+ unfinished submission")
    sub.add_parser("header")
    args = p.parse_args()
    if args.cmd == "header":
        print(HEADER)
    elif args.cmd == "prepare":
        cmd_prepare(args)
    else:
        if args.sample_seed is None:
            args.sample_seed = random.randrange(1 << 30)
        cmd_measure(args)


if __name__ == "__main__":
    main()
