package io.worklane.board;

import io.worklane.board.WipLimitPolicy.Move;
import io.worklane.board.WipLimitPolicy.Occupancy;
import io.worklane.board.WipLimitPolicy.Scope;
import io.worklane.identity.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The WIP rule on its own: which limits a move would exceed, hard or soft, and what the user reads. */
class WipLimitPolicyTests {

    private final BoardColumn backlog = column("Backlog", ColumnKind.BACKLOG, null, null);
    private final BoardColumn doing = column("Doing", ColumnKind.FLOW, new WipLimit(3, true), "Work");
    private final BoardColumn review = column("Review", ColumnKind.FLOW, new WipLimit(2, false), "Work");
    private final BoardColumn done = column("Done", ColumnKind.DONE, null, null);

    @Test
    void refusesAMoveIntoAFullColumnWithAHardLimit() {
        var verdict = WipLimitPolicy.check(board(Map.of(), Map.of(), null), move(backlog, doing, false),
                new Occupancy(3, 3, 0, null));

        assertThat(verdict.refusal()).hasValueSatisfying(breach -> {
            assertThat(breach.scope()).isEqualTo(Scope.COLUMN);
            assertThat(breach.countAfter()).isEqualTo(4);
            assertThat(breach.reason()).isEqualTo("The column Doing allows 3 cards and this move would make it 4 "
                    + "(hard limit). Finish or move something out first, or override with a reason.");
        });
    }

    @Test
    void letsAMoveIntoAColumnWithRoomThrough() {
        var verdict = WipLimitPolicy.check(board(Map.of(), Map.of(), null), move(backlog, doing, false),
                new Occupancy(2, 2, 0, null));

        assertThat(verdict.breaches()).isEmpty();
    }

    @Test
    void aSoftLimitOnlyWarns() {
        var verdict = WipLimitPolicy.check(board(Map.of(), Map.of(), null), move(doing, review, false),
                new Occupancy(2, 3, 0, null));

        assertThat(verdict.refusal()).isEmpty();
        assertThat(verdict.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("soft limit"));
    }

    @Test
    void aMoveWithinAGroupDoesNotCountAgainstTheGroupAgain() {
        Board board = board(Map.of("Work", new WipLimit(4, true)), Map.of(), null);

        var inside = WipLimitPolicy.check(board, move(review, doing, false), new Occupancy(1, 4, 0, null));
        var into = WipLimitPolicy.check(board, move(backlog, doing, false), new Occupancy(1, 4, 0, null));

        assertThat(inside.breaches()).isEmpty();
        assertThat(into.refusal()).hasValueSatisfying(b -> assertThat(b.scope()).isEqualTo(Scope.GROUP));
    }

    @Test
    void aLaneLimitCountsOnlyCardsEnteringWorkInProcess() {
        Board board = board(Map.of(), Map.of(Board.EXPEDITE, new WipLimit(1, true)), null);

        var entering = WipLimitPolicy.check(board, new Move(backlog, doing, Board.EXPEDITE, "Expedite", null, false),
                new Occupancy(0, 0, 1, null));
        var alreadyIn = WipLimitPolicy.check(board, new Move(doing, review, Board.EXPEDITE, "Expedite", null, false),
                new Occupancy(0, 0, 1, null));
        var leaving = WipLimitPolicy.check(board, new Move(doing, done, Board.EXPEDITE, "Expedite", null, false),
                new Occupancy(0, 0, 1, null));

        assertThat(entering.refusal()).hasValueSatisfying(b ->
                assertThat(b.reason()).startsWith("The Expedite lane allows 1 card in process"));
        assertThat(alreadyIn.breaches()).isEmpty();
        assertThat(leaving.breaches()).isEmpty();
    }

    @Test
    void aPersonsLimitAppliesWhenTheirItemStartsProgress() {
        Board board = board(Map.of(), Map.of(), new WipLimit(2, true));

        var starting = WipLimitPolicy.check(board, new Move(backlog, doing, "", "board", "Grace Hopper", true),
                new Occupancy(0, 0, 0, 2));
        var notStarting = WipLimitPolicy.check(board, new Move(doing, review, "", "board", "Grace Hopper", false),
                new Occupancy(0, 0, 0, 2));

        assertThat(starting.refusal()).hasValueSatisfying(b ->
                assertThat(b.reason()).startsWith("Grace Hopper may hold 2 items in progress"));
        assertThat(notStarting.breaches()).isEmpty();
    }

    @Test
    void everyLimitExceededIsReportedHardOnesFirstAsTheRefusal() {
        Board board = board(Map.of("Work", new WipLimit(1, false)), Map.of(), new WipLimit(1, true));

        var verdict = WipLimitPolicy.check(board, new Move(backlog, doing, "", "board", "Grace Hopper", true),
                new Occupancy(3, 3, 0, 1));

        assertThat(verdict.breaches()).extracting(WipLimitPolicy.Breach::scope)
                .containsExactly(Scope.COLUMN, Scope.GROUP, Scope.PERSON);
        assertThat(verdict.refusal()).hasValueSatisfying(b -> assertThat(b.scope()).isEqualTo(Scope.COLUMN));
        assertThat(verdict.warnings()).extracting(WipLimitPolicy.Breach::scope).containsExactly(Scope.GROUP);
    }

    private Move move(BoardColumn from, BoardColumn to, boolean entersInProgress) {
        return new Move(from, to, "", "board", null, entersInProgress);
    }

    private Board board(Map<String, WipLimit> groups, Map<String, WipLimit> lanes, WipLimit person) {
        return new Board(new BoardId(UUID.randomUUID()), "Ops", null, "team = OPS", Swimlanes.NONE,
                lanes.containsKey(Board.EXPEDITE) ? "priority = highest" : "", List.of(backlog, doing, review, done),
                groups, lanes, person, Set.of(Role.ADMIN), 14, List.of("assignee"), 0);
    }

    private static BoardColumn column(String name, ColumnKind kind, WipLimit limit, String group) {
        return new BoardColumn(UUID.randomUUID(), name, kind, List.of(), limit, group);
    }
}
