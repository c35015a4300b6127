package io.worklane.sla.internal;

import io.worklane.sla.ItemClock;
import io.worklane.sla.SlaRepair;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.worklane.shared.database.SqlTimes.utc;

/** The stored copy of items' clocks, and the warnings and breaches that fired. */
@Repository
public class StoredClocks {

    private final JdbcClient jdbc;

    StoredClocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the item's clocks with {@code clocks}. */
    public void replace(UUID item, String key, UUID team, List<ItemClock> clocks, Instant at) {
        jdbc.sql("delete from sla_clocks where item_id = ?").param(item).update();
        for (ItemClock c : clocks) {
            jdbc.sql("""
                            insert into sla_clocks (item_id, policy_id, metric, item_key, team_id, status, started_at,
                                                    stopped_at, elapsed_seconds, goal_seconds, due_at, warn_at, warned_at,
                                                    breached_at, computed_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(item, c.policyId(), c.metric(), key, team, c.status(), utc(c.startedAt()), utc(c.stoppedAt()),
                            c.elapsedMinutes() * 60, c.goalMinutes() == null ? null : c.goalMinutes() * 60, utc(c.dueAt()),
                            utc(c.warnAt()), utc(c.warnedAt()), utc(c.breachedAt()), utc(at))
                    .update();
        }
    }

    /** A stored clock, as a list or board shows it beside its item. */
    public record Badge(String key, String metric, String status, Instant dueAt, Instant breachedAt, long elapsedSeconds,
                        Long goalSeconds) {
    }

    /** The stored clocks of the items with these keys (a page of a list: at most a few hundred). */
    public List<Badge> badges(List<String> keys) {
        return jdbc.sql("""
                        select item_key, metric, status, due_at, breached_at, elapsed_seconds, goal_seconds from sla_clocks
                        where item_key = any(?) and status in ('running', 'paused', 'breached')""")
                .param(keys.toArray(String[]::new))
                .query((rs, n) -> new Badge(rs.getString("item_key"), rs.getString("metric"), rs.getString("status"),
                        io.worklane.shared.database.SqlTimes.instant(rs, "due_at"),
                        io.worklane.shared.database.SqlTimes.instant(rs, "breached_at"), rs.getLong("elapsed_seconds"),
                        (Long) rs.getObject("goal_seconds")))
                .list();
    }

    /** Records that a clock crossed a line; false when that was recorded before (by any node). */
    public boolean fired(UUID item, UUID policy, String metric, String kind, Instant at, Instant now) {
        return jdbc.sql("""
                        insert into sla_events (item_id, policy_id, metric, kind, at, fired_at) values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(item, policy, metric, kind, utc(at), utc(now)).update() == 1;
    }

    public boolean anyPolicy() {
        return jdbc.sql("select exists (select 1 from sla_policies)").query(Boolean.class).single();
    }

    /** Items still open, or with stored clocks, after {@code after} in id order: what a repair recomputes. */
    public List<UUID> itemsToRepair(UUID after, int limit) {
        return jdbc.sql("""
                        select id from (
                            (select id from work_items where resolved_at is null and id > :after order by id limit :limit)
                            union
                            (select distinct item_id from sla_clocks where item_id > :after order by item_id limit :limit)
                        ) ids order by id limit :limit""")
                .param("after", after).param("limit", limit).query(UUID.class).list();
    }

    public void startRepair(UUID id, String reason, UUID by, Instant at) {
        jdbc.sql("insert into sla_repairs (id, reason, requested_by, requested_at) values (?, ?, ?, ?)")
                .params(id, reason, by, utc(at)).update();
    }

    public void repaired(UUID id, int items, boolean finished, Instant at) {
        jdbc.sql("update sla_repairs set items = items + ?, finished_at = ? where id = ?")
                .params(items, finished ? utc(at) : null, id).update();
    }

    public List<SlaRepair> repairs(int limit) {
        return jdbc.sql("select * from sla_repairs order by requested_at desc limit ?").param(limit)
                .query((rs, n) -> new SlaRepair(rs.getObject("id", UUID.class), rs.getString("reason"),
                        rs.getObject("requested_by", UUID.class), io.worklane.shared.database.SqlTimes.instant(rs, "requested_at"),
                        rs.getInt("items"), io.worklane.shared.database.SqlTimes.instant(rs, "finished_at")))
                .list();
    }
}
