package io.worklane.work;

import io.worklane.work.Refs.Person;
import io.worklane.work.Refs.StatusRef;
import io.worklane.work.Refs.TypeRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An item as a row of a list or a card on a board shows it. */
public record ItemSummary(String key, String title, String category, TypeRef type, StatusRef status, Priority priority,
                          Person assignee, List<String> labels, LocalDate dueDate, Instant createdAt, Instant updatedAt,
                          long version) {
}
