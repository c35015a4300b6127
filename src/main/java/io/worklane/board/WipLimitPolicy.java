package io.worklane.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a card may move where it is asked to go without overloading anyone: the limits of the
 * target column, of its column group, of the card's swimlane, and of the person it is assigned to.
 * A limit counts only what the move adds: a card moving inside a group does not count twice against
 * the group, a card already in process does not count again against its lane or its assignee.
 * <p>
 * The API and the UI call this one rule; its reasons are what the user reads.
 */
public final class WipLimitPolicy {

    private WipLimitPolicy() {
    }

    /** The scopes a limit can have; the code is stable (API, override report). */
    public enum Scope {
        COLUMN, GROUP, LANE, PERSON;

        public String code() {
            return name().toLowerCase();
        }
    }

    /**
     * How full each scope the move enters already is (the moving card excluded). A count is null when
     * the move does not enter that scope (same group, already in process, not assigned).
     */
    public record Occupancy(Integer column, Integer group, Integer lane, Integer person) {
    }

    /** The move as the policy sees it: where from, where to, in which lane, held by whom. */
    public record Move(BoardColumn from, BoardColumn to, String lane, String laneName, String assigneeName,
                       boolean entersInProgress) {
    }

    /** One limit the move would exceed: the scope, its name as the user knows it, the limit, and the count after. */
    public record Breach(Scope scope, String name, WipLimit limit, int countAfter) {

        public boolean hard() {
            return limit.hard();
        }

        public String reason() {
            String what = switch (scope) {
                case COLUMN -> "The column " + name + " allows " + limit.max() + " card" + plural(limit.max());
                case GROUP -> "The columns of " + name + " together allow " + limit.max() + " card" + plural(limit.max());
                case LANE -> "The " + name + " lane allows " + limit.max() + " card" + plural(limit.max()) + " in process";
                case PERSON -> name + " may hold " + limit.max() + " item" + plural(limit.max()) + " in progress";
            };
            String state = " and this move would make it " + countAfter + " (" + limit.kind() + " limit).";
            return what + state + (limit.hard() ? " Finish or move something out first, or override with a reason." : "");
        }

        private static String plural(int n) {
            return n == 1 ? "" : "s";
        }
    }

    /** What the policy found: limits the move would exceed, hard and soft. */
    public record Verdict(List<Breach> breaches) {

        public Verdict {
            breaches = List.copyOf(breaches);
        }

        /** The first hard limit exceeded: the move is refused unless overridden. */
        public Optional<Breach> refusal() {
            return breaches.stream().filter(Breach::hard).findFirst();
        }

        public List<Breach> warnings() {
            return breaches.stream().filter(b -> !b.hard()).toList();
        }
    }

    public static Verdict check(Board board, Move move, Occupancy occupancy) {
        List<Breach> breaches = new ArrayList<>();
        BoardColumn to = move.to();
        boolean changesColumn = move.from() == null || !move.from().id().equals(to.id());
        if (changesColumn && to.limit() != null && occupancy.column() != null) {
            exceeded(Scope.COLUMN, to.name(), to.limit(), occupancy.column()).ifPresent(breaches::add);
        }
        String group = to.group();
        boolean changesGroup = group != null && (move.from() == null || !group.equals(move.from().group()));
        WipLimit groupLimit = group == null ? null : board.groupLimits().get(group);
        if (changesGroup && groupLimit != null && occupancy.group() != null) {
            exceeded(Scope.GROUP, group, groupLimit, occupancy.group()).ifPresent(breaches::add);
        }
        boolean entersProcess = to.inProcess() && (move.from() == null || !move.from().inProcess());
        WipLimit laneLimit = move.lane() == null ? null : board.laneLimits().get(move.lane());
        if (entersProcess && laneLimit != null && occupancy.lane() != null) {
            exceeded(Scope.LANE, move.laneName(), laneLimit, occupancy.lane()).ifPresent(breaches::add);
        }
        if (move.entersInProgress() && board.personLimit() != null && occupancy.person() != null) {
            exceeded(Scope.PERSON, move.assigneeName(), board.personLimit(), occupancy.person()).ifPresent(breaches::add);
        }
        return new Verdict(breaches);
    }

    private static Optional<Breach> exceeded(Scope scope, String name, WipLimit limit, int before) {
        return before + 1 > limit.max() ? Optional.of(new Breach(scope, name, limit, before + 1)) : Optional.empty();
    }
}
