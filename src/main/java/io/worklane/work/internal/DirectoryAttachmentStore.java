package io.worklane.work.internal;

import io.worklane.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Keeps content in files named {@code <directory>/<tenant id>/<attachment id>}. A file appears under
 * its final name only complete: it is written and synced under a temporary name in the same
 * directory, then renamed atomically. If the transaction that inserted its row rolls back, the file
 * is deleted again; after a crash at the wrong moment a file may exist without a row, never the reverse.
 */
class DirectoryAttachmentStore implements AttachmentStore {

    private static final Logger log = LoggerFactory.getLogger(DirectoryAttachmentStore.class);

    private final Path root;

    DirectoryAttachmentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Path stage(TenantId tenant) throws IOException {
        Path dir = Files.createDirectories(directory(tenant));
        return Files.createTempFile(dir, ".upload-", ".part");
    }

    @Override
    public void keep(TenantId tenant, UUID id, Path staged, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Path target = file(tenant, id);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        try {
                            Files.deleteIfExists(target);
                        } catch (IOException e) {
                            log.warn("Could not delete {} of a rolled-back attachment", target, e);
                        }
                    }
                }
            });
        }
    }

    @Override
    public InputStream open(TenantId tenant, UUID id) throws IOException {
        return Files.newInputStream(file(tenant, id));
    }

    private Path directory(TenantId tenant) {
        return root.resolve(tenant.value().toString());
    }

    private Path file(TenantId tenant, UUID id) {
        return directory(tenant).resolve(id.toString());
    }

    /** Makes the rename itself durable; not every platform can open a directory, and then this is best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not sync directory {}", dir, e);
        }
    }
}
