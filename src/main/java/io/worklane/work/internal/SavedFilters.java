package io.worklane.work.internal;

import io.worklane.shared.database.SqlTimes;
import io.worklane.work.Refs.Person;
import io.worklane.work.SavedFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Saved filters: a person's own, and those shared with the tenant. */
@Repository
public class SavedFilters {

    private static final String SELECT = """
            select f.id, f.name, f.query, f.shared, f.owner_id, u.name as owner_name, u.email as owner_email,
                   f.created_at, f.updated_at, f.version
            from saved_filters f join users u on u.id = f.owner_id""";

    private final JdbcClient jdbc;

    SavedFilters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's own filters and every shared one, by name. */
    public List<SavedFilter> visibleTo(UUID user) {
        return jdbc.sql(SELECT + " where f.owner_id = ? or f.shared order by lower(f.name), f.id limit 500")
                .param(user).query((rs, n) -> filter(rs)).list();
    }

    public Optional<SavedFilter> find(UUID id) {
        return jdbc.sql(SELECT + " where f.id = ?").param(id).query((rs, n) -> filter(rs)).optional();
    }

    public void insert(UUID id, UUID owner, String name, String query, boolean shared, Instant at) {
        jdbc.sql("""
                        insert into saved_filters (id, owner_id, name, query, shared, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, owner, name, query, shared, SqlTimes.utc(at), SqlTimes.utc(at)).update();
    }

    public boolean update(UUID id, long expectedVersion, String name, String query, boolean shared, Instant at) {
        return jdbc.sql("""
                        update saved_filters set name = ?, query = ?, shared = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(name, query, shared, SqlTimes.utc(at), id, expectedVersion).update() == 1;
    }

    public boolean delete(UUID id, long expectedVersion) {
        return jdbc.sql("delete from saved_filters where id = ? and version = ?").params(id, expectedVersion).update() == 1;
    }

    private static SavedFilter filter(ResultSet rs) throws SQLException {
        return new SavedFilter(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("query"),
                rs.getBoolean("shared"), new Person(rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
                rs.getString("owner_email")), SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
