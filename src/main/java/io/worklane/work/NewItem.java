package io.worklane.work;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order to create a work item. {@code team} is the owning team's key, {@code type} the type's name,
 * {@code parent} the parent item's key. Staff may name another {@code reporter}; requesters report for
 * themselves.
 */
public record NewItem(String team, String type, String title, String description, String priority, UUID assignee,
                      UUID reporter, List<String> labels, LocalDate dueDate, String parent,
                      Map<String, Object> fields, List<UUID> watchers) {
}
