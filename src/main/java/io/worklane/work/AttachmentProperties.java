package io.worklane.work;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * Where attachments are kept and how large they may be. With no {@code directory}, their content is
 * stored in PostgreSQL (bytea) next to their row; with one, under {@code <directory>/<tenant id>/<attachment id>}.
 * Either way the row in PostgreSQL is the source of truth: a file without a row is never served.
 */
@ConfigurationProperties("worklane.attachments")
public record AttachmentProperties(Path directory, DataSize maxSize) {

    public AttachmentProperties {
        directory = directory == null || directory.toString().isBlank() ? null : directory;
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
    }

    public boolean inDirectory() {
        return directory != null;
    }
}
