package io.worklane.board;

import io.worklane.work.Refs.StatusRef;

import java.util.List;
import java.util.UUID;

/**
 * A column: the statuses it shows (of any type; a status is in at most one column of a board), its
 * limit, and the group whose shared limit it counts towards. {@code limit} and {@code group} may be null.
 */
public record BoardColumn(UUID id, String name, ColumnKind kind, List<StatusRef> statuses, WipLimit limit,
                          String group) {

    public BoardColumn {
        statuses = List.copyOf(statuses);
    }

    public boolean shows(UUID status) {
        return statuses.stream().anyMatch(s -> s.id().equals(status));
    }

    /** Whether cards here are work in process (what lane, group and person limits count). */
    public boolean inProcess() {
        return kind == ColumnKind.FLOW;
    }
}
