package io.worklane.work;

import io.worklane.work.Refs.Person;

import java.time.Instant;
import java.util.UUID;

/** A named query. A shared filter is visible to everyone in the tenant; only its owner (or an admin) changes it. */
public record SavedFilter(UUID id, String name, String query, boolean shared, Person owner, Instant createdAt,
                          Instant updatedAt, long version) {
}
