package io.worklane.work.internal;

import io.worklane.identity.Role;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.work.CustomField;
import io.worklane.work.CustomFieldKind;
import io.worklane.work.ItemChanges;
import io.worklane.work.Priority;
import io.worklane.work.WorkType;
import io.worklane.work.internal.History.Change;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The field rules of items: what a title, label, assignee, parent or custom field value may be. Every
 * broken rule becomes a field error, and all of them are reported together.
 */
@Component
public class ItemRules {

    public static final int MAX_TITLE = 255;
    public static final int MAX_TEXT = 65_535;
    private static final int MAX_LABELS = 20;
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.\\-]{0,49}");

    private final Directory directory;
    private final Items items;

    ItemRules(Directory directory, Items items) {
        this.directory = directory;
        this.items = items;
    }

    /** Collected field errors of one request. */
    public static final class Errors {
        private final List<FieldError> errors = new ArrayList<>();

        public void add(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw ApiProblem.invalidFields(errors);
            }
        }
    }

    public String title(String title, Errors errors) {
        String stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty()) {
            errors.add("title", "must not be empty");
        } else if (stripped.length() > MAX_TITLE) {
            errors.add("title", "must be at most " + MAX_TITLE + " characters");
        }
        return stripped;
    }

    public String description(String description, Errors errors) {
        String text = description == null ? "" : description;
        if (text.length() > MAX_TEXT) {
            errors.add("description", "must be at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    public int priority(String priority, Errors errors) {
        if (priority == null) {
            return Priority.MEDIUM.rank();
        }
        try {
            return Priority.of(priority).rank();
        } catch (ApiProblem e) {
            errors.add("priority", "must be one of highest, high, medium, low, lowest");
            return Priority.MEDIUM.rank();
        }
    }

    public List<String> labels(List<String> labels, Errors errors) {
        if (labels == null) {
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (String label : labels) {
            String stripped = label == null ? "" : label.strip();
            if (!LABEL.matcher(stripped).matches()) {
                errors.add("labels", "'" + stripped + "' is not a label: use letters, digits, '-', '_' or '.', at most 50");
            } else {
                result.add(stripped);
            }
        }
        if (result.size() > MAX_LABELS) {
            errors.add("labels", "at most " + MAX_LABELS + " labels");
        }
        return List.copyOf(result);
    }

    /** An assignee must be an active agent or admin. */
    public UUID assignee(UUID assignee, Errors errors) {
        if (assignee == null) {
            return null;
        }
        Optional<Set<Role>> roles = directory.activeRoles(assignee);
        if (roles.isEmpty()) {
            errors.add("assignee", "there is no active person " + assignee);
        } else if (!roles.get().contains(Role.AGENT) && !roles.get().contains(Role.ADMIN)) {
            errors.add("assignee", "must be an agent or admin: requesters do not take work");
        }
        return assignee;
    }

    public UUID person(String field, UUID person, Errors errors) {
        if (person != null && directory.activeRoles(person).isEmpty()) {
            errors.add(field, "there is no active person " + person);
        }
        return person;
    }

    /** The parent's id; a parent may not be the item itself or one of its descendants. */
    public UUID parent(String parentKey, UUID self, Errors errors) {
        if (parentKey == null || parentKey.isBlank()) {
            return null;
        }
        Optional<UUID> parent = items.idOf(parentKey.strip().toUpperCase());
        if (parent.isEmpty()) {
            errors.add("parent", "there is no item " + parentKey.strip());
            return null;
        }
        if (self != null && items.isAncestorOrSelf(self, parent.get())) {
            errors.add("parent", "would make the item its own ancestor");
        }
        return parent.get();
    }

    /**
     * Custom field values merged into {@code current}: each is checked against the type's field of that
     * key; a null value removes the field. Required fields must hold a value afterwards.
     */
    public Map<String, Object> fields(WorkType type, Map<String, Object> current, Map<String, Object> changes,
                                      Errors errors) {
        Map<String, Object> result = new LinkedHashMap<>(current);
        if (changes != null) {
            changes.forEach((key, value) -> {
                Optional<CustomField> field = type.field(key);
                if (field.isEmpty()) {
                    errors.add("fields." + key, "is not a field of " + type.name() + " items");
                } else if (value == null) {
                    result.remove(key);
                } else {
                    value(field.get(), value, errors).ifPresent(v -> result.put(key, v));
                }
            });
        }
        for (CustomField field : type.fields()) {
            // A value that was sent but refused is reported once, as refused, not again as missing.
            boolean refused = changes != null && changes.get(field.key()) != null;
            if (field.required() && !result.containsKey(field.key()) && !refused) {
                errors.add("fields." + field.key(), "is required for " + type.name() + " items");
            }
        }
        return result;
    }

    private Optional<Object> value(CustomField field, Object value, Errors errors) {
        String name = "fields." + field.key();
        switch (field.kind()) {
            case TEXT -> {
                if (value instanceof String text && text.length() <= MAX_TEXT) {
                    return Optional.of(text);
                }
                errors.add(name, "must be text of at most " + MAX_TEXT + " characters");
            }
            case NUMBER -> {
                if (value instanceof Number number) {
                    return Optional.of(new BigDecimal(number.toString()));
                }
                errors.add(name, "must be a number");
            }
            case DATE -> {
                try {
                    if (value instanceof String text) {
                        return Optional.of(LocalDate.parse(text).toString());
                    }
                } catch (DateTimeParseException ignored) {
                    // reported below
                }
                errors.add(name, "must be a date such as 2026-12-31");
            }
            case SELECT -> {
                if (value instanceof String text && field.options().contains(text)) {
                    return Optional.of(text);
                }
                errors.add(name, "must be one of " + String.join(", ", field.options()));
            }
            case MULTISELECT -> {
                if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String s
                        && field.options().contains(s))) {
                    return Optional.of(list.stream().map(Object::toString).distinct().toList());
                }
                errors.add(name, "must be a list of some of " + String.join(", ", field.options()));
            }
            case USER -> {
                try {
                    if (value instanceof String text && directory.activeRoles(UUID.fromString(text)).isPresent()) {
                        return Optional.of(text);
                    }
                } catch (IllegalArgumentException ignored) {
                    // reported below
                }
                errors.add(name, "must be the id of an active person");
            }
        }
        return Optional.empty();
    }

    /** The next row and the history of a partial change; the row keeps its version (the caller moves it). */
    public record Applied(ItemRow next, List<Change> changes, boolean textChanged) {
    }

    public Applied apply(ItemRow row, WorkType type, ItemChanges patch, Errors errors) {
        List<Change> changes = new ArrayList<>();
        String title = row.title();
        if (patch.title() != null) {
            title = title(patch.title().orElse(null), errors);
            if (!title.equals(row.title())) {
                changes.add(Change.field("title", row.title(), title, row.title(), title));
            }
        }
        String description = row.description();
        if (patch.description() != null) {
            description = description(patch.description().orElse(""), errors);
            if (!description.equals(row.description())) {
                changes.add(Change.field("description", null, null, row.description(), description));
            }
        }
        int priority = row.priority();
        if (patch.priority() != null) {
            priority = patch.priority().isEmpty() ? Priority.MEDIUM.rank() : priority(patch.priority().get(), errors);
            if (priority != row.priority()) {
                changes.add(Change.field("priority", Priority.ofRank(row.priority()).code(), Priority.ofRank(priority).code(),
                        Priority.ofRank(row.priority()).label(), Priority.ofRank(priority).label()));
            }
        }
        UUID assignee = row.assigneeId();
        if (patch.assignee() != null) {
            assignee = assignee(patch.assignee().orElse(null), errors);
            if (!Objects.equals(assignee, row.assigneeId())) {
                changes.add(Change.field("assignee", row.assigneeId(), assignee, nameOf(row.assigneeId()), nameOf(assignee)));
            }
        }
        List<String> labels = row.labels();
        if (patch.labels() != null) {
            labels = labels(patch.labels().orElse(List.of()), errors);
            if (!labels.equals(row.labels())) {
                changes.add(Change.field("labels", row.labels(), labels, String.join(", ", row.labels()), String.join(", ", labels)));
            }
        }
        LocalDate due = row.dueDate();
        if (patch.dueDate() != null) {
            due = patch.dueDate().orElse(null);
            if (!Objects.equals(due, row.dueDate())) {
                changes.add(Change.field("due", str(row.dueDate()), str(due), str(row.dueDate()), str(due)));
            }
        }
        UUID parent = row.parentId();
        if (patch.parent() != null) {
            parent = parent(patch.parent().orElse(null), row.id(), errors);
            if (!Objects.equals(parent, row.parentId())) {
                changes.add(Change.field("parent", row.parentId(), parent, keyOf(row.parentId()), keyOf(parent)));
            }
        }
        Map<String, Object> fields = row.fields();
        if (patch.fields() != null) {
            fields = fields(type, row.fields(), patch.fields().orElse(Map.of()), errors);
            for (String key : union(row.fields().keySet(), fields.keySet())) {
                Object before = row.fields().get(key);
                Object after = fields.get(key);
                if (!Objects.equals(str(before), str(after))) {
                    boolean person = type.field(key).filter(f -> f.kind() == CustomFieldKind.USER).isPresent();
                    changes.add(Change.field("fields." + key, before, after,
                            person ? personName(before) : str(before), person ? personName(after) : str(after)));
                }
            }
        }
        ItemRow next = new ItemRow(row.id(), row.key(), row.teamId(), row.number(), row.typeId(), row.category(),
                row.statusId(), priority, title, description, assignee, row.reporterId(), labels, due, parent, fields,
                row.createdAt(), row.updatedAt(), row.statusChangedAt(), row.resolvedAt(), row.version());
        boolean textChanged = !title.equals(row.title()) || !description.equals(row.description());
        return new Applied(next, changes, textChanged);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private String nameOf(UUID user) {
        return user == null ? null : directory.name(user).orElse(user.toString());
    }

    /** A person a custom field holds (by id, as text), named for the history. */
    private String personName(Object id) {
        try {
            return id == null ? null : nameOf(UUID.fromString(id.toString()));
        } catch (IllegalArgumentException e) {
            return id.toString();
        }
    }

    private String keyOf(UUID item) {
        return item == null ? null : items.row(new io.worklane.work.ItemId(item)).map(ItemRow::key).orElse(null);
    }

    private static String str(Object value) {
        return value == null ? null : value instanceof List<?> list ? String.join(", ", list.stream().map(Object::toString).toList())
                : value.toString();
    }
}
