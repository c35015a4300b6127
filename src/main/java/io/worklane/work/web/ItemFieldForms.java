package io.worklane.work.web;

import io.worklane.shared.web.ApiProblem;
import io.worklane.work.CustomField;
import io.worklane.work.CustomFieldKind;
import io.worklane.work.ItemChanges;
import io.worklane.work.ItemDetail;
import io.worklane.work.Priority;
import io.worklane.work.Refs;
import io.worklane.work.WorkItem;
import io.worklane.work.WorkOverview;
import io.worklane.work.WorkType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The item fields that forms edit, as inputs and back: the fields of an item's side panel, edited in
 * place, and the custom fields of the create dialog (posted as {@code cf.<key>}). A person is named by
 * e-mail address or name, as in the query bar; what the domain refuses is refused there, with its
 * message, so the rules live in one place.
 */
@Component
class ItemFieldForms {

    /** The prefix of a custom field, in the create dialog's parameters and in the item page's paths. */
    static final String CUSTOM = "cf.";

    /** The paths of the fields an item's page edits in place. */
    static final String EDITABLE = "title|description|assignee|priority|labels|dueDate|parent|cf\\.[a-z0-9_]+";

    private final WorkOverview overview;
    private final MessageSource messages;
    private final UiFormat ui;

    ItemFieldForms(WorkOverview overview, MessageSource messages, UiFormat ui) {
        this.overview = overview;
        this.messages = messages;
        this.ui = ui;
    }

    // --- the create dialog ----------------------------------------------------------------------------

    /** The {@code cf.<key>} parameters of a posted form, by key. */
    static Map<String, List<String>> typed(MultiValueMap<String, String> parameters) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith(CUSTOM)) {
                typed.put(name.substring(CUSTOM.length()), values);
            }
        });
        return typed;
    }

    /** The inputs of a type's custom fields, holding what was typed, each with its refusal. */
    static List<FieldInput> customInputs(WorkType type, Map<String, List<String>> typed, Map<String, String> errors) {
        return type == null ? List.of() : type.fields().stream()
                .map(field -> input(field, CUSTOM + field.key(), typed.getOrDefault(field.key(), List.of()))
                        .refused(errors.get("fields." + field.key())))
                .toList();
    }

    /**
     * The custom field values of a new item; blank ones are left out. A person no one has is refused in
     * {@code refused} (under the field's problem name) and goes to the domain as typed, which refuses it
     * too: so nothing is created, and every other field is checked in the same round.
     */
    Map<String, Object> customValues(WorkType type, Map<String, List<String>> typed, Map<String, String> refused) {
        Map<String, Object> values = new LinkedHashMap<>();
        typed.forEach((key, texts) -> {
            Optional<CustomField> field = type == null ? Optional.empty() : type.field(key);
            try {
                Object value = field.isPresent() ? value(field.get(), texts) : first(texts);
                if (value != null) {
                    values.put(key, value);
                }
            } catch (ApiProblem problem) {
                refused.put("fields." + key, problem.errorOn("fields." + key).orElse(problem.getMessage()));
                values.put(key, first(texts));
            }
        });
        return values;
    }

    // --- the item page ----------------------------------------------------------------------------------

    /** The input that edits one field of an item in place (posted as {@code value}), holding what it holds. */
    FieldInput input(WorkItem item, WorkType type, String field) {
        return switch (field) {
            case "title" -> text(field, "create.field.title", "text", item.title());
            case "description" -> text(field, "field.description", "textarea", item.description());
            case "assignee" -> text(field, "field.assignee", "user", item.assignee() == null ? "" : item.assignee().email());
            case "priority" -> new FieldInput("value", text("field.priority"), "select",
                    Arrays.stream(Priority.values()).map(p -> new FieldInput.Option(p.code(), p.label())).toList(),
                    true, List.of(item.priority().code()), null);
            case "labels" -> text(field, "field.labels", "text", String.join(", ", item.labels()));
            case "dueDate" -> text(field, "field.dueDate", "date", item.dueDate() == null ? "" : item.dueDate().toString());
            case "parent" -> text(field, "field.parent", "text", item.parent() == null ? "" : item.parent().key());
            default -> {
                CustomField custom = customField(type, field);
                yield input(custom, "value", stored(custom, item.fields().get(custom.key())));
            }
        };
    }

    /** What was typed into one field's input, as a change of the item; a text that is no value is refused. */
    ItemChanges change(WorkType type, String field, List<String> typed) {
        String text = first(typed);
        Optional<String> given = Optional.ofNullable(text);
        // Title and description go as typed: the domain strips a title, and Markdown may start with spaces.
        String raw = typed == null || typed.isEmpty() ? "" : typed.get(0);
        return switch (field) {
            case "title" -> new ItemChanges(Optional.of(raw), null, null, null, null, null, null, null);
            case "description" -> new ItemChanges(null, Optional.of(raw).filter(t -> !t.isBlank()), null, null, null,
                    null, null, null);
            case "assignee" -> new ItemChanges(null, null, null, given.map(t -> person("assignee", t)), null, null, null, null);
            case "priority" -> new ItemChanges(null, null, given, null, null, null, null, null);
            case "labels" -> new ItemChanges(null, null, null, null, Optional.of(labels(text)), null, null, null);
            case "dueDate" -> new ItemChanges(null, null, null, null, null, given.map(ItemFieldForms::date), null, null);
            case "parent" -> new ItemChanges(null, null, null, null, null, null, given, null);
            default -> {
                CustomField custom = customField(type, field);
                yield new ItemChanges(null, null, null, null, null, null, null,
                        Optional.of(Collections.singletonMap(custom.key(), value(custom, typed))));
            }
        };
    }

    /** The name under which the domain reports a refusal of the field. */
    static String problemField(String field) {
        return field.startsWith(CUSTOM) ? "fields." + field.substring(CUSTOM.length()) : field;
    }

    /** What a field holds now, as the side panel reads it: for the "it now reads" of a conflict. */
    String shown(WorkItem item, List<ItemDetail.FieldValue> customFields, String field) {
        String shown = switch (field) {
            case "title" -> item.title();
            case "description" -> item.description();
            case "assignee" -> item.assignee() == null ? text("items.unassigned") : item.assignee().name();
            case "priority" -> item.priority().label();
            case "labels" -> String.join(", ", item.labels());
            case "dueDate" -> ui.day(item.dueDate());
            case "parent" -> item.parent() == null ? "" : item.parent().key() + " " + item.parent().title();
            default -> customFields.stream().filter(f -> f.key().equals(field.substring(CUSTOM.length())))
                    .map(ItemDetail.FieldValue::value).filter(v -> v != null).findFirst().orElse("");
        };
        return shown == null || shown.isEmpty() ? "—" : shown;
    }

    // --- values ---------------------------------------------------------------------------------------------

    private static FieldInput input(CustomField field, String param, List<String> values) {
        return new FieldInput(param, field.name(), field.kind().code(), FieldInput.options(field.options()),
                field.required(), values, null);
    }

    private FieldInput text(String field, String label, String kind, String value) {
        return new FieldInput("value", text(label), kind, List.of(), field.equals("title"),
                List.of(value == null ? "" : value), null);
    }

    /** A stored custom value as its input shows it: people by e-mail address, numbers as typed. */
    private List<String> stored(CustomField field, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        if (field.kind() == CustomFieldKind.USER) {
            return List.of(overview.person(UUID.fromString(value.toString())).map(Refs.Person::email).orElse(""));
        }
        return List.of(value instanceof BigDecimal number ? number.toPlainString() : value.toString());
    }

    /**
     * A custom field's value from its input; null when blank. Text that is no number or date goes to
     * the domain as typed, which refuses it with its own message.
     */
    private Object value(CustomField field, List<String> typed) {
        List<String> given = typed.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        if (given.isEmpty()) {
            return null;
        }
        return switch (field.kind()) {
            case MULTISELECT -> given;
            case NUMBER -> number(given.get(0));
            case USER -> person("fields." + field.key(), given.get(0)).toString();
            default -> given.get(0);
        };
    }

    private static Object number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private UUID person(String problemField, String typed) {
        return overview.person(typed).map(Refs.Person::id).orElseThrow(() ->
                ApiProblem.invalidField(problemField, text("form.noSuchPerson", typed.strip())));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("dueDate", "must be a date such as 2026-12-31");
        }
    }

    private static List<String> labels(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static CustomField customField(WorkType type, String field) {
        return type.field(field.substring(CUSTOM.length())).orElseThrow(() ->
                ApiProblem.notFound(type.name() + " items have no field " + field.substring(CUSTOM.length()) + "."));
    }

    /** The first non-blank text, stripped; null when there is none. */
    private static String first(List<String> typed) {
        return typed == null ? null : typed.stream().filter(t -> t != null && !t.isBlank()).map(String::strip)
                .findFirst().orElse(null);
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
