package io.worklane.tenancy;

import io.worklane.shared.TenantId;

import java.time.Instant;

/**
 * A customer organisation as the platform registry knows it: its own schema, on a placement (the
 * PostgreSQL cluster that holds it).
 */
public record Tenant(TenantId id, String slug, String name, String schema, String placement,
                     TenantStatus status, String suspendedReason, Integer schemaVersion,
                     String migrationError, Instant createdAt, long version) {

    /** The schema name for a slug: hyphens are not allowed unquoted in PostgreSQL identifiers. */
    public static String schemaFor(String slug) {
        return "tenant_" + slug.replace('-', '_');
    }
}
