-- Fulfilment plans and their execution (ADR 0017). The plan is part of an offering's version; each
-- request's run copies its steps, so a later version of the plan never changes a run under way.
alter table offering_versions add column fulfilment jsonb not null default '{"steps": []}';

create table fulfilment_runs (
    request_id  uuid primary key,
    item_key    text not null,
    -- What the plan's templates may use: answers.*, request.*, requester.*.
    context     jsonb not null,
    status      text not null check (status in ('running', 'blocked', 'fulfilled')),
    error       text,
    started_at  timestamptz not null,
    finished_at timestamptz
);

create table fulfilment_steps (
    request_id      uuid not null references fulfilment_runs (request_id) on delete cascade,
    position        integer not null,
    stage           integer not null,
    name            text not null,
    kind            text not null check (kind in ('manual', 'automated')),
    team_key        text,
    planned_minutes integer,
    call            jsonb,
    status          text not null check (status in ('waiting', 'running', 'done', 'failed', 'skipped')),
    attempts        integer not null default 0,
    started_at      timestamptz,
    finished_at     timestamptz,
    output          jsonb,
    error           text,
    done_by         uuid references users (id),
    note            text,
    primary key (request_id, position)
);

-- The secret automated calls are signed with (HMAC-SHA256); one per tenant, made on first use.
create table fulfilment_signing (
    id         boolean primary key default true check (id),
    secret     text not null,
    created_at timestamptz not null
);
