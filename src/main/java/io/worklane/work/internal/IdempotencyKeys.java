package io.worklane.work.internal;

import io.worklane.shared.database.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Remembers which item a create with an Idempotency-Key made, per person, for a day. */
@Repository
public class IdempotencyKeys {

    /** The item a key created, and whether the request that came with the key now was the same. */
    public record Remembered(UUID item, boolean sameRequest) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Remembered> find(UUID user, String key, byte[] requestHash) {
        return jdbc.sql("select item_id, request_hash from idempotency_keys where user_id = ? and key = ?")
                .params(user, key)
                .query((rs, n) -> new Remembered(rs.getObject("item_id", UUID.class),
                        Arrays.equals(rs.getBytes("request_hash"), requestHash)))
                .optional();
    }

    /**
     * Claims a key for an item about to be created; false when another request holds it. A twin request
     * running at the same time waits here until the first commits, then finds the key taken.
     */
    public boolean claim(UUID user, String key, byte[] requestHash, UUID item, Instant at) {
        return jdbc.sql("""
                        insert into idempotency_keys (user_id, key, request_hash, item_id, created_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(user, key, requestHash, item, SqlTimes.utc(at)).update() == 1;
    }

    public int forgetOlderThan(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < ?").param(SqlTimes.utc(cutoff)).update();
    }
}
