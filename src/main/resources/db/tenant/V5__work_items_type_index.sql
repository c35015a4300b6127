-- Moving a type to another category rewrites the category its items copy (work_items.category);
-- this keeps that update from scanning every item of a large tenant.
create index work_items_type_idx on work_items (type_id);
