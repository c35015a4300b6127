package io.worklane.board;

import io.worklane.work.Refs.TeamRef;

/** A board in the list of boards. {@code team} is null for a board across teams. */
public record BoardSummary(BoardId id, String name, TeamRef team, String query) {
}
