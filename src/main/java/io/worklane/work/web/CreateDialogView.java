package io.worklane.work.web;

import io.worklane.work.CreateOptions;

import java.util.Map;

/** The create dialog: what was typed, what may be chosen, and what was refused (by field, or overall). */
record CreateDialogView(CreateItemForm form, CreateOptions options, Map<String, String> errors, String problem) {

    public String error(String field) {
        return errors.get(field);
    }
}
