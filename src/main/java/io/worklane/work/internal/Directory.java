package io.worklane.work.internal;

import io.worklane.identity.Role;
import io.worklane.work.Refs.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The people and teams that work refers to, read from identity's tables of the same tenant schema.
 * Work only reads them (ADR 0007): assignees, reporters, watchers, mentions and owning teams.
 */
@Repository
public class Directory {

    public record TeamRow(UUID id, String key, String name) {
    }

    /** A team as its page shows it. */
    public record TeamProfile(UUID id, String key, String name, String description) {
    }

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TeamRow> team(String key) {
        return jdbc.sql("select id, key, name from teams where key = ?").param(key.strip().toUpperCase())
                .query(TeamRow.class).optional();
    }

    /** Every team, by key: anyone may raise work with any team. */
    public List<TeamRow> teams() {
        return jdbc.sql("select id, key, name from teams order by key limit 1000").query(TeamRow.class).list();
    }

    public Optional<TeamProfile> teamProfile(String key) {
        return jdbc.sql("select id, key, name, description from teams where key = ?").param(key.strip().toUpperCase())
                .query(TeamProfile.class).optional();
    }

    /** The active members of a team, by name. */
    public List<Person> members(UUID team) {
        return jdbc.sql("""
                        select u.id, u.name, u.email from team_members m join users u on u.id = m.user_id
                        where m.team_id = ? and u.active order by lower(u.name), u.id""")
                .param(team).query(Person.class).list();
    }

    /** The roles of an active person; empty when there is no such person or they were deactivated. */
    public Optional<Set<Role>> activeRoles(UUID user) {
        return jdbc.sql("select roles from users where id = ? and active").param(user)
                .query((rs, n) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::fromCode).forEach(roles::add);
                    return roles;
                }).optional();
    }

    public Optional<Person> person(UUID user) {
        return jdbc.sql("select id, name, email from users where id = ?").param(user).query(Person.class).optional();
    }

    /**
     * The active person a form names, as the query language does: by e-mail address, or by name when
     * exactly one active person has it (names are not unique).
     */
    public Optional<Person> person(String emailOrName) {
        String typed = emailOrName.strip();
        Optional<Person> byEmail = jdbc.sql("select id, name, email from users where lower(email) = lower(?) and active")
                .param(typed).query(Person.class).optional();
        if (byEmail.isPresent()) {
            return byEmail;
        }
        List<Person> byName = jdbc.sql("select id, name, email from users where lower(name) = lower(?) and active limit 2")
                .param(typed).query(Person.class).list();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    /** Up to {@code limit} active people whose name or e-mail address starts with {@code prefix}, by name. */
    public List<Person> peopleStartingWith(String prefix, int limit) {
        String pattern = escapeLike(prefix.strip().toLowerCase()) + "%";
        return jdbc.sql("""
                        select id, name, email from users
                        where active and (lower(name) like :q or lower(email) like :q)
                        order by lower(name), id limit :limit""")
                .param("q", pattern).param("limit", limit).query(Person.class).list();
    }

    public Optional<String> name(UUID user) {
        return jdbc.sql("select name from users where id = ?").param(user).query(String.class).optional();
    }

    /**
     * The active people an @mention names: a whole e-mail address, or the part before the @ when only
     * one person's address starts with it.
     */
    public Optional<UUID> mentioned(String handle) {
        String lower = handle.toLowerCase();
        String pattern = lower.contains("@") ? lower : escapeLike(lower) + "@%";
        List<UUID> found = jdbc.sql("select id from users where active and lower(email) like ? limit 2")
                .param(pattern).query(UUID.class).list();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
