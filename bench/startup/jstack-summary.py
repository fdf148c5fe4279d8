#!/usr/bin/env python3
"""Summarizes the thread dumps a run took (BENCH_JSTACK_EVERY): per dump, what the reconciling
thread is in, and per thread group how many threads are RUNNABLE and how much CPU they have used.
CPU deltas between consecutive dumps show where the time between them went.

Usage: bench/startup/jstack-summary.py <run out dir>   (the dir holding jstack-*.txt)
"""

import glob
import os
import re
import sys
from collections import defaultdict

NAME = re.compile(r'^"(?P<name>[^"]+)"')
CPU = re.compile(r"\bcpu=(?P<cpu>[\d.]+)ms")
STATE = re.compile(r"java.lang.Thread.State: (\S+)")

# Names as the Temporal Java SDK 1.39, its test server, gRPC, Tomcat and Hikari give them.
GROUPS = [
    ("main (reconciler)", re.compile(r"^main$")),
    ("workflow threads (one per cached workflow run)", re.compile(r"^workflow-(method-|thread-)")),
    ("workflow task executors", re.compile(r"^Workflow Executor")),
    ("workflow/activity pollers", re.compile(r"Poller taskQueue")),
    ("activity executors", re.compile(r"^Activity Executor")),
    ("gRPC executors (test server + client)", re.compile(r"^grpc-")),
    ("test server timers/executors", re.compile(r"(?i)test.?server|SelfAdvancingTimer|TimerService|Timer-|^Timer task$")),
    ("tomcat request threads", re.compile(r"-exec-\d+$")),
    ("GC / JIT / VM", re.compile(r"(?i)^(GC |G1 |C[12] Compiler|VM |Compiler|Sweeper|Service Thread|Signal|Finalizer|Reference|Common-Cleaner|Notification|Monitor Deflation|Attach Listener|Cleaner-)")),
]


def group_of(name):
    for label, rx in GROUPS:
        if rx.search(name):
            return label
    return "other"


def parse(path):
    threads = []
    cur = None
    for line in open(path, encoding="utf-8", errors="replace"):
        if line.startswith('"'):
            c = CPU.search(line)
            cur = {"name": NAME.match(line).group("name"), "cpu": float(c.group("cpu")) if c else 0.0,
                   "state": "?", "frames": []}
            threads.append(cur)
        elif cur is not None:
            s = STATE.search(line)
            if s:
                cur["state"] = s.group(1)
            elif line.strip().startswith("at "):
                cur["frames"].append(line.strip()[3:])
    return threads


def main_activity(frames):
    """The innermost frame that says what the reconciler is doing."""
    text = "\n".join(frames)
    if "OpenSubmissionsReconciler" not in text and "reconcile" not in text.lower():
        return "not reconciling: " + (frames[0] if frames else "?")
    for f in frames:
        if "startWorkflowExecution" in f or "GenericWorkflowClientImpl.start" in f:
            return "gRPC StartWorkflowExecution (waiting for the server's answer)"
        if f.startswith("org.h2.") or "jdbc" in f.lower():
            return "database: " + f
        if "progressOf" in f:
            return "building SubmissionProgress: " + f
        if "com.hirepilot" in f:
            return "app code: " + f
    return frames[0] if frames else "?"


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "."
    dumps = sorted(glob.glob(os.path.join(d, "jstack-*.txt")), key=lambda p: float(re.search(r"-(\d+\.\d)s", p).group(1)))
    prev = None
    for path in dumps:
        at = re.search(r"-(\d+\.\d)s", path).group(1)
        threads = parse(path)
        cpu = defaultdict(float)
        count = defaultdict(int)
        runnable = defaultdict(int)
        for t in threads:
            g = group_of(t["name"])
            cpu[g] += t["cpu"]
            count[g] += 1
            if t["state"] == "RUNNABLE":
                runnable[g] += 1
        main = next((t for t in threads if t["name"] == "main"), None)
        print(f"## {os.path.basename(path)} (t={at}s, {len(threads)} threads)")
        print(f"main: {main_activity(main['frames']) if main else 'gone (start-up finished)'}")
        print(f"{'group':50s} {'threads':>7s} {'runnable':>8s} {'cpu s':>8s} {'cpu s since prev':>16s}")
        for g in sorted(cpu, key=lambda g: -cpu[g]):
            delta = cpu[g] - prev[g] if prev and g in prev else cpu[g]
            print(f"{g:50s} {count[g]:7d} {runnable[g]:8d} {cpu[g] / 1000:8.1f} {delta / 1000:16.1f}")
        print()
        prev = cpu


if __name__ == "__main__":
    main()
