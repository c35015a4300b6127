#!/usr/bin/env python3
"""Helper of bench/board.sh: EXPLAIN (ANALYZE, BUFFERS) of the statement a board's first render runs
(Cards.firstPages, 30 cards per cell) on the tenant, as the app builds it, with the parameters inlined.
--carry explains the variant whose candidates carry the card's item columns, so that work_items is not
joined a second time (the fix proposed by bench/board.sh's first run). Usage:
  bench/board_explain.py --schema S --board ID [--lane "''" | --lane i.category] [--carry] [--sql]"""
import argparse
import sys

from work_seed import psql

RANK = "coalesce(r.rank, (extract(epoch from i.created_at) * 1000000)::bigint)"
DONE_RANK = "-(extract(epoch from i.resolved_at) * 1000000)::bigint"
CARD_COLUMNS = ("i.title, i.category, i.type_id, i.status_id, i.priority, i.assignee_id, i.due_date, "
                "i.status_changed_at, i.version, i.parent_id")
DETAILS = """
select i.id, i.key, i.title, i.category, t.name as type_name, s.id as status_id, s.name as status_name,
       s.phase, s.flow, i.priority, i.assignee_id, u.name as assignee_name, u.email as assignee_email,
       i.due_date, i.status_changed_at, i.version, p.key as parent_key, p.title as parent_title,
       b.reason as blocked_reason, b.blocked_at, coalesce(bw.name, bt.name) as blocked_on,
       c.column_id, c.lane, c.rank, c.total
from c
join work_items i on i.id = c.id
join work_types t on t.id = i.type_id
join workflow_statuses s on s.id = i.status_id
left join users u on u.id = i.assignee_id
left join work_items p on p.id = i.parent_id
left join item_blocks b on b.item_id = i.id and b.unblocked_at is null
left join users bw on bw.id = b.waiting_on_user
left join teams bt on bt.id = b.waiting_on_team"""
DETAILS_CARRY = """
select c.id, c.key, c.title, c.category, t.name as type_name, s.id as status_id, s.name as status_name,
       s.phase, s.flow, c.priority, c.assignee_id, u.name as assignee_name, u.email as assignee_email,
       c.due_date, c.status_changed_at, c.version, p.key as parent_key, p.title as parent_title,
       b.reason as blocked_reason, b.blocked_at, coalesce(bw.name, bt.name) as blocked_on,
       c.column_id, c.lane, c.rank, c.total
from c
join work_types t on t.id = c.type_id
join workflow_statuses s on s.id = c.status_id
left join users u on u.id = c.assignee_id
left join work_items p on p.id = c.parent_id
left join item_blocks b on b.item_id = c.id and b.unblocked_at is null
left join users bw on bw.id = b.waiting_on_user
left join teams bt on bt.id = b.waiting_on_team"""


def statement(board, team, lane, page, days, carry):
    extra = (", " + CARD_COLUMNS) if carry else ""
    scope = "i.team_id = '%s'" % team
    open_ = """
    select i.id, i.key, cs.column_id, (%s) as lane, %s as rank%s
    from work_items i
    join board_column_statuses cs on cs.board_id = '%s' and cs.status_id = i.status_id
    left join card_ranks r on r.item_id = i.id
    where (%s) and i.resolved_at is null""" % (lane, RANK, extra, board, scope)
    done = """
    select i.id, i.key, cs.column_id, (%s) as lane, %s as rank%s
    from work_items i
    join board_column_statuses cs on cs.board_id = '%s' and cs.status_id = i.status_id
    where (%s) and i.resolved_at >= now() - interval '%d days'""" % (lane, DONE_RANK, extra, board, scope, days)
    numbered = ("select c0.*, " if carry else "select id, key, column_id, lane, rank, ")
    return ("with c0 as (" + open_ + "\n    union all" + done + "),\nnumbered as (" + numbered
            + "row_number() over w as n, count(*) over (partition by column_id, lane) as total from c0 "
            "window w as (partition by column_id, lane order by rank, key)),\nc as (select * from numbered where n <= %d)"
            % page + (DETAILS_CARRY if carry else DETAILS) + "\norder by c.column_id, c.lane, c.rank, c.key")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema", required=True)
    ap.add_argument("--board", required=True)
    ap.add_argument("--lane", default="''")
    ap.add_argument("--page", type=int, default=30)
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--carry", action="store_true")
    ap.add_argument("--sql", action="store_true", help="print the statement only")
    ap.add_argument("--repeat", type=int, default=0,
                    help="instead: run it N times in one session (after 3 unmeasured), and print the mean ms")
    ap.add_argument("--set", default="", help="a setting for the session, e.g. max_parallel_workers_per_gather=0")
    args = ap.parse_args()
    team = psql(args.schema, "select team_id from boards where id = '%s';" % args.board)
    sql = statement(args.board, team, args.lane, args.page, args.days, args.carry)
    if args.repeat:
        pre = ("set %s;\n" % args.set.replace("=", " = ")) if args.set else ""
        script = pre + (sql + ";\n") * 3 + "select clock_timestamp() as t0 \\gset\n" + (sql + ";\n") * args.repeat + \
            "select round((extract(epoch from clock_timestamp() - :'t0'::timestamptz) * 1000 / %d)::numeric, 2);\n" % args.repeat
        print("mean ms over %d runs%s: %s" % (args.repeat, (" with " + args.set) if args.set else "",
                                               psql(args.schema, script).splitlines()[-1]))
        return 0
    if args.sql:
        print(sql)
        return 0
    print(psql(args.schema, "explain (analyze, buffers, settings) " + sql + ";"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
