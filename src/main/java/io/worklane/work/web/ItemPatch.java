package io.worklane.work.web;

import io.worklane.shared.web.ApiProblem;
import io.worklane.work.ItemChanges;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a JSON merge patch (RFC 7396) of an item. Jackson cannot tell a field left out from a field
 * sent as null once both are bound to a record, and that difference is the whole point of a merge
 * patch, so the body is read as a tree: absent stays null, JSON null becomes an empty Optional.
 */
final class ItemPatch {

    private static final Set<String> FIELDS = Set.of("title", "description", "priority", "assignee", "labels",
            "dueDate", "parent", "fields");

    private ItemPatch() {
    }

    static ItemChanges read(JsonNode body, JsonMapper json) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalidField("body", "must be a JSON object of the fields to change");
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw ApiProblem.invalidField(name, "is not a field that can be changed; fields: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        return new ItemChanges(
                field(body, "title", json, new TypeReference<String>() { }),
                field(body, "description", json, new TypeReference<String>() { }),
                field(body, "priority", json, new TypeReference<String>() { }),
                field(body, "assignee", json, new TypeReference<UUID>() { }),
                field(body, "labels", json, new TypeReference<List<String>>() { }),
                field(body, "dueDate", json, new TypeReference<LocalDate>() { }),
                field(body, "parent", json, new TypeReference<String>() { }),
                field(body, "fields", json, new TypeReference<Map<String, Object>>() { }));
    }

    @SuppressWarnings("OptionalAssignedToNull")
    private static <T> Optional<T> field(JsonNode body, String name, JsonMapper json, TypeReference<T> type) {
        if (!body.has(name)) {
            return null;
        }
        JsonNode value = body.get(name);
        if (value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.treeToValue(value, json.constructType(type)));
        } catch (JacksonException e) {
            throw ApiProblem.invalidField(name, "has the wrong type: " + switch (name) {
                case "assignee" -> "the id of a person";
                case "labels" -> "a list of labels";
                case "dueDate" -> "a date such as 2026-12-31";
                case "fields" -> "an object of custom field values";
                default -> "text";
            });
        }
    }
}
