package io.worklane.tenancy.web;

import io.worklane.tenancy.Tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant as the operator API shows it. */
record TenantView(UUID id, String slug, String name, String status, String suspendedReason, String placement,
                  Integer schemaVersion, String migrationError, Instant createdAt, long version,
                  String homeUrl, String apiUrl) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id().value(), tenant.slug(), tenant.name(), tenant.status().code(),
                tenant.suspendedReason(), tenant.placement(), tenant.schemaVersion(), tenant.migrationError(),
                tenant.createdAt(), tenant.version(), "/t/" + tenant.slug() + "/", "/t/" + tenant.slug() + "/api/v1");
    }
}
