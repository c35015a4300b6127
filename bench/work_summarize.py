#!/usr/bin/env python3
"""Helper of bench/work.sh: reads a run's output directory, prints the figures against the targets,
and writes summary.md and summary.json there. Usage: bench/work_summarize.py bench/out/<run>-work"""
import json
import os
import re
import sys

# phase: (what, target text, check(result) -> bool)
TARGETS = {
    "get": ("GET /items/{key}, random keys", ">= 3,000 req/s and p99 < 20 ms",
            lambda w: w["rps"] >= 3000 and w["latency_ms"]["p99"] < 20),
    "create": ("POST /items (Incident)", ">= 800 req/s", lambda w: w["rps"] >= 800),
    "patch": ("PATCH /items/{key} (priority, title; no If-Match)", ">= 800 req/s", lambda w: w["rps"] >= 800),
    "filter": ("GET /items?q=category + status + assignee, limit 50", "p95 < 50 ms",
               lambda w: w["latency_ms"]["p95"] < 50),
    "search": ("GET /items?q=text ~ word, limit 50", "p95 < 150 ms", lambda w: w["latency_ms"]["p95"] < 150),
}
SEED_TARGET_S = 20 * 60


def load_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def cpu_per_request(out, phase, w):
    before = load_json(os.path.join(out, "cpu-before-%s.json" % phase))
    after = load_json(os.path.join(out, "cpu-after-%s.json" % phase))
    if not before or not after or not w["requests"]:
        return None
    n = w["requests"]
    wrk_s = 0.0
    times = os.path.join(out, "wrk-%s.times" % phase)
    if os.path.exists(times):
        lines = open(times).read().strip().splitlines()
        wrk_s = sum(int(m) * 60 + float(x) for m, x in re.findall(r"(\d+)m([\d.]+)s", lines[-1])) if lines else 0.0
    java = after["java_s"] - before["java_s"]
    pg = after["postgres_s"] - before["postgres_s"]
    machine = {k: after["machine"][k] - before["machine"][k] for k in after["machine"]}
    others = max(0.0, machine["busy_s"] - java - pg - wrk_s) / machine["total_s"] if machine["total_s"] else None
    return {"java_ms": java * 1000 / n, "postgres_ms": pg * 1000 / n, "wrk_ms": wrk_s * 1000 / n,
            "machine_busy_share": machine["busy_s"] / machine["total_s"] if machine["total_s"] else None,
            "others_share": others}


def main(out):
    machine = open(os.path.join(out, "machine.txt")).read() if os.path.exists(os.path.join(out, "machine.txt")) else ""
    run = os.path.basename(os.path.normpath(out))
    tenant = open(os.path.join(out, "tenant.txt")).read().strip() if os.path.exists(os.path.join(out, "tenant.txt")) else "?"
    summary = {"run": run, "tenant": tenant, "phases": {}}
    md, txt = [], []
    md.append("# Work-item benchmark — run %s\n" % run)
    for key in ("date", "commit", "nproc", "cpu", "options", "database"):
        m = re.search(r"^%s: (.*)$" % key, machine, re.M)
        if m:
            md.append("- %s: %s" % (key, m.group(1)))
    md.append("- tenant: `%s`\n" % tenant)

    seed = load_json(os.path.join(out, "seed.json"))
    if seed:
        summary["seed"] = seed
        r, s = seed["rows_written"], seed["steps_s"]
        md.append("## Seed\n")
        md.append("| step | seconds | rows | rows/s |")
        md.append("| --- | --- | --- | --- |")
        md.append("| people and teams | %.1f | %d users, %d teams, %d memberships | |" % (
            s["people"], r["users"], r["teams"], r["team_members"]))
        for t in ("work_items", "item_history", "item_comments", "item_watchers"):
            md.append("| %s (one statement per batch with the items) | %.1f | %d | %d |" % (
                t, s["items"], r[t], seed["rows_per_s"].get(t, 0)))
        md.append("| item number sequences | %.1f | | |" % s["counters"])
        md.append("| VACUUM (ANALYZE) | %.1f | | |" % s["vacuum_analyze"])
        md.append("| **total** | **%.1f** (%.1f min) | %d | %d |\n" % (
            seed["total_s"], seed["total_s"] / 60, sum(r.values()), seed["all_rows_per_s"]))
        md.append("Tenant afterwards: %s; share of items in a done status: %s. Batches of %d items, %d at a time.\n" % (
            ", ".join("%s %d" % kv for kv in seed["tenant_rows"].items()), seed.get("done_share"),
            seed["batch"], seed["jobs"]))
        if seed.get("table_bytes"):
            md.append("Sizes (with indexes): " + ", ".join(
                "%s %.0f MB" % (k, v / 2**20) for k, v in seed["table_bytes"].items()) + "\n")
        txt.append("seed: %d items, %d history, %d comments in %.1f min (items step: %s rows/s) — "
                   "target < 20 min: %s" % (r["work_items"], r["item_history"], r["item_comments"],
                                           seed["total_s"] / 60, ", ".join("%s %d" % kv for kv in seed["rows_per_s"].items()),
                                           "PASS" if seed["total_s"] < SEED_TARGET_S else "FAIL"))
    elif os.path.exists(os.path.join(out, "tables.txt")):
        md.append("## Seed\n\nNot seeded in this run (`--skip-seed`): the tenant's tables were\n")
        md.append("```\n" + open(os.path.join(out, "tables.txt")).read().strip() + "\n```\n")

    md.append("## Load (%s)\n" % (re.search(r"connections=(\d+)", machine).group(1) + " keep-alive connections"
                                  if re.search(r"connections=(\d+)", machine) else "wrk"))
    md.append("| figure | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | socket errors | target | verdict | CPU/req JVM + PG (ms) | others used |")
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    txt.append("%-52s %9s %8s %8s %8s %7s  %-30s %s" % ("figure", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors",
                                                       "target", "verdict"))
    for phase, (what, target, check) in TARGETS.items():
        w = load_json(os.path.join(out, "wrk-%s.json" % phase))
        skipped = load_json(os.path.join(out, "wrk-%s-skipped.json" % phase))
        if not w:
            why = ("SKIPPED (endpoint answers %s: query language not merged)" % skipped["status"]) if skipped else "not run"
            md.append("| %s | | | | | | | | %s | %s | | |" % (what, target, why))
            txt.append("%-52s %9s %8s %8s %8s %7s  %-30s %s" % (what[:52], "-", "-", "-", "-", "-", target, why))
            summary["phases"][phase] = {"skipped": bool(skipped), "status": skipped and skipped["status"]}
            continue
        errors = sum(w["errors"].values())
        ok = check(w) and w["non2xx"] == 0 and errors == 0
        cpu = cpu_per_request(out, phase, w)
        disturbed = cpu and cpu["others_share"] is not None and cpu["others_share"] > 0.10
        verdict = ("PASS" if ok else "FAIL") + (" (DISTURBED)" if disturbed else "")
        summary["phases"][phase] = dict(w, target=target, **{"pass": ok, "cpu": cpu, "disturbed": bool(disturbed)})
        l = w["latency_ms"]
        md.append("| %s | %.0f | %.1f | %.1f | %.1f | %.0f | %d | %d | %s | **%s** | %s | %s |" % (
            what, w["rps"], l["p50"], l["p95"], l["p99"], l["max"], w["non2xx"], errors, target, verdict,
            "%.2f + %.2f" % (cpu["java_ms"], cpu["postgres_ms"]) if cpu else "",
            "%.0f %%" % (100 * cpu["others_share"]) if cpu and cpu["others_share"] is not None else ""))
        txt.append("%-52s %9.0f %8.1f %8.1f %8.1f %7d  %-30s %s" % (
            what[:52], w["rps"], l["p50"], l["p95"], l["p99"], w["non2xx"] + errors, target, verdict))
    md.append("")
    md.append("A figure passes only without non-2xx answers and socket errors. \"CPU/req\" is the CPU time the "
              "JVM and its PostgreSQL used per request during the measured run; \"others used\" is the share of "
              "the machine used by processes other than the app, PostgreSQL and wrk (DISTURBED above 10 %).\n")
    if os.path.exists(os.path.join(out, "load.txt")):
        md.append("Just before each phase (load average; CPU busy over 2 s, and by whom):\n\n```")
        md.append(open(os.path.join(out, "load.txt")).read().strip())
        md.append("```\n")
    with open(os.path.join(out, "summary.md"), "w") as f:
        f.write("\n".join(md))
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print("Worklane work-item benchmark — run %s, tenant %s" % (run, tenant))
    print("\n".join(txt))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/out/latest-work")
