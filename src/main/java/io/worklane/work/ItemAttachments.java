package io.worklane.work;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.work.WorkItemEvents.AttachmentAdded;
import io.worklane.work.internal.AttachmentStore;
import io.worklane.work.internal.Attachments;
import io.worklane.work.internal.History;
import io.worklane.work.internal.History.Change;
import io.worklane.work.internal.ItemRow;
import io.worklane.work.internal.Items;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Files attached to items. Whoever may comment on an item may attach to it (and see its
 * attachments); the uploader or an admin removes one, and both are kept in the item's history. What
 * a file is, is decided from its bytes by {@link AttachmentContentPolicy}, never from what its sender
 * claims; its size is limited by {@code worklane.attachments.max-size}.
 */
@Service
public class ItemAttachments {

    private final WorkManagement work;
    private final Attachments attachments;
    private final AttachmentStore store;
    private final Items items;
    private final History history;
    private final AttachmentProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ItemAttachments(WorkManagement work, Attachments attachments, AttachmentStore store, Items items, History history,
                    AttachmentProperties properties, ApplicationEventPublisher events, TransactionTemplate transactions,
                    Clock clock) {
        this.work = work;
        this.attachments = attachments;
        this.store = store;
        this.items = items;
        this.history = history;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(WorklaneUser actor, String key) {
        return attachments.of(work.get(actor, key).id());
    }

    /**
     * Attaches a file. The content is staged and checked before the item is locked, so that a slow
     * upload never holds up other writers of the item; the row and the content are then kept together.
     */
    public Attachment add(WorklaneUser actor, String key, AttachmentUpload upload) {
        work.get(actor, key);
        String filename = AttachmentContentPolicy.filename(upload.filename());
        Staged staged = stage(actor, upload);
        try {
            long size = Files.size(staged.path());
            AttachmentContentPolicy.Decision decision = AttachmentContentPolicy.decide(filename, upload.declaredType(),
                    staged.path());
            if (!decision.accepted()) {
                throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-attachment", "Unsupported attachment",
                        "'file' " + decision.refusal() + ".", List.of(new FieldError("file", decision.refusal())));
            }
            return transactions.execute(tx -> {
                ItemRow row = work.visibleRowForUpdate(actor, key);
                ItemId item = new ItemId(row.id());
                UUID id = UUID.randomUUID();
                Instant now = clock.instant();
                attachments.insert(id, item, filename, decision.contentType(), size, staged.sha256(),
                        actor.id().value(), now);
                try {
                    store.keep(actor.tenantId(), id, staged.path(), size);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                items.touch(item, now);
                history.record(item, now, actor.id().value(), row.version(),
                        List.of(new Change("attachment_added", "attachment", null, id, null, filename)));
                events.publishEvent(new AttachmentAdded(actor.tenantId(), item, row.key(), id, now, actor.id()));
                return attachments.find(id).orElseThrow().attachment();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(staged.path());
        }
    }

    /** An attachment's content, for download. */
    @Transactional(readOnly = true)
    public AttachmentDownload download(WorklaneUser actor, String key, UUID attachmentId) {
        Attachments.Stored stored = onItem(actor, key, attachmentId);
        try {
            return new AttachmentDownload(stored.attachment(), store.open(actor.tenantId(), attachmentId));
        } catch (IOException e) {
            throw new UncheckedIOException("The content of attachment " + attachmentId + " is missing", e);
        }
    }

    @Transactional
    public void remove(WorklaneUser actor, String key, UUID attachmentId) {
        ItemRow row = work.visibleRowForUpdate(actor, key);
        Attachments.Stored stored = attachments.find(attachmentId).filter(a -> a.item().value().equals(row.id()))
                .orElseThrow(() -> notFound(row.key(), attachmentId));
        if (!actor.isAdmin() && !stored.attachment().uploadedBy().id().equals(actor.id().value())) {
            throw ApiProblem.forbidden("Only whoever attached a file, or an admin, may remove it.");
        }
        Instant now = clock.instant();
        if (!attachments.remove(attachmentId, now)) {
            throw notFound(row.key(), attachmentId);
        }
        items.touch(stored.item(), now);
        history.record(stored.item(), now, actor.id().value(), row.version(), List.of(new Change("attachment_removed",
                "attachment", attachmentId, null, stored.attachment().filename(), null)));
    }

    /** What content types an image may be shown inline as (the rest are always downloads). */
    public static boolean showableInline(String contentType) {
        return AttachmentContentPolicy.INLINE_IMAGES.contains(contentType);
    }

    /** The Content-Type to serve a stored attachment with. */
    public static String servedType(String contentType) {
        return AttachmentContentPolicy.servedType(contentType);
    }

    private Attachments.Stored onItem(WorklaneUser actor, String key, UUID attachmentId) {
        WorkItem item = work.get(actor, key);
        return attachments.find(attachmentId).filter(a -> a.item().equals(item.id()))
                .orElseThrow(() -> notFound(item.key(), attachmentId));
    }

    /** Writes the upload to a staging file, hashing it and counting its bytes against the limit. */
    private Staged stage(WorklaneUser actor, AttachmentUpload upload) {
        long limit = properties.maxSize().toBytes();
        Path path;
        try {
            path = store.stage(actor.tenantId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = upload.content().getInputStream();
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(path), sha256)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > limit) {
                        throw tooLarge(limit);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new Staged(path, sha256.digest());
        } catch (IOException e) {
            deleteQuietly(path);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(path);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(path);
            throw new IllegalStateException(e);
        }
    }

    private record Staged(Path path, byte[] sha256) {
    }

    /** Normally the container's multipart limit refuses first; this holds whatever the web layer lets through. */
    private static ApiProblem tooLarge(long limit) {
        String message = "must be at most " + limit + " bytes";
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "'file' " + message + ".", List.of(new FieldError("file", message)));
    }

    private static ApiProblem notFound(String key, UUID attachmentId) {
        return ApiProblem.notFound("There is no attachment " + attachmentId + " on " + key + ".");
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover staging file is named *.part and never served
        }
    }
}
