package io.worklane.work;

import io.worklane.work.Refs.ItemRef;
import io.worklane.work.Refs.Person;
import io.worklane.work.Refs.StatusRef;
import io.worklane.work.Refs.TeamRef;
import io.worklane.work.Refs.TypeRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A work item as the people allowed to see it see it. */
public record WorkItem(ItemId id, String key, TeamRef team, TypeRef type, String category, StatusRef status,
                       Priority priority, String title, String description, Person assignee, Person reporter,
                       List<String> labels, LocalDate dueDate, ItemRef parent, Map<String, Object> fields,
                       List<Person> watchers, List<ItemLink> links, Instant createdAt, Instant updatedAt,
                       Instant statusChangedAt, Instant resolvedAt, long version) {

    public boolean watchedBy(java.util.UUID user) {
        return watchers.stream().anyMatch(w -> w.id().equals(user));
    }
}
