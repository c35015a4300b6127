-- SLA policies (ADR 0019): which items they apply to (an item query), the calendar their clocks run
-- on, and their metrics (start, pause and stop conditions as item queries; goals by condition).
create table sla_policies (
    id          uuid primary key,
    name        text not null check (length(name) between 1 and 80),
    applies_to  text not null,
    calendar_id uuid not null references sla_calendars (id),
    metrics     jsonb not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint not null default 0
);

create unique index sla_policies_name_key on sla_policies (lower(name));
create index sla_policies_calendar_idx on sla_policies (calendar_id);
