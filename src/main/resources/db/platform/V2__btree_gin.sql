-- btree_gin lets one GIN index hold both an item's words and the month it was created in, so that
-- full-text search can go month by month, newest first, without reading every match (tenant V9,
-- ADR 0014). An extension is installed once per database, not per schema; it lives in a schema of
-- its own so that dropping a tenant's schema can never drop it. It is a trusted extension: a database
-- owner (or anyone with CREATE on the database) may install it, no superuser needed.
create schema if not exists extensions;
create extension if not exists btree_gin schema extensions;
