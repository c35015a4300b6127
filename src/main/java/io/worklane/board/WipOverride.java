package io.worklane.board;

import io.worklane.work.Refs.Person;

import java.time.Instant;

/** A hard WIP limit that someone allowed to expedite overrode, and why: the report managers review. */
public record WipOverride(String item, String scope, String name, int limit, int count, String reason, Person by,
                          Instant at) {
}
