package io.worklane.tenancy.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.worklane.shared.Page;
import io.worklane.shared.PageRequest;
import io.worklane.shared.TenantId;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's list of tenants. Lookups by slug happen on every request, so they are cached
 * briefly; a change made on this node is seen at once, one made on another node within seconds.
 */
@Repository
public class TenantRegistry {

    private static final RowMapper<Tenant> TENANT = (rs, row) -> new Tenant(
            new TenantId(rs.getObject("id", UUID.class)),
            rs.getString("slug"),
            rs.getString("name"),
            rs.getString("schema_name"),
            rs.getString("placement"),
            TenantStatus.valueOf(rs.getString("status").toUpperCase()),
            rs.getString("suspended_reason"),
            (Integer) rs.getObject("schema_version"),
            rs.getString("migration_error"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getLong("version"));

    private static final String COLUMNS = """
            id, slug, name, schema_name, placement, status, suspended_reason, schema_version,
            migration_error, created_at, version""";

    private final JdbcClient jdbc;
    private final Cache<String, Optional<Tenant>> bySlug = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(3))
            .maximumSize(100_000)
            .build();

    public TenantRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Tenant> findCached(String slug) {
        return bySlug.get(slug, this::find);
    }

    public Optional<Tenant> find(String slug) {
        return jdbc.sql("select " + COLUMNS + " from platform.tenants where slug = ?")
                .param(slug).query(TENANT).optional();
    }

    public Optional<Tenant> find(TenantId id) {
        return jdbc.sql("select " + COLUMNS + " from platform.tenants where id = ?")
                .param(id.value()).query(TENANT).optional();
    }

    /** Tenants by slug; with {@code query}, those whose slug or name holds it (ignoring case). */
    public Page<Tenant> list(PageRequest page, String query) {
        String where = " from platform.tenants where status <> 'provisioning'"
                + " and (cast(? as text) is null or strpos(lower(slug || ' ' || name), lower(cast(? as text))) > 0)";
        String needle = query == null || query.isBlank() ? null : query.strip();
        List<Tenant> tenants = jdbc.sql("select " + COLUMNS + where + " order by slug limit ? offset ?")
                .params(needle, needle, page.size(), page.offset()).query(TENANT).list();
        long total = jdbc.sql("select count(*)" + where).params(needle, needle).query(Long.class).single();
        return new Page<>(tenants, page.page(), page.size(), total);
    }

    /** Every tenant that has a schema to keep migrated. */
    public List<Tenant> allServed() {
        return jdbc.sql("select " + COLUMNS + " from platform.tenants where status <> 'provisioning' order by slug")
                .query(TENANT).list();
    }

    /** Claims the slug; fails with a duplicate key if it is taken. */
    public void insertProvisioning(TenantId id, String slug, String name, String schema) {
        jdbc.sql("insert into platform.tenants (id, slug, name, schema_name, status) values (?, ?, ?, ?, 'provisioning')")
                .params(id.value(), slug, name, schema).update();
    }

    public void activate(TenantId id, int schemaVersion) {
        jdbc.sql("""
                        update platform.tenants set status = 'active', schema_version = ?, updated_at = now(),
                               version = version + 1 where id = ?""")
                .params(schemaVersion, id.value()).update();
    }

    public void delete(TenantId id) {
        jdbc.sql("delete from platform.tenants where id = ?").param(id.value()).update();
    }

    /** Sets the status if the tenant is still at the expected version; false when it is stale. */
    public boolean changeStatus(Tenant tenant, TenantStatus status, String reason) {
        int changed = jdbc.sql("""
                        update platform.tenants set status = ?, suspended_reason = ?, updated_at = now(),
                               version = version + 1 where id = ? and version = ?""")
                .params(status.code(), reason, tenant.id().value(), tenant.version()).update();
        bySlug.invalidate(tenant.slug());
        return changed == 1;
    }

    public void recordMigration(TenantId id, Integer schemaVersion, String error) {
        jdbc.sql("""
                        update platform.tenants set schema_version = coalesce(?, schema_version), migration_error = ?,
                               updated_at = now() where id = ?""")
                .params(schemaVersion, error, id.value()).update();
    }

    /** Stamps that never finished (the node died mid-way), old enough that no node is still at them. */
    public List<Tenant> abandonedProvisioning(Instant before) {
        return jdbc.sql("select " + COLUMNS + " from platform.tenants where status = 'provisioning' and created_at < ?")
                .param(OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).query(TENANT).list();
    }

    public void forget(String slug) {
        bySlug.invalidate(slug);
    }
}
