package io.worklane.work.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A work item snapshot for tests, built fluently; unset parts are empty. */
final class Item implements ItemFacts {

    final UUID id = UUID.randomUUID();
    String key = "OPS-1";
    UUID teamId = UUID.randomUUID();
    UUID typeId = UUID.randomUUID();
    String category = "unplanned";
    UUID statusId = UUID.randomUUID();
    int priority = 3;
    UUID assigneeId;
    UUID reporterId = UUID.randomUUID();
    Set<UUID> watcherIds = new HashSet<>();
    Set<String> labels = new HashSet<>();
    UUID parentId;
    String title = "Something";
    String description = "";
    List<String> comments = new ArrayList<>();
    LocalDate dueDate;
    Instant createdAt = Instant.parse("2026-11-01T10:00:00Z");
    Instant updatedAt = Instant.parse("2026-11-01T10:00:00Z");
    Instant resolvedAt;
    Map<String, Object> fields = new HashMap<>();

    static Item item() {
        return new Item();
    }

    Item key(String key) { this.key = key; return this; }
    Item team(UUID team) { this.teamId = team; return this; }
    Item type(UUID type) { this.typeId = type; return this; }
    Item category(String category) { this.category = category; return this; }
    Item status(UUID status) { this.statusId = status; return this; }
    Item priority(int priority) { this.priority = priority; return this; }
    Item assignee(UUID user) { this.assigneeId = user; return this; }
    Item reporter(UUID user) { this.reporterId = user; return this; }
    Item watchedBy(UUID... users) { this.watcherIds.addAll(List.of(users)); return this; }
    Item labels(String... labels) { this.labels.addAll(List.of(labels)); return this; }
    Item parent(UUID parent) { this.parentId = parent; return this; }
    Item title(String title) { this.title = title; return this; }
    Item description(String description) { this.description = description; return this; }
    Item comment(String comment) { this.comments.add(comment); return this; }
    Item due(LocalDate due) { this.dueDate = due; return this; }
    Item created(Instant at) { this.createdAt = at; return this; }
    Item updated(Instant at) { this.updatedAt = at; return this; }
    Item resolved(Instant at) { this.resolvedAt = at; return this; }
    Item field(String key, Object value) { this.fields.put(key, value); return this; }

    @Override public String key() { return key; }
    @Override public UUID teamId() { return teamId; }
    @Override public UUID typeId() { return typeId; }
    @Override public String category() { return category; }
    @Override public UUID statusId() { return statusId; }
    @Override public int priority() { return priority; }
    @Override public UUID assigneeId() { return assigneeId; }
    @Override public UUID reporterId() { return reporterId; }
    @Override public Set<UUID> watcherIds() { return watcherIds; }
    @Override public Set<String> labels() { return labels; }
    @Override public UUID parentId() { return parentId; }
    @Override public String title() { return title; }
    @Override public String description() { return description; }
    @Override public List<String> comments() { return comments; }
    @Override public LocalDate dueDate() { return dueDate; }
    @Override public Instant createdAt() { return createdAt; }
    @Override public Instant updatedAt() { return updatedAt; }
    @Override public Instant resolvedAt() { return resolvedAt; }
    @Override public Map<String, Object> fields() { return fields; }
}
