-- Moving a type to another category rewrites the category its items copy (work_items.category);
-- this keeps that update from scanning every item of a large tenant. Numbered 5.1 so that it does
-- not collide with a V5 written on another branch at the same time.
create index work_items_type_idx on work_items (type_id);
