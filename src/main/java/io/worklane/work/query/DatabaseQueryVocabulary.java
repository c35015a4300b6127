package io.worklane.work.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The current tenant's names, looked up in its schema as a query is resolved (one indexed lookup per
 * name in the query). Team and item keys are stored upper-case; other names compare lower-cased.
 */
@Component
public class DatabaseQueryVocabulary implements QueryVocabulary {

    private final JdbcClient jdbc;

    DatabaseQueryVocabulary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> statusesNamed(String name) {
        return Set.copyOf(jdbc.sql("select id from workflow_statuses where lower(name) = lower(:name)")
                .param("name", name).query(UUID.class).list());
    }

    @Override
    public Set<UUID> statusesInPhase(String phase) {
        return Set.copyOf(jdbc.sql("select id from workflow_statuses where phase = :phase")
                .param("phase", phase).query(UUID.class).list());
    }

    @Override
    public Optional<UUID> team(String key) {
        return jdbc.sql("select id from teams where key = upper(:key)").param("key", key).query(UUID.class).optional();
    }

    @Override
    public Optional<UUID> type(String name) {
        return jdbc.sql("select id from work_types where lower(name) = lower(:name)").param("name", name).query(UUID.class).optional();
    }

    /** By e-mail address first; by name only when exactly one person has it, since names are not unique. */
    @Override
    public Optional<UUID> user(String emailOrName) {
        Optional<UUID> byEmail = jdbc.sql("select id from users where lower(email) = lower(:email)")
                .param("email", emailOrName).query(UUID.class).optional();
        if (byEmail.isPresent()) {
            return byEmail;
        }
        List<UUID> byName = jdbc.sql("select id from users where lower(name) = lower(:name) limit 2")
                .param("name", emailOrName).query(UUID.class).list();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    @Override
    public Optional<UUID> item(String key) {
        return jdbc.sql("select id from work_items where key = upper(:key)").param("key", key).query(UUID.class).optional();
    }

    /** Types may each define a key; a query treats the key as one field, of the kind its first definition has. */
    @Override
    public Optional<CustomFieldKind> customField(String key) {
        return jdbc.sql("select kind from custom_fields where key = :key order by position, id limit 1")
                .param("key", key).query(String.class).optional().map(CustomFieldKind::of);
    }
}
