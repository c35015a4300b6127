package io.worklane.work.web;

import io.worklane.work.WorkItem;

/**
 * A title or description being edited in place: the text in the input, the version it applies to,
 * and, after a refusal, why, and (on a conflict) what the field says now.
 */
record FieldEdit(String key, String field, String value, long version, String error, String current) {

    static FieldEdit of(WorkItem item, String field) {
        return new FieldEdit(item.key(), field, valueOf(item, field), item.version(), null, null);
    }

    /** Someone changed the item meanwhile: keep what the person typed, show what is there now. */
    static FieldEdit conflict(WorkItem current, String field, String typed, String message) {
        return new FieldEdit(current.key(), field, typed, current.version(), message, valueOf(current, field));
    }

    static FieldEdit refused(String key, String field, String typed, long version, String message) {
        return new FieldEdit(key, field, typed, version, message, null);
    }

    private static String valueOf(WorkItem item, String field) {
        return "title".equals(field) ? item.title() : item.description();
    }
}
