package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.work.Attachment;
import io.worklane.work.Comment;
import io.worklane.work.HistoryEntry;
import io.worklane.work.ItemDetail;
import io.worklane.work.Refs;
import io.worklane.work.WorkItem;
import io.worklane.work.WorkManagement.TransitionOption;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** An item's page: the item, what the reader may do with it, its attachments and its activity (oldest first). */
record ItemPageView(WorkItem item, boolean mayEdit, boolean watching, List<TransitionOption> transitions,
                    List<Refs.ItemRef> children, List<AttachmentEntry> attachments, List<TimelineEntry> timeline,
                    List<ItemDetail.FieldValue> customFields) {

    /** An attached file, {@code kind} its short type (PNG, PDF, DOCX); {@code mayRemove} for its uploader or an admin. */
    record AttachmentEntry(Attachment attachment, String kind, boolean mayRemove) {

        static AttachmentEntry of(Attachment attachment, WorklaneUser reader) {
            return new AttachmentEntry(attachment, kind(attachment.contentType()),
                    reader.isAdmin() || attachment.uploadedBy().id().equals(reader.id().value()));
        }

        private static String kind(String contentType) {
            return switch (contentType) {
                case "text/plain" -> "TXT";
                case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX";
                case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "XLSX";
                case "application/vnd.openxmlformats-officedocument.presentationml.presentation" -> "PPTX";
                default -> contentType.substring(contentType.indexOf('/') + 1).toUpperCase(Locale.ROOT);
            };
        }
    }

    /** Comments show themselves (with their current text); their history lines would repeat them. */
    private static final Set<String> SHOWN_AS_COMMENTS = Set.of("comment_added", "comment_edited");

    static ItemPageView of(ItemDetail detail, WorklaneUser reader, MessageSource messages) {
        WorkItem item = detail.item();
        List<AttachmentEntry> attachments = detail.attachments().stream()
                .map(a -> AttachmentEntry.of(a, reader)).toList();
        return new ItemPageView(item, detail.mayEdit(), item.watchedBy(reader.id().value()), detail.transitions(),
                detail.children(), attachments, timeline(detail, reader, messages), detail.customFields());
    }

    static List<TimelineEntry> timeline(ItemDetail detail, WorklaneUser reader, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoryEntry entry : detail.history()) {
            if (!SHOWN_AS_COMMENTS.contains(entry.kind())) {
                entries.add(TimelineEntry.change(entry.at(), entry.actor(), sentence(entry, detail.customFields(), messages, locale)));
            }
        }
        for (Comment comment : detail.comments()) {
            entries.add(TimelineEntry.comment(comment, mayChange(comment, reader)));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    static boolean mayChange(Comment comment, WorklaneUser reader) {
        return reader.isAdmin() || comment.author().id().equals(reader.id().value());
    }

    private static String sentence(HistoryEntry entry, List<ItemDetail.FieldValue> customFields, MessageSource messages,
                                   Locale locale) {
        String kind = entry.kind();
        if ("field".equals(kind)) {
            // A custom field is named as its type names it ("Impact"), not by its stored key.
            String field = customFields.stream().filter(f -> ("fields." + f.key()).equals(entry.field()))
                    .map(ItemDetail.FieldValue::name).findFirst()
                    .orElseGet(() -> messages.getMessage("timeline.fieldName." + entry.field(), null, entry.field(), locale));
            if ("description".equals(entry.field())) {
                return messages.getMessage("timeline.description", null, locale);
            }
            if (blank(entry.from())) {
                return messages.getMessage("timeline.field.set", new Object[]{field, entry.to()}, locale);
            }
            if (blank(entry.to())) {
                return messages.getMessage("timeline.field.cleared", new Object[]{field, entry.from()}, locale);
            }
            return messages.getMessage("timeline.field", new Object[]{field, entry.from(), entry.to()}, locale);
        }
        return messages.getMessage("timeline." + kind, new Object[]{entry.from(), entry.to()},
                messages.getMessage("timeline.other", null, locale), locale);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
