package io.worklane.work.internal;

import io.worklane.shared.TenantId;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where attachment content lives: in PostgreSQL or in a directory ({@code worklane.attachments.directory}).
 * An upload is first written to a staging file, checked, and only then made the content of an
 * attachment whose row was inserted in the same transaction; a rolled-back transaction leaves nothing.
 */
public interface AttachmentStore {

    /** A new, empty file to receive an upload; the caller deletes it if it is not {@link #keep kept}. */
    Path stage(TenantId tenant) throws IOException;

    /** Makes the staged file the content of attachment {@code id}, inside the current transaction. */
    void keep(TenantId tenant, UUID id, Path staged, long size) throws IOException;

    /** The content of attachment {@code id}; the caller closes it. */
    InputStream open(TenantId tenant, UUID id) throws IOException;
}
