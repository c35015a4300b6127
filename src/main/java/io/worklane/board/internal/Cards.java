package io.worklane.board.internal;

import io.worklane.board.Board;
import io.worklane.board.BoardColumn;
import io.worklane.board.Card;
import io.worklane.work.Refs.ItemRef;
import io.worklane.work.Refs.Person;
import io.worklane.work.Refs.StatusRef;
import io.worklane.work.StatusFlow;
import io.worklane.work.StatusPhase;
import io.worklane.work.query.SqlFragment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The cards of a board, read straight from the work tables (ADR 0011): a board is a view over work
 * items, and one statement per screen beats a facade call per card. Writes go through the work module.
 * <p>
 * A board's cards are its scope's open items in the statuses of its columns, plus the items finished
 * within its done window. Open items come from the partial index on open items by team and status,
 * so a board costs what its open work costs, not what the tenant holds.
 */
@Repository
public class Cards {

    /** Items never moved rank by creation time (microseconds), so new work lands at the bottom. */
    static final String RANK = "coalesce(r.rank, (extract(epoch from i.created_at) * 1000000)::bigint)";
    /** Finished items rank newest first. */
    static final String DONE_RANK = "-(extract(epoch from i.resolved_at) * 1000000)::bigint";

    private static final String DETAILS = """
            select i.id, i.key, i.title, i.category, i.type_id, t.name as type_name, s.id as status_id, s.name as status_name,
                   s.phase, s.flow, i.priority, i.assignee_id, u.name as assignee_name, u.email as assignee_email,
                   i.due_date, i.status_changed_at, i.version, p.key as parent_key, p.title as parent_title,
                   b.reason as blocked_reason, b.blocked_at, coalesce(bw.name, bt.name) as blocked_on,
                   c.column_id, c.lane, c.rank, c.total
            from %s c
            join work_items i on i.id = c.id
            join work_types t on t.id = i.type_id
            join workflow_statuses s on s.id = i.status_id
            left join users u on u.id = i.assignee_id
            left join work_items p on p.id = i.parent_id
            left join item_blocks b on b.item_id = i.id and b.unblocked_at is null
            left join users bw on bw.id = b.waiting_on_user
            left join teams bt on bt.id = b.waiting_on_team""";

    private final JdbcClient jdbc;

    Cards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cards of one cell (column and lane) with the cell's total count; the first {@code page} of each cell. */
    public record Cell(UUID column, String lane, int total, List<Card> cards) {
    }

    /**
     * The first {@code page} cards of every cell of the board, and each cell's count. {@code scope} is a
     * predicate over {@code work_items i}; {@code lane} the lane key expression; {@code doneSince} the
     * start of the done window.
     */
    public List<Card> firstPages(Board board, SqlFragment scope, SqlFragment lane, Instant doneSince, int page,
                                 Map<CellKey, Integer> totals) {
        String sql = "with c0 as (" + candidates(board, scope, lane) + "), "
                + "numbered as (select id, key, column_id, lane, rank, row_number() over w as n, "
                + "count(*) over (partition by column_id, lane) as total from c0 "
                + "window w as (partition by column_id, lane order by rank, key)), "
                + "c as (select * from numbered where n <= :page) "
                + DETAILS.formatted("c") + " order by c.column_id, c.lane, c.rank, c.key";
        Map<String, Object> params = params(board, scope, lane, doneSince);
        params.put("page", page);
        return jdbc.sql(sql).params(params).query((rs, n) -> {
            Card card = card(rs);
            totals.put(new CellKey(card.column(), card.lane()), rs.getInt("total"));
            return card;
        }).list();
    }

    /** A cell of the board: a column in a lane. */
    public record CellKey(UUID column, String lane) {
    }

    /** The next {@code page} cards of one cell after the card ranked {@code afterRank} (then by key). */
    public List<Card> nextPage(Board board, SqlFragment scope, SqlFragment lane, Instant doneSince, UUID column,
                               String laneKey, long afterRank, String afterKey, int page) {
        String sql = "with c0 as (" + candidates(board, scope, lane) + "), "
                + "c as (select id, key, column_id, lane, rank, 0 as total from c0 where column_id = :column "
                + "and lane = :laneKey and (rank, key) > (:afterRank, :afterKey) order by rank, key limit :page) "
                + DETAILS.formatted("c") + " order by c.rank, c.key";
        Map<String, Object> params = params(board, scope, lane, doneSince);
        params.putAll(Map.of("column", column, "laneKey", laneKey, "afterRank", afterRank, "afterKey", afterKey,
                "page", page));
        return jdbc.sql(sql).params(params).query((rs, n) -> card(rs)).list();
    }

    /** One item as a card of this board, or empty when the board does not show it. */
    public Optional<Card> card(Board board, SqlFragment scope, SqlFragment lane, Instant doneSince, String key) {
        return placed(board, scope, lane, doneSince, key).map(Placed::card);
    }

    /** A card with the ids of its item and the item's type, which a move needs and a card does not show. */
    public record Placed(Card card, UUID item, UUID type) {
    }

    public Optional<Placed> placed(Board board, SqlFragment scope, SqlFragment lane, Instant doneSince, String key) {
        String sql = "with c0 as (" + candidates(board, scope.and(SqlFragment.of("i.key = :cardKey",
                Map.of("cardKey", key))), lane) + "), c as (select *, 1 as total from c0) " + DETAILS.formatted("c");
        return jdbc.sql(sql).params(params(board, scope, lane, doneSince, Map.of("cardKey", key)))
                .query((rs, n) -> new Placed(card(rs), rs.getObject("id", UUID.class), rs.getObject("type_id", UUID.class)))
                .optional();
    }

    /** The open items of a column ranked at or below {@code fromRank} (to make room among them). */
    public List<UUID> itemsFrom(Board board, SqlFragment scope, SqlFragment lane, Instant doneSince, UUID column,
                                long fromRank) {
        String sql = "with c0 as (" + candidates(board, scope, lane) + ") "
                + "select id from c0 where column_id = :column and rank >= :fromRank";
        Map<String, Object> params = params(board, scope, lane, doneSince);
        params.put("column", column);
        params.put("fromRank", fromRank);
        return jdbc.sql(sql).params(params).query(UUID.class).list();
    }

    /** The effective ranks of the given items (for placing a card between two others). */
    public Map<String, Long> ranks(Set<String> keys) {
        Map<String, Long> ranks = new HashMap<>();
        if (keys.isEmpty()) {
            return ranks;
        }
        jdbc.sql("select i.key, " + RANK + " as rank from work_items i left join card_ranks r on r.item_id = i.id "
                        + "where i.key in (:keys)")
                .param("keys", keys)
                .query(rs -> {
                    ranks.put(rs.getString("key"), rs.getLong("rank"));
                });
        return ranks;
    }

    /**
     * How full the scopes a move enters are, the moving item excluded: open cards in {@code column}, in
     * the columns of {@code group}, in the in-process columns of {@code laneKey}.
     */
    public Occupancy occupancy(Board board, SqlFragment scope, SqlFragment lane, UUID item, UUID column,
                               List<UUID> group, List<UUID> inProcess, String laneKey) {
        String sql = """
                select count(*) filter (where cs.column_id = :column) as in_column,
                       count(*) filter (where cs.column_id in (:group)) as in_group,
                       count(*) filter (where cs.column_id in (:inProcess) and (%s) = :laneKey) as in_lane
                from work_items i
                join board_column_statuses cs on cs.board_id = :board and cs.status_id = i.status_id
                where (%s) and i.resolved_at is null and i.id <> :item""".formatted(lane.sql(), scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        params.putAll(lane.params());
        params.put("board", board.id().value());
        params.put("column", column);
        params.put("group", group.isEmpty() ? List.of(new UUID(0, 0)) : group);
        params.put("inProcess", inProcess.isEmpty() ? List.of(new UUID(0, 0)) : inProcess);
        params.put("laneKey", laneKey == null ? "" : laneKey);
        params.put("item", item);
        return jdbc.sql(sql).params(params).query((rs, n) -> new Occupancy(rs.getInt("in_column"),
                rs.getInt("in_group"), rs.getInt("in_lane"))).single();
    }

    public record Occupancy(int column, int group, int lane) {
    }

    /** How many items a person holds in progress, anywhere in the tenant, the moving item excluded. */
    public int inProgress(UUID person, Set<UUID> inProgressStatuses, UUID except) {
        if (inProgressStatuses.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from work_items i
                        where i.assignee_id = :person and i.status_id in (:statuses) and i.resolved_at is null
                          and i.id <> :item""")
                .params(Map.of("person", person, "statuses", inProgressStatuses, "item", except))
                .query(Integer.class).single();
    }

    /** Open items of the board's columns, then the done column's recently finished ones. */
    private static String candidates(Board board, SqlFragment scope, SqlFragment lane) {
        String open = """
                select i.id, i.key, cs.column_id, (%s) as lane, %s as rank
                from work_items i
                join board_column_statuses cs on cs.board_id = :board and cs.status_id = i.status_id
                left join card_ranks r on r.item_id = i.id
                where (%s) and i.resolved_at is null""".formatted(lane.sql(), RANK, scope.sql());
        if (board.doneColumn().isEmpty()) {
            return open;
        }
        String done = """
                select i.id, i.key, cs.column_id, (%s) as lane, %s as rank
                from work_items i
                join board_column_statuses cs on cs.board_id = :board and cs.status_id = i.status_id
                where (%s) and i.resolved_at >= :doneSince""".formatted(lane.sql(), DONE_RANK, scope.sql());
        return open + " union all " + done;
    }

    private static Map<String, Object> params(Board board, SqlFragment scope, SqlFragment lane, Instant doneSince) {
        return params(board, scope, lane, doneSince, Map.of());
    }

    private static Map<String, Object> params(Board board, SqlFragment scope, SqlFragment lane, Instant doneSince,
                                              Map<String, Object> extra) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.putAll(lane.params());
        params.putAll(extra);
        params.put("board", board.id().value());
        params.put("doneSince", doneSince.atOffset(ZoneOffset.UTC));
        return params;
    }

    private static Card card(ResultSet rs) throws SQLException {
        UUID assignee = rs.getObject("assignee_id", UUID.class);
        String parentKey = rs.getString("parent_key");
        String blockedReason = rs.getString("blocked_reason");
        java.sql.Date due = rs.getDate("due_date");
        return new Card(rs.getString("key"), rs.getString("title"), rs.getString("category"), rs.getString("type_name"),
                new StatusRef(rs.getObject("status_id", UUID.class), rs.getString("status_name"),
                        StatusPhase.ofCode(rs.getString("phase")), StatusFlow.ofCode(rs.getString("flow"))),
                rs.getInt("priority"),
                assignee == null ? null : new Person(assignee, rs.getString("assignee_name"), rs.getString("assignee_email")),
                due == null ? null : due.toLocalDate(),
                parentKey == null ? null : new ItemRef(parentKey, rs.getString("parent_title")),
                blockedReason == null ? null : new Card.Blocked(blockedReason, rs.getString("blocked_on"),
                        instant(rs, "blocked_at")),
                instant(rs, "status_changed_at"), rs.getLong("version"), rs.getObject("column_id", UUID.class),
                rs.getString("lane"), rs.getLong("rank"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
