#!/usr/bin/env python3
"""CPU time used by the Worklane JVM and by its embedded PostgreSQL (postmaster and backends), read
from /proc, so that a figure can be given per request: a cost that other load on the machine does
not change much, unlike throughput and latency.

  bench/cpu.py JAVA_PID WORKLANE_HOME   prints a JSON snapshot
  bench/cpu.py busy [SECONDS]           how busy the machine is over SECONDS (default 2), and by whom
  bench/cpu.py machine                  the machine's CPU seconds since boot (all, busy)
"""
import json
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def _ticks(stat_path):
    try:
        with open(stat_path) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0


def _waited_children_ticks(stat_path):
    """cutime + cstime: CPU of the children a process has waited for (for the JVM: pg_ctl, unshare)."""
    try:
        with open(stat_path) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[13]) + int(fields[14])
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
    java = {"request": 0, "jit": 0, "gc": 0, "other": 0,
            "children": _waited_children_ticks("/proc/%d/stat" % java_pid)}
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
    # The process's own counters keep the CPU of threads that have exited (the JVM retires idle JIT
    # compiler threads, for one): "other" is what the live threads above do not account for.
    java["other"] = max(0, _ticks("/proc/%d/stat" % java_pid) - java["request"] - java["jit"] - java["gc"])
    pg = 0
    try:
        with open(os.path.join(home, "pg", "postmaster.pid")) as f:
            postmaster = int(f.readline().strip())
        pg = _ticks("/proc/%d/stat" % postmaster) + _waited_children_ticks("/proc/%d/stat" % postmaster)
        pg += sum(_ticks("/proc/%d/stat" % c) for c in _children(postmaster))
    except (OSError, ValueError):
        pass
    seconds = {k: v / TICK for k, v in java.items()}
    return {"java_s": sum(seconds.values()), "java_threads_s": seconds, "postgres_s": pg / TICK,
            "machine": machine()}


def machine():
    """CPU seconds of the whole machine since boot, summed over cores: all, and busy (not idle)."""
    total, idle = _machine()
    return {"total_s": total / TICK, "busy_s": (total - idle) / TICK}


def delta(before, after):
    """after - before; postgres backends that exited in between are not counted."""
    return {
        "java_s": after["java_s"] - before["java_s"],
        "java_threads_s": {k: after["java_threads_s"][k] - before["java_threads_s"][k] for k in after["java_threads_s"]},
        "postgres_s": after["postgres_s"] - before["postgres_s"],
        "machine": {k: after["machine"][k] - before["machine"][k] for k in after["machine"]},
    }


def _all_processes():
    ticks = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/comm" % entry) as f:
                    name = f.read().strip()
            except OSError:
                continue
            ticks[int(entry)] = (name, _ticks("/proc/%s/stat" % entry))
    return ticks


def _machine():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields), idle


def busy(seconds=2.0):
    """Share of all cores in use over `seconds`, and the processes that used them."""
    total0, idle0 = _machine()
    procs0 = _all_processes()
    time.sleep(seconds)
    total1, idle1 = _machine()
    procs1 = _all_processes()
    used = 1 - (idle1 - idle0) / max(1, total1 - total0)
    top = sorted(((t1 - procs0[pid][1], name, pid) for pid, (name, t1) in procs1.items() if pid in procs0),
                 reverse=True)[:5]
    return used, [(name, pid, 100.0 * d / TICK / seconds) for d, name, pid in top if d > 0]


if __name__ == "__main__":
    if sys.argv[1] == "busy":
        used, top = busy(float(sys.argv[2]) if len(sys.argv) > 2 else 2.0)
        print("cpu busy %.0f%% of %d cores; top: %s" % (100 * used, os.cpu_count(),
              ", ".join("%s[%d] %.0f%%" % t for t in top) or "-"))
    elif sys.argv[1] == "machine":
        print(json.dumps(machine()))
    else:
        print(json.dumps(snapshot(sys.argv[1], sys.argv[2])))
