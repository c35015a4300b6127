-- Work tracking: types, workflows, items, their history, comments, links, watchers, attachments and
-- saved filters. Every user-facing query on a large tenant has an index below; bench/work.sh proves it.

-- Types of work. Each belongs to exactly one of the four work categories.
create table work_types (
    id          uuid primary key,
    name        text not null,
    category    text not null references work_categories (code),
    description text not null default '',
    -- Whether requesters may raise this type themselves (incidents, service requests).
    requestable boolean not null default false,
    position    integer not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint not null default 0
);

create unique index work_types_name_key on work_types (lower(name));

-- A type's workflow: its statuses and the transitions allowed between them.
-- phase: to-do / in-progress / done. flow: waiting or active (touch time is time in active statuses).
create table workflow_statuses (
    id       uuid primary key,
    type_id  uuid not null references work_types (id) on delete cascade,
    name     text not null,
    phase    text not null check (phase in ('todo', 'in_progress', 'done')),
    flow     text not null check (flow in ('waiting', 'active')),
    position integer not null,
    initial  boolean not null default false
);

create unique index workflow_statuses_name_key on workflow_statuses (type_id, lower(name));
create unique index workflow_statuses_initial_key on workflow_statuses (type_id) where initial;
create index workflow_statuses_name_idx on workflow_statuses (lower(name));

create table workflow_transitions (
    id          uuid primary key,
    type_id     uuid not null references work_types (id) on delete cascade,
    from_status uuid not null references workflow_statuses (id) on delete cascade,
    to_status   uuid not null references workflow_statuses (id) on delete cascade,
    name        text not null,
    -- Roles allowed to take this transition; null means anyone who may edit the item.
    roles       text[] check (roles is null or roles <@ array ['admin', 'agent', 'requester']),
    unique (from_status, to_status)
);

create index workflow_transitions_type_idx on workflow_transitions (type_id);

-- Custom fields of a type; values live in work_items.fields under the field's key.
create table custom_fields (
    id       uuid primary key,
    type_id  uuid not null references work_types (id) on delete cascade,
    key      text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    name     text not null,
    kind     text not null check (kind in ('text', 'number', 'date', 'select', 'multiselect', 'user')),
    options  text[] not null default '{}',
    required boolean not null default false,
    position integer not null,
    unique (type_id, key)
);

-- Item numbers per team: numbers are never reused, gaps are allowed (a failed create burns one).
create table item_counters (
    team_id     uuid primary key references teams (id) on delete cascade,
    last_number bigint not null
);

create table work_items (
    id                uuid primary key,
    key               text not null unique,
    team_id           uuid not null references teams (id),
    number            bigint not null,
    type_id           uuid not null references work_types (id),
    -- Copied from the type so that the four kinds of work can be filtered and counted without a join.
    category          text not null references work_categories (code),
    status_id         uuid not null references workflow_statuses (id),
    -- 1 highest .. 5 lowest, so that ordering by priority is ordering by this number.
    priority          smallint not null check (priority between 1 and 5),
    title             text not null check (length(title) between 1 and 255),
    description       text not null default '',
    assignee_id       uuid references users (id),
    reporter_id       uuid not null references users (id),
    labels            text[] not null default '{}',
    due_date          date,
    parent_id         uuid references work_items (id),
    fields            jsonb not null default '{}',
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    status_changed_at timestamptz not null,
    resolved_at       timestamptz,
    version           bigint not null default 0,
    -- Title (A), description (B) and live comments (C); maintained by the application on each write.
    search            tsvector not null default ''::tsvector,
    unique (team_id, number)
);

create index work_items_updated_idx on work_items (updated_at desc, id desc);
create index work_items_assignee_idx on work_items (assignee_id, updated_at desc, id desc);
create index work_items_reporter_idx on work_items (reporter_id, updated_at desc, id desc);
create index work_items_team_idx on work_items (team_id, updated_at desc, id desc);
create index work_items_status_idx on work_items (status_id, updated_at desc, id desc);
create index work_items_category_idx on work_items (category, updated_at desc, id desc);
create index work_items_parent_idx on work_items (parent_id) where parent_id is not null;
create index work_items_due_idx on work_items (due_date) where due_date is not null;
create index work_items_labels_idx on work_items using gin (labels);
create index work_items_search_idx on work_items using gin (search);

create table item_watchers (
    item_id  uuid not null references work_items (id) on delete cascade,
    user_id  uuid not null references users (id) on delete cascade,
    added_at timestamptz not null default now(),
    primary key (item_id, user_id)
);

create index item_watchers_user_idx on item_watchers (user_id, item_id);

-- "A blocks B" is stored once, as (A, B, blocks); B's view of it is "is blocked by A".
create table item_links (
    source_id  uuid not null references work_items (id) on delete cascade,
    target_id  uuid not null references work_items (id) on delete cascade,
    kind       text not null check (kind in ('blocks', 'relates', 'duplicates')),
    created_at timestamptz not null,
    created_by uuid references users (id),
    primary key (source_id, target_id, kind),
    check (source_id <> target_id)
);

create index item_links_target_idx on item_links (target_id);

create table item_comments (
    id         uuid primary key,
    item_id    uuid not null references work_items (id) on delete cascade,
    author_id  uuid not null references users (id),
    body       text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    deleted_at timestamptz,
    version    bigint not null default 0
);

create index item_comments_item_idx on item_comments (item_id, created_at, id);

-- Every change to an item: field changes, transitions (exact timestamps: flow metrics and SLA
-- clocks are computed from them), comments, links, watchers, attachments.
-- old_value/new_value hold the stored value (ids for references); old_text/new_text what a person reads.
create table item_history (
    id        bigint generated always as identity primary key,
    item_id   uuid not null references work_items (id) on delete cascade,
    at        timestamptz not null,
    actor_id  uuid references users (id),
    -- The item's version after this change: a stale writer is told exactly what changed since its version.
    version   bigint not null,
    kind      text not null,
    field     text,
    old_value jsonb,
    new_value jsonb,
    old_text  text,
    new_text  text
);

create index item_history_item_idx on item_history (item_id, version, id);
create index item_history_transitions_idx on item_history (at) where kind = 'transition';

create table item_attachments (
    id           uuid primary key,
    item_id      uuid not null references work_items (id) on delete cascade,
    filename     text not null,
    content_type text not null,
    size         bigint not null,
    sha256       bytea not null,
    -- Stored here unless a directory is configured; then 'content' is null and the file is named by id.
    content      bytea,
    uploaded_by  uuid not null references users (id),
    uploaded_at  timestamptz not null,
    deleted_at   timestamptz
);

create index item_attachments_item_idx on item_attachments (item_id, uploaded_at);

-- Creating with an Idempotency-Key twice creates one item: the second request gets the first's item.
create table idempotency_keys (
    user_id      uuid not null references users (id) on delete cascade,
    key          text not null,
    request_hash bytea not null,
    -- Deferred: the key is claimed first (so that a twin request waits for it), the item inserted after.
    item_id      uuid not null references work_items (id) on delete cascade deferrable initially deferred,
    created_at   timestamptz not null,
    primary key (user_id, key)
);

create index idempotency_keys_created_idx on idempotency_keys (created_at);

create table saved_filters (
    id         uuid primary key,
    owner_id   uuid not null references users (id) on delete cascade,
    name       text not null check (length(name) between 1 and 100),
    query      text not null,
    shared     boolean not null default false,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint not null default 0
);

create unique index saved_filters_name_key on saved_filters (owner_id, lower(name));
create index saved_filters_shared_idx on saved_filters (lower(name)) where shared;
