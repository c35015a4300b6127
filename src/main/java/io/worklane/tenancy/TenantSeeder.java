package io.worklane.tenancy;

/**
 * Fills a freshly migrated tenant schema with what a new organisation needs (its first admin, a
 * first team, …). Modules implement it; stamping runs every seeder in one transaction inside the new
 * tenant, and throws the tenant away whole if any of them fails.
 */
public interface TenantSeeder {

    void seed(Tenant tenant, StampTenant order);
}
