package io.worklane.work;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to an item. {@code contentType} is what its bytes were found to be (not what the
 * uploader claimed); {@code sha256} is the hex digest of its content.
 */
public record Attachment(UUID id, String filename, String contentType, long size, String sha256, Uploader uploadedBy,
                         Instant uploadedAt) {

    public record Uploader(UUID id, String name) {
    }
}
