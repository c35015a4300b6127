package io.worklane.work;

import io.worklane.work.Refs.Person;
import io.worklane.work.Refs.TeamRef;

import java.time.Instant;

/**
 * Why work on an item has stopped, and on whom it waits (a person, a team, both or neither).
 * {@code waitingOn} and {@code waitingOnTeam} are null when the block names nobody.
 */
public record Block(String reason, Person waitingOn, TeamRef waitingOnTeam, Instant since, Person blockedBy) {
}
