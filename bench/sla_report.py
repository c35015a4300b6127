#!/usr/bin/env python3
"""Helper of bench/sla.sh: the report figure of issue 6.

Defines an SLA policy over the API (incidents, 24x7, a 4-hour resolution goal), then seeds --clocks
closed incidents and their stored clocks straight in SQL (resolved over the last 12 months, taking
0 to 8 hours, so about half breached), analyses the tables, and times --requests runs of:
  1. the compliance report for the 12 months (by month and policy metric),
  2. the same by team,
  3. the breaches of the last month (at most 1,000 rows),
each as the client sees it (one keep-alive connection). Writes summary.json under --out.
"""
import argparse
import json
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

from stamp import Client, percentile


def psql(schema, sql):
    return subprocess.run(["psql", "-X", "-qAt", "-v", "ON_ERROR_STOP=1", "-c", "set search_path = %s; %s" % (schema, sql)],
                          check=True, capture_output=True, text=True).stdout.strip()


def timed(client, path, auth, n):
    values = []
    status = None
    for _ in range(n):
        t0 = time.perf_counter()
        status, body, _ = client.request("GET", path, None, auth)
        values.append((time.perf_counter() - t0) * 1000)
        if status != 200:
            raise RuntimeError("%s: %d %s" % (path, status, body[:300]))
    return {"count": n, "p50_ms": percentile(values, 50), "p95_ms": percentile(values, 95),
            "max_ms": max(values), "rows": len(json.loads(body))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--slug", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--clocks", type=int, default=1000000)
    ap.add_argument("--requests", type=int, default=20)
    args = ap.parse_args()
    auth = {"Authorization": "Bearer " + args.token}
    api = "/t/%s/api/v1" % args.slug
    client = Client(args.port, 120)

    status, body, _ = client.request("GET", api + "/sla/calendars", None, auth)
    all_day = json.loads(body)[0]["id"]
    status, body, _ = client.request("POST", api + "/sla/policies", {
        "name": "Incidents", "appliesTo": "type = Incident", "calendar": all_day,
        "metrics": [{"key": "resolution", "name": "Time to resolution", "stop": "statusCategory = done",
                     "goals": [{"minutes": 240}]}]}, auth)
    if status != 201:
        print("could not define the policy: %d %s" % (status, body[:300]), file=sys.stderr)
        return 1

    t0 = time.perf_counter()
    psql(args.schema, """
        insert into work_items (id, key, team_id, number, type_id, category, status_id, priority, title, description,
                                assignee_id, reporter_id, labels, due_date, parent_id, fields, created_at, updated_at,
                                status_changed_at, resolved_at, version)
        select gen_random_uuid(), 'SLA-' || g, t.id, g, ty.id, ty.category, st.id, 3, 'Incident ' || g, '',
               null, u.id, '{}', null, null, '{}', x.created, x.created + x.took, x.created + x.took, x.created + x.took, 1
        from generate_series(1, %d) g
             cross join (select id from teams where key = 'OPS') t
             cross join (select id, category from work_types where name = 'Incident') ty
             cross join (select s.id from workflow_statuses s join work_types w on w.id = s.type_id
                         where w.name = 'Incident' and s.name = 'Resolved') st
             cross join (select id from users order by created_at limit 1) u
             cross join lateral (select now() - interval '365 days' * random() - interval '8 hours' as created,
                                        interval '8 hours' * random() + interval '0 seconds' * g as took) x""" % args.clocks)
    psql(args.schema, """
        insert into sla_clocks (item_id, policy_id, metric, item_key, team_id, status, started_at, stopped_at,
                                elapsed_seconds, goal_seconds, due_at, warn_at, warned_at, breached_at, computed_at)
        select i.id, p.id, 'resolution', i.key, i.team_id,
               case when i.resolved_at - i.created_at > interval '4 hours' then 'breached' else 'met' end,
               i.created_at, i.resolved_at, extract(epoch from i.resolved_at - i.created_at)::bigint, 14400, null, null,
               case when i.resolved_at - i.created_at >= interval '3 hours' then i.created_at + interval '3 hours' end,
               case when i.resolved_at - i.created_at > interval '4 hours' then i.created_at + interval '4 hours' end, now()
        from work_items i cross join (select id from sla_policies limit 1) p where i.key like 'SLA-%%'""")
    psql(args.schema, "analyze work_items; analyze sla_clocks;")
    seeded = time.perf_counter() - t0
    count = int(psql(args.schema, "select count(*) from sla_clocks"))

    now = datetime.now(timezone.utc)
    first = (now - timedelta(days=365)).strftime("%Y-%m")
    last = now.strftime("%Y-%m")
    # Warm up once, as a first request after a deploy would not be what people live with.
    client.request("GET", api + "/sla/reports/compliance?from=%s&to=%s" % (first, last), None, auth)
    result = {
        "clocks": count, "seed_s": seeded, "period": [first, last],
        "compliance": timed(client, api + "/sla/reports/compliance?from=%s&to=%s" % (first, last), auth, args.requests),
        "compliance_by_team": timed(client, api + "/sla/reports/compliance?from=%s&to=%s&by=team" % (first, last), auth,
                                    args.requests),
        "breaches_last_month": timed(client, api + "/sla/reports/breaches?from=%s&to=%s" % (last, last), auth, args.requests),
        "plan": psql(args.schema, """explain (analyze, buffers, costs off)
            select to_char(date_trunc('month', c.stopped_at at time zone 'UTC'), 'YYYY-MM'), c.policy_id, c.metric, count(*),
                   percentile_cont(array[0.5, 0.85, 0.95]) within group (order by c.elapsed_seconds)
            from sla_clocks c where c.stopped_at >= now() - interval '365 days' group by 1, 2, 3""").splitlines()[-3:],
    }
    with open(args.out + "/summary.json", "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
