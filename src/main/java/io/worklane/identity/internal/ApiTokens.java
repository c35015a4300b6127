package io.worklane.identity.internal;

import io.worklane.shared.database.SqlTimes;
import io.worklane.identity.ApiToken;
import io.worklane.identity.User;
import io.worklane.shared.UserId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API tokens of the current tenant, stored as SHA-256 hashes. */
@Repository
public class ApiTokens {

    /** A token found by its hash, with its owner. */
    public record Match(ApiToken token, User owner) {
    }

    private static final String COLUMNS = "id, name, hint, created_at, expires_at, last_used_at, revoked_at";

    private static final RowMapper<ApiToken> TOKEN = (rs, row) -> new ApiToken(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getString("hint"),
            SqlTimes.instant(rs, "created_at"),
            SqlTimes.instant(rs, "expires_at"),
            SqlTimes.instant(rs, "last_used_at"),
            SqlTimes.instant(rs, "revoked_at"));

    private final JdbcClient jdbc;

    public ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UserId owner, String name, byte[] hash, String hint, Instant expiresAt) {
        jdbc.sql("insert into api_tokens (id, user_id, name, token_hash, hint, expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, owner.value(), name, hash, hint, expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .update();
    }

    public Optional<ApiToken> find(UUID id, UserId owner) {
        return jdbc.sql("select " + COLUMNS + " from api_tokens where id = ? and user_id = ?")
                .params(id, owner.value()).query(TOKEN).optional();
    }

    public List<ApiToken> ofUser(UserId owner) {
        return jdbc.sql("select " + COLUMNS + " from api_tokens where user_id = ? order by created_at desc")
                .param(owner.value()).query(TOKEN).list();
    }

    /** The token and its owner in one round trip: this runs on every API request. */
    public Optional<Match> findByHash(byte[] hash) {
        return jdbc.sql("""
                        select t.id, t.name, t.hint, t.created_at, t.expires_at, t.last_used_at, t.revoked_at,
                               u.id as user_id, u.email as user_email, u.name as user_name, u.roles as user_roles,
                               u.active as user_active, u.created_at as user_created_at,
                               u.updated_at as user_updated_at, u.version as user_version,
                               u.manager_id as user_manager
                        from api_tokens t join users u on u.id = t.user_id
                        where t.token_hash = ?""")
                .param(hash)
                .query((rs, row) -> new Match(TOKEN.mapRow(rs, row), new User(
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getString("user_email"),
                        rs.getString("user_name"),
                        Users.roles(rs.getArray("user_roles")),
                        rs.getBoolean("user_active"),
                        SqlTimes.instant(rs, "user_created_at"),
                        SqlTimes.instant(rs, "user_updated_at"),
                        rs.getLong("user_version"),
                        rs.getObject("user_manager", UUID.class) == null ? null
                                : new UserId(rs.getObject("user_manager", UUID.class)))))
                .optional();
    }

    public boolean revoke(UUID id, UserId owner) {
        return jdbc.sql("update api_tokens set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
                .params(id, owner.value()).update() == 1;
    }

    /** Records use at most once a minute per token, so that reads stay reads. */
    public void touch(UUID id) {
        jdbc.sql("update api_tokens set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param(id).update();
    }
}
