-- Full-text search moves to a table of its own. A search vector holds a hundred lexemes or more, and
-- every index entry of a row is rewritten when any indexed column of it changes (updated_at does on
-- every write): with the vector on work_items, changing an item's priority rewrote all its lexemes in
-- the GIN index. Now only a change of title, description or comments touches the search index.
create table item_search (
    item_id uuid primary key references work_items (id) on delete cascade,
    search  tsvector not null
);

insert into item_search (item_id, search) select id, search from work_items;

create index item_search_idx on item_search using gin (search);

drop index work_items_search_idx;
alter table work_items drop column search;

-- Fewer indexes for every write to maintain: a category alone (a quarter of all items) or a status
-- alone is found quickly by walking the newest-first index; what needs its own index is the most
-- common filter, a person's work in some status.
drop index work_items_category_idx;
drop index work_items_status_idx;
create index work_items_assignee_status_idx on work_items (assignee_id, status_id, updated_at desc, id desc);
