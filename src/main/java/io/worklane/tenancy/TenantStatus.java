package io.worklane.tenancy;

/** Where a tenant is in its life. Only active tenants serve their users. */
public enum TenantStatus {
    /** Being stamped; not visible to anyone until it is complete. */
    PROVISIONING,
    ACTIVE,
    /** Refused to its users and API clients; its data is kept. */
    SUSPENDED;

    public String code() {
        return name().toLowerCase();
    }
}
