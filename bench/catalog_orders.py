#!/usr/bin/env python3
"""Helper of bench/catalog.sh: the figure of issue 5 for a pre-authorised, fully automated offering.

Runs a stub provisioning endpoint (answers at once, counts each Idempotency-Key), defines an offering
whose plan calls it twice (provision, then register with the first answer), then:
  1. one order at a time (--single N): order -> fulfilled, as the client sees it (polling its request)
     and as the server recorded it (fulfilment_runs.finished_at - service_requests.created_at);
  2. --burst N orders submitted at once over --connections keep-alive connections, then waits until
     every run is fulfilled: submit time, time until all are fulfilled, throughput, latencies; checks
     that none was lost (N runs fulfilled, none blocked) and none ran twice (each key called once);
  3. --approvals N orders of the same plan behind an approval stage (a team of one approver): the
     approver's list of what waits (GET /approvals, N pending), then every approval decided at once
     over --connections connections: decision latency, and from decision to fulfilled.
Writes summary.json and orders.csv under --out. Only talks to 127.0.0.1.
"""
import argparse
import json
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from stamp import Client, percentile

calls = {}
calls_lock = threading.Lock()


class Stub(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        key = self.headers.get("Idempotency-Key") or "?"
        with calls_lock:
            calls[key] = calls.get(key, 0) + 1
        body = b'{"host": "vm.bench.internal"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def psql(schema, sql):
    env_sql = "set search_path = %s; %s" % (schema, sql)
    return subprocess.run(["psql", "-X", "-qAt", "-c", env_sql], check=True, capture_output=True, text=True).stdout.strip()


def summary(values):
    return {"count": len(values), "p50_ms": percentile(values, 50), "p95_ms": percentile(values, 95),
            "p99_ms": percentile(values, 99), "max_ms": max(values) if values else None}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--slug", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--single", type=int, default=30)
    ap.add_argument("--burst", type=int, default=1000)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--approvals", type=int, default=200)
    ap.add_argument("--wait", type=float, default=600.0, help="seconds to wait for the burst to be fulfilled")
    args = ap.parse_args()
    auth = {"Authorization": "Bearer " + args.token}
    api = "/t/%s/api/v1" % args.slug

    stub = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d" % stub.server_address[1]

    client = Client(args.port, 60)
    status, payload, _ = client.request("POST", api + "/catalog/offerings", {
        "key": "bench-vm", "name": "Bench virtual machine", "category": "Cloud", "team": "OPS",
        "form": [{"key": "size", "label": "Size", "kind": "number", "required": True}],
        "fulfilment": {"steps": [
            {"name": "provision", "kind": "automated", "stage": 0, "plannedMinutes": 1,
             "call": {"url": url + "/provision", "body": "{\"size\": {{answers.size}}, \"request\": {{request.id}}}",
                      "timeoutSeconds": 10, "maxAttempts": 5}},
            {"name": "register", "kind": "automated", "stage": 1, "plannedMinutes": 1,
             "call": {"url": url + "/register", "body": "{\"host\": {{steps.provision.host}}}",
                      "timeoutSeconds": 10, "maxAttempts": 5}}]}}, auth)
    if status != 201:
        print("could not define the offering: %d %s" % (status, payload[:300]), file=sys.stderr)
        return 1

    def order(c, n):
        t0 = time.perf_counter()
        st, body, _ = c.request("POST", api + "/catalog/offerings/bench-vm/requests", {"answers": {"size": n}}, auth)
        if st != 201:
            raise RuntimeError("order %d: %d %s" % (n, st, body[:200]))
        return json.loads(body)["id"], t0

    # 1. One at a time: what a requester waits.
    single_client, single_server = [], []
    for n in range(args.single):
        request_id, t0 = order(client, n)
        while True:
            st, body, _ = client.request("GET", api + "/requests/" + request_id, None, auth)
            fulfilment = json.loads(body).get("fulfilment") or {}
            if fulfilment.get("status") in ("fulfilled", "blocked"):
                break
            time.sleep(0.005)
        single_client.append((time.perf_counter() - t0) * 1000)
        if fulfilment["status"] != "fulfilled":
            print("single order %d blocked: %s" % (n, fulfilment.get("error")), file=sys.stderr)
    single_server = [float(x) for x in psql(args.schema, """
        select extract(epoch from (f.finished_at - r.created_at)) * 1000 from fulfilment_runs f
        join service_requests r on r.id = f.request_id where f.status = 'fulfilled'""").split()]

    # 2. A burst: N orders at once.
    before = int(psql(args.schema, "select count(*) from fulfilment_runs"))
    local = threading.local()

    def ordered(n):
        # One keep-alive connection per worker thread.
        if not hasattr(local, "client"):
            local.client = Client(args.port, 60)
        return order(local.client, n)

    started = time.perf_counter()
    started_db = psql(args.schema, "select clock_timestamp()")
    with ThreadPoolExecutor(args.connections) as pool:
        futures = [pool.submit(ordered, n) for n in range(args.burst)]
        ids = [f.result()[0] for f in futures]
    submitted = time.perf_counter() - started
    deadline = time.time() + args.wait
    while True:
        done = psql(args.schema, "select count(*) filter (where status = 'fulfilled'), count(*) filter (where status = 'blocked') "
                    "from fulfilment_runs where started_at >= '%s'" % started_db).split("|")
        if int(done[0]) + int(done[1]) >= args.burst or time.time() > deadline:
            break
        time.sleep(0.2)
    all_done = time.perf_counter() - started
    rows = psql(args.schema, """
        select extract(epoch from (f.finished_at - r.created_at)) * 1000, f.status from fulfilment_runs f
        join service_requests r on r.id = f.request_id where f.started_at >= '%s'""" % started_db).splitlines()
    burst_ms = [float(r.split("|")[0]) for r in rows if r.split("|")[1] == "fulfilled"]
    span = psql(args.schema, """select extract(epoch from (max(f.finished_at) - min(r.created_at))) from fulfilment_runs f
        join service_requests r on r.id = f.request_id where f.started_at >= '%s'""" % started_db)
    approvals = approval_phase(args, api, auth, url) if args.approvals > 0 else None
    with calls_lock:
        duplicates = {k: v for k, v in calls.items() if v > 1}
        keys = len(calls)
    result = {
        "single": {"orders": args.single, "client_ms": summary(single_client), "server_ms": summary(single_server)},
        "burst": {"orders": args.burst, "connections": args.connections, "submitted_s": submitted,
                  "all_fulfilled_s": all_done, "server_span_s": float(span or 0),
                  "fulfilled": int(done[0]), "blocked": int(done[1]), "accepted": len(ids),
                  "throughput_per_s": int(done[0]) / float(span) if span and float(span) > 0 else None,
                  "server_ms": summary(burst_ms)},
        "approvals": approvals,
        "calls": {"keys": keys, "expected_keys": 2 * (args.single + args.burst + args.approvals),
                  "keys_called_more_than_once": len(duplicates)},
        "runs_before_burst": before,
    }
    with open(args.out + "/summary.json", "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))
    stub.shutdown()
    return 0


def approval_phase(args, api, auth, url):
    """Orders that wait for an approver, who then decides them all at once."""
    client = Client(args.port, 60)
    email = "approver@%s.bench" % args.slug

    def ok(status, body, what, expected=(200, 201, 204)):
        if status not in expected:
            raise RuntimeError("%s: %d %s" % (what, status, body[:300]))
        return json.loads(body) if body else None

    ok(*client.request("POST", api + "/users", {"email": email, "name": "Bench Approver", "password": "bench-approver-pass-1",
                                                  "roles": ["agent"]}, auth)[:2], "approver")
    approver_id = ok(*client.request("GET", api + "/users?q=approver", None, auth)[:2], "find approver")["items"][0]["id"]
    team = ok(*client.request("POST", api + "/teams", {"key": "APPR", "name": "Bench approvers"}, auth)[:2], "team")["id"]
    ok(*client.request("PUT", api + "/teams/%s/members/%s" % (team, approver_id), {}, auth)[:2], "member")
    import base64
    basic = {"Authorization": "Basic " + base64.b64encode((email + ":bench-approver-pass-1").encode()).decode()}
    token = ok(*client.request("POST", api + "/me/tokens", {"name": "bench"}, basic)[:2], "token")["secret"]
    approver = {"Authorization": "Bearer " + token}
    ok(*client.request("POST", api + "/catalog/offerings", {
        "key": "bench-vm-approved", "name": "Bench approved machine", "category": "Cloud", "team": "OPS",
        "form": [{"key": "size", "label": "Size", "kind": "number", "required": True}],
        "approval": {"stages": [{"name": "Capacity", "approvers": {"kind": "team", "team": "APPR"}, "quorum": "any"}]},
        "fulfilment": {"steps": [
            {"name": "provision", "kind": "automated", "stage": 0, "plannedMinutes": 1,
             "call": {"url": url + "/provision", "body": "{}", "timeoutSeconds": 10, "maxAttempts": 5}},
            {"name": "register", "kind": "automated", "stage": 1, "plannedMinutes": 1,
             "call": {"url": url + "/register", "body": "{}", "timeoutSeconds": 10, "maxAttempts": 5}}]}}, auth)[:2],
       "approved offering")
    local = threading.local()

    def conn():
        if not hasattr(local, "client"):
            local.client = Client(args.port, 60)
        return local.client

    def order(n):
        st, body, _ = conn().request("POST", api + "/catalog/offerings/bench-vm-approved/requests", {"answers": {"size": n}}, auth)
        return ok(st, body, "approved order %d" % n)["approval"]["id"]

    t0 = time.perf_counter()
    with ThreadPoolExecutor(args.connections) as pool:
        approval_ids = list(pool.map(order, range(args.approvals)))
    ordered_s = time.perf_counter() - t0
    list_ms = []
    for _ in range(20):
        t = time.perf_counter()
        waiting = ok(*client.request("GET", api + "/approvals", None, approver)[:2], "waiting list")
        list_ms.append((time.perf_counter() - t) * 1000)
    decided_db = psql(args.schema, "select clock_timestamp()")

    def decide(approval_id):
        t = time.perf_counter()
        st, body, _ = conn().request("POST", api + "/approvals/%s/decision" % approval_id,
                                     {"decision": "approve", "comment": "capacity ok"}, approver)
        ok(st, body, "decision")
        return (time.perf_counter() - t) * 1000

    t0 = time.perf_counter()
    with ThreadPoolExecutor(args.connections) as pool:
        decision_ms = list(pool.map(decide, approval_ids))
    decided_s = time.perf_counter() - t0
    deadline = time.time() + args.wait
    while True:
        done = psql(args.schema, "select count(*) filter (where status = 'fulfilled'), count(*) filter (where status = 'blocked') "
                    "from fulfilment_runs where started_at >= '%s'" % decided_db).split("|")
        if int(done[0]) + int(done[1]) >= args.approvals or time.time() > deadline:
            break
        time.sleep(0.2)
    after = [float(x) for x in psql(args.schema, """
        select extract(epoch from (f.finished_at - a.decided_at)) * 1000 from fulfilment_runs f
        join approvals a on a.subject_id = f.request_id where f.started_at >= '%s' and f.status = 'fulfilled'""" % decided_db).split()]
    return {"orders": args.approvals, "ordered_s": ordered_s, "waiting_listed": len(waiting),
            "waiting_list_ms": summary(list_ms), "decision_ms": summary(decision_ms), "decided_s": decided_s,
            "fulfilled": int(done[0]), "blocked": int(done[1]), "decision_to_fulfilled_ms": summary(after)}


if __name__ == "__main__":
    sys.exit(main())
