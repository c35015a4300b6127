package io.worklane.board.internal;

import io.worklane.board.Board;
import io.worklane.board.BoardColumn;
import io.worklane.board.BoardId;
import io.worklane.board.ColumnKind;
import io.worklane.board.Swimlanes;
import io.worklane.board.WipLimit;
import io.worklane.identity.Role;
import io.worklane.tenancy.TenantContext;
import io.worklane.work.Refs.StatusRef;
import io.worklane.work.Refs.TeamRef;
import io.worklane.work.StatusFlow;
import io.worklane.work.StatusPhase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Board definitions: the board, its columns and their statuses, group and lane limits. */
@Repository
public class BoardStore {

    private static final String BOARD = """
            select b.id, b.name, b.team_id, t.key as team_key, t.name as team_name, b.query, b.swimlanes,
                   b.expedite_query, b.person_limit, b.person_hard, b.override_roles, b.done_window_days,
                   b.card_fields, b.version
            from boards b left join teams t on t.id = b.team_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final RecentBoards recent;

    BoardStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, RecentBoards recent) {
        this.recent = recent;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** A board without its columns, as the list of boards shows it. */
    public record BoardHeader(BoardId id, String name, TeamRef team, String query) {
    }

    public List<BoardHeader> all() {
        return jdbc.sql("""
                        select b.id, b.name, b.query, t.id as team_id, t.key as team_key, t.name as team_name
                        from boards b left join teams t on t.id = b.team_id order by t.key nulls last, lower(b.name)""")
                .query((rs, n) -> new BoardHeader(new BoardId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        team(rs), rs.getString("query"))).list();
    }

    public Optional<UUID> teamBoard(UUID team) {
        return jdbc.sql("select id from boards where team_id = ? order by created_at limit 1").param(team)
                .query(UUID.class).optional();
    }

    /** The board's definition: remembered until it changes (see {@link RecentBoards}). */
    public Optional<Board> find(BoardId id) {
        return recent.get(TenantContext.require().id(), id.value(), () -> read(id));
    }

    private Optional<Board> read(BoardId id) {
        Optional<Row> row = jdbc.sql(BOARD + " where b.id = ?").param(id.value()).query((rs, n) -> row(rs)).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, List<StatusRef>> statuses = new LinkedHashMap<>();
        jdbc.sql("""
                        select cs.column_id, s.id, s.name, s.phase, s.flow
                        from board_column_statuses cs join workflow_statuses s on s.id = cs.status_id
                        where cs.board_id = ? order by s.position, s.name""")
                .param(id.value())
                .query(rs -> {
                    statuses.computeIfAbsent(rs.getObject("column_id", UUID.class), k -> new ArrayList<>())
                            .add(new StatusRef(rs.getObject("id", UUID.class), rs.getString("name"),
                                    StatusPhase.ofCode(rs.getString("phase")), StatusFlow.ofCode(rs.getString("flow"))));
                });
        List<BoardColumn> columns = jdbc.sql("""
                        select id, name, kind, wip_limit, wip_hard, group_name from board_columns
                        where board_id = ? order by position""")
                .param(id.value())
                .query((rs, n) -> new BoardColumn(rs.getObject("id", UUID.class), rs.getString("name"),
                        ColumnKind.ofCode(rs.getString("kind")).orElseThrow(),
                        statuses.getOrDefault(rs.getObject("id", UUID.class), List.of()),
                        limit(rs, "wip_limit", "wip_hard"), rs.getString("group_name")))
                .list();
        Map<String, WipLimit> groups = limits("select name, wip_limit, wip_hard from board_column_groups where board_id = ?", id);
        Map<String, WipLimit> lanes = limits("select lane as name, wip_limit, wip_hard from board_lane_limits where board_id = ?", id);
        Row r = row.get();
        return Optional.of(new Board(id, r.name, r.team, r.query, r.swimlanes, r.expediteQuery, columns, groups, lanes,
                r.personLimit, r.overrideRoles, r.doneWindowDays, r.cardFields, r.version));
    }

    /** Writes a new board, or replaces an existing one's definition if it is still at {@code expectedVersion}. */
    public boolean save(Board board, Instant now, Long expectedVersion) {
        recent.changed(TenantContext.require().id(), board.id().value());
        Object[] common = {board.name(), board.team() == null ? null : board.team().id(), board.query(),
                board.swimlanes().code(), board.expediteQuery(),
                board.personLimit() == null ? null : board.personLimit().max(),
                board.personLimit() != null && board.personLimit().hard(),
                board.overrideRoles().stream().map(Role::code).sorted().toArray(String[]::new),
                board.doneWindowDays(), board.cardFields().toArray(String[]::new)};
        if (expectedVersion == null) {
            jdbc.sql("""
                            insert into boards (id, name, team_id, query, swimlanes, expedite_query, person_limit, person_hard,
                                                override_roles, done_window_days, card_fields, created_at, updated_at, version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                    .params(concat(new Object[]{board.id().value()}, common, new Object[]{now.atOffset(java.time.ZoneOffset.UTC), now.atOffset(java.time.ZoneOffset.UTC)}))
                    .update();
        } else {
            int updated = jdbc.sql("""
                            update boards set name = ?, team_id = ?, query = ?, swimlanes = ?, expedite_query = ?,
                                   person_limit = ?, person_hard = ?, override_roles = ?, done_window_days = ?,
                                   card_fields = ?, updated_at = ?, version = version + 1
                            where id = ? and version = ?""")
                    .params(concat(common, new Object[]{now.atOffset(java.time.ZoneOffset.UTC), board.id().value(), expectedVersion}))
                    .update();
            if (updated == 0) {
                return false;
            }
            jdbc.sql("delete from board_columns where board_id = ?").param(board.id().value()).update();
            jdbc.sql("delete from board_column_groups where board_id = ?").param(board.id().value()).update();
            jdbc.sql("delete from board_lane_limits where board_id = ?").param(board.id().value()).update();
        }
        int position = 0;
        for (BoardColumn column : board.columns()) {
            jdbc.sql("""
                            insert into board_columns (id, board_id, name, position, kind, wip_limit, wip_hard, group_name)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(column.id(), board.id().value(), column.name(), ++position, column.kind().code(),
                            column.limit() == null ? null : column.limit().max(),
                            column.limit() != null && column.limit().hard(), column.group())
                    .update();
            jdbcTemplate.batchUpdate("insert into board_column_statuses (board_id, column_id, status_id) values (?, ?, ?)",
                    column.statuses().stream().map(s -> new Object[]{board.id().value(), column.id(), s.id()}).toList());
        }
        jdbcTemplate.batchUpdate("insert into board_column_groups (board_id, name, wip_limit, wip_hard) values (?, ?, ?, ?)",
                board.groupLimits().entrySet().stream().map(e -> new Object[]{board.id().value(), e.getKey(),
                        e.getValue().max(), e.getValue().hard()}).toList());
        jdbcTemplate.batchUpdate("insert into board_lane_limits (board_id, lane, wip_limit, wip_hard) values (?, ?, ?, ?)",
                board.laneLimits().entrySet().stream().map(e -> new Object[]{board.id().value(), e.getKey(),
                        e.getValue().max(), e.getValue().hard()}).toList());
        return true;
    }

    public boolean delete(BoardId id) {
        recent.changed(TenantContext.require().id(), id.value());
        return jdbc.sql("delete from boards where id = ?").param(id.value()).update() > 0;
    }

    /** Serialises moves on one board, so that two moves cannot both take a column's last free place. */
    public void lockForMoves(BoardId id) {
        lock("board:" + id.value());
    }

    /** Serialises the first opening of a team's board, so that two visitors cannot create two. */
    public void lockTeamBoards(UUID team) {
        lock("team-board:" + team);
    }

    private void lock(String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 42))").param(name).query(rs -> {
        });
    }

    public Optional<Long> version(BoardId id) {
        return jdbc.sql("select version from boards where id = ?").param(id.value()).query(Long.class).optional();
    }

    private record Row(String name, TeamRef team, String query, Swimlanes swimlanes, String expediteQuery,
                       WipLimit personLimit, Set<Role> overrideRoles, int doneWindowDays, List<String> cardFields,
                       long version) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        Set<Role> roles = new HashSet<>();
        for (String code : strings(rs.getArray("override_roles"))) {
            roles.add(Role.fromCode(code));
        }
        return new Row(rs.getString("name"), team(rs), rs.getString("query"),
                Swimlanes.ofCode(rs.getString("swimlanes")).orElseThrow(), rs.getString("expedite_query"),
                limit(rs, "person_limit", "person_hard"), roles, rs.getInt("done_window_days"),
                strings(rs.getArray("card_fields")), rs.getLong("version"));
    }

    private static TeamRef team(ResultSet rs) throws SQLException {
        UUID team = rs.getObject("team_id", UUID.class);
        return team == null ? null : new TeamRef(team, rs.getString("team_key"), rs.getString("team_name"));
    }

    private static WipLimit limit(ResultSet rs, String max, String hard) throws SQLException {
        int value = rs.getInt(max);
        return rs.wasNull() ? null : new WipLimit(value, rs.getBoolean(hard));
    }

    private Map<String, WipLimit> limits(String sql, BoardId id) {
        Map<String, WipLimit> limits = new LinkedHashMap<>();
        jdbc.sql(sql).param(id.value()).query(rs -> {
            limits.put(rs.getString("name"), new WipLimit(rs.getInt("wip_limit"), rs.getBoolean("wip_hard")));
        });
        return limits;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Object[] concat(Object[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
    }
}
