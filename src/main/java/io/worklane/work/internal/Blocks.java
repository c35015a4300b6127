package io.worklane.work.internal;

import io.worklane.shared.database.SqlTimes;
import io.worklane.work.Block;
import io.worklane.work.Refs.Person;
import io.worklane.work.Refs.TeamRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Open and closed blocks of items; an item has at most one open block (a partial unique index). */
@Repository
public class Blocks {

    private final JdbcClient jdbc;

    Blocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Block> open(UUID item) {
        return jdbc.sql("""
                        select b.reason, b.blocked_at, w.id as w_id, w.name as w_name, w.email as w_email,
                               t.id as t_id, t.key as t_key, t.name as t_name, u.id as u_id, u.name as u_name, u.email as u_email
                        from item_blocks b
                        left join users w on w.id = b.waiting_on_user
                        left join teams t on t.id = b.waiting_on_team
                        left join users u on u.id = b.blocked_by
                        where b.item_id = ? and b.unblocked_at is null""")
                .param(item)
                .query((rs, n) -> new Block(rs.getString("reason"),
                        person(rs.getObject("w_id", UUID.class), rs.getString("w_name"), rs.getString("w_email")),
                        rs.getObject("t_id", UUID.class) == null ? null
                                : new TeamRef(rs.getObject("t_id", UUID.class), rs.getString("t_key"), rs.getString("t_name")),
                        SqlTimes.instant(rs, "blocked_at"),
                        person(rs.getObject("u_id", UUID.class), rs.getString("u_name"), rs.getString("u_email"))))
                .optional();
    }

    public void block(UUID item, String reason, UUID waitingOnUser, UUID waitingOnTeam, Instant at, UUID actor) {
        jdbc.sql("""
                        insert into item_blocks (id, item_id, reason, waiting_on_user, waiting_on_team, blocked_at, blocked_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), item, reason, waitingOnUser, waitingOnTeam, SqlTimes.utc(at), actor).update();
    }

    /** Closes the open block; returns when it began, or empty when the item was not blocked. */
    public Optional<Instant> unblock(UUID item, Instant at, UUID actor) {
        return jdbc.sql("""
                        update item_blocks set unblocked_at = ?, unblocked_by = ?
                        where item_id = ? and unblocked_at is null returning blocked_at""")
                .params(SqlTimes.utc(at), actor, item)
                .query((rs, n) -> SqlTimes.instant(rs, "blocked_at")).optional();
    }

    private static Person person(UUID id, String name, String email) {
        return id == null ? null : new Person(id, name, email);
    }
}
