#!/usr/bin/env python3
"""Helper of bench/platform.sh: polls http://127.0.0.1:PORT/actuator/health/readiness every 50 ms from
one process (cheaper than a curl per poll, which would take CPU from the starting app) until the
first 200. Prints the milliseconds since T0_NS (the epoch nanoseconds taken just before `java -jar`).
Exits 1 if the app's process PID exits first, 2 on TIMEOUT seconds.

  bench/wait_ready.py PORT PID T0_NS TIMEOUT
"""
import http.client
import os
import sys
import time


def main():
    port, pid, t0_ns, timeout = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/actuator/health/readiness")
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                print((time.time_ns() - t0_ns) // 1_000_000)
                return 0
        except OSError:
            pass
        try:
            os.kill(pid, 0)
            with open("/proc/%d/stat" % pid) as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return 1
        except OSError:
            return 1
        if time.monotonic() > deadline:
            return 2
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())
