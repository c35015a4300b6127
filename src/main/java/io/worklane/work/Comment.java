package io.worklane.work;

import io.worklane.work.Refs.Person;

import java.time.Instant;
import java.util.UUID;

/** A comment on an item. Deleted comments leave their history behind, not their text. */
public record Comment(UUID id, Person author, String body, Instant createdAt, Instant updatedAt, boolean edited,
                      long version) {
}
