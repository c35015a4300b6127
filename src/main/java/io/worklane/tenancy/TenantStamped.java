package io.worklane.tenancy;

import io.worklane.shared.TenantId;

/** A tenant was stamped and is ready for its users. */
public record TenantStamped(TenantId tenantId, String slug) {
}
