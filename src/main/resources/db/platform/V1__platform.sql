-- The platform schema: what Worklane knows across tenants. Nothing here holds a tenant's business data.

create table tenants (
    id               uuid primary key,
    slug             text not null unique,
    name             text not null,
    schema_name      text not null unique,
    -- The PostgreSQL cluster that holds the tenant's schema; one today, several when a tenant outgrows it.
    placement        text not null default 'default',
    status           text not null check (status in ('provisioning', 'active', 'suspended')),
    suspended_reason text,
    schema_version   integer,
    migration_error  text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          bigint not null default 0
);

create index tenants_status_idx on tenants (status);

-- Platform-wide settings, such as the hash of a generated operator token.
create table settings (
    key        text primary key,
    value      text not null,
    updated_at timestamptz not null default now()
);

-- HTTP sessions (Spring Session JDBC), so that any node can serve any signed-in user.
create table spring_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(200)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    primary key (session_primary_id, attribute_name)
);
