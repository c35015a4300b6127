package io.worklane.work.web;

import java.util.List;

/**
 * A field of an item being edited in place: its input (holding what is typed), the version it applies
 * to, and, after a refusal, why, and (on a conflict) what the field reads now.
 */
record FieldEdit(String key, String field, FieldInput input, long version, String error, String current) {

    static FieldEdit of(String key, String field, FieldInput input, long version) {
        return new FieldEdit(key, field, input, version, null, null);
    }

    /** Someone changed the item meanwhile: keep what the person typed, show what is there now. */
    static FieldEdit conflict(String key, String field, FieldInput input, List<String> typed, long version,
                              String message, String current) {
        return new FieldEdit(key, field, input.refused(typed, null), version, message, current);
    }

    static FieldEdit refused(String key, String field, FieldInput input, List<String> typed, long version,
                             String message) {
        return new FieldEdit(key, field, input.refused(typed, message), version, message, null);
    }

    /** What the title or description input holds. */
    public String value() {
        return input.value();
    }
}
