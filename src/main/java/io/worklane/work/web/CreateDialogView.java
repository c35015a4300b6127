package io.worklane.work.web;

import io.worklane.work.CreateOptions;
import io.worklane.work.WorkType;

import java.util.List;
import java.util.Map;

/**
 * The create dialog: what was typed, what may be chosen, the custom fields of the chosen type, and what
 * was refused (by field, or overall). {@code page} when it is the whole page (no JavaScript, or
 * re-rendered after a refusal) and so starts open.
 */
record CreateDialogView(CreateItemForm form, CreateOptions options, List<FieldInput> customFields,
                        Map<String, String> errors, String problem, boolean page) {

    static CreateDialogView of(CreateItemForm form, Map<String, List<String>> typed, CreateOptions options,
                               Map<String, String> errors, String problem, boolean page) {
        return new CreateDialogView(form, options, ItemFieldForms.customInputs(type(form, options), typed, errors),
                errors, problem, page);
    }

    /** The type the form names, among those the person may raise; null when none is chosen. */
    static WorkType type(CreateItemForm form, CreateOptions options) {
        return form.type() == null ? null : options.types().stream()
                .filter(t -> t.name().equalsIgnoreCase(form.type().strip())).findFirst().orElse(null);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
