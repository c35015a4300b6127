package io.worklane.board;

import io.worklane.identity.Role;
import io.worklane.work.Refs.TeamRef;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A Kanban board: a team's items (or what a query finds, for a board across teams) in columns of
 * statuses, with its WIP limits. {@code team} is null for a query board; {@code personLimit} is null
 * without a limit per person. Lane limits are keyed by category code or {@code expedite}.
 */
public record Board(BoardId id, String name, TeamRef team, String query, Swimlanes swimlanes, String expediteQuery,
                    List<BoardColumn> columns, Map<String, WipLimit> groupLimits, Map<String, WipLimit> laneLimits,
                    WipLimit personLimit, Set<Role> overrideRoles, int doneWindowDays, List<String> cardFields,
                    long version) {

    public static final String EXPEDITE = "expedite";

    public Board {
        columns = List.copyOf(columns);
        groupLimits = Map.copyOf(groupLimits);
        laneLimits = Map.copyOf(laneLimits);
        overrideRoles = Set.copyOf(overrideRoles);
        cardFields = List.copyOf(cardFields);
    }

    public Optional<BoardColumn> column(UUID id) {
        return columns.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<BoardColumn> columnOf(UUID status) {
        return columns.stream().filter(c -> c.shows(status)).findFirst();
    }

    public boolean hasExpediteLane() {
        return !expediteQuery.isBlank();
    }

    public List<BoardColumn> group(String name) {
        return columns.stream().filter(c -> name.equals(c.group())).toList();
    }

    public Optional<BoardColumn> doneColumn() {
        return columns.stream().filter(c -> c.kind() == ColumnKind.DONE).findFirst();
    }

    /** Whether some move could be refused by a limit (only then must moves on this board queue). */
    public boolean hasHardLimit() {
        return columns.stream().anyMatch(c -> c.limit() != null && c.limit().hard())
                || groupLimits.values().stream().anyMatch(WipLimit::hard)
                || laneLimits.values().stream().anyMatch(WipLimit::hard)
                || (personLimit != null && personLimit.hard());
    }

    public Set<UUID> statusIds() {
        return columns.stream().flatMap(c -> c.statuses().stream()).map(s -> s.id())
                .collect(java.util.stream.Collectors.toSet());
    }
}
