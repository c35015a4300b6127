-- Every tenant gets its decision-link secret now, rather than on first use (where making it took a
-- second connection inside a transaction). Two random UUIDs: 244 bits from PostgreSQL's strong source.
insert into approval_signing (secret, created_at)
values (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), now())
on conflict do nothing;
