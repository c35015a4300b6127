package io.worklane.tenancy.internal;

import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import io.worklane.tenancy.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Upgrading Worklane migrates every tenant schema, each on its own. */
@WorklaneTest
class TenantUpgradesTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantUpgrades upgrades;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantSchemas schemas;

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesTenantsThatAreBehindAndReportsAFailingOneWithoutStoppingTheOthers() throws Exception {
        Tenant healthy = tenants.stamp("behind");
        Tenant broken = tenants.stamp("broken");
        int latest = schemas.latestVersion();
        // Both look behind. The healthy one really is: its schema is emptied, as if stamped by an old build.
        jdbc.sql("drop schema " + healthy.schema() + " cascade").update();
        jdbc.sql("create schema " + healthy.schema()).update();
        // The broken one forgets its migrations but keeps its tables, so running them again fails there.
        jdbc.sql("delete from " + broken.schema() + ".flyway_schema_history").update();
        jdbc.sql("update platform.tenants set schema_version = ? where id in (?, ?)")
                .params(latest - 1, healthy.id().value(), broken.id().value()).update();

        upgrades.run(new DefaultApplicationArguments());

        Tenant upgraded = registry.find(healthy.slug()).orElseThrow();
        assertThat(upgraded.schemaVersion()).isEqualTo(latest);
        assertThat(upgraded.migrationError()).isNull();
        assertThat(jdbc.sql("select count(*) from " + healthy.schema() + ".work_categories").query(Integer.class).single()).isEqualTo(4);
        Tenant failed = registry.find(broken.slug()).orElseThrow();
        assertThat(failed.schemaVersion()).isEqualTo(latest - 1);
        assertThat(failed.migrationError()).contains("already exists");
    }

    private java.time.OffsetDateTime updatedAt(Tenant tenant) {
        return jdbc.sql("select updated_at from platform.tenants where id = ?").param(tenant.id().value())
                .query(java.time.OffsetDateTime.class).single();
    }

    @Test
    void leavesTenantsThatAreUpToDateAlone() throws Exception {
        Tenant current = tenants.stamp("current");
        var before = updatedAt(current);

        upgrades.run(new DefaultApplicationArguments());

        assertThat(registry.find(current.slug()).orElseThrow().schemaVersion()).isEqualTo(schemas.latestVersion());
        assertThat(updatedAt(current)).isEqualTo(before);
    }
}
