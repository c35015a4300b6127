package io.worklane.catalog;

import io.worklane.shared.web.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The form of an offering: its fields in order. It checks itself when an admin defines it, and turns
 * a requester's answers into what the request keeps: each visible field's value in its own type, the
 * defaults filled in, or the errors of every field at once, named {@code answers.<key>}.
 */
public record RequestForm(List<FormField> fields) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9_]{0,39}");
    static final int MAX_FIELDS = 50;
    static final int MAX_TEXT = 4000;

    public RequestForm {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** What is wrong with the form itself, each named by its place ({@code form[2].options}). */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (fields.size() > MAX_FIELDS) {
            problems.add(new FieldError("form", "must have at most " + MAX_FIELDS + " fields"));
        }
        Set<String> earlier = new HashSet<>();
        for (int n = 0; n < fields.size(); n++) {
            FormField field = fields.get(n);
            String at = "form[" + n + "]";
            if (field == null) {
                problems.add(new FieldError(at, "must be a field"));
                continue;
            }
            if (field.key() == null || !KEY.matcher(field.key()).matches()) {
                problems.add(new FieldError(at + ".key", "must be a letter, then letters, digits or _ (at most 40)"));
            } else if (earlier.contains(field.key())) {
                problems.add(new FieldError(at + ".key", "'" + field.key() + "' is used by an earlier field"));
            }
            if (field.label() == null || field.label().isBlank() || field.label().length() > 120) {
                problems.add(new FieldError(at + ".label", "must be 1 to 120 characters"));
            }
            if (field.kind() == null) {
                problems.add(new FieldError(at + ".kind", "must be one of text, number, choice, user, date, checkbox"));
            } else {
                problems.addAll(kindProblems(field, at));
            }
            if (field.visibleWhen() != null && !earlier.contains(field.visibleWhen().field())) {
                problems.add(new FieldError(at + ".visibleWhen.field", "must name an earlier field of the form"));
            }
            if (field.key() != null) {
                earlier.add(field.key());
            }
        }
        return problems;
    }

    private static List<FieldError> kindProblems(FormField field, String at) {
        List<FieldError> problems = new ArrayList<>();
        if (field.kind() == FieldKind.CHOICE) {
            if (field.options().isEmpty() || field.options().stream().anyMatch(o -> o == null || o.isBlank())) {
                problems.add(new FieldError(at + ".options", "a choice needs options, none of them blank"));
            } else if (new HashSet<>(field.options()).size() < field.options().size()) {
                problems.add(new FieldError(at + ".options", "must not repeat an option"));
            }
        } else if (!field.options().isEmpty()) {
            problems.add(new FieldError(at + ".options", "only a choice has options"));
        }
        if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
            problems.add(new FieldError(at + ".min", "must not be greater than max"));
        }
        if ((field.min() != null || field.max() != null) && field.kind() != FieldKind.NUMBER) {
            problems.add(new FieldError(at + ".min", "only a number has min and max"));
        }
        if (field.maxLength() != null && (field.kind() != FieldKind.TEXT || field.maxLength() < 1 || field.maxLength() > MAX_TEXT)) {
            problems.add(new FieldError(at + ".maxLength", "a text may set 1 to " + MAX_TEXT));
        }
        if (field.defaultValue() != null) {
            List<FieldError> defaultProblems = new ArrayList<>();
            value(field, field.defaultValue(), id -> true, defaultProblems, at + ".defaultValue");
            problems.addAll(defaultProblems);
        }
        return problems;
    }

    /**
     * The answers to keep, in form order: each visible field's value, or its default when not answered.
     * Adds an error for every missing, malformed or unknown answer; {@code person} tells whether a user
     * field names an active person.
     */
    public Map<String, Object> answer(Map<String, Object> given, Predicate<UUID> person, List<FieldError> errors) {
        Map<String, Object> answers = given == null ? Map.of() : given;
        Set<String> known = new HashSet<>();
        fields.forEach(field -> known.add(field.key()));
        answers.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> errors.add(new FieldError("answers." + key, "is not a field of this form")));
        Map<String, Object> kept = new LinkedHashMap<>();
        for (FormField field : fields) {
            if (field.visibleWhen() != null
                    && !Objects.equals(kept.get(field.visibleWhen().field()), field.visibleWhen().equals())) {
                continue;
            }
            Object raw = answers.containsKey(field.key()) ? answers.get(field.key()) : field.defaultValue();
            String name = "answers." + field.key();
            if (raw == null || (raw instanceof String text && text.isBlank())) {
                if (field.required()) {
                    errors.add(new FieldError(name, "is required"));
                }
                continue;
            }
            value(field, raw, person, errors, name).ifPresent(value -> kept.put(field.key(), value));
        }
        return kept;
    }

    /** The value of one answer in the field's own type, or an error named {@code name}. */
    private static Optional<Object> value(FormField field, Object raw, Predicate<UUID> person, List<FieldError> errors,
                                          String name) {
        switch (field.kind()) {
            case TEXT -> {
                int max = field.maxLength() == null ? MAX_TEXT : field.maxLength();
                if (!(raw instanceof String text)) {
                    errors.add(new FieldError(name, "must be text"));
                } else if (text.strip().length() > max) {
                    errors.add(new FieldError(name, "must be at most " + max + " characters"));
                } else {
                    return Optional.of(text.strip());
                }
            }
            case NUMBER -> {
                BigDecimal number = number(raw);
                if (number == null) {
                    errors.add(new FieldError(name, "must be a number"));
                } else if (field.min() != null && number.compareTo(field.min()) < 0) {
                    errors.add(new FieldError(name, "must be at least " + field.min().toPlainString()));
                } else if (field.max() != null && number.compareTo(field.max()) > 0) {
                    errors.add(new FieldError(name, "must be at most " + field.max().toPlainString()));
                } else {
                    return Optional.of(number);
                }
            }
            case CHOICE -> {
                if (raw instanceof String choice && field.options().contains(choice)) {
                    return Optional.of(choice);
                }
                errors.add(new FieldError(name, "must be one of " + String.join(", ", field.options())));
            }
            case USER -> {
                UUID id = uuid(raw);
                if (id == null || !person.test(id)) {
                    errors.add(new FieldError(name, "must be the id of an active person"));
                } else {
                    return Optional.of(id.toString());
                }
            }
            case DATE -> {
                try {
                    return Optional.of(LocalDate.parse((String) raw).toString());
                } catch (ClassCastException | DateTimeParseException e) {
                    errors.add(new FieldError(name, "must be a date such as 2026-12-31"));
                }
            }
            case CHECKBOX -> {
                if (!(raw instanceof Boolean ticked)) {
                    errors.add(new FieldError(name, "must be true or false"));
                } else if (field.required() && !ticked) {
                    errors.add(new FieldError(name, "must be ticked"));
                } else {
                    return Optional.of(ticked);
                }
            }
        }
        return Optional.empty();
    }

    private static BigDecimal number(Object raw) {
        try {
            return raw instanceof Number || raw instanceof String ? new BigDecimal(raw.toString().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID uuid(Object raw) {
        try {
            return raw instanceof String text ? UUID.fromString(text.strip()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
