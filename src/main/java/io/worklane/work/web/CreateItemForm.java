package io.worklane.work.web;

import io.worklane.shared.web.ApiProblem;
import io.worklane.work.NewItem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The create dialog's fields as the browser sends them; blank means "not given". */
record CreateItemForm(String team, String type, String title, String description, String priority,
                      Boolean assignToMe, String dueDate, String labels) {

    static CreateItemForm empty(String team) {
        return new CreateItemForm(team, null, null, null, "medium", false, null, null);
    }

    /**
     * The order to create, with the custom field values read from the form's {@code cf.<key>} inputs;
     * a due date that is not a date is refused like any other field.
     */
    NewItem toNewItem(UUID me, Map<String, Object> fields) {
        LocalDate due;
        try {
            due = blank(dueDate) ? null : LocalDate.parse(dueDate.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("dueDate", "must be a date such as 2026-12-31");
        }
        List<String> labelList = blank(labels) ? null
                : Arrays.stream(labels.split(",")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new NewItem(team, type, title, description, blank(priority) ? null : priority,
                Boolean.TRUE.equals(assignToMe) ? me : null, null, labelList, due, null, fields, null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
