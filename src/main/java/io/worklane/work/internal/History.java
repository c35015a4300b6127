package io.worklane.work.internal;

import io.worklane.shared.database.SqlTimes;
import io.worklane.work.HistoryEntry;
import io.worklane.work.ItemId;
import io.worklane.work.Refs.Person;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The recorded changes of items: every field, transition, comment, link and watcher change. */
@Repository
public class History {

    /** One change about to be recorded. Values are what is stored (ids); texts what a person reads. */
    public record Change(String kind, String field, Object oldValue, Object newValue, String oldText, String newText) {

        public static Change of(String kind) {
            return new Change(kind, null, null, null, null, null);
        }

        public static Change field(String field, Object oldValue, Object newValue, String oldText, String newText) {
            return new Change("field", field, oldValue, newValue, oldText, newText);
        }
    }

    private static final String SELECT = """
            select h.at, h.actor_id, u.name as actor_name, u.email as actor_email, h.version, h.kind, h.field,
                   h.old_text, h.new_text
            from item_history h left join users u on u.id = h.actor_id""";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    History(JdbcTemplate jdbcTemplate, JdbcClient jdbc, JsonMapper json) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records changes that together moved an item to {@code version}, in one round trip. */
    public void record(ItemId item, Instant at, UUID actor, long version, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                        insert into item_history (item_id, at, actor_id, version, kind, field, old_value, new_value,
                                                  old_text, new_text)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""",
                changes.stream().map(c -> new Object[]{item.value(), SqlTimes.utc(at), actor, version, c.kind(), c.field(),
                        jsonOrNull(c.oldValue()), jsonOrNull(c.newValue()), c.oldText(), c.newText()}).toList());
    }

    public List<HistoryEntry> of(ItemId item) {
        return jdbc.sql(SELECT + " where h.item_id = ? order by h.version, h.id").param(item.value())
                .query((rs, n) -> entry(rs)).list();
    }

    /** What happened to an item after {@code version}: told to a writer whose copy is stale. */
    public List<HistoryEntry> since(ItemId item, long version) {
        return jdbc.sql(SELECT + " where h.item_id = ? and h.version > ? order by h.version, h.id limit 100")
                .params(item.value(), version).query((rs, n) -> entry(rs)).list();
    }

    private HistoryEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID actor = rs.getObject("actor_id", UUID.class);
        return new HistoryEntry(SqlTimes.instant(rs, "at"),
                actor == null ? null : new Person(actor, rs.getString("actor_name"), rs.getString("actor_email")),
                rs.getLong("version"), rs.getString("kind"), rs.getString("field"), rs.getString("old_text"),
                rs.getString("new_text"));
    }

    private String jsonOrNull(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
