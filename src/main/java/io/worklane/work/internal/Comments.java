package io.worklane.work.internal;

import io.worklane.shared.database.SqlTimes;
import io.worklane.work.Comment;
import io.worklane.work.ItemId;
import io.worklane.work.Refs.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Comments on items. A deleted comment keeps its row (history points at it) but loses its text. */
@Repository
public class Comments {

    private static final String SELECT = """
            select c.id, c.item_id, c.author_id, u.name as author_name, u.email as author_email, c.body,
                   c.created_at, c.updated_at, c.version
            from item_comments c join users u on u.id = c.author_id""";

    /** A comment and the item it belongs to. */
    public record Stored(ItemId item, Comment comment) {
    }

    private final JdbcClient jdbc;

    Comments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, ItemId item, UUID author, String body, Instant at) {
        jdbc.sql("""
                        insert into item_comments (id, item_id, author_id, body, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, item.value(), author, body, SqlTimes.utc(at), SqlTimes.utc(at)).update();
    }

    public List<Comment> of(ItemId item) {
        return jdbc.sql(SELECT + " where c.item_id = ? and c.deleted_at is null order by c.created_at, c.id")
                .param(item.value()).query((rs, n) -> comment(rs)).list();
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ? and c.deleted_at is null").param(id)
                .query((rs, n) -> new Stored(new ItemId(rs.getObject("item_id", UUID.class)), comment(rs))).optional();
    }

    public boolean update(UUID id, long expectedVersion, String body, Instant at) {
        return jdbc.sql("""
                        update item_comments set body = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ? and deleted_at is null""")
                .params(body, SqlTimes.utc(at), id, expectedVersion).update() == 1;
    }

    public boolean delete(UUID id, long expectedVersion, Instant at) {
        return jdbc.sql("""
                        update item_comments set body = '', deleted_at = ?, version = version + 1
                        where id = ? and version = ? and deleted_at is null""")
                .params(SqlTimes.utc(at), id, expectedVersion).update() == 1;
    }

    private static Comment comment(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant created = SqlTimes.instant(rs, "created_at");
        Instant updated = SqlTimes.instant(rs, "updated_at");
        return new Comment(rs.getObject("id", UUID.class),
                new Person(rs.getObject("author_id", UUID.class), rs.getString("author_name"), rs.getString("author_email")),
                rs.getString("body"), created, updated, !updated.equals(created), rs.getLong("version"));
    }
}
