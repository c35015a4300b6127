#!/usr/bin/env python3
"""CPU time used by the Worklane JVM and by its embedded PostgreSQL (postmaster and backends), read
from /proc, so that a figure can be given per request: a cost that other load on the machine does
not change much, unlike throughput and latency.

  bench/cpu.py JAVA_PID WORKLANE_HOME   prints a JSON snapshot
"""
import json
import os
import sys

TICK = os.sysconf("SC_CLK_TCK")


def _ticks(stat_path):
    try:
        with open(stat_path) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0


def _children(pid):
    out = []
    for task in os.listdir("/proc/%d/task" % pid) if os.path.isdir("/proc/%d/task" % pid) else []:
        try:
            with open("/proc/%d/task/%s/children" % (pid, task)) as f:
                out += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return out


def snapshot(java_pid, home):
    java_pid = int(java_pid)
    java = {"request": 0, "jit": 0, "gc": 0, "other": 0}
    task_dir = "/proc/%d/task" % java_pid
    for tid in os.listdir(task_dir) if os.path.isdir(task_dir) else []:
        try:
            with open("%s/%s/comm" % (task_dir, tid)) as f:
                name = f.read().strip()
        except OSError:
            continue
        t = _ticks("%s/%s/stat" % (task_dir, tid))
        if name.startswith("http-nio"):
            java["request"] += t
        elif "Compiler" in name:
            java["jit"] += t
        elif name.startswith(("GC ", "G1 ", "GC_", "G1_")) or "GC Thread" in name or name.startswith("G1"):
            java["gc"] += t
        else:
            java["other"] += t
    pg = 0
    try:
        with open(os.path.join(home, "pg", "postmaster.pid")) as f:
            postmaster = int(f.readline().strip())
        pg = _ticks("/proc/%d/stat" % postmaster)
        pg += sum(_ticks("/proc/%d/stat" % c) for c in _children(postmaster))
    except (OSError, ValueError):
        pass
    seconds = {k: v / TICK for k, v in java.items()}
    return {"java_s": sum(seconds.values()), "java_threads_s": seconds, "postgres_s": pg / TICK}


def delta(before, after):
    """after - before; postgres backends that exited in between are not counted."""
    return {
        "java_s": after["java_s"] - before["java_s"],
        "java_threads_s": {k: after["java_threads_s"][k] - before["java_threads_s"][k] for k in after["java_threads_s"]},
        "postgres_s": after["postgres_s"] - before["postgres_s"],
    }


if __name__ == "__main__":
    print(json.dumps(snapshot(sys.argv[1], sys.argv[2])))
