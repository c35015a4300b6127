-- People, teams (work centers) and API tokens of one tenant. Isolation is structural: this schema
-- belongs to one tenant, so no table carries a tenant column.

create table users (
    id              uuid primary key,
    email           text not null,
    name            text not null,
    password_hash   text,
    roles           text[] not null default '{requester}'
                    check (roles <@ array ['admin', 'agent', 'requester'] and cardinality(roles) > 0),
    active          boolean not null default true,
    failed_sign_ins integer not null default 0,
    throttled_until timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         bigint not null default 0
);

create unique index users_email_key on users (lower(email));
create index users_name_idx on users (lower(name), id);
-- Prefix search in people pickers (lower(name) like 'ad%'), independent of the database's collation.
create index users_name_prefix_idx on users (lower(name) text_pattern_ops);
create index users_email_prefix_idx on users (lower(email) text_pattern_ops);

create table teams (
    id          uuid primary key,
    key         text not null unique check (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
    name        text not null,
    description text not null default '',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint not null default 0
);

create unique index teams_name_key on teams (lower(name));

create table team_members (
    team_id  uuid not null references teams (id) on delete cascade,
    user_id  uuid not null references users (id) on delete cascade,
    added_at timestamptz not null default now(),
    primary key (team_id, user_id)
);

create index team_members_user_idx on team_members (user_id);

create table api_tokens (
    id           uuid primary key,
    user_id      uuid not null references users (id) on delete cascade,
    name         text not null,
    -- SHA-256 of the token: the token itself is shown once and never stored.
    token_hash   bytea not null unique,
    hint         text not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index api_tokens_user_idx on api_tokens (user_id, created_at desc);
