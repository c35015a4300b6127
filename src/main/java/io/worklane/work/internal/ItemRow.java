package io.worklane.work.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An item as stored: references as ids. The facade computes the next row from this one and a change. */
public record ItemRow(UUID id, String key, UUID teamId, long number, UUID typeId, String category, UUID statusId,
                      int priority, String title, String description, UUID assigneeId, UUID reporterId,
                      List<String> labels, LocalDate dueDate, UUID parentId, Map<String, Object> fields,
                      Instant createdAt, Instant updatedAt, Instant statusChangedAt, Instant resolvedAt, long version) {
}
