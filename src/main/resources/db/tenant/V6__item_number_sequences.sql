-- Item numbers come from one sequence per team (item_number_<team id without dashes>). nextval never
-- hands out a number twice, even when the transaction that took it rolls back, and takes no lock:
-- creates in one team do not queue behind each other's commits (ADR 0007). Gaps are allowed.

create function create_item_number_sequence() returns trigger language plpgsql as $$
begin
    execute format('create sequence if not exists %I', 'item_number_' || replace(new.id::text, '-', ''));
    return new;
end
$$;

-- Every team gets its sequence the moment it exists, in the same transaction and schema.
create trigger teams_item_number_sequence after insert on teams
    for each row execute function create_item_number_sequence();

do $$
declare
    team record;
    name text;
begin
    for team in select t.id, coalesce(max(c.last_number), 0) as last_number
                from teams t left join item_counters c on c.team_id = t.id group by t.id loop
        name := 'item_number_' || replace(team.id::text, '-', '');
        execute format('create sequence if not exists %I', name);
        if team.last_number > 0 then
            perform setval(name::regclass, team.last_number);
        end if;
    end loop;
end
$$;

drop table item_counters;
