#!/usr/bin/env python3
"""Helper of bench/work.sh: after the seed, gives AGENTS agents an API token each
(POST /t/{slug}/api/v1/me/tokens, HTTP Basic; the seeded agents have the first admin's password)
and writes the request lists that bench/work.lua draws from, one "<secret> <rest>" per line:

  get.txt     random existing keys                      (any agent's token)
  create.txt  a team of the agent                       (Incidents are created in the agent's teams)
  patch.txt   open items of the agent's teams           (agents may change their teams' items)
  filter.txt  /items?q=category = unplanned AND status = Investigating AND assignee = "<agent>"&limit=50
  search.txt  /items?q=text ~ "<word>"&limit=50         (selective and common words)

and probes the query endpoint once per list kind: probe.json {"filter": status, "search": status}.
Database access with psql (PG* environment variables), HTTP to 127.0.0.1 only.

  bench/work_prepare.py --port P --slug S --schema SCHEMA --out DIR [--agents 8] [--keys 20000]
"""
import argparse
import base64
import json
import os
import random
import sys
import urllib.parse

from stamp import PASSWORD, Client
from work_seed import psql

# Full-text search terms: selective ones (a host, an error code: ~0.05 % of items; rare products:
# ~0.1 %) and common ones (a component or a problem: 3-10 % of items; "users": every item).
SELECTIVE = ["srv0421", "srv1337", "srv0007", "srv1999", "e4711", "e1234", "e9001", "kerberos", "mainframe",
             "citrix"]
COMMON = ["printer", "vpn", "outage", "timeout", "password", "firewall", "backup", "users"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--slug", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--agents", type=int, default=8)
    ap.add_argument("--keys", type=int, default=20000)
    args = ap.parse_args()
    schema, slug, out = args.schema, args.slug, args.out
    client = Client(args.port, 60)

    agents = psql(schema, """select u.email, string_agg(t.key, ',' order by t.key)
                             from users u join team_members m on m.user_id = u.id join teams t on t.id = m.team_id
                             where u.email like 'agent%%@bench.test' group by u.email order by u.email limit %d;"""
                  % args.agents).splitlines()
    if not agents:
        print("no seeded agents in %s: seed first" % schema, file=sys.stderr)
        return 1
    tokens = []  # (email, secret, [team keys])
    for line in agents:
        email, teams = line.split()
        basic = base64.b64encode(("%s:%s" % (email, PASSWORD)).encode()).decode()
        status, payload, _ = client.request("POST", "/t/%s/api/v1/me/tokens" % slug, {"name": "bench work"},
                                            {"Authorization": "Basic " + basic})
        if status != 201:
            print("token for %s: HTTP %d %s" % (email, status, payload[:300].decode(errors="replace")), file=sys.stderr)
            return 1
        tokens.append((email, json.loads(payload)["secret"], teams.split(",")))
    print("  %d agent tokens" % len(tokens), flush=True)

    keys = psql(schema, "select key from work_items order by random() limit %d;" % args.keys).split()
    random.shuffle(keys)
    with open(os.path.join(out, "get.txt"), "w") as f:
        for i, k in enumerate(keys):
            f.write("%s %s\n" % (tokens[i % len(tokens)][1], k))
    with open(os.path.join(out, "create.txt"), "w") as f:
        for _, secret, teams in tokens:
            for t in teams:
                f.write("%s %s\n" % (secret, t))
    n_patch = 0
    with open(os.path.join(out, "patch.txt"), "w") as f:
        for _, secret, teams in tokens:
            open_keys = psql(schema, """select w.key from work_items w join workflow_statuses s on s.id = w.status_id
                                        join teams t on t.id = w.team_id
                                        where s.phase <> 'done' and t.key in (%s)
                                        order by random() limit %d;""" % (
                ",".join("'%s'" % t for t in teams), max(100, args.keys // len(tokens)))).split()
            for k in open_keys:
                f.write("%s %s\n" % (secret, k))
            n_patch += len(open_keys)
    all_agents = psql(schema, "select email from users where email like 'agent%@bench.test' order by email;").split()
    base = "/t/%s/api/v1/items?" % slug

    def path(q):
        return base + urllib.parse.urlencode({"q": q, "limit": 50}, quote_via=urllib.parse.quote)

    with open(os.path.join(out, "filter.txt"), "w") as f:
        for _, secret, _ in tokens:
            for a in all_agents:
                f.write("%s %s\n" % (secret, path('category = unplanned AND status = Investigating AND assignee = "%s"' % a)))
    with open(os.path.join(out, "search.txt"), "w") as f:
        for _, secret, _ in tokens:
            for w in SELECTIVE + COMMON:
                f.write("%s %s\n" % (secret, path('text ~ "%s"' % w)))
    print("  lists: %d keys, %d open items to patch, %d filter and %d search queries" % (
        len(keys), n_patch, len(tokens) * len(all_agents), len(tokens) * (len(SELECTIVE) + len(COMMON))), flush=True)

    # Does the query language answer yet? One request of each kind.
    probe = {}
    auth = {"Authorization": "Bearer " + tokens[0][1]}
    for kind, p in (("filter", path('category = unplanned AND status = Investigating AND assignee = "%s"' % all_agents[0])),
                    ("search", path('text ~ "%s"' % COMMON[0]))):
        status, payload, elapsed = client.request("GET", p, None, auth)
        probe[kind] = {"status": status, "seconds": round(elapsed, 4), "body": payload[:300].decode(errors="replace")}
        if status == 200:
            try:
                body = json.loads(payload)
                probe[kind]["rows"] = len(body.get("items", [])) if isinstance(body, dict) else None
            except ValueError:
                pass
    with open(os.path.join(out, "probe.json"), "w") as f:
        json.dump(probe, f, indent=2)
    client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
