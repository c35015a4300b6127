package io.worklane.identity.internal;

import io.worklane.identity.Role;
import io.worklane.identity.User;
import io.worklane.shared.Page;
import io.worklane.shared.PageRequest;
import io.worklane.shared.UserId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;

/** People of the current tenant (the connection is already routed to its schema). */
@Repository
public class Users {

    /** What sign-in needs to know about a person. */
    public record Credentials(User user, String passwordHash, int failedSignIns, Instant throttledUntil) {
    }

    static final String COLUMNS = "id, email, name, roles, active, created_at, updated_at, version, manager_id";

    static final RowMapper<User> USER = (rs, row) -> new User(
            new UserId(rs.getObject("id", UUID.class)),
            rs.getString("email"),
            rs.getString("name"),
            roles(rs.getArray("roles")),
            rs.getBoolean("active"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"),
            rs.getLong("version"),
            manager(rs.getObject("manager_id", UUID.class)));

    private final JdbcClient jdbc;

    public Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> find(UserId id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = ?").param(id.value()).query(USER).optional();
    }

    public Optional<Credentials> credentials(String email) {
        return jdbc.sql("select " + COLUMNS + ", password_hash, failed_sign_ins, throttled_until from users where lower(email) = lower(?)")
                .param(email)
                .query((rs, row) -> new Credentials(USER.mapRow(rs, row), rs.getString("password_hash"),
                        rs.getInt("failed_sign_ins"), instant(rs, "throttled_until")))
                .optional();
    }

    public Page<User> list(String query, PageRequest page) {
        // A prefix of the name or the e-mail address: what people type in a picker, and indexed.
        String pattern = query == null || query.isBlank() ? null : escapeLike(query.strip().toLowerCase()) + "%";
        String where = pattern == null ? "" : " where lower(name) like :q or lower(email) like :q";
        var select = jdbc.sql("select " + COLUMNS + " from users" + where + " order by lower(name), id limit :limit offset :offset")
                .param("limit", page.size()).param("offset", page.offset());
        var count = jdbc.sql("select count(*) from users" + where);
        if (pattern != null) {
            select = select.param("q", pattern);
            count = count.param("q", pattern);
        }
        return new Page<>(select.query(USER).list(), page.page(), page.size(), count.query(Long.class).single());
    }

    public void insert(UserId id, String email, String name, String passwordHash, Set<Role> roles) {
        jdbc.sql("insert into users (id, email, name, password_hash, roles) values (?, ?, ?, ?, ?::text[])")
                .params(id.value(), email, name, passwordHash, pgArray(roles)).update();
    }

    /** Applies the changes if the person is still at the expected version; false when stale. */
    public boolean update(UserId id, long expectedVersion, String name, Set<Role> roles, boolean active, String passwordHash,
                          UserId manager) {
        return jdbc.sql("""
                        update users set name = ?, roles = ?::text[], active = ?,
                               password_hash = coalesce(?, password_hash), manager_id = ?, updated_at = now(),
                               version = version + 1
                        where id = ? and version = ?""")
                .params(name, pgArray(roles), active, passwordHash, manager == null ? null : manager.value(), id.value(),
                        expectedVersion).update() == 1;
    }

    /** Whether {@code manager} reports, directly or not, to {@code person}: making them the manager would close a loop. */
    public boolean reportsTo(UserId manager, UserId person) {
        return jdbc.sql("""
                        with recursive chain (id, depth) as (
                            select manager_id, 1 from users where id = ?
                            union all
                            select u.manager_id, c.depth + 1 from users u join chain c on u.id = c.id
                            where c.depth < 100)
                        select exists (select 1 from chain where id = ?)""")
                .params(manager.value(), person.value()).query(Boolean.class).single()
                || manager.equals(person);
    }

    public Optional<UserId> byEmail(String email) {
        return jdbc.sql("select id from users where lower(email) = lower(?)").param(email)
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).optional();
    }

    public int countActiveAdmins() {
        return jdbc.sql("select count(*) from users where active and 'admin' = any(roles)").query(Integer.class).single();
    }

    public void recordFailedSignIn(UserId id, Instant throttledUntil) {
        jdbc.sql("update users set failed_sign_ins = failed_sign_ins + 1, throttled_until = ? where id = ?")
                .params(throttledUntil == null ? null : OffsetDateTime.ofInstant(throttledUntil, java.time.ZoneOffset.UTC), id.value())
                .update();
    }

    public void recordSuccessfulSignIn(UserId id) {
        jdbc.sql("update users set failed_sign_ins = 0, throttled_until = null where id = ? and failed_sign_ins > 0")
                .param(id.value()).update();
    }

    private static UserId manager(UUID id) {
        return id == null ? null : new UserId(id);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String pgArray(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::code).sorted().toList()) + "}";
    }

    static Set<Role> roles(Array array) throws SQLException {
        String[] codes = (String[]) array.getArray();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(codes).map(Role::fromCode).forEach(roles::add);
        return roles;
    }
}
