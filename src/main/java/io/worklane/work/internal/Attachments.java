package io.worklane.work.internal;

import io.worklane.shared.database.SqlTimes;
import io.worklane.work.Attachment;
import io.worklane.work.ItemId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows of attachments. A removed attachment keeps its row and content (history points at it);
 * it is only no longer listed or served. Content is written by the {@link AttachmentStore}.
 */
@Repository
public class Attachments {

    private static final String SELECT = """
            select a.id, a.item_id, a.filename, a.content_type, a.size, a.sha256, a.uploaded_by,
                   u.name as uploader_name, a.uploaded_at
            from item_attachments a join users u on u.id = a.uploaded_by""";

    /** An attachment and the item it belongs to. */
    public record Stored(ItemId item, Attachment attachment) {
    }

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, ItemId item, String filename, String contentType, long size, byte[] sha256,
                       UUID uploadedBy, Instant at) {
        jdbc.sql("""
                        insert into item_attachments (id, item_id, filename, content_type, size, sha256, uploaded_by,
                                                      uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, item.value(), filename, contentType, size, sha256, uploadedBy, SqlTimes.utc(at)).update();
    }

    public List<Attachment> of(ItemId item) {
        return jdbc.sql(SELECT + " where a.item_id = ? and a.deleted_at is null order by a.uploaded_at, a.id")
                .param(item.value()).query((rs, n) -> attachment(rs)).list();
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " where a.id = ? and a.deleted_at is null").param(id)
                .query((rs, n) -> new Stored(new ItemId(rs.getObject("item_id", UUID.class)), attachment(rs))).optional();
    }

    public boolean remove(UUID id, Instant at) {
        return jdbc.sql("update item_attachments set deleted_at = ? where id = ? and deleted_at is null")
                .params(SqlTimes.utc(at), id).update() == 1;
    }

    private static Attachment attachment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Attachment(rs.getObject("id", UUID.class), rs.getString("filename"), rs.getString("content_type"),
                rs.getLong("size"), HexFormat.of().formatHex(rs.getBytes("sha256")),
                new Attachment.Uploader(rs.getObject("uploaded_by", UUID.class), rs.getString("uploader_name")),
                SqlTimes.instant(rs, "uploaded_at"));
    }
}
