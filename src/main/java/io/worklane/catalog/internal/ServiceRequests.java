package io.worklane.catalog.internal;

import io.worklane.shared.database.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Service requests, in SQL: which item carries each, and the offering version and answers it was made with. */
@Repository
public class ServiceRequests {

    private static final String SELECT = """
            select r.id, r.item_key, r.offering_id, r.offering_version, v.name as offering_name, o.key as offering_key,
                   r.answers::text as answers, r.requester_id, u.name as requester_name, u.email as requester_email,
                   r.created_at, r.order_hash
            from service_requests r
                 join offerings o on o.id = r.offering_id
                 join offering_versions v on v.offering_id = r.offering_id and v.version = r.offering_version
                 join users u on u.id = r.requester_id""";
    private static final TypeReference<LinkedHashMap<String, Object>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ServiceRequests(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A request as stored; the caller adds what its item shows now. */
    public record Row(UUID id, String itemKey, UUID offeringId, int offeringVersion, String offeringKey,
                      String offeringName, Map<String, Object> answers, UUID requesterId, String requesterName,
                      String requesterEmail, Instant createdAt) {
    }

    /** A client's retry key and a hash of what it ordered. */
    public record Idempotency(String key, byte[] orderHash) {
    }

    /**
     * Inserts a request; false when the requester made one with the same Idempotency-Key meanwhile
     * (a concurrent retry: the caller rolls back and answers with that one).
     */
    public boolean insert(UUID id, UUID itemId, String itemKey, UUID offeringId, int version, UUID requester,
                          Map<String, Object> answers, Idempotency idempotency, Instant at) {
        return jdbc.sql("""
                        insert into service_requests (id, item_id, item_key, offering_id, offering_version, requester_id,
                                                      answers, idempotency_key, order_hash, created_at)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) on conflict do nothing""")
                .params(id, itemId, itemKey, offeringId, version, requester, json.writeValueAsString(answers),
                        idempotency == null ? null : idempotency.key(), idempotency == null ? null : idempotency.orderHash(),
                        SqlTimes.utc(at))
                .update() == 1;
    }

    /** The request the requester made with this Idempotency-Key, and the hash of what it ordered. */
    public Optional<Map.Entry<Row, byte[]>> byIdempotencyKey(UUID requester, String key) {
        return jdbc.sql(SELECT + " where r.requester_id = ? and r.idempotency_key = ?")
                .params(requester, key).query((rs, n) -> Map.entry(row(rs), rs.getBytes("order_hash"))).optional();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    public Optional<UUID> requesterOf(UUID id) {
        return jdbc.sql("select requester_id from service_requests where id = ?").param(id).query(UUID.class).optional();
    }

    /** The request an item carries, if it is a request's item. */
    public Optional<UUID> ofItem(UUID itemId) {
        return jdbc.sql("select id from service_requests where item_id = ?").param(itemId).query(UUID.class).optional();
    }

    /** A requester's requests, newest first. */
    public List<Row> of(UUID requester, int limit) {
        return jdbc.sql(SELECT + " where r.requester_id = ? order by r.created_at desc, r.id desc limit ?")
                .params(requester, limit).query((rs, n) -> row(rs)).list();
    }

    private Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("item_key"), rs.getObject("offering_id", UUID.class),
                rs.getInt("offering_version"), rs.getString("offering_key"), rs.getString("offering_name"),
                json.readValue(rs.getString("answers"), ANSWERS), rs.getObject("requester_id", UUID.class),
                rs.getString("requester_name"), rs.getString("requester_email"), SqlTimes.instant(rs, "created_at"));
    }
}
