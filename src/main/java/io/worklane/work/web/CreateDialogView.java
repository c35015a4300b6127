package io.worklane.work.web;

import io.worklane.work.CreateOptions;

import java.util.Map;

/**
 * The create dialog: what was typed, what may be chosen, and what was refused (by field, or overall).
 * {@code page} when it is the whole page (no JavaScript, or re-rendered after a refusal) and so starts open.
 */
record CreateDialogView(CreateItemForm form, CreateOptions options, Map<String, String> errors, String problem,
                        boolean page) {

    public String error(String field) {
        return errors.get(field);
    }
}
