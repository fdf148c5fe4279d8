#!/usr/bin/env python3
"""Where the CPU went while the app resumed workflows, from a BENCH_JFR=1 recording.

Buckets JFR execution samples (jdk.ExecutionSample: Java threads running on CPU) by thread
group, and for the reconciling thread (main) by what it was doing; also reports JIT and GC time
from their own events, which execution samples do not cover.

Usage: bench/startup/jfr-summary.py <run out dir> [from_s to_s]
  from_s/to_s: seconds after the JVM's start (default: from the port opening to the last
  workflow answering, i.e. the resume as the baseline does it; pass 0 1e9 for everything)
"""

import collections
import json
import os
import re
import subprocess
import sys
from datetime import datetime


def events(jfr, names):
    out = subprocess.run(["jfr", "print", "--json", "--events", ",".join(names), jfr],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def ts(e):
    return datetime.fromisoformat(e["values"]["startTime"].replace("Z", "+00:00")).timestamp()


def group(thread):
    for label, rx in [
        ("main (reconciler)", r"^main$"),
        ("workflow threads", r"^workflow-(method|thread)-"),
        ("workflow task executors", r"^Workflow Executor"),
        ("pollers", r"Poller taskQueue"),
        ("gRPC executors (test server handlers + client callbacks)", r"^grpc-default-executor"),
        ("netty I/O (gRPC over loopback)", r"^grpc-.*ELG"),
        ("test server timer", r"SelfAdvancingTimer|Timer task"),
        ("tomcat (harness probes)", r"-exec-\d+$"),
    ]:
        if re.search(rx, thread or ""):
            return label
    return "other: " + (thread or "?")


def main_doing(frames):
    """JFR keeps 64 frames, so the reconciler's own frame is often cut off: classify by what is
    on top instead, innermost first."""
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    text = " ".join(names)
    if "SpringApplication" in text and "OpenSubmissionsReconciler" not in text and "SubmissionService" not in text \
            and "WorkflowServiceGrpc" not in text and "findBySettledAtIsNull" not in text:
        return "Spring start-up (not yet reconciling)"
    for n in names:
        if "findBySettledAtIsNull" in n:
            return "loading the unsettled submissions (findBySettledAtIsNull)"
        if "progressOf" in n or "unnotifiedOf" in n:
            return "progressOf: per-submission DB reads (comments, collaborators)"
        if n.startswith("org.h2.") or n.startswith("com.zaxxer.hikari"):
            return "database (H2/JDBC)"
        if n.startswith("org.springframework.data.jdbc") or n.startswith("org.springframework.data.relational"):
            return "Spring Data JDBC mapping (loading submissions + attachments)"
        if n.startswith(("io.grpc.", "io.temporal.", "com.google.protobuf.")):
            return "StartWorkflowExecution client side (stub, request building, protobuf, gRPC)"
    if "jackson" in text:
        return "JSON (Jackson): workflow input payload"
    return "other"


def top_frames(frames, k=1):
    picked = []
    for f in frames:
        n = f["method"]["type"]["name"] + "." + f["method"]["name"]
        if n.startswith(("java.", "jdk.", "sun.")):
            continue
        picked.append(n)
        if len(picked) == k:
            break
    return " <- ".join(picked) or "(JDK only)"


def main():
    d = sys.argv[1]
    jfr = os.path.join(d, "recording.jfr")
    result = json.load(open(os.path.join(d, "result.json")))
    start = None
    for e in events(jfr, ["jdk.JVMInformation"]):
        start = datetime.fromisoformat(e["values"]["jvmStartTime"].replace("Z", "+00:00")).timestamp()
    lo = float(sys.argv[2]) if len(sys.argv) > 3 else (result["port_open_s"] or 0)
    hi = float(sys.argv[3]) if len(sys.argv) > 3 else (result["last_live_s"] or 1e9)
    samples = [e for e in events(jfr, ["jdk.ExecutionSample"]) if lo <= ts(e) - start <= hi]
    by_group = collections.Counter()
    by_main = collections.Counter()
    by_top = collections.defaultdict(collections.Counter)
    for e in samples:
        v = e["values"]
        thread = (v.get("sampledThread") or {}).get("javaName")
        frames = (v.get("stackTrace") or {}).get("frames") or []
        g = group(thread)
        by_group[g] += 1
        by_top[g][top_frames(frames, 2)] += 1
        if g.startswith("main"):
            by_main[main_doing(frames)] += 1
    total = sum(by_group.values()) or 1
    print(f"window {lo:.0f}..{min(hi, 1e6):.0f} s after JVM start; {total} execution samples"
          f" (port open {result['port_open_s']} s, Resumed log {result['resumed_log_s']} s)")
    print("\nJava CPU samples by thread group:")
    for g, c in by_group.most_common(12):
        print(f"  {100 * c / total:5.1f}%  {g}")
        for t, tc in by_top[g].most_common(3):
            print(f"           {100 * tc / total:5.1f}%  {t}")
    mt = sum(by_main.values()) or 1
    print("\nmain thread samples by activity:")
    for k, c in by_main.most_common():
        print(f"  {100 * c / mt:5.1f}%  {k}")
    comp = [e for e in events(jfr, ["jdk.Compilation"]) if lo <= ts(e) - start <= hi]
    gcs = [e for e in events(jfr, ["jdk.GarbageCollection"]) if lo <= ts(e) - start <= hi]

    def dur(e):
        m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", e["values"]["duration"])
        return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else 0.0

    print(f"\nJIT: {len(comp)} compilations (of >= the profile threshold), {sum(map(dur, comp)):.1f} s compiling")
    print(f"GC: {len(gcs)} collections, {sum(map(dur, gcs)):.2f} s in total")


if __name__ == "__main__":
    main()
