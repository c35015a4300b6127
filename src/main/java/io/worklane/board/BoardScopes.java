package io.worklane.board;

import io.worklane.identity.WorklaneUser;
import io.worklane.work.WorkSearch;
import io.worklane.work.query.SqlFragment;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A board's scope and lanes as SQL over {@code work_items i}: which items it shows (its team's, and
 * what its query finds) and the lane key of each (the expedite lane first, then the board's lanes).
 * Queries are resolved for the person looking, as everywhere ({@code currentUser()} is them).
 */
@Component
class BoardScopes {

    private final WorkSearch search;

    BoardScopes(WorkSearch search) {
        this.search = search;
    }

    SqlFragment scope(WorklaneUser actor, Board board) {
        SqlFragment team = board.team() == null ? SqlFragment.of("true")
                : SqlFragment.of("i.team_id = :scopeTeam", Map.of("scopeTeam", board.team().id()));
        return board.query().isBlank() ? team : team.and(search.resolve(actor, board.query()).where("q"));
    }

    SqlFragment lane(WorklaneUser actor, Board board) {
        String base = switch (board.swimlanes()) {
            case NONE -> "''";
            case CATEGORY -> "i.category";
            case ASSIGNEE -> "coalesce(i.assignee_id::text, '')";
            case PARENT -> "coalesce(i.parent_id::text, '')";
        };
        if (!board.hasExpediteLane()) {
            return SqlFragment.of(base);
        }
        SqlFragment expedite = search.resolve(actor, board.expediteQuery()).where("e");
        return new SqlFragment("case when " + expedite.sql() + " then '" + Board.EXPEDITE + "' else " + base + " end",
                expedite.params());
    }
}
