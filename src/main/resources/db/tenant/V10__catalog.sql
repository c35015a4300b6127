-- The service catalog: offerings that requesters order. An offering changes by versions, and a request
-- keeps the version it was made with, so that what was ordered is never rewritten by a later change.
create table offerings (
    id         uuid primary key,
    key        text not null unique check (key ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    -- The version requests are made with now; also the offering's optimistic-concurrency version.
    version    integer not null check (version > 0),
    archived   boolean not null default false,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table offering_versions (
    offering_id   uuid not null references offerings (id) on delete cascade,
    version       integer not null,
    name          text not null check (length(name) between 1 and 120),
    description   text not null,
    category      text not null check (length(category) between 1 and 60),
    icon          text not null,
    team_id       uuid not null references teams (id),
    -- Who may order: {"roles": [...], "teams": [team ids]}; both empty means everyone.
    entitlement   jsonb not null,
    -- The request form: a list of typed fields (catalog.FormField).
    form          jsonb not null,
    -- The service level the SLA policies refer to (issue 6); free text until then.
    service_level text,
    created_at    timestamptz not null,
    -- Null for the default catalog that a new tenant starts with.
    created_by    uuid references users (id),
    primary key (offering_id, version)
);

create table service_requests (
    id               uuid primary key,
    item_id          uuid not null unique references work_items (id),
    -- An item's key never changes (ADR 0007); kept to show the request without asking for the item.
    item_key         text not null,
    offering_id      uuid not null,
    offering_version integer not null,
    requester_id     uuid not null references users (id),
    answers          jsonb not null,
    -- A client's Idempotency-Key, and what it ordered with it: a retry returns this request, a reuse
    -- of the key for another order is refused.
    idempotency_key  text,
    order_hash       bytea,
    created_at       timestamptz not null,
    foreign key (offering_id, offering_version) references offering_versions (offering_id, version)
);

create unique index service_requests_idempotency_idx on service_requests (requester_id, idempotency_key)
    where idempotency_key is not null;

-- "My requests", newest first.
create index service_requests_requester_idx on service_requests (requester_id, created_at desc, id desc);
