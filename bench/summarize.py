#!/usr/bin/env python3
"""Helper of bench/platform.sh: reads a run's output directory and prints the summary against the
targets; also writes summary.json there. Usage: bench/summarize.py bench/out/<run>"""
import csv
import datetime
import json
import os
import re
import statistics
import sys

COLD_START_TARGET_MS = 10_000
STAMP_P95_TARGET_S = 1.0
FLAT_RATIO_LIMIT = 1.25          # mean of the last 20 stamps at most 25 % above the first 20
READ_RPS_TARGET = 2_000

# Log lines that mark the phases of a start, in order.
MARKS = [
    ("jvm_logging", "Starting WorklaneApplication"),
    ("context_init", "Root WebApplicationContext: initialization completed"),
    ("postgres_ready", "Embedded PostgreSQL 17.11 listening"),
    ("pool_ready", "worklane - Start completed"),
    ("tomcat_started", "Tomcat started on port"),
    ("spring_started", "Started WorklaneApplication"),
]
STAMP_RE = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z)")


def load_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def phases(log_path, t0_ns):
    """Milliseconds from `java -jar` to each mark, read from the log's timestamps."""
    found = {}
    try:
        with open(log_path, errors="replace") as f:
            for line in f:
                m = STAMP_RE.match(line)
                if not m:
                    continue
                for key, text in MARKS:
                    if key not in found and text in line:
                        at = datetime.datetime.fromisoformat(m.group(1).replace("Z", "+00:00")).timestamp()
                        found[key] = round(at * 1000 - t0_ns / 1e6)
    except OSError:
        pass
    return found


def CONNECTIONS_FROM(out):
    try:
        m = re.search(r"connections=(\d+)", open(os.path.join(out, "machine.txt")).read())
        return int(m.group(1))
    except (OSError, AttributeError):
        return 0


def others_share(machine, ours_s):
    """Share of the machine's CPU capacity used by processes other than ours (ours_s seconds)."""
    if not machine or machine.get("total_s", 0) <= 0:
        return None
    return max(0.0, machine["busy_s"] - ours_s) / machine["total_s"]


def start_cpu(out, label):
    """(CPU s of the app + PostgreSQL to start, share of the machine used by others meanwhile)."""
    a = load_json(os.path.join(out, "logs", label + ".cpu0.json"))
    b = load_json(os.path.join(out, "logs", label + ".cpu1.json"))
    if not a or not b:
        return None, None
    ours = b["java_s"] + b["postgres_s"]
    machine = {k: b["machine"][k] - a[k] for k in a}
    return ours, others_share(machine, ours)


def verdict(ok):
    return "PASS" if ok else "FAIL"


def main(out):
    lines, summary = [], {"run": os.path.basename(os.path.normpath(out))}
    p = lines.append

    machine = open(os.path.join(out, "machine.txt")).read() if os.path.exists(os.path.join(out, "machine.txt")) else ""
    t0 = {}
    if os.path.exists(os.path.join(out, "starts.t0")):
        for line in open(os.path.join(out, "starts.t0")):
            label, ns = line.split()
            t0[label] = int(ns)

    p("Worklane platform benchmark — run %s" % summary["run"])
    for key in ("date", "commit", "nproc", "cpu"):
        m = re.search(r"^%s: (.*)$" % key, machine, re.M)
        if m:
            p("  %-7s %s" % (key, m.group(1)))
    p("")

    # 1. Cold starts
    sets = {}
    with open(os.path.join(out, "starts.csv")) as f:
        for row in csv.DictReader(f):
            sets.setdefault(row["set"], []).append(row)
    summary["starts"] = {}
    for name, rows in sets.items():
        ready = [int(r["ready_ms"]) for r in rows]
        label = lambda r: name if name == "initial" else "%s-%s" % (name, r["run"])
        breakdown = [phases(os.path.join(out, "logs", label(r) + ".log"), t0.get(label(r), 0)) for r in rows]
        median = statistics.median(ready)
        cpus = [start_cpu(out, label(r)) for r in rows]
        entry = {"ready_ms": ready, "median_ms": median, "min_ms": min(ready), "max_ms": max(ready),
                 "app_cpu_s": [c[0] for c in cpus], "others_cpu_share": [c[1] for c in cpus],
                 "spring_started_s": [r["spring_started_s"] for r in rows],
                 "stop_ms": [int(r["stop_ms"]) if r["stop_ms"] else None for r in rows],
                 "phases_ms": breakdown}
        if name != "initial":
            entry["target_ms"] = COLD_START_TARGET_MS
            entry["pass"] = median < COLD_START_TARGET_MS
        summary["starts"][name] = entry
        if name == "initial":
            p("First start (creates the data dir; not counted): %.2f s" % (ready[0] / 1000))
            continue
        p("Cold start to first 200 of /actuator/health/readiness [%s]:" % name)
        p("  runs (s):   %s" % ", ".join("%.2f" % (x / 1000) for x in ready))
        p("  median %.2f s, min %.2f s, max %.2f s  — target < 10 s: %s%s" % (
            median / 1000, min(ready) / 1000, max(ready) / 1000, verdict(entry["pass"]),
            "" if max(ready) < COLD_START_TARGET_MS else " (not every run under 10 s)"))
        keys = [k for k, _ in MARKS]
        med = {k: statistics.median([b[k] for b in breakdown if k in b]) for k in keys
               if any(k in b for b in breakdown)}
        p("  median phase offsets from `java -jar` (s): " + ", ".join(
            "%s %.2f" % (k, med[k] / 1000) for k in keys if k in med))
        if all(c[0] is not None for c in cpus):
            p("  CPU used to start (JVM + PostgreSQL, s): %s; other processes meanwhile: %s of the machine" % (
                ", ".join("%.1f" % c[0] for c in cpus), ", ".join("%.0f%%" % (100 * c[1]) for c in cpus))
              + ("  — DISTURBED: re-run when the machine is quiet" if max(c[1] for c in cpus) > 0.10 else ""))
        p("  stop after SIGTERM (ms): %s" % ", ".join(str(s) for s in entry["stop_ms"]))
    p("")

    # 2. Stamping
    stamp = load_json(os.path.join(out, "stamp.json"))
    if stamp:
        s = stamp["stamp"]
        flat = s["last20_over_first20"] <= FLAT_RATIO_LIMIT
        p95_ok = s["p95_s"] < STAMP_P95_TARGET_S
        all_ok = stamp["stamp_failures"] == 0 and stamp["stamped"] == stamp["requested"]
        summary["stamp"] = dict(stamp, p95_target_s=STAMP_P95_TARGET_S, flat_ratio_limit=FLAT_RATIO_LIMIT,
                                pass_p95=p95_ok, pass_flat=flat, pass_all_stamped=all_ok)
        p("Stamping %d tenants in a row (%d stamped, %d failed, %.1f s in all):" % (
            stamp["requested"], stamp["stamped"], stamp["stamp_failures"], stamp["stamp_wall_s"]))
        p("  p50 %.3f s, p95 %.3f s, p99 %.3f s, max %.3f s, mean %.3f s — target p95 < 1 s: %s" % (
            s["p50_s"], s["p95_s"], s["p99_s"], s["max_s"], s["mean_s"], verdict(p95_ok)))
        p("  first 20 mean %.3f s, last 20 mean %.3f s (ratio %.2f), slope %+.2f ms/tenant — flat (ratio <= %.2f): %s" % (
            s["first20_mean_s"], s["last20_mean_s"], s["last20_over_first20"], s["slope_ms_per_tenant"],
            FLAT_RATIO_LIMIT, verdict(flat)))
        if stamp.get("stamp_cpu") and stamp["stamped"]:
            c = stamp["stamp_cpu"]
            others = others_share(c.get("machine"), c["java_s"] + c["postgres_s"])
            p("  CPU per stamp: JVM %.0f ms (request threads %.0f, JIT %.0f), PostgreSQL %.0f ms%s" % (
                c["java_s"] * 1000 / stamp["stamped"], c["java_threads_s"]["request"] * 1000 / stamp["stamped"],
                c["java_threads_s"]["jit"] * 1000 / stamp["stamped"], c["postgres_s"] * 1000 / stamp["stamped"],
                "; other processes used %.0f%% of the machine meanwhile%s" % (
                    100 * others, "  — DISTURBED: re-run when the machine is quiet" if others > 0.10 else "")
                if others is not None else ""))
        if stamp.get("token"):
            t = stamp["token"]
            p("  API token per tenant (HTTP Basic + password check): p50 %.3f s, p95 %.3f s; %d failed" % (
                t["p50_s"], t["p95_s"], stamp["token_failures"]))
        if stamp.get("me_check"):
            p("  one GET /me per tenant with its own token: %d wrong answers" % stamp["me_check_failures"])
        if os.path.exists(os.path.join(out, "stamp.csv")):
            with open(os.path.join(out, "stamp.csv")) as f:
                times = [float(r["seconds"]) for r in csv.DictReader(f)]
            blocks = [times[i:i + 20] for i in range(0, len(times), 20)]
            p("  mean per block of 20 (s): " + " ".join("%.3f" % statistics.fmean(b) for b in blocks))
        p("")

    # 3. Reads
    warm = []
    i = 1
    while load_json(os.path.join(out, "wrk-warmup-%d.json" % i)):
        warm.append(load_json(os.path.join(out, "wrk-warmup-%d.json" % i)))
        i += 1
    if warm:
        summary["wrk_warmup"] = warm
        p("Warm-up runs of GET /me (%d x %.0f s, not counted): %s req/s" % (
            len(warm), warm[0]["duration_s"], ", ".join("%.0f" % w["rps"] for w in warm)))
    w = load_json(os.path.join(out, "wrk-measured.json"))
    if w:
        errors = sum(w["errors"].values())
        entry = dict(w, target_rps=READ_RPS_TARGET,
                     **{"pass": w["rps"] >= READ_RPS_TARGET and w["non200"] == 0 and errors == 0})
        before = load_json(os.path.join(out, "cpu-before-wrk.json"))
        after = load_json(os.path.join(out, "cpu-after-wrk.json"))
        if before and after and w["requests"]:
            n = w["requests"]
            used = {"java_ms_per_request": (after["java_s"] - before["java_s"]) * 1000 / n,
                    "postgres_ms_per_request": (after["postgres_s"] - before["postgres_s"]) * 1000 / n,
                    "java_threads_ms_per_request": {k: (after["java_threads_s"][k] - before["java_threads_s"][k]) * 1000 / n
                                                    for k in after["java_threads_s"]}}
            times = os.path.join(out, "wrk-measured.times")
            wrk_s = 0.0
            if os.path.exists(times):
                lines_ = open(times).read().strip().splitlines()
                parts = re.findall(r"(\d+)m([\d.]+)s", lines_[-1]) if lines_ else []
                wrk_s = sum(int(m) * 60 + float(x) for m, x in parts)
                used["wrk_ms_per_request"] = wrk_s * 1000 / n
            if "machine" in before and "machine" in after:
                machine = {k: after["machine"][k] - before["machine"][k] for k in after["machine"]}
                ours = after["java_s"] - before["java_s"] + after["postgres_s"] - before["postgres_s"] + wrk_s
                used["machine_busy_share"] = machine["busy_s"] / machine["total_s"]
                used["others_share"] = others_share(machine, ours)
            entry["cpu"] = used
        summary["wrk_measured"] = entry
        p("GET /t/{slug}/api/v1/me, a random tenant's Bearer token per request, %d connections, %.0f s:" % (
            CONNECTIONS_FROM(out), w["duration_s"]))
        p("  %.0f req/s (%d requests) — target >= 2,000 req/s: %s" % (w["rps"], w["requests"], verdict(entry["pass"])))
        p("  latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms; non-200: %d, socket errors: %d" % (
            w["latency_ms"]["p50"], w["latency_ms"]["p90"], w["latency_ms"]["p99"], w["latency_ms"]["max"],
            w["non200"], errors))
        if "cpu" in entry:
            c = entry["cpu"]
            p("  CPU per request: JVM %.2f ms (request threads %.2f, JIT %.2f, GC %.2f, other %.2f), PostgreSQL %.2f ms%s" % (
                c["java_ms_per_request"], c["java_threads_ms_per_request"]["request"],
                c["java_threads_ms_per_request"]["jit"], c["java_threads_ms_per_request"]["gc"],
                c["java_threads_ms_per_request"]["other"], c["postgres_ms_per_request"],
                ", wrk %.2f ms" % c["wrk_ms_per_request"] if "wrk_ms_per_request" in c else ""))
            p("  so the app and its database alone could serve at most ~%.0f req/s on %d cores" % (
                os.cpu_count() * 1000 / (c["java_ms_per_request"] + c["postgres_ms_per_request"]), os.cpu_count()))
            if c.get("others_share") is not None:
                p("  the machine was %.0f%% busy; processes other than the app, PostgreSQL and wrk used %.0f%% of it%s" % (
                    100 * c["machine_busy_share"], 100 * c["others_share"],
                    "  — DISTURBED: re-run when the machine is quiet" if c["others_share"] > 0.10 else ""))
    p("")
    if os.path.exists(os.path.join(out, "load.txt")):
        loads = re.findall(r"^== (\S+) \S+ load: (.*)$", open(os.path.join(out, "load.txt")).read(), re.M)
        p("Just before each phase (load average 1/5/15 min; CPU busy over 2 s, and by whom):")
        for label, text in loads:
            p("  %-26s %s" % (label, text))
        summary["load"] = dict(loads)

    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/out/latest")
