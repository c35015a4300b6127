package io.worklane.work.internal;

import io.worklane.work.StatusFlow;
import io.worklane.work.StatusPhase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes types, their workflows and custom fields in the current tenant. Callers lock the type
 * ({@link #lock}) first, so that two admins changing one type queue instead of interleaving.
 */
@Repository
public class WorkTypeWriter {

    private final JdbcClient jdbc;

    WorkTypeWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A status as it will be stored; {@code existing} says whether to update or insert it. */
    public record StatusRow(UUID id, boolean existing, String name, StatusPhase phase, StatusFlow flow, int position,
                            boolean initial) {
    }

    public record TransitionRow(UUID from, UUID to, String name, List<String> roles) {
    }

    /** The type's version, with the type row locked until the transaction ends; empty when there is no such type. */
    public Optional<Long> lock(UUID type) {
        return jdbc.sql("select version from work_types where id = ? for update").param(type).query(Long.class).optional();
    }

    public boolean nameTaken(String name, UUID except) {
        return jdbc.sql("select exists (select 1 from work_types where lower(name) = lower(?) and id <> ?)")
                .params(name, except == null ? new UUID(0, 0) : except).query(Boolean.class).single();
    }

    public void insertType(UUID id, String name, String category, String description, boolean requestable) {
        jdbc.sql("""
                        insert into work_types (id, name, category, description, requestable, position)
                        values (?, ?, ?, ?, ?, (select coalesce(max(position), 0) + 1 from work_types))""")
                .params(id, name, category, description, requestable).update();
    }

    public void updateType(UUID id, String name, String category, String description, boolean requestable) {
        jdbc.sql("""
                        update work_types set name = ?, category = ?, description = ?, requestable = ?,
                                              updated_at = now(), version = version + 1
                        where id = ?""")
                .params(name, category, description, requestable, id).update();
    }

    /**
     * Items copy their type's category (so that the four kinds of work are filtered and counted without
     * a join); when a type moves to another category, its items move with it, in the same transaction.
     */
    public int recategoriseItems(UUID type, String category) {
        return jdbc.sql("update work_items set category = ? where type_id = ? and category <> ?")
                .params(category, type, category).update();
    }

    public void bumpVersion(UUID type) {
        jdbc.sql("update work_types set version = version + 1, updated_at = now() where id = ?").param(type).update();
    }

    public void lockStatuses(Collection<UUID> statuses) {
        if (!statuses.isEmpty()) {
            jdbc.sql("select id from workflow_statuses where id = any(?::uuid[]) for update")
                    .param(ids(statuses)).query(UUID.class).list();
        }
    }

    /** How many items are in each of these statuses (statuses without items are left out). */
    public Map<UUID, Long> itemsIn(Collection<UUID> statuses) {
        if (statuses.isEmpty()) {
            return Map.of();
        }
        record Count(UUID status, long items) {
        }
        return jdbc.sql("""
                        select status_id as status, count(*) as items from work_items
                        where status_id = any(?::uuid[]) group by status_id""")
                .param(ids(statuses))
                .query(Count.class).list().stream()
                .collect(Collectors.toMap(Count::status, Count::items));
    }

    /**
     * Replaces the statuses and transitions of a type. Kept statuses keep their ids (items and history
     * point at them); their names and the initial flag are cleared first so that a swap of two names,
     * or of the initial status, does not trip the unique indexes halfway.
     */
    public void replaceWorkflow(UUID type, List<StatusRow> statuses, Collection<UUID> removed,
                                List<TransitionRow> transitions) {
        jdbc.sql("delete from workflow_transitions where type_id = ?").param(type).update();
        if (!removed.isEmpty()) {
            jdbc.sql("delete from workflow_statuses where type_id = ? and id = any(?::uuid[])")
                    .params(type, ids(removed)).update();
        }
        jdbc.sql("update workflow_statuses set name = id::text, initial = false where type_id = ?").param(type).update();
        for (StatusRow s : statuses) {
            if (s.existing()) {
                jdbc.sql("""
                                update workflow_statuses set name = ?, phase = ?, flow = ?, position = ?, initial = ?
                                where id = ? and type_id = ?""")
                        .params(s.name(), s.phase().code(), s.flow().code(), s.position(), s.initial(), s.id(), type)
                        .update();
            } else {
                jdbc.sql("""
                                insert into workflow_statuses (id, type_id, name, phase, flow, position, initial)
                                values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(s.id(), type, s.name(), s.phase().code(), s.flow().code(), s.position(), s.initial())
                        .update();
            }
        }
        for (TransitionRow t : transitions) {
            jdbc.sql("""
                            insert into workflow_transitions (id, type_id, from_status, to_status, name, roles)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), type, t.from(), t.to(), t.name(),
                            t.roles().isEmpty() ? null : t.roles().toArray(String[]::new))
                    .update();
        }
    }

    public void insertField(UUID type, String key, String name, String kind, List<String> options, boolean required) {
        jdbc.sql("""
                        insert into custom_fields (id, type_id, key, name, kind, options, required, position)
                        values (?, ?, ?, ?, ?, ?, ?,
                                (select coalesce(max(position), 0) + 1 from custom_fields where type_id = ?))""")
                .params(UUID.randomUUID(), type, key, name, kind, options.toArray(String[]::new), required, type)
                .update();
    }

    public void updateField(UUID type, String key, String name, List<String> options, boolean required) {
        jdbc.sql("update custom_fields set name = ?, options = ?, required = ? where type_id = ? and key = ?")
                .params(name, options.toArray(String[]::new), required, type, key).update();
    }

    public boolean deleteField(UUID type, String key) {
        return jdbc.sql("delete from custom_fields where type_id = ? and key = ?").params(type, key).update() > 0;
    }

    private static String[] ids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
