package io.worklane.work.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What criteria need to know of a work item to match it in memory; a snapshot of an item implements
 * it. Names are already ids here (resolution turned "Done" into status ids), so no lookups are needed.
 * Nullable: assigneeId, parentId, dueDate, resolvedAt. {@code fields} holds custom field values as
 * parsed from JSON (String, Number, Boolean, List of String).
 */
public interface ItemFacts {

    String key();

    UUID teamId();

    UUID typeId();

    String category();

    UUID statusId();

    int priority();

    UUID assigneeId();

    UUID reporterId();

    Set<UUID> watcherIds();

    Set<String> labels();

    UUID parentId();

    String title();

    String description();

    List<String> comments();

    LocalDate dueDate();

    Instant createdAt();

    Instant updatedAt();

    Instant resolvedAt();

    Map<String, Object> fields();
}
