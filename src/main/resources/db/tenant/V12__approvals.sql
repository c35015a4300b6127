-- Approvals (ADR 0018): one engine for whatever needs a yes before it goes on (catalog requests now,
-- changes later). A subject's approval copies its policy, so a later change of the policy never
-- changes an approval under way.

-- Who a person reports to: the approver of "requester's manager" policies.
alter table users add column manager_id uuid references users (id) on delete set null;

alter table offering_versions add column approval jsonb not null default '{"stages": []}';

-- A fulfilment run waits while its request waits for approval, and is cancelled when it is rejected.
alter table fulfilment_runs drop constraint fulfilment_runs_status_check;
alter table fulfilment_runs add constraint fulfilment_runs_status_check
    check (status in ('awaiting-approval', 'running', 'blocked', 'fulfilled', 'cancelled'));

create table approvals (
    id           uuid primary key,
    subject_kind text not null,
    subject_id   uuid not null,
    -- What quotas count within ("offering:new-laptop"): approvals of the same scope this month.
    scope        text not null,
    title        text not null,
    -- The subject's page, relative to the tenant ("/requests/…"), and what an approver needs to see.
    link         text not null,
    details      jsonb not null,
    requester_id uuid not null references users (id),
    quantity     integer not null check (quantity > 0),
    policy       jsonb not null,
    status       text not null check (status in ('pending', 'approved', 'rejected', 'cancelled')),
    -- The stage under way while pending.
    stage        integer,
    outcome      text,
    created_at   timestamptz not null,
    decided_at   timestamptz,
    unique (subject_kind, subject_id)
);

-- Quotas: this scope's approvals by this requester (or their team) since the month began.
create index approvals_quota_idx on approvals (scope, created_at, requester_id);

create table approval_stages (
    approval_id uuid not null references approvals (id) on delete cascade,
    stage       integer not null,
    name        text not null,
    -- Approvals the stage needs (any: 1, all: every approver, or N of them).
    required    integer not null check (required > 0),
    status      text not null check (status in ('pending', 'approved', 'rejected', 'cancelled')),
    escalated   boolean not null default false,
    started_at  timestamptz not null,
    decided_at  timestamptz,
    primary key (approval_id, stage)
);

-- Who is asked: one row per approver and stage, holding their decision.
create table approval_tasks (
    id          uuid primary key,
    approval_id uuid not null references approvals (id) on delete cascade,
    stage       integer not null,
    approver_id uuid not null references users (id),
    status      text not null check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
    -- The approver, or the delegate who decided for them.
    decided_by  uuid references users (id),
    via         text check (via in ('web', 'api', 'link')),
    comment     text,
    asked_at    timestamptz not null,
    reminded_at timestamptz,
    decided_at  timestamptz,
    unique (approval_id, stage, approver_id)
);

-- "Waiting for my approval", including a delegator's.
create index approval_tasks_pending_idx on approval_tasks (approver_id, asked_at) where status = 'pending';
create index approval_tasks_approver_idx on approval_tasks (approver_id, decided_at desc);

-- What happened, in order: asked, decided, reminded, escalated, timed out, auto-approved by which rule.
create table approval_log (
    id          bigint generated always as identity primary key,
    approval_id uuid not null references approvals (id) on delete cascade,
    at          timestamptz not null,
    stage       integer,
    kind        text not null,
    actor_id    uuid references users (id),
    for_id      uuid references users (id),
    detail      text not null
);

create index approval_log_approval_idx on approval_log (approval_id, id);

-- Someone away lets another decide for them, for a time.
create table approval_delegations (
    id           uuid primary key,
    delegator_id uuid not null references users (id) on delete cascade,
    delegate_id  uuid not null references users (id) on delete cascade,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    created_at   timestamptz not null,
    check (ends_at > starts_at),
    check (delegator_id <> delegate_id)
);

create index approval_delegations_delegator_idx on approval_delegations (delegator_id, ends_at);
create index approval_delegations_delegate_idx on approval_delegations (delegate_id, ends_at);

-- The secret that signs decision links (HMAC-SHA256); one per tenant, made on first use.
create table approval_signing (
    id         boolean primary key default true check (id),
    secret     text not null,
    created_at timestamptz not null
);
