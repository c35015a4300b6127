package io.worklane.work.web;

import java.util.List;

/**
 * One input of a form as the shared {@code fragments :: fieldInput} draws it: the request parameter
 * it posts as, its label, its {@code kind} (text, number, date, select, multiselect, user), the choices
 * of a select, what it holds (several values for a multiselect) and why it was refused.
 */
record FieldInput(String param, String label, String kind, List<Option> options, boolean required,
                  List<String> values, String error) {

    /** A choice of a select: what it posts, and what people read. */
    record Option(String value, String label) {
    }

    static List<Option> options(List<String> values) {
        return values.stream().map(v -> new Option(v, v)).toList();
    }

    /** The same input holding what was typed, refused with {@code message} (null: not refused). */
    FieldInput refused(List<String> typed, String message) {
        return new FieldInput(param, label, kind, options, required, typed, message);
    }

    FieldInput refused(String message) {
        return refused(values, message);
    }

    public String value() {
        return values.isEmpty() ? "" : values.get(0);
    }

    public boolean holds(String option) {
        return values.contains(option);
    }
}
