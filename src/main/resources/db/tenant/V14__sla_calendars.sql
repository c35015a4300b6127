-- Business calendars of service levels (module sla): working hours per weekday in a time zone, and
-- holidays. Small documents read whole, so hours and holidays are JSON on the calendar's row.
create table sla_calendars (
    id         uuid primary key,
    name       text not null check (length(name) between 1 and 80),
    time_zone  text not null,
    -- {"MONDAY": [{"from": "09:00", "to": "17:00"}], …}; "24:00" ends a day.
    hours      jsonb not null,
    -- [{"date": "2026-12-25", "name": "Christmas Day", "yearly": true}, …]
    holidays   jsonb not null default '[]',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    version    bigint not null default 0
);

create unique index sla_calendars_name_key on sla_calendars (lower(name));

-- Every tenant starts with round-the-clock time and office hours; admins add their own.
insert into sla_calendars (id, name, time_zone, hours) values
    (gen_random_uuid(), '24x7', 'UTC',
     '{"MONDAY": [{"from": "00:00", "to": "24:00"}], "TUESDAY": [{"from": "00:00", "to": "24:00"}],
       "WEDNESDAY": [{"from": "00:00", "to": "24:00"}], "THURSDAY": [{"from": "00:00", "to": "24:00"}],
       "FRIDAY": [{"from": "00:00", "to": "24:00"}], "SATURDAY": [{"from": "00:00", "to": "24:00"}],
       "SUNDAY": [{"from": "00:00", "to": "24:00"}]}'),
    (gen_random_uuid(), 'Office hours', 'UTC',
     '{"MONDAY": [{"from": "09:00", "to": "17:00"}], "TUESDAY": [{"from": "09:00", "to": "17:00"}],
       "WEDNESDAY": [{"from": "09:00", "to": "17:00"}], "THURSDAY": [{"from": "09:00", "to": "17:00"}],
       "FRIDAY": [{"from": "09:00", "to": "17:00"}]}');
