-- The stored copy of each item's SLA clocks (ADR 0019): what lists, boards, timers and reports read.
-- Refreshed from the item's history by a durable job after every change of the item.
create table sla_clocks (
    item_id         uuid not null references work_items (id) on delete cascade,
    policy_id       uuid not null references sla_policies (id) on delete cascade,
    metric          text not null,
    item_key        text not null,
    team_id         uuid not null,
    status          text not null check (status in ('not-started', 'running', 'paused', 'met', 'breached')),
    started_at      timestamptz,
    stopped_at      timestamptz,
    elapsed_seconds bigint not null,
    goal_seconds    bigint,
    due_at          timestamptz,
    warn_at         timestamptz,
    warned_at       timestamptz,
    breached_at     timestamptz,
    computed_at     timestamptz not null,
    primary key (item_id, policy_id, metric)
);

-- Clocks falling due soonest; compliance by policy or team over finished clocks.
create index sla_clocks_due_idx on sla_clocks (due_at) where due_at is not null;
create index sla_clocks_policy_idx on sla_clocks (policy_id, stopped_at);
create index sla_clocks_team_idx on sla_clocks (team_id, stopped_at);

-- Warnings and breaches that fired: one of each per clock, however many nodes or timers try.
create table sla_events (
    item_id   uuid not null references work_items (id) on delete cascade,
    policy_id uuid not null references sla_policies (id) on delete cascade,
    metric    text not null,
    kind      text not null check (kind in ('warning', 'breach')),
    -- The instant the clock crossed the line, and when Worklane noticed.
    at        timestamptz not null,
    fired_at  timestamptz not null,
    primary key (item_id, policy_id, metric, kind)
);

-- Repairs: every open item's clocks worked out again (after a policy or calendar changed), recorded.
create table sla_repairs (
    id           uuid primary key,
    reason       text not null,
    requested_by uuid references users (id),
    requested_at timestamptz not null,
    items        integer not null default 0,
    finished_at  timestamptz
);

-- Breaches of a period, newest first.
create index sla_clocks_breached_idx on sla_clocks (breached_at) where breached_at is not null;

-- Badges of a page of items, by key.
create index sla_clocks_item_key_idx on sla_clocks (item_key);
