package io.worklane.identity;

import io.worklane.shared.TenantId;
import io.worklane.shared.UserId;

import org.springframework.security.core.AuthenticatedPrincipal;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in person, as every request sees them. It names its tenant: a principal is honoured
 * only on its own tenant's paths. Serializable because web sessions are stored in PostgreSQL.
 */
public record WorklaneUser(UserId id, TenantId tenantId, String tenantSlug, String email, String displayName,
                           Set<Role> roles) implements AuthenticatedPrincipal, Serializable {

    /** Unique across tenants: sessions are indexed by it. The person's name is {@link #displayName()}. */
    @Override
    public String getName() {
        return tenantId + "/" + id;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public boolean isStaff() {
        return has(Role.ADMIN) || has(Role.AGENT);
    }

    public String initials() {
        String[] parts = displayName.strip().split("\\s+");
        String first = parts[0].isEmpty() ? "?" : parts[0].substring(0, 1);
        String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase();
    }
}
