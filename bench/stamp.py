#!/usr/bin/env python3
"""Helper of bench/platform.sh: stamps tenants one after another and times each, then gives each
tenant an API token (for the wrk run) and checks that the token reads its own tenant's /me.

Only talks to 127.0.0.1. Writes, under OUT:
  stamp.csv   index,slug,status,seconds      (one line per stamp, in order)
  tokens.csv  index,slug,status,seconds      (creating each tenant's API token, HTTP Basic)
  me.csv      index,slug,status,seconds      (one GET /me per tenant with its token)
  tokens.txt  "<slug> <secret>" per line     (read by bench/me.lua)
  stamp.json  summary figures (with the CPU time of the JVM and of PostgreSQL while stamping)
"""
import argparse
import base64
import http.client
import json
import math
import statistics
import sys
import time

import cpu

PASSWORD = "bench-password-0123456789"


class Client:
    """One keep-alive connection to 127.0.0.1, re-opened if the server closed it."""

    def __init__(self, port, timeout):
        self.port = port
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body).encode()
        hdrs = {"Accept": "application/json"}
        if data is not None:
            hdrs["Content-Type"] = "application/json"
        hdrs.update(headers or {})
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            start = time.perf_counter()
            try:
                self.conn.request(method, path, body=data, headers=hdrs)
                resp = self.conn.getresponse()
                payload = resp.read()
                elapsed = time.perf_counter() - start
                if resp.getheader("Connection", "").lower() == "close":
                    self.close()
                return resp.status, payload, elapsed
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A kept-alive connection the server had closed: retry once on a new one.
                self.close()
                if attempt == 2:
                    raise

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def percentile(values, p):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def stats(values):
    if not values:
        return {}
    n = len(values)
    k = min(20, n)
    xs = list(range(n))
    mean_x = statistics.fmean(xs)
    mean_y = statistics.fmean(values)
    var_x = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, values)) / var_x if var_x else 0.0
    first = statistics.fmean(values[:k])
    last = statistics.fmean(values[-k:])
    return {
        "count": n,
        "mean_s": mean_y,
        "p50_s": percentile(values, 50),
        "p95_s": percentile(values, 95),
        "p99_s": percentile(values, 99),
        "min_s": min(values),
        "max_s": max(values),
        "first20_mean_s": first,
        "last20_mean_s": last,
        "last20_over_first20": last / first if first else float("nan"),
        "slope_ms_per_tenant": slope * 1000,
    }


def write_csv(path, rows):
    with open(path, "w") as f:
        f.write("index,slug,status,seconds\n")
        for row in rows:
            f.write("%d,%s,%d,%.6f\n" % row)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--operator-token", required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--prefix", default="bench")
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=float, default=60.0, help="per request, seconds")
    parser.add_argument("--app-pid", help="the JVM's pid, to account the CPU time of stamping")
    parser.add_argument("--home", help="WORKLANE_HOME, to account the embedded PostgreSQL's CPU time")
    args = parser.parse_args()

    client = Client(args.port, args.timeout)
    operator = {"Authorization": "Bearer " + args.operator_token}

    # 1. Stamp, one after another, each timed from sending the request to reading the whole answer.
    stamp_rows, stamped = [], []
    failures = 0
    cpu_before = cpu.snapshot(args.app_pid, args.home) if args.app_pid and args.home else None
    wall = time.perf_counter()
    for i in range(1, args.count + 1):
        slug = "%s-%04d" % (args.prefix, i)
        order = {"slug": slug, "name": "Bench tenant %d" % i,
                 "admin": {"email": "admin@%s.test" % slug, "name": "Bench Admin", "password": PASSWORD}}
        status, payload, elapsed = client.request("POST", "/api/v1/tenants", order, operator)
        stamp_rows.append((i, slug, status, elapsed))
        if status == 201:
            stamped.append((i, slug))
        else:
            failures += 1
            print("stamp %s: HTTP %d %s" % (slug, status, payload[:300].decode(errors="replace")), file=sys.stderr)
            if failures >= 5:
                print("stamp: giving up after 5 failures", file=sys.stderr)
                break
        if i % 25 == 0:
            print("  stamped %d/%d (last %.3f s)" % (i, args.count, elapsed), flush=True)
    stamp_wall = time.perf_counter() - wall
    stamp_cpu = cpu.delta(cpu_before, cpu.snapshot(args.app_pid, args.home)) if cpu_before else None
    write_csv(args.out + "/stamp.csv", stamp_rows)

    # 2. One API token per tenant (HTTP Basic with the first admin's password).
    token_rows, tokens = [], []
    for i, slug in stamped:
        basic = base64.b64encode(("admin@%s.test:%s" % (slug, PASSWORD)).encode()).decode()
        status, payload, elapsed = client.request("POST", "/t/%s/api/v1/me/tokens" % slug, {"name": "bench"},
                                                  {"Authorization": "Basic " + basic})
        token_rows.append((i, slug, status, elapsed))
        if status == 201:
            tokens.append((i, slug, json.loads(payload)["secret"]))
        else:
            print("token %s: HTTP %d %s" % (slug, status, payload[:300].decode(errors="replace")), file=sys.stderr)
    write_csv(args.out + "/tokens.csv", token_rows)
    with open(args.out + "/tokens.txt", "w") as f:
        for _, slug, secret in tokens:
            f.write("%s %s\n" % (slug, secret))

    # 3. Each token reads its own tenant's /me (and nothing else's).
    me_rows, wrong = [], 0
    for i, slug, secret in tokens:
        status, payload, elapsed = client.request("GET", "/t/%s/api/v1/me" % slug, None,
                                                  {"Authorization": "Bearer " + secret})
        me_rows.append((i, slug, status, elapsed))
        if status != 200 or json.loads(payload).get("tenant") != slug:
            wrong += 1
            print("me %s: HTTP %d %s" % (slug, status, payload[:300].decode(errors="replace")), file=sys.stderr)
    write_csv(args.out + "/me.csv", me_rows)
    client.close()

    ok_times = [r[3] for r in stamp_rows if r[2] == 201]
    summary = {
        "requested": args.count,
        "stamped": len(stamped),
        "stamp_failures": failures,
        "stamp_wall_s": stamp_wall,
        "stamp": stats(ok_times),
        "stamp_cpu": stamp_cpu,
        "token": stats([r[3] for r in token_rows if r[2] == 201]),
        "token_failures": sum(1 for r in token_rows if r[2] != 201),
        "me_check": stats([r[3] for r in me_rows if r[2] == 200]),
        "me_check_failures": wrong,
    }
    with open(args.out + "/stamp.json", "w") as f:
        json.dump(summary, f, indent=2)
    return 0 if failures == 0 and summary["token_failures"] == 0 and wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
