-- Full-text search ranks the newest matches (ADR 0009), and finding them was left to the planner:
-- walk item_search_created_idx newest first, or read every match through the GIN index. Both can be
-- ruinous: a word common in old items but absent from the newest ones made the walk read 135,000
-- rows; a word common everywhere made the GIN read 50,000. Now the search walks only the newest
-- thousand items and then goes month by month, newest first, each month answered by one GIN index
-- over (month, words) that intersects the two posting lists (ADR 0014).
alter table item_search
    add column created_month integer not null generated always as (
        (extract(year from (created_at at time zone 'UTC')) * 12
             + extract(month from (created_at at time zone 'UTC')) - 1)::integer) stored;

-- Serves "words" alone as well as "words in this month": a GIN index answers any subset of its columns.
create index item_search_month_idx on item_search using gin (created_month, search);
drop index item_search_idx;
