#!/usr/bin/env python3
"""Helper of bench/board.sh: the board of issue 4 on a tenant seeded by bench/work.sh.

  seed      a team BRD ("Board bench") with OPEN open items (default 2,000) spread over the statuses
            of its board's Backlog / In progress / Waiting columns (all six types, so all four
            categories), some assigned to a handful of agents, some blocked (item_blocks), some
            Tasks under a project (parent), and DONE finished items (default 20,000) resolved over
            the last year (about 4 % of them within the board's 14-day done window). Written in
            SQL into the tenant schema, in one transaction; skipped when the team has items already.
            The first RESERVED open items (BRD-1 .. BRD-400) are unblocked Tasks in "To do": the
            cards that the move and live phases move back and forth.
  setup     agent tokens (HTTP Basic, like bench/work_prepare.py), an admin token, the team's board
            (GET /boards/team/BRD creates it), its settings reset (no swimlanes, no WIP limits), a
            session cookie (the sign-in form with its CSRF token, as a browser does), and the request
            lists: cards.txt, page.txt; writes board.json.
  movers    movers.txt: per mover (agent token) its own cards and the column each is in now.
  lanes     PUT the board's swimlanes (category / none), limits off.

Database access with psql (PG* environment variables), HTTP to 127.0.0.1 only.

  bench/board_prepare.py seed --schema S --out DIR [--open 2000] [--done 20000]
  bench/board_prepare.py setup --port P --slug S --schema S --out DIR [--movers 8]
  bench/board_prepare.py movers --schema S --out DIR [--per-mover 25]
  bench/board_prepare.py lanes --port P --slug S --out DIR --swimlanes category|none
"""
import argparse
import base64
import datetime
import http.client
import json
import os
import random
import re
import sys
import time
import urllib.parse

from stamp import PASSWORD, Client
from work_seed import COMPONENTS, PROBLEMS, VERBS, psql

TEAM = "BRD"
TEAM_NAME = "Board bench"
RESERVED = 400          # BRD-1 .. BRD-400: unblocked Tasks in "To do", moved by the bench
LIVE_CARDS = 60         # of them, the last 60 (BRD-341 .. BRD-400) are moved by the live phase
MEMBERS = 12            # agent001 .. agent012 join the team; the first --movers of them move cards
ASSIGNEES = 6           # open work is assigned to agent001 .. agent006 (or nobody)

# Open work: type, weight, its statuses before done (the board's Backlog / In progress / Waiting).
OPEN_TYPES = [
    ("Incident", 30, ["Open", "Investigating", "Waiting for customer"]),
    ("Service request", 20, ["Open", "In progress"]),
    ("Task", 20, ["To do", "In progress"]),
    ("Change", 12, ["Draft", "Awaiting approval", "Scheduled", "Implementing", "Review"]),
    ("Internal project", 9, ["Backlog", "In progress", "In review"]),
    ("Business project", 9, ["Backlog", "In progress", "In review"]),
]
DONE_STATUSES = {"Incident": ["Resolved", "Closed"], "Service request": ["Done"], "Task": ["Done"],
                 "Change": ["Closed", "Rejected"], "Internal project": ["Done"], "Business project": ["Done"]}
BLOCK_REASONS = ["Waiting for the vendor's patch", "Needs a change window", "Waiting for the customer's answer",
                 "Blocked by the firewall change", "Licence order pending", "Waiting for hardware delivery"]


def weighted(rng, table):
    total = sum(w for _, w, _ in table)
    x = rng.uniform(0, total)
    for row in table:
        x -= row[1]
        if x <= 0:
            return row
    return table[-1]


def csv_field(v):
    if v is None:
        return ""
    s = str(v)
    return '"' + s.replace('"', '""') + '"'


def seed(args):
    schema = args.schema
    team = psql(schema, "select count(*) from work_items w join teams t on t.id = w.team_id where t.key = '%s';" % TEAM)
    if team and int(team) > 0:
        counts = psql(schema, """select count(*) filter (where w.resolved_at is null), count(*) filter (where w.resolved_at is not null)
                                 from work_items w join teams t on t.id = w.team_id where t.key = '%s';""" % TEAM).split()
        print("team %s has %s open and %s finished items already: seed skipped" % (TEAM, counts[0], counts[1]), flush=True)
        return {"skipped": True, "open": int(counts[0]), "done": int(counts[1])}
    agents = psql(schema, "select count(*) from users where email like 'agent%@bench.test';")
    if int(agents or 0) < MEMBERS:
        raise SystemExit("the tenant has %s seeded agents: seed it with bench/work.sh first" % agents)
    rng = random.Random(4)
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    rows, blocks = [], []
    # number, type, status, priority, title, description, assignee (1..ASSIGNEES or 0), reporter (1..500 or 0),
    # created_at, status_changed_at, resolved_at, due_date, parent number
    projects = []
    for n in range(1, args.open + 1):
        if n <= RESERVED:
            tname, statuses = "Task", ["To do"]
        else:
            tname, _, statuses = weighted(rng, OPEN_TYPES)
        status = statuses[rng.randrange(len(statuses))]
        created = now - datetime.timedelta(days=rng.uniform(0.1, 90))
        changed = created if status == statuses[0] and n > RESERVED else created + (now - created) * rng.uniform(0, 1)
        if n <= RESERVED:
            changed = created
        assignee = 0 if rng.random() < 0.3 else rng.randint(1, ASSIGNEES)
        due = (created + datetime.timedelta(days=14)).date() if rng.random() < 0.15 else None
        if tname in ("Internal project", "Business project"):
            projects.append(n)
        rows.append([n, tname, status, rng.choice([1, 2, 3, 3, 3, 4, 4, 5]), title(rng), description(rng),
                     assignee, rng.randint(1, 500), created.isoformat(), changed.isoformat(), None, due, None])
        if n > RESERVED and rng.random() < 0.08:
            waiting = rng.random()
            blocks.append([n, rng.choice(BLOCK_REASONS), rng.randint(1, 50) if waiting < 0.3 else 0,
                           1 if 0.3 <= waiting < 0.5 else 0, (changed + (now - changed) * rng.uniform(0, 1)).isoformat(),
                           None])
        if rng.random() < 0.03:  # an earlier block, now closed
            at = created + (now - created) * rng.uniform(0, 0.5)
            blocks.append([n, rng.choice(BLOCK_REASONS), 0, 0, at.isoformat(),
                           (at + datetime.timedelta(hours=rng.uniform(1, 72))).isoformat()])
    for row in rows:  # a fifth of the Tasks belong to a project
        if row[1] == "Task" and projects and rng.random() < 0.2:
            row[12] = rng.choice(projects)
    for n in range(args.open + 1, args.open + args.done + 1):
        tname, _, _ = weighted(rng, OPEN_TYPES)
        resolved = now - datetime.timedelta(days=rng.uniform(0, 365))
        created = resolved - datetime.timedelta(hours=rng.uniform(1, 24 * 30))
        rows.append([n, tname, rng.choice(DONE_STATUSES[tname]), rng.choice([1, 2, 3, 3, 3, 4, 4, 5]), title(rng),
                     description(rng), 0 if rng.random() < 0.05 else rng.randint(1, ASSIGNEES), rng.randint(1, 500),
                     created.isoformat(), resolved.isoformat(), resolved.isoformat(), None, None])
    members = ",".join("'agent%03d@bench.test'" % i for i in range(1, MEMBERS + 1))
    lines = [
        "set synchronous_commit = off;",
        "begin;",
        "insert into teams (id, key, name, created_at, updated_at) values (gen_random_uuid(), '%s', '%s', "
        "timestamptz '%s' - interval '400 days', timestamptz '%s' - interval '400 days') on conflict do nothing;"
        % (TEAM, TEAM_NAME, now.isoformat(), now.isoformat()),
        "insert into team_members (team_id, user_id) select t.id, u.id from teams t, users u where t.key = '%s' "
        "and u.email in (%s) on conflict do nothing;" % (TEAM, members),
        "create temp table brd_rows (number bigint, type_name text, status_name text, priority smallint, title text, "
        "description text, assignee int, reporter int, created_at timestamptz, status_changed_at timestamptz, "
        "resolved_at timestamptz, due_date date, parent bigint) on commit drop;",
        "create temp table brd_blocks (number bigint, reason text, waiting_user int, waiting_team int, "
        "blocked_at timestamptz, unblocked_at timestamptz) on commit drop;",
        "copy brd_rows from stdin with (format csv);",
    ]
    lines += [",".join(csv_field(v) for v in r) for r in rows]
    lines.append("\\.")
    lines.append("copy brd_blocks from stdin with (format csv);")
    lines += [",".join(csv_field(v) for v in b) for b in blocks]
    lines.append("\\.")
    lines.append("""
with p as materialized (
    select (select id from teams where key = '%(team)s') as team_id,
           (select array_agg(id order by email) from users where email like 'agent%%@bench.test') as agents,
           (select array_agg(id order by email) from users where email like 'user%%@bench.test') as requesters),
r as materialized (
    select b.*, gen_random_uuid() as id, wt.id as type_id, wt.category, s.id as status_id, s.initial, s.position,
           (select i.id from workflow_statuses i where i.type_id = wt.id and i.initial) as initial_id
    from brd_rows b join work_types wt on wt.name = b.type_name
    join workflow_statuses s on s.type_id = wt.id and s.name = b.status_name),
ins as (
    insert into work_items (id, key, team_id, number, type_id, category, status_id, priority, title, description,
                            assignee_id, reporter_id, labels, due_date, parent_id, fields, created_at, updated_at,
                            status_changed_at, resolved_at, version)
    select r.id, '%(team)s-' || r.number, p.team_id, r.number, r.type_id, r.category, r.status_id, r.priority, r.title,
           r.description, case when r.assignee > 0 then p.agents[r.assignee] end,
           coalesce(p.requesters[r.reporter], p.agents[1 + r.reporter %% 50]),
           case when r.number %% 3 = 0 then array['bench'] else '{}'::text[] end, r.due_date, null, '{}'::jsonb,
           r.created_at, r.status_changed_at, r.status_changed_at, r.resolved_at, case when r.initial then 0 else 1 end
    from r, p
    returning 1),
hist as (
    insert into item_history (item_id, at, actor_id, version, kind, field, old_value, new_value, old_text, new_text)
    select r.id, r.created_at, coalesce(p.requesters[r.reporter], p.agents[1]), 0, 'created', 'status', null,
           to_jsonb(r.initial_id::text), null, (select name from workflow_statuses where id = r.initial_id) from r, p
    union all
    select r.id, r.status_changed_at, coalesce(case when r.assignee > 0 then p.agents[r.assignee] end, p.agents[1]), 1,
           'transition', 'status', to_jsonb(r.initial_id::text), to_jsonb(r.status_id::text),
           (select name from workflow_statuses where id = r.initial_id), r.status_name
    from r, p where not r.initial
    returning 1),
srch as (
    insert into item_search (item_id, created_at, search)
    select r.id, r.created_at, setweight(to_tsvector('english', r.title), 'A')
                               || setweight(to_tsvector('english', r.description), 'B') from r
    returning 1),
watch as (
    insert into item_watchers (item_id, user_id, added_at)
    select r.id, coalesce(p.requesters[r.reporter], p.agents[1 + r.reporter %% 50]), r.created_at from r, p
    returning 1)
select (select count(*) from ins), (select count(*) from hist), (select count(*) from srch), (select count(*) from watch);
update work_items c set parent_id = p.id
from brd_rows b join work_items p on p.key = '%(team)s-' || b.parent
where b.parent is not null and c.key = '%(team)s-' || b.number;
insert into item_blocks (id, item_id, reason, waiting_on_user, waiting_on_team, blocked_at, blocked_by, unblocked_at, unblocked_by)
select gen_random_uuid(), i.id, b.reason,
       case when b.waiting_user > 0 then (select id from users where email = format('agent%%s@bench.test', lpad(b.waiting_user::text, 3, '0'))) end,
       case when b.waiting_team > 0 then (select id from teams where key = 'OPS') end,
       b.blocked_at, i.assignee_id, b.unblocked_at, case when b.unblocked_at is not null then i.assignee_id end
from brd_blocks b join work_items i on i.key = '%(team)s-' || b.number;
select setval(('item_number_' || replace(id::text, '-', ''))::regclass, %(last)d) from teams where key = '%(team)s';
commit;
analyze work_items; analyze item_blocks; analyze item_history; analyze item_search; analyze item_watchers;
""" % {"team": TEAM, "last": args.open + args.done})
    t = time.perf_counter()
    out = psql(schema, "\n".join(lines) + "\n")
    seconds = time.perf_counter() - t
    counts = psql(schema, """select count(*) filter (where w.resolved_at is null), count(*) filter (where w.resolved_at is not null),
                                    count(*) filter (where w.resolved_at >= now() - interval '14 days'),
                                    count(*) filter (where w.resolved_at is null and w.assignee_id is not null),
                                    count(*) filter (where w.parent_id is not null),
                                    (select count(*) from item_blocks b join work_items x on x.id = b.item_id
                                     join teams y on y.id = x.team_id where y.key = '%s' and b.unblocked_at is null)
                             from work_items w join teams t on t.id = w.team_id where t.key = '%s';""" % (TEAM, TEAM)).split()
    result = {"skipped": False, "seconds": round(seconds, 1), "open": int(counts[0]), "done": int(counts[1]),
              "done_in_14_days": int(counts[2]), "open_assigned": int(counts[3]), "with_parent": int(counts[4]),
              "blocked_now": int(counts[5]), "psql": out.split()[-4:] if out else []}
    print("seeded team %s in %.1f s: %d open (%d assigned, %d blocked), %d finished (%d within 14 days), %d with a parent"
          % (TEAM, seconds, result["open"], result["open_assigned"], result["blocked_now"], result["done"],
             result["done_in_14_days"], result["with_parent"]), flush=True)
    return result


def title(rng):
    return "%s %s %s" % (rng.choice(VERBS), rng.choice(COMPONENTS), rng.choice(PROBLEMS))


def description(rng):
    return "Board bench item: %s with the %s, host srv%04d." % (rng.choice(PROBLEMS), rng.choice(COMPONENTS),
                                                                 rng.randrange(2000))


def basic(email):
    return "Basic " + base64.b64encode(("%s:%s" % (email, PASSWORD)).encode()).decode()


def token(client, slug, email):
    status, payload, _ = client.request("POST", "/t/%s/api/v1/me/tokens" % slug, {"name": "bench board"},
                                        {"Authorization": basic(email)})
    if status != 201:
        raise SystemExit("token for %s: HTTP %d %s" % (email, status, payload[:300].decode(errors="replace")))
    return json.loads(payload)["secret"]


def sign_in(port, slug, email):
    """The sign-in form as a browser uses it: GET the form (session + CSRF token), POST it, keep the new cookie."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/t/%s/login" % slug, headers={"Accept": "text/html"})
    resp = conn.getresponse()
    page = resp.read().decode(errors="replace")
    cookies = dict(re.findall(r"^([^=;\s]+)=([^;]*)", c)[0] for c in
                   [v for k, v in resp.getheaders() if k.lower() == "set-cookie"])
    m = re.search(r'name="_csrf"\s+value="([^"]+)"', page) or re.search(r'value="([^"]+)"\s+name="_csrf"', page)
    if resp.status != 200 or not m:
        raise SystemExit("sign-in form: HTTP %d, CSRF token %s" % (resp.status, "found" if m else "missing"))
    body = urllib.parse.urlencode({"email": email, "password": PASSWORD, "_csrf": m.group(1)})
    conn.request("POST", "/t/%s/login" % slug, body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html",
        "Cookie": "; ".join("%s=%s" % kv for kv in cookies.items())})
    resp = conn.getresponse()
    resp.read()
    for k, v in resp.getheaders():
        if k.lower() == "set-cookie":
            name, value = re.findall(r"^([^=;\s]+)=([^;]*)", v)[0]
            cookies[name] = value
    location = resp.getheader("Location", "")
    conn.close()
    if resp.status not in (302, 303) or "error" in location:
        raise SystemExit("sign-in as %s: HTTP %d to %s" % (email, resp.status, location))
    return "; ".join("%s=%s" % kv for kv in cookies.items())


def reset_settings(client, slug, admin, board_id, swimlanes):
    auth = {"Authorization": "Bearer " + admin}
    status, payload, _ = client.request("GET", "/t/%s/api/v1/boards/%s" % (slug, board_id), None, auth)
    if status != 200:
        raise SystemExit("GET board: HTTP %d %s" % (status, payload[:300]))
    settings = json.loads(payload)["settings"]
    settings["swimlanes"] = swimlanes
    settings["personLimit"] = None
    settings["expediteQuery"] = ""
    settings["groups"] = []
    settings["lanes"] = []
    for c in settings["columns"]:
        c["limit"] = None
        c["hard"] = False
        c["group"] = None
    status, payload, _ = client.request("PUT", "/t/%s/api/v1/boards/%s" % (slug, board_id), settings, auth)
    if status != 200:
        raise SystemExit("PUT board settings: HTTP %d %s" % (status, payload[:500]))
    return json.loads(payload)


def setup(args):
    client = Client(args.port, 60)
    slug, out = args.slug, args.out
    admin_email = "admin@%s.test" % slug
    admin = token(client, slug, admin_email)
    movers = ["agent%03d@bench.test" % i for i in range(1, args.movers + 1)]
    tokens = [token(client, slug, e) for e in movers]
    status, payload, _ = client.request("GET", "/t/%s/api/v1/boards/team/%s" % (slug, TEAM), None,
                                        {"Authorization": "Bearer " + tokens[0]})
    if status != 200:
        raise SystemExit("GET /boards/team/%s: HTTP %d %s" % (TEAM, status, payload[:300]))
    board = json.loads(payload)
    board = reset_settings(client, slug, admin, board["id"], "none")
    columns = {c["name"]: c["id"] for c in board["columns"]}
    cookie = sign_in(args.port, slug, movers[0])
    base = "/t/%s" % slug
    status, payload, elapsed = client.request("GET", "%s/api/v1/boards/%s/cards" % (base, board["id"]), None,
                                              {"Authorization": "Bearer " + tokens[0]})
    if status != 200:
        raise SystemExit("GET cards: HTTP %d %s" % (status, payload[:300]))
    content = json.loads(payload)
    shown = {c["name"]: (c["count"], sum(len(cell["cards"]) for cell in c["cells"])) for c in content["columns"]}
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
    conn.request("GET", "%s/boards/%s" % (base, board["id"]), headers={"Cookie": cookie, "Accept": "text/html"})
    resp = conn.getresponse()
    html = resp.read()
    conn.close()
    if resp.status != 200:
        raise SystemExit("GET the board page with the session: HTTP %d %s" % (resp.status, html[:300]))
    with open(os.path.join(out, "cards.txt"), "w") as f:
        for t in tokens:
            f.write("%s %s/api/v1/boards/%s/cards\n" % (t, base, board["id"]))
    with open(os.path.join(out, "page.txt"), "w") as f:
        f.write("%s %s/boards/%s\n" % (cookie, base, board["id"]))
    info = {"board": board["id"], "columns": columns, "admin_token": admin, "movers": list(zip(movers, tokens)),
            "cookie": cookie, "slug": slug, "cards_bytes": len(payload), "page_bytes": len(html),
            "column_counts": {k: v[0] for k, v in shown.items()}, "cards_shown": {k: v[1] for k, v in shown.items()}}
    with open(os.path.join(out, "board.json"), "w") as f:
        json.dump(info, f, indent=2)
    print("  board %s: columns %s; cards JSON %d bytes, page %d bytes; %d movers signed in with tokens, "
          "a session for %s" % (board["id"], ", ".join("%s %d (%d shown)" % (k, v[0], v[1]) for k, v in shown.items()),
                                len(payload), len(html), len(tokens), movers[0]), flush=True)
    client.close()
    return 0


def movers(args):
    """Each mover gets its own PER_MOVER reserved Task cards (none shared) and the column each is in now."""
    info = json.load(open(os.path.join(args.out, "board.json")))
    cols = info["columns"]
    n = len(info["movers"])
    if n * args.per_mover > RESERVED - LIVE_CARDS:
        raise SystemExit("%d movers x %d cards exceed the %d reserved cards" % (n, args.per_mover, RESERVED - LIVE_CARDS))
    keys = ["%s-%d" % (TEAM, k) for k in range(1, n * args.per_mover + 1)]
    status = dict(line.split() for line in psql(args.schema, """
        select w.key, case s.name when 'To do' then 'todo' when 'In progress' then 'doing' else 'other' end
        from work_items w join workflow_statuses s on s.id = w.status_id
        where w.key in (%s);""" % ",".join("'%s'" % k for k in keys)).splitlines())
    odd = [k for k in keys if status.get(k) not in ("todo", "doing")]
    if odd:
        raise SystemExit("reserved cards not in To do or In progress: %s" % ", ".join(odd[:10]))
    with open(os.path.join(args.out, "movers.txt"), "w") as f:
        for m, (_, secret) in enumerate(info["movers"]):
            mine = keys[m * args.per_mover:(m + 1) * args.per_mover]
            # "<secret> <backlog column> <in progress column> <key>:<0 in backlog | 1 in progress> ..."
            f.write("%s %s %s %s\n" % (secret, cols["Backlog"], cols["In progress"],
                                       " ".join("%s:%d" % (k, 1 if status[k] == "doing" else 0) for k in mine)))
    print("  movers.txt: %d movers x %d cards (%d in progress now)" % (
        n, args.per_mover, sum(1 for k in keys if status[k] == "doing")), flush=True)
    return 0


def lanes(args):
    info = json.load(open(os.path.join(args.out, "board.json")))
    client = Client(args.port, 60)
    board = reset_settings(client, args.slug, info["admin_token"], info["board"], args.swimlanes)
    # A PUT replaces the columns, and with them their ids: the move lists must use the new ones.
    info["columns"] = {c["name"]: c["id"] for c in board["columns"]}
    with open(os.path.join(args.out, "board.json"), "w") as f:
        json.dump(info, f, indent=2)
    print("  board %s: swimlanes %s" % (info["board"], board["settings"]["swimlanes"]), flush=True)
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["seed", "setup", "movers", "lanes"])
    ap.add_argument("--port", type=int)
    ap.add_argument("--slug")
    ap.add_argument("--schema")
    ap.add_argument("--out", required=True)
    ap.add_argument("--open", type=int, default=2000)
    ap.add_argument("--done", type=int, default=20000)
    ap.add_argument("--movers", type=int, default=8)
    ap.add_argument("--per-mover", type=int, default=25)
    ap.add_argument("--swimlanes", default="none")
    args = ap.parse_args()
    if args.command == "seed":
        result = seed(args)
        with open(os.path.join(args.out, "board-seed.json"), "w") as f:
            json.dump(result, f, indent=2)
        return 0
    return {"setup": setup, "movers": movers, "lanes": lanes}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
