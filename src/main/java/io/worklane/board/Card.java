package io.worklane.board;

import io.worklane.work.Refs.ItemRef;
import io.worklane.work.Refs.Person;
import io.worklane.work.Refs.StatusRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A card: an item as a board shows it, and where it sits (column, lane, rank). Nullable: assignee,
 * dueDate, parent, blocked.
 *
 * @param inColumnSince when the item entered its current status (its age in the column)
 * @param lane          the lane's key: a category code, a person's or parent's id, {@code expedite}, or ""
 */
public record Card(String key, String title, String category, String type, StatusRef status, int priority,
                   Person assignee, LocalDate dueDate, ItemRef parent, Blocked blocked, Instant inColumnSince,
                   long version, UUID column, String lane, long rank) {

    /** The priority's name (Highest .. Lowest). */
    public String priorityName() {
        return io.worklane.work.Priority.ofRank(priority).label();
    }

    /**
     * This card after a move to {@code column}: in {@code status} since {@code since} when the move changed
     * its status (both null when it did not), at {@code version} and {@code rank}.
     */
    public Card landed(UUID column, StatusRef status, Instant since, long version, long rank) {
        return new Card(key, title, category, type, status == null ? this.status : status, priority, assignee, dueDate,
                parent, blocked, since == null ? inColumnSince : since, version, column, lane, rank);
    }

    /** Why the card is blocked and, if named, on whom it waits. */
    public record Blocked(String reason, String waitingOn, Instant since) {
    }
}
