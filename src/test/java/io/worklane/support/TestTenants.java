package io.worklane.support;

import io.worklane.tenancy.FirstAdmin;
import io.worklane.tenancy.StampTenant;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantManagement;
import org.springframework.boot.test.context.TestComponent;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Stamps tenants with unique slugs, each with a known first admin, for tests. */
@TestComponent
public class TestTenants {

    public static final String OPERATOR_TOKEN = "test-operator-token";
    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TenantManagement tenants;

    TestTenants(TenantManagement tenants) {
        this.tenants = tenants;
    }

    /** A tenant with a fresh slug; its admin is {@code admin@<slug>.test} with {@link #PASSWORD}. */
    public Tenant stamp(String prefix) {
        String slug = uniqueSlug(prefix);
        return tenants.stamp(new StampTenant(slug, "Org " + slug, new FirstAdmin(adminOf(slug), "Ada Admin", PASSWORD)));
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + SEQUENCE.incrementAndGet();
    }

    public static String adminOf(String slug) {
        return "admin@" + slug + ".test";
    }

    public static Map<String, Object> stampBody(String slug) {
        return Map.of("slug", slug, "name", "Org " + slug,
                "admin", Map.of("email", adminOf(slug), "name", "Ada Admin", "password", PASSWORD));
    }
}
