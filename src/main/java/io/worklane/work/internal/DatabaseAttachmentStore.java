package io.worklane.work.internal;

import io.worklane.shared.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/** Keeps content in {@code item_attachments.content}: one place to back up, the default. */
class DatabaseAttachmentStore implements AttachmentStore {

    private final JdbcTemplate jdbc;

    DatabaseAttachmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Path stage(TenantId tenant) throws IOException {
        return Files.createTempFile("worklane-attachment-", ".part");
    }

    @Override
    public void keep(TenantId tenant, UUID id, Path staged, long size) throws IOException {
        try (InputStream content = Files.newInputStream(staged)) {
            jdbc.update("update item_attachments set content = ? where id = ?", ps -> {
                ps.setBinaryStream(1, content, size);
                ps.setObject(2, id);
            });
        }
        Files.deleteIfExists(staged);
    }

    @Override
    public InputStream open(TenantId tenant, UUID id) throws IOException {
        byte[] content = jdbc.query("select content from item_attachments where id = ?",
                rs -> rs.next() ? rs.getBytes(1) : null, id);
        if (content == null) {
            throw new NoSuchFileException("attachment " + id + " has no content in the database");
        }
        return new ByteArrayInputStream(content);
    }
}
