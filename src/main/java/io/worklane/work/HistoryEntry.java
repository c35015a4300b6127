package io.worklane.work;

import io.worklane.work.Refs.Person;

import java.time.Instant;

/**
 * One recorded change of an item: who, when, what. {@code kind} is one of created, field, transition,
 * comment_added, comment_edited, comment_deleted, link_added, link_removed, watcher_added,
 * watcher_removed, attachment_added, attachment_removed; {@code from}/{@code to} are what a person reads.
 */
public record HistoryEntry(Instant at, Person actor, long version, String kind, String field, String from, String to) {
}
