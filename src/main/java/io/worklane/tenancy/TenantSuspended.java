package io.worklane.tenancy;

import io.worklane.shared.TenantId;

/** A tenant was suspended (its data kept, its users refused). */
public record TenantSuspended(TenantId tenantId, String slug, String reason) {
}
