-- In-app notifications (module notification): what asks for someone's attention, until they read it.
create table notifications (
    id         uuid primary key,
    user_id    uuid not null references users (id) on delete cascade,
    kind       text not null,
    title      text not null,
    -- The page it is about, relative to the tenant ("/items/OPS-7").
    link       text not null,
    created_at timestamptz not null,
    read_at    timestamptz
);

create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;
