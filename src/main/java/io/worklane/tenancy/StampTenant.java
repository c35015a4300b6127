package io.worklane.tenancy;

/** The operator's order for a new tenant. */
public record StampTenant(String slug, String name, FirstAdmin admin) {
}
