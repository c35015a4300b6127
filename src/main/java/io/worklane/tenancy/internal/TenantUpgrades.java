package io.worklane.tenancy.internal;

import io.worklane.tenancy.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * At start-up, brings every tenant schema to this build's version. Tenants are migrated
 * independently: one that fails is recorded in the registry and logged, and the others go on.
 * Tenants already at the latest version cost nothing (the registry knows their version).
 */
@Component
@Order(0)
class TenantUpgrades implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TenantUpgrades.class);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final TenantRegistry registry;
    private final TenantSchemas schemas;

    TenantUpgrades(TenantRegistry registry, TenantSchemas schemas) {
        this.registry = registry;
        this.schemas = schemas;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        discardAbandonedStamps();
        List<Tenant> behind = registry.allServed().stream()
                .filter(tenant -> !Objects.equals(tenant.schemaVersion(), schemas.latestVersion())
                        || tenant.migrationError() != null)
                .toList();
        if (behind.isEmpty()) {
            return;
        }
        log.info("Migrating {} tenant schema(s) to version {}", behind.size(), schemas.latestVersion());
        int failed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = behind.stream().map(tenant -> pool.submit(() -> upgrade(tenant))).toList();
            for (Future<Boolean> result : results) {
                failed += result.get() ? 0 : 1;
            }
        } finally {
            pool.shutdown();
        }
        if (failed > 0) {
            log.error("{} of {} tenant schema(s) failed to migrate; see migration_error in platform.tenants",
                    failed, behind.size());
        }
    }

    boolean upgrade(Tenant tenant) {
        try {
            int version = schemas.migrate(tenant.schema());
            registry.recordMigration(tenant.id(), version, null);
            return true;
        } catch (RuntimeException e) {
            log.error("Tenant {} failed to migrate", tenant.slug(), e);
            registry.recordMigration(tenant.id(), null, String.valueOf(e.getMessage()));
            return false;
        }
    }

    private void discardAbandonedStamps() {
        for (Tenant tenant : registry.abandonedProvisioning(Instant.now().minus(ABANDONED_AFTER))) {
            log.warn("Discarding tenant {}: its stamping never finished", tenant.slug());
            schemas.drop(tenant.schema());
            registry.delete(tenant.id());
        }
    }
}
