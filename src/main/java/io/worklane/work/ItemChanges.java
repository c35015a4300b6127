package io.worklane.work;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A partial change of an item, with JSON merge-patch meaning: a field left out (null here) stays as it
 * is, a field sent as JSON null (an empty Optional) is cleared, a value replaces the old one.
 * {@code fields} merges into the custom fields: a key mapped to null removes that value.
 */
public record ItemChanges(Optional<String> title, Optional<String> description, Optional<String> priority,
                          Optional<UUID> assignee, Optional<List<String>> labels, Optional<LocalDate> dueDate,
                          Optional<String> parent, Optional<Map<String, Object>> fields) {

    public static ItemChanges none() {
        return new ItemChanges(null, null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return title == null && description == null && priority == null && assignee == null && labels == null
                && dueDate == null && parent == null && fields == null;
    }
}
