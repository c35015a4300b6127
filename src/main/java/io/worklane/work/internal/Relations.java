package io.worklane.work.internal;

import io.worklane.shared.database.SqlTimes;
import io.worklane.work.ItemId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.UUID;

/** Who watches an item and how items are linked to each other. */
@Repository
public class Relations {

    private final JdbcClient jdbc;

    Relations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a watcher; false when they already watch. */
    public boolean watch(ItemId item, UUID user, Instant at) {
        return jdbc.sql("insert into item_watchers (item_id, user_id, added_at) values (?, ?, ?) on conflict do nothing")
                .params(item.value(), user, SqlTimes.utc(at)).update() == 1;
    }

    /** Adds several watchers in one statement; those already watching are left as they are. */
    public void watchAll(ItemId item, java.util.Collection<UUID> users, Instant at) {
        jdbc.sql("""
                        insert into item_watchers (item_id, user_id, added_at)
                        select ?, u, ? from unnest(?::uuid[]) as u on conflict do nothing""")
                .params(item.value(), SqlTimes.utc(at), users.toArray(UUID[]::new)).update();
    }

    public boolean unwatch(ItemId item, UUID user) {
        return jdbc.sql("delete from item_watchers where item_id = ? and user_id = ?")
                .params(item.value(), user).update() == 1;
    }

    public boolean link(UUID source, UUID target, String kind, UUID actor, Instant at) {
        return jdbc.sql("""
                        insert into item_links (source_id, target_id, kind, created_at, created_by)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(source, target, kind, SqlTimes.utc(at), actor).update() == 1;
    }

    public boolean unlink(UUID source, UUID target, String kind) {
        return jdbc.sql("delete from item_links where source_id = ? and target_id = ? and kind = ?")
                .params(source, target, kind).update() == 1;
    }
}
