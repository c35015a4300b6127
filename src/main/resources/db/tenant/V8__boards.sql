-- Kanban boards (ADR 0011): columns of statuses with WIP limits, swimlanes, card order, blocked work,
-- and the record of every hard limit overridden.

-- Blocked work belongs to the item (any item may be blocked, on a board or not): at most one open
-- block per item; closed ones stay, so blocked time can be measured (flow metrics).
create table item_blocks (
    id             uuid primary key,
    item_id        uuid not null references work_items (id) on delete cascade,
    reason         text not null check (length(reason) between 1 and 500),
    waiting_on_user uuid references users (id) on delete set null,
    waiting_on_team uuid references teams (id) on delete set null,
    blocked_at     timestamptz not null,
    blocked_by     uuid references users (id) on delete set null,
    unblocked_at   timestamptz,
    unblocked_by   uuid references users (id) on delete set null,
    check (unblocked_at is null or unblocked_at >= blocked_at)
);

create unique index item_blocks_open_key on item_blocks (item_id) where unblocked_at is null;
create index item_blocks_item_idx on item_blocks (item_id, blocked_at);
create index item_blocks_waiting_user_idx on item_blocks (waiting_on_user) where unblocked_at is null;

create table boards (
    id               uuid primary key,
    name             text not null check (length(name) between 1 and 80),
    -- A team's board shows that team's items; a board without a team shows what its query finds.
    team_id          uuid references teams (id) on delete cascade,
    query            text not null default '',
    swimlanes        text not null default 'none' check (swimlanes in ('none', 'category', 'assignee', 'parent')),
    -- Cards matching this query ride the expedite lane ('' = no expedite lane).
    expedite_query   text not null default '',
    -- How many in-progress items one person may hold (null = no limit).
    person_limit     integer check (person_limit > 0),
    person_hard      boolean not null default false,
    -- Who may override a hard limit (with a reason).
    override_roles   text[] not null default '{admin}' check (override_roles <@ array ['admin', 'agent']),
    done_window_days integer not null default 14 check (done_window_days between 1 and 365),
    card_fields      text[] not null default '{assignee,due,age,priority}',
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint not null default 0,
    check (team_id is not null or query <> '')
);

create index boards_team_idx on boards (team_id);

create table board_columns (
    id         uuid primary key,
    board_id   uuid not null references boards (id) on delete cascade,
    name       text not null check (length(name) between 1 and 60),
    position   integer not null,
    -- backlog: work not started (left); flow: work in process; done: finished within the done window.
    kind       text not null check (kind in ('backlog', 'flow', 'done')),
    wip_limit  integer check (wip_limit > 0),
    wip_hard   boolean not null default false,
    -- Columns with the same group share the group's limit (e.g. "Doing" = In progress + Review).
    group_name text check (length(group_name) between 1 and 60),
    unique (board_id, position)
);

-- A status appears in at most one column of a board.
create table board_column_statuses (
    board_id  uuid not null references boards (id) on delete cascade,
    column_id uuid not null references board_columns (id) on delete cascade,
    status_id uuid not null references workflow_statuses (id) on delete cascade,
    primary key (board_id, status_id)
);

create index board_column_statuses_column_idx on board_column_statuses (column_id);

create table board_column_groups (
    board_id  uuid not null references boards (id) on delete cascade,
    name      text not null,
    wip_limit integer not null check (wip_limit > 0),
    wip_hard  boolean not null default false,
    primary key (board_id, name)
);

-- Limits per swimlane: a category code (unplanned, change, ...) or 'expedite'.
create table board_lane_limits (
    board_id  uuid not null references boards (id) on delete cascade,
    lane      text not null,
    wip_limit integer not null check (wip_limit > 0),
    wip_hard  boolean not null default false,
    primary key (board_id, lane)
);

-- Order of cards within a column, one global rank per item (as in Jira), so every board that shows
-- two items shows them in the same order. Items never moved have no row: their rank is their creation
-- time in microseconds, which puts new work at the bottom of its column.
create table card_ranks (
    item_id uuid primary key references work_items (id) on delete cascade,
    rank    bigint not null
);

-- Every hard limit overridden, with the reason: the report an IT manager reviews.
create table wip_overrides (
    id        uuid primary key,
    board_id  uuid not null references boards (id) on delete cascade,
    item_id   uuid not null references work_items (id) on delete cascade,
    item_key  text not null,
    scope     text not null,
    name      text not null,
    wip_limit integer not null,
    count     integer not null,
    reason    text not null check (length(reason) between 1 and 500),
    actor_id  uuid references users (id) on delete set null,
    at        timestamptz not null
);

create index wip_overrides_board_idx on wip_overrides (board_id, at desc);

-- A board shows a team's open items by status, and its recently finished ones.
create index work_items_open_team_idx on work_items (team_id, status_id) where resolved_at is null;
create index work_items_resolved_team_idx on work_items (team_id, resolved_at desc) where resolved_at is not null;
