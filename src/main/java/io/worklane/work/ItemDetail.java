package io.worklane.work;

import io.worklane.work.WorkManagement.TransitionOption;

import java.util.List;

/**
 * Everything an item's page shows, read together: the item, whether the reader may change it, the
 * steps they may take now, its children, its recorded history, its comments and its attachments (all
 * oldest first).
 */
public record ItemDetail(WorkItem item, boolean mayEdit, List<TransitionOption> transitions, List<Refs.ItemRef> children,
                         List<HistoryEntry> history, List<Comment> comments, List<Attachment> attachments,
                         List<FieldValue> customFields) {

    /** A custom field of the item's type as a person reads it; {@code value} is null when it holds none. */
    public record FieldValue(String key, String name, String value) {
    }
}
