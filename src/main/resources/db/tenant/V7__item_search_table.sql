-- Full-text search moves to a table of its own. A search vector holds a hundred lexemes or more, and
-- every index entry of a row is rewritten when any indexed column of it changes (updated_at does on
-- every write): with the vector on work_items, changing an item's priority rewrote all its lexemes in
-- the GIN index. Now only a change of title, description or comments touches the search index.
-- created_at is the item's and never changes: ranking by relevance starts from the newest matches,
-- found by walking this table alone (ADR 0009).
create table item_search (
    item_id    uuid primary key references work_items (id) on delete cascade,
    created_at timestamptz not null,
    search     tsvector not null
);

insert into item_search (item_id, created_at, search) select id, created_at, search from work_items;

create index item_search_idx on item_search using gin (search);
create index item_search_created_idx on item_search (created_at desc, item_id desc);

drop index work_items_search_idx;
alter table work_items drop column search;

-- Fewer indexes for every write to maintain: a category alone (a quarter of all items) or a status
-- alone is found quickly by walking the newest-first index; what needs its own index is the most
-- common filter, a person's work in some status.
drop index work_items_category_idx;
drop index work_items_status_idx;
-- The key is unique and made of the team's (immutable) key and the number: no second unique index.
alter table work_items drop constraint work_items_team_id_number_key;
create index work_items_assignee_status_idx on work_items (assignee_id, status_id, updated_at desc, id desc);
