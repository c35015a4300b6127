#!/usr/bin/env python3
"""Helper of bench/work.sh: seeds one stamped tenant with a realistic population, straight in SQL
inside the tenant's schema (psql; connection from the PG* environment variables):

  ~50 agents and ~500 requesters (they sign in with the first admin's password: its hash is copied),
  10 teams with members, ITEMS work items over the teams (keys <TEAM>-<n>, team sequences moved past them),
  all six default types (70 % done, 30 % open), titles and descriptions from an IT vocabulary,
  watchers (reporter + assignee), ~5 history rows per item (created, transitions, comment_added,
  with increasing timestamps and versions consistent with the item) and 2 comments per item on
  average; `item_search.search` is computed exactly as the app computes it (Items.SEARCH_VECTOR: title A,
  description B, live comments C). Real, logged tables; nothing is dropped. VACUUM (ANALYZE) at the end.

The items, their comments, watchers and history are written by one statement per batch of items
(one transaction each), so a batch is all or nothing. A batch whose first key exists is skipped:
re-running with the same tenant resumes where an interrupted seed stopped.

  bench/work_seed.py --schema tenant_x --items 1000000 [--batch 100000] [--jobs 2] --out DIR
Writes DIR/seed.json (rows and rows/s per table, seconds per step) and prints progress.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import subprocess
import sys
import threading
import time

TEAMS = [  # key, name; OPS (IT Operations) exists already: every stamped tenant has it
    ("OPS", "IT Operations"), ("DESK", "Service Desk"), ("NET", "Network"), ("SEC", "Security"),
    ("DBA", "Databases"), ("APP", "Business Applications"), ("CLOUD", "Cloud Platform"),
    ("EUC", "End-User Computing"), ("IAM", "Identity and Access"), ("DATA", "Data and Analytics"),
]
AGENTS = 50
REQUESTERS = 500

FIRST = ("Ada Alan Grace Linus Margaret Dennis Ken Barbara Edsger Donald Frances Radia Tim Vint Hedy Katherine "
         "John Mary Niklaus Sophie Bjarne Guido James Anita Lynn Adele Shafi Leslie Tony Joan").split()
LAST = ("Lovelace Turing Hopper Torvalds Hamilton Ritchie Thompson Liskov Dijkstra Knuth Allen Perlman Lee Cerf "
        "Lamarr Johnson Backus Wirth Wilson Stroustrup Rossum Gosling Borg Conway Goldberg Goldwasser Lamport "
        "Hoare Clarke").split()

# Vocabulary: common words (a few % of items or more) and selective ones (host names, error codes,
# rare products), so that full-text search has both kinds of terms.
VERBS = ("Fix Investigate Upgrade Configure Replace Restore Migrate Patch Reset Install Review Decommission "
         "Monitor Troubleshoot Provision Renew Rotate Document Automate Update").split()
COMPONENTS = ["VPN", "printer", "laptop", "email", "Outlook", "SharePoint", "database", "firewall", "router",
              "switch", "Kubernetes cluster", "backup job", "DNS", "TLS certificate", "load balancer", "Wi-Fi",
              "SSO", "LDAP", "Active Directory", "Jira", "Confluence", "SAP", "payroll system", "CRM", "ERP",
              "storage array", "NAS", "API gateway", "web server", "mail relay", "monitoring", "docking station",
              "monitor", "keyboard", "phone", "Teams", "Zoom", "password", "file share", "proxy"]
PROBLEMS = ["timeout", "outage", "slow response", "login failure", "disk full", "high CPU", "memory leak",
            "error 500", "expired certificate", "permission denied", "packet loss", "sync failure",
            "crash on start", "blue screen", "no connection", "license expired", "quota exceeded",
            "account locked", "data corruption", "latency spike", "failed update", "paper jam", "noisy fan",
            "battery drain", "replication lag"]
RARE = ["kerberos", "mainframe", "plotter", "fibrechannel", "radius", "sftp", "mqseries", "citrix", "hyperv",
        "solaris", "as400", "cobol"]
SITES = ["Berlin", "London", "Paris", "Madrid", "Warsaw", "Dublin", "Vienna", "Zurich", "Oslo", "Lisbon"]
FINDINGS = ["the logs show repeated retries", "the service restarted cleanly", "the disk was at 98 percent",
            "the certificate chain was incomplete", "a config drift was found", "the user cache was stale",
            "the vendor confirmed a known bug", "the patch fixed it in staging", "the network path flaps",
            "no errors since the restart"]
NEXT = ["Will monitor overnight.", "Waiting for the change window.", "Asked the user to retry.",
        "Escalated to the vendor.", "Rolled back the last update.", "Closing if nothing recurs.",
        "Scheduled a follow-up.", "Added a runbook entry."]
LABELS = ["vpn", "hardware", "network", "access", "security", "customer", "sla", "vip", "known-error", "automation"]

# Types: name, weight (per mille), path of statuses from the initial one, index of the first done status.
TYPES = [
    ("Incident", 350, ["Open", "Investigating", "Resolved", "Closed"], 2),
    ("Service request", 250, ["Open", "In progress", "Done"], 2),
    ("Task", 200, ["To do", "In progress", "Done"], 2),
    ("Change", 80, ["Draft", "Awaiting approval", "Scheduled", "Implementing", "Review", "Closed"], 5),
    ("Internal project", 60, ["Backlog", "In progress", "In review", "Done"], 3),
    ("Business project", 60, ["Backlog", "In progress", "In review", "Done"], 3),
]


def lit(values):
    return "array[" + ",".join("'" + v.replace("'", "''") + "'" for v in values) + "]::text[]"


def setup_sql():
    teams = ",".join("('%s','%s')" % t for t in TEAMS)
    return f"""
begin;
-- People: agents and requesters sign in with the first admin's password (its hash is copied).
insert into users (id, email, name, password_hash, roles, created_at, updated_at)
select gen_random_uuid(), format('agent%s@bench.test', lpad(a::text, 3, '0')),
       ({lit(FIRST)})[1 + a % {len(FIRST)}] || ' ' || ({lit(LAST)})[1 + (a / {len(FIRST)} + a) % {len(LAST)}] || ' ' || a,
       (select password_hash from users where 'admin' = any(roles) order by created_at limit 1),
       '{{agent}}', now() - interval '400 days', now() - interval '400 days'
from generate_series(1, {AGENTS}) a
on conflict do nothing;
insert into users (id, email, name, password_hash, roles, created_at, updated_at)
select gen_random_uuid(), format('user%s@bench.test', lpad(r::text, 4, '0')),
       ({lit(FIRST)})[1 + (r * 7) % {len(FIRST)}] || ' ' || ({lit(LAST)})[1 + (r * 11) % {len(LAST)}] || ' ' || r,
       (select password_hash from users where 'admin' = any(roles) order by created_at limit 1),
       '{{requester}}', now() - interval '400 days', now() - interval '400 days'
from generate_series(1, {REQUESTERS}) r
on conflict do nothing;
insert into teams (id, key, name, created_at, updated_at)
select gen_random_uuid(), k, n, now() - interval '400 days', now() - interval '400 days'
from (values {teams}) v(k, n)
on conflict do nothing;
-- Agent n is a member of team (n - 1) % 10 (in the order above); every third agent also of the next team.
with t as (select key, o - 1 as i from unnest({lit([t[0] for t in TEAMS])}) with ordinality u(key, o)),
     a as (select id, substr(email, 6, 3)::int as n from users where email like 'agent%@bench.test')
insert into team_members (team_id, user_id)
select tm.id, a.id from a join t on t.i = (a.n - 1) % 10 or (a.n % 3 = 0 and t.i = a.n % 10)
     join teams tm on tm.key = t.key
on conflict do nothing;
commit;
"""


def batch_sql(lo, hi, total, t_end):
    types = ",".join("(%d,'%s',%d,%s,%d)" % (i + 1, name, w, lit(path), done)
                     for i, (name, w, path, done) in enumerate(TYPES))
    cum, bounds = 0, []
    for i, (_, w, _, _) in enumerate(TYPES):
        cum += w
        bounds.append("when r_type * 1000 < %d then %d" % (cum, i + 1))
    nteams = len(TEAMS)
    return f"""
set synchronous_commit = off;
set work_mem = '64MB';
with
p as materialized (
    select (select array_agg(id order by email) from users where email like 'agent%@bench.test') as agents,
           (select array_agg(id order by email) from users where email like 'user%@bench.test') as requesters,
           (select array_agg(id order by k.i) from unnest({lit([t[0] for t in TEAMS])}) with ordinality k(key, i)
                   join teams on teams.key = k.key) as team_ids,
           {lit([t[0] for t in TEAMS])} as team_keys,
           {lit(VERBS)} as verbs, {lit(COMPONENTS)} as comps, {lit(PROBLEMS)} as probs, {lit(RARE)} as rare,
           {lit(SITES)} as sites, {lit(FINDINGS)} as findings, {lit(NEXT)} as nexts, {lit(LABELS)} as labels,
           timestamptz '{t_end}' as t_end),
tp as materialized (
    select v.idx, wt.id as type_id, wt.category, v.path, v.done_from,
           array(select s.id from unnest(v.path) with ordinality x(name, o)
                 join workflow_statuses s on s.type_id = wt.id and s.name = x.name order by x.o) as path_ids
    from (values {types}) v(idx, name, weight, path, done_from) join work_types wt on wt.name = v.name),
g as materialized (
    select g, random() as r_type, random() as r_done, random() as r_stat, random() as r_span, random() as r_prio,
           random() as r_asg, random() as r_rep, random() as r_lab, random() as r_due, random() as r_jit,
           random() as r_v, random() as r_c, random() as r_pr, random() as r_h, random() as r_e, random() as r_rare,
           random() as r_site, random() as r_d1, random() as r_d2
    from generate_series({lo}, {hi}) g),
i0 as materialized (
    select g.*, case {' '.join(bounds)} else 1 end as type_idx,
           (g - 1) % {nteams} + 1 as team_idx, (g - 1) / {nteams} + 1 as number,
           -- created over the last year, in key order, with a little jitter
           p.t_end - interval '365 days' * (1 - (g::float8 / {total})) - interval '1 hour' * r_jit * 12 as created_at,
           r_done < case when g <= {total} * 0.92 then 0.72 else 0.47 end as done,
           (g % 5) as ncomments,
           'srv' || lpad(floor(r_h * 2000)::text, 4, '0') as host,
           'e' || (1000 + floor(r_e * 9000))::int as errcode
    from g, p),
i1 as materialized (
    select i0.*, tp.type_id, tp.category, tp.path, tp.path_ids, tp.done_from,
           case when done then tp.done_from + floor(r_stat * (array_length(tp.path, 1) - tp.done_from))::int
                else floor(r_stat * tp.done_from)::int end as s,
           least(case when done then interval '1 hour' + interval '20 days' * r_span * r_span
                      else interval '10 minutes' + interval '5 days' * r_span end,
                 p.t_end - created_at) as span,
           p.team_ids[team_idx] as team_id, p.team_keys[team_idx] || '-' || number as key,
           -- an agent of the item's team (agent n is in team (n - 1) % 10)
           case when done or r_asg < 0.85 then p.agents[team_idx + 10 * floor(r_asg * 5)::int] end as assignee_id,
           case when r_rep < 0.7 then p.requesters[1 + floor(r_rep / 0.7 * array_length(p.requesters, 1))::int]
                else p.agents[1 + floor((r_rep - 0.7) / 0.3 * array_length(p.agents, 1))::int] end as reporter_id,
           case when r_prio < 0.05 then 1 when r_prio < 0.20 then 2 when r_prio < 0.70 then 3
                when r_prio < 0.90 then 4 else 5 end as priority,
           left(p.verbs[1 + floor(r_v * array_length(p.verbs, 1))::int] || ' '
                || p.comps[1 + floor(r_c * array_length(p.comps, 1))::int] || ' '
                || p.probs[1 + floor(r_pr * array_length(p.probs, 1))::int]
                || case when r_h < 0.3 then ' on ' || host else '' end
                || case when r_rare < 0.01 then ' (' || p.rare[1 + floor(r_rare * 100 * array_length(p.rare, 1))::int] || ')' else '' end, 255) as title,
           'Users in ' || p.sites[1 + floor(r_site * array_length(p.sites, 1))::int] || ' report '
                || p.probs[1 + floor(r_d1 * array_length(p.probs, 1))::int] || ' with the '
                || p.comps[1 + floor(r_c * array_length(p.comps, 1))::int] || ' since this morning. '
                || 'Affected host ' || host || ', error code ' || errcode || '. '
                || 'First check: ' || p.findings[1 + floor(r_d2 * array_length(p.findings, 1))::int] || '. '
                || case when r_rare < 0.02 then 'Also involves ' || p.rare[1 + floor(r_rare * 50 * array_length(p.rare, 1))::int] || '. ' else '' end
                || p.nexts[1 + floor(r_d1 * array_length(p.nexts, 1))::int] as description,
           case when r_lab < 0.4 then '{{}}'::text[]
                when r_lab < 0.8 then array[p.labels[1 + floor(r_lab * 1000)::int % array_length(p.labels, 1)]]
                else array[p.labels[1 + floor(r_lab * 1000)::int % array_length(p.labels, 1)],
                           p.labels[1 + floor(r_lab * 10000)::int % array_length(p.labels, 1)]] end as labels,
           case when r_due < 0.1 then (created_at + interval '14 days')::date end as due_date
    from i0 join tp on tp.idx = i0.type_idx, p),
i as materialized (
    select gen_random_uuid() as id, i1.*, created_at + span as updated_at,
           case when s > 0 then created_at + span else created_at end as status_changed_at,
           case when s >= done_from then created_at + span * (done_from::float8 / s) end as resolved_at
    from i1),
-- comments: comment j of c at fraction j/(c+1) of the item's life (j/c when it never moved: the last touched it)
c as materialized (
    select gen_random_uuid() as cid, i.id as item_id, j,
           case when j % 2 = 0 then i.assignee_id else null end as author0, i.reporter_id,
           i.created_at + i.span * (j::float8 / case when i.s > 0 then i.ncomments + 1 else i.ncomments end) as at,
           floor(j::float8 * i.s / (i.ncomments + 1))::int as version,
           case when j % 2 = 1 then 'Checked the ' || p.comps[1 + (j * 7 + floor(i.r_c * 40)::int) % array_length(p.comps, 1)]
                   || ': ' || p.findings[1 + (j + floor(i.r_d2 * 10)::int) % array_length(p.findings, 1)] || '. '
                   || p.nexts[1 + (j * 3 + floor(i.r_d1 * 8)::int) % array_length(p.nexts, 1)]
                else 'Still seeing ' || p.probs[1 + (j * 5 + floor(i.r_pr * 25)::int) % array_length(p.probs, 1)]
                   || ' on ' || i.host || ' (' || i.errcode || '). Any update?' end as body
    from i cross join lateral generate_series(1, i.ncomments) j, p),
ca as (select item_id, string_agg(body, ' ' order by j) as bodies from c group by item_id),
ins_items as (
    insert into work_items (id, key, team_id, number, type_id, category, status_id, priority, title, description,
                            assignee_id, reporter_id, labels, due_date, parent_id, fields, created_at, updated_at,
                            status_changed_at, resolved_at, version)
    select i.id, i.key, i.team_id, i.number, i.type_id, i.category, i.path_ids[i.s + 1], i.priority, i.title,
           i.description, i.assignee_id, i.reporter_id, i.labels, i.due_date, null, '{{}}'::jsonb, i.created_at,
           i.updated_at, i.status_changed_at, i.resolved_at, i.s
    from i
    returning 1),
ins_search as (
    insert into item_search (item_id, created_at, search)
    select i.id, i.created_at, setweight(to_tsvector('english', i.title), 'A')
                 || setweight(to_tsvector('english', i.description), 'B')
                 || setweight(to_tsvector('english', coalesce(ca.bodies, '')), 'C')
    from i left join ca on ca.item_id = i.id
    returning 1),
ins_comments as (
    insert into item_comments (id, item_id, author_id, body, created_at, updated_at, version)
    select cid, item_id, coalesce(author0, reporter_id), body, at, at, 0 from c
    returning 1),
ins_watchers as (
    insert into item_watchers (item_id, user_id, added_at)
    select id, reporter_id, created_at from i
    union all
    select id, assignee_id, created_at from i where assignee_id is not null and assignee_id <> reporter_id
    returning 1),
ins_history as (
    insert into item_history (item_id, at, actor_id, version, kind, field, old_value, new_value, old_text, new_text)
    select id, created_at, reporter_id, 0, 'created', 'status', null, to_jsonb(path_ids[1]::text), null, path[1] from i
    union all
    select i.id, i.created_at + i.span * (k::float8 / i.s), coalesce(i.assignee_id, i.reporter_id), k, 'transition',
           'status', to_jsonb(i.path_ids[k]::text), to_jsonb(i.path_ids[k + 1]::text), i.path[k], i.path[k + 1]
    from i cross join lateral generate_series(1, i.s) k
    union all
    select item_id, at, coalesce(author0, reporter_id), version, 'comment_added', 'comment', null,
           to_jsonb(cid::text), null, body from c
    returning 1)
select (select count(*) from ins_items), (select count(*) from ins_comments), (select count(*) from ins_watchers),
       (select count(*) from ins_history);
"""


def counters_sql():
    # Each team's item numbers come from its own sequence (ADR 0007): move it past the seeded numbers.
    return """
select setval(('item_number_' || replace(team_id::text, '-', ''))::regclass, max(number))
from work_items group by team_id;
"""


def psql(schema, sql, timeout=None):
    env = dict(os.environ, PGOPTIONS="-c search_path=%s" % schema)
    r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", " ", "-v", "ON_ERROR_STOP=1", "-f", "-"],
                       input=sql, capture_output=True, text=True, env=env, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError("psql failed (%d): %s" % (r.returncode, r.stderr.strip()[-2000:]))
    return r.stdout.strip()


def key_of(g):
    return "%s-%d" % (TEAMS[(g - 1) % len(TEAMS)][0], (g - 1) // len(TEAMS) + 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema", required=True)
    ap.add_argument("--items", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2, help="batches written at the same time")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    schema = args.schema
    t_end = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    steps, rows = {}, {"users": 0, "teams": 0, "team_members": 0, "work_items": 0, "item_comments": 0,
                       "item_watchers": 0, "item_history": 0}
    wall0 = time.perf_counter()

    def timed(name, fn):
        t = time.perf_counter()
        out = fn()
        steps[name] = round(time.perf_counter() - t, 3)
        print("  %-10s %.1f s" % (name, steps[name]), flush=True)
        return out

    before = psql(schema, "select (select count(*) from users), (select count(*) from teams), "
                          "(select count(*) from team_members);").split()
    timed("people", lambda: psql(schema, setup_sql()))
    after = psql(schema, "select (select count(*) from users), (select count(*) from teams), "
                         "(select count(*) from team_members);").split()
    for k, b, a in zip(("users", "teams", "team_members"), before, after):
        rows[k] = int(a) - int(b)

    batches = [(lo, min(lo + args.batch - 1, args.items)) for lo in range(1, args.items + 1, args.batch)]
    lock = threading.Lock()
    done = [0]
    items_t0 = time.perf_counter()

    def run(b):
        lo, hi = b
        exists = psql(schema, "select exists (select 1 from work_items where key = '%s');" % key_of(lo))
        if exists == "t":
            with lock:
                done[0] += 1
                print("  batch %d-%d: already there, skipped" % (lo, hi), flush=True)
            return None
        t = time.perf_counter()
        out = psql(schema, batch_sql(lo, hi, args.items, t_end))
        counts = [int(x) for x in out.split()[-4:]]
        with lock:
            done[0] += 1
            for k, n in zip(("work_items", "item_comments", "item_watchers", "item_history"), counts):
                rows[k] += n
            el = time.perf_counter() - items_t0
            print("  batch %d-%d: %d items, %d comments, %d watchers, %d history in %.1f s "
                  "(%d/%d batches, %.0f s so far, %.0f items/s overall)" % (
                      lo, hi, *counts, time.perf_counter() - t, done[0], len(batches), el,
                      rows["work_items"] / el if el else 0), flush=True)
        return counts

    t = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for f in [pool.submit(run, b) for b in batches]:
            f.result()
    steps["items"] = round(time.perf_counter() - t, 3)
    print("  %-10s %.1f s" % ("items", steps["items"]), flush=True)
    timed("counters", lambda: psql(schema, counters_sql()))
    timed("vacuum_analyze", lambda: psql(schema, "set maintenance_work_mem = '256MB'; vacuum (analyze);"))
    total = time.perf_counter() - wall0
    sizes = psql(schema, """select c.relname, pg_total_relation_size(c.oid) from pg_class c
                            where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
                            order by 2 desc limit 8;""")
    final = psql(schema, "select (select count(*) from work_items), (select count(*) from item_history), "
                         "(select count(*) from item_comments), (select count(*) from item_watchers), "
                         "(select count(*) from users), (select count(*) from teams), "
                         "(select round(avg((s.phase = 'done')::int), 3) from work_items w "
                         "join workflow_statuses s on s.id = w.status_id);").split()
    result = {
        "schema": schema, "items_requested": args.items, "batch": args.batch, "jobs": args.jobs,
        "steps_s": steps, "total_s": round(total, 3), "rows_written": rows,
        # Items, comments, watchers and history are written by the same statements: each table's rate is
        # its rows over the wall time of the items step.
        "rows_per_s": {k: round(v / steps["items"]) for k, v in rows.items()
                       if k in ("work_items", "item_comments", "item_watchers", "item_history") and steps["items"]},
        "all_rows_per_s": round(sum(rows.values()) / total),
        "tenant_rows": dict(zip(("work_items", "item_history", "item_comments", "item_watchers", "users", "teams"),
                                map(int, final[:6]))),
        "done_share": float(final[6]) if len(final) > 6 else None,
        "table_bytes": {l.split()[0]: int(l.split()[1]) for l in sizes.splitlines() if l.strip()},
    }
    with open(os.path.join(args.out, "seed.json"), "w") as f:
        json.dump(result, f, indent=2)
    print("seed: %d items, %d history, %d comments in %.1f s (items step %.1f s: %s rows/s)" % (
        rows["work_items"], rows["item_history"], rows["item_comments"], total, steps["items"],
        ", ".join("%s %d" % kv for kv in result["rows_per_s"].items())), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
