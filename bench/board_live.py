#!/usr/bin/env python3
"""Helper of bench/board.sh: live updates to many open boards (issue 4: "live update delivered to 200
open SSE connections within 1 s (p99)").

Opens STREAMS server-sent event streams of GET /t/{slug}/boards/{id}/events with the session cookie
of bench/board_prepare.py (a UI endpoint: session auth), all read by one thread (selectors, raw
sockets, chunked transfer decoded), and waits until every stream has said `id: live` (subscribed).
Then it moves MOVES cards through the API, one every GAP ms, each a different card (the reserved
Tasks BRD-341 ..), each to the column it is not in; it notes when each move request was sent, and
when each stream received its first `event: card` whose data names that card. Delivery latency =
arrival - sent, over all (stream x move); a stream that never receives a move's card event within
WAIT s after the last move counts as missing. Also the move's own response time.

  bench/board_live.py --port P --out DIR [--streams 200] [--moves 50] [--gap-ms 300] [--wait 5]
Writes DIR/live.json and prints a summary line.
"""
import argparse
import http.client
import json
import math
import os
import selectors
import socket
import sys
import threading
import time

from work_seed import psql

FIRST_LIVE = 341


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1]


class Stream:
    """One SSE connection: raw socket, HTTP head parsed once, then the chunked body decoded as it comes."""

    def __init__(self, index, port, path, cookie):
        self.index = index
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAccept: text/event-stream\r\n"
                           "Cache-Control: no-cache\r\nCookie: %s\r\n\r\n" % (path, port, cookie)).encode())
        self.sock.setblocking(False)
        self.raw = b""
        self.head = None
        self.status = None
        self.chunked = False
        self.text = b""          # decoded body not yet split into events
        self.subscribed = None   # monotonic time of "id: live"
        self.first = {}          # card key -> monotonic time of its first card event
        self.events = 0
        self.closed = False

    def feed(self, data, now):
        self.raw += data
        if self.head is None:
            end = self.raw.find(b"\r\n\r\n")
            if end < 0:
                return
            self.head = self.raw[:end].decode(errors="replace")
            self.raw = self.raw[end + 4:]
            self.status = int(self.head.split(" ", 2)[1])
            self.chunked = "transfer-encoding: chunked" in self.head.lower()
        if self.chunked:
            while True:
                nl = self.raw.find(b"\r\n")
                if nl < 0:
                    break
                size = int(self.raw[:nl].split(b";")[0] or b"0", 16)
                if len(self.raw) < nl + 2 + size + 2:
                    break
                self.text += self.raw[nl + 2:nl + 2 + size]
                self.raw = self.raw[nl + 2 + size + 2:]
                if size == 0:
                    self.closed = True
                    break
        else:
            self.text += self.raw
            self.raw = b""
        self.text = self.text.replace(b"\r\n", b"\n")
        while b"\n\n" in self.text:
            block, self.text = self.text.split(b"\n\n", 1)
            self.event(block.decode(errors="replace"), now)

    def event(self, block, now):
        name, data = None, []
        for line in block.split("\n"):
            if line.startswith("id:") and line[3:].strip() == "live" and self.subscribed is None:
                self.subscribed = now
            elif line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip())
        if name == "card":
            self.events += 1
            try:
                key = json.loads("\n".join(data))["key"]
            except (ValueError, KeyError, TypeError):
                return
            self.first.setdefault(key, now)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--streams", type=int, default=200)
    ap.add_argument("--moves", type=int, default=50)
    ap.add_argument("--gap-ms", type=int, default=300)
    ap.add_argument("--wait", type=float, default=5.0)
    args = ap.parse_args()
    info = json.load(open(os.path.join(args.out, "board.json")))
    slug, board, cookie = info["slug"], info["board"], info["cookie"]
    cols = info["columns"]
    secret = info["movers"][0][1]
    keys = ["BRD-%d" % k for k in range(FIRST_LIVE, FIRST_LIVE + args.moves)]
    where = dict(line.split() for line in psql(args.schema, """
        select w.key, s.name = 'In progress' from work_items w join workflow_statuses s on s.id = w.status_id
        where w.key in (%s);""" % ",".join("'%s'" % k for k in keys)).splitlines())

    sel = selectors.DefaultSelector()
    streams = []
    t_open = time.monotonic()
    for i in range(args.streams):
        s = Stream(i, args.port, "/t/%s/boards/%s/events" % (slug, board), cookie)
        streams.append(s)
        sel.register(s.sock, selectors.EVENT_READ, s)
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            for key, _ in sel.select(timeout=0.1):
                s = key.data
                now = time.monotonic()
                try:
                    data = s.sock.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""
                if not data:
                    s.closed = True
                    sel.unregister(s.sock)
                    continue
                s.feed(data, now)

    rt = threading.Thread(target=reader, daemon=True)
    rt.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if all(s.subscribed is not None or s.closed or (s.status and s.status != 200) for s in streams):
            break
        time.sleep(0.05)
    subscribed = [s for s in streams if s.subscribed is not None]
    t_all = max((s.subscribed for s in subscribed), default=t_open) - t_open
    print("  %d of %d streams subscribed in %.2f s%s" % (
        len(subscribed), len(streams), t_all,
        "" if len(subscribed) == len(streams) else "; others: " + ", ".join(sorted({str(s.status) for s in streams if s.subscribed is None}))),
        flush=True)
    if not subscribed:
        stop.set()
        print("no stream subscribed; first answer: %s" % (streams[0].head,), file=sys.stderr)
        return 1
    time.sleep(1.0)

    client = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
    sent, move_ms, move_status = {}, [], {}
    path = "/t/%s/api/v1/boards/%s/moves" % (slug, board)
    for i, key in enumerate(keys):
        target = cols["Backlog"] if where.get(key) == "t" else cols["In progress"]
        body = json.dumps({"item": key, "column": target})
        t0 = time.monotonic()
        sent[key] = t0
        client.request("POST", path, body=body, headers={"Authorization": "Bearer " + secret,
                                                          "Content-Type": "application/json",
                                                          "Accept": "application/json"})
        resp = client.getresponse()
        payload = resp.read()
        move_ms.append((time.monotonic() - t0) * 1000)
        move_status[resp.status] = move_status.get(resp.status, 0) + 1
        if resp.status != 200 and move_status[resp.status] <= 3:
            print("  move %s: HTTP %d %s" % (key, resp.status, payload[:300].decode(errors="replace")), flush=True)
        time.sleep(max(0.0, t0 + args.gap_ms / 1000 - time.monotonic()))
    client.close()
    wait_until = time.monotonic() + args.wait
    while time.monotonic() < wait_until:
        if all(all(k in s.first for k in keys) for s in subscribed if not s.closed):
            break
        time.sleep(0.05)
    stop.set()
    rt.join(2)
    for s in streams:
        try:
            s.sock.close()
        except OSError:
            pass

    latencies, missing, late = [], 0, 0
    per_move = []
    for key in keys:
        lat = []
        for s in subscribed:
            t = s.first.get(key)
            if t is None or t < sent[key]:
                missing += 1
            else:
                lat.append((t - sent[key]) * 1000)
        latencies += lat
        per_move.append({"key": key, "received": len(lat), "p50_ms": percentile(lat, 50), "max_ms": max(lat) if lat else None})
    late = sum(1 for x in latencies if x >= 1000)
    expected = len(subscribed) * len(keys)
    result = {
        "streams": args.streams, "subscribed": len(subscribed), "subscribe_s": round(t_all, 3),
        "moves": len(keys), "gap_ms": args.gap_ms, "move_status": move_status,
        "move_ms": {"p50": percentile(move_ms, 50), "p95": percentile(move_ms, 95), "p99": percentile(move_ms, 99),
                    "max": max(move_ms) if move_ms else None},
        "deliveries_expected": expected, "delivered": len(latencies), "missing": missing, "late_over_1s": late,
        "latency_ms": {"p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
                       "p99": percentile(latencies, 99), "max": max(latencies) if latencies else None,
                       "mean": sum(latencies) / len(latencies) if latencies else None},
        "closed_streams": sum(1 for s in streams if s.closed),
        "card_events_per_stream": {"min": min(s.events for s in subscribed), "max": max(s.events for s in subscribed)},
        "per_move": per_move,
    }
    with open(os.path.join(args.out, "live.json"), "w") as f:
        json.dump(result, f, indent=2)
    l = result["latency_ms"]
    print("  live: %d streams x %d moves: delivered %d of %d (missing %d, over 1 s %d); latency ms p50 %.1f p95 %.1f "
          "p99 %.1f max %.1f; moves %s, move ms p50 %.1f p95 %.1f" % (
              len(subscribed), len(keys), len(latencies), expected, missing, late, l["p50"] or -1, l["p95"] or -1,
              l["p99"] or -1, l["max"] or -1, move_status, result["move_ms"]["p50"], result["move_ms"]["p95"]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
