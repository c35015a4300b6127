package io.worklane.work;

import io.worklane.work.internal.ItemRow;
import io.worklane.work.internal.Items;
import io.worklane.work.query.ItemFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.instant;

/**
 * An item's exact past: what it looked like from each recorded change on, rebuilt from its current
 * row by undoing its history, newest change first. What service-level clocks replay, with the query
 * criteria testing each state. Watchers and comments are not part of the states (no clock condition
 * needs them); an item written before history was kept has one state, from its creation.
 */
@Service
public class ItemTimelines {

    private final Items items;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ItemTimelines(Items items, JdbcClient jdbc, JsonMapper json) {
        this.items = items;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The item as it was from {@code at} on, until the next state's {@code at}. */
    public record ItemState(Instant at, UUID id, String key, UUID teamId, UUID typeId, String category, UUID statusId,
                            int priority, UUID assigneeId, UUID reporterId, Set<String> labels, UUID parentId,
                            String title, String description, LocalDate dueDate, Instant createdAt, Instant resolvedAt,
                            Map<String, Object> fields) implements ItemFacts {

        @Override
        public Set<UUID> watcherIds() {
            return Set.of();
        }

        @Override
        public List<String> comments() {
            return List.of();
        }

        @Override
        public Instant updatedAt() {
            return at;
        }
    }

    /** The item's states in time order, the last one being how it is now; empty when there is no such item. */
    @Transactional(readOnly = true)
    public Optional<List<ItemState>> timeline(UUID itemId) {
        return items.row(new ItemId(itemId)).map(this::timeline);
    }

    private record Step(Instant at, long version, String kind, String field, JsonNode oldValue, String oldText) {
    }

    private List<ItemState> timeline(ItemRow row) {
        List<Step> steps = jdbc.sql("""
                        select at, version, kind, field, old_value::text as old_value, old_text from item_history
                        where item_id = ? and kind in ('created', 'transition', 'field') order by version desc, id desc""")
                .param(row.id())
                .query((rs, n) -> new Step(instant(rs, "at"), rs.getLong("version"), rs.getString("kind"),
                        rs.getString("field"), rs.getString("old_value") == null ? null : json.readTree(rs.getString("old_value")),
                        rs.getString("old_text")))
                .list();
        Mutable state = new Mutable(row);
        List<ItemState> states = new ArrayList<>();
        int n = 0;
        while (n < steps.size()) {
            long version = steps.get(n).version();
            Instant at = steps.get(n).at();
            states.add(state.at(at, row));
            // Undo every change of this write, to get the state before it.
            for (; n < steps.size() && steps.get(n).version() == version; n++) {
                state.undo(steps.get(n));
            }
        }
        if (states.isEmpty() || states.get(states.size() - 1).at().isAfter(row.createdAt())) {
            states.add(state.at(row.createdAt(), row));
        }
        Collections.reverse(states);
        return List.copyOf(states);
    }

    /** The fields of an item that history records, as undoing moves them back. */
    private static final class Mutable {
        UUID statusId;
        int priority;
        UUID assigneeId;
        Set<String> labels;
        UUID parentId;
        String title;
        String description;
        LocalDate dueDate;
        Map<String, Object> fields;

        Mutable(ItemRow row) {
            statusId = row.statusId();
            priority = row.priority();
            assigneeId = row.assigneeId();
            labels = Set.copyOf(row.labels());
            parentId = row.parentId();
            title = row.title();
            description = row.description();
            dueDate = row.dueDate();
            fields = new LinkedHashMap<>(row.fields());
        }

        ItemState at(Instant at, ItemRow row) {
            Instant resolved = row.resolvedAt() != null && !at.isBefore(row.resolvedAt()) ? row.resolvedAt() : null;
            return new ItemState(at, row.id(), row.key(), row.teamId(), row.typeId(), row.category(), statusId, priority,
                    assigneeId, row.reporterId(), labels, parentId, title, description, dueDate, row.createdAt(), resolved,
                    Map.copyOf(new HashMap<>(fields)));
        }

        void undo(Step step) {
            JsonNode old = step.oldValue() == null || step.oldValue().isNull() ? null : step.oldValue();
            if ("created".equals(step.kind())) {
                return;
            }
            String field = step.field() == null ? "" : step.field();
            switch (field) {
                case "status" -> statusId = old == null ? statusId : UUID.fromString(old.asString());
                case "title" -> title = old == null ? title : old.asString();
                case "description" -> description = step.oldText() == null ? "" : step.oldText();
                case "priority" -> priority = old == null ? priority : Priority.of(old.asString()).rank();
                case "assignee" -> assigneeId = old == null ? null : UUID.fromString(old.asString());
                case "labels" -> {
                    List<String> before = new ArrayList<>();
                    if (old != null) {
                        old.forEach(label -> before.add(label.asString()));
                    }
                    labels = Set.copyOf(before);
                }
                case "due" -> dueDate = old == null ? null : LocalDate.parse(old.asString());
                case "parent" -> parentId = old == null ? null : UUID.fromString(old.asString());
                default -> {
                    if (field.startsWith("fields.")) {
                        String key = field.substring("fields.".length());
                        if (old == null) {
                            fields.remove(key);
                        } else {
                            fields.put(key, old.isNumber() ? old.numberValue() : old.isBoolean() ? old.asBoolean()
                                    : old.isArray() ? listOf(old) : old.asString());
                        }
                    }
                }
            }
        }

        private static List<String> listOf(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach(v -> values.add(v.asString()));
            return values;
        }
    }
}
