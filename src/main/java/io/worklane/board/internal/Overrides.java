package io.worklane.board.internal;

import io.worklane.board.BoardId;
import io.worklane.board.WipOverride;
import io.worklane.work.Refs.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The record of hard limits overridden, newest first. */
@Repository
public class Overrides {

    private final JdbcClient jdbc;

    Overrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(BoardId board, UUID item, String key, String scope, String name, int limit, int count,
                       String reason, UUID actor, Instant at) {
        jdbc.sql("""
                        insert into wip_overrides (id, board_id, item_id, item_key, scope, name, wip_limit, count, reason,
                                                   actor_id, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), board.value(), item, key, scope, name, limit, count, reason, actor,
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    public List<WipOverride> of(BoardId board, int limit) {
        return jdbc.sql("""
                        select o.item_key, o.scope, o.name, o.wip_limit, o.count, o.reason, o.at,
                               u.id as actor_id, u.name as actor_name, u.email as actor_email
                        from wip_overrides o left join users u on u.id = o.actor_id
                        where o.board_id = ? order by o.at desc limit ?""")
                .params(board.value(), limit)
                .query((rs, n) -> new WipOverride(rs.getString("item_key"), rs.getString("scope"), rs.getString("name"),
                        rs.getInt("wip_limit"), rs.getInt("count"), rs.getString("reason"),
                        rs.getObject("actor_id", UUID.class) == null ? null : new Person(rs.getObject("actor_id", UUID.class),
                                rs.getString("actor_name"), rs.getString("actor_email")),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }
}
