package io.worklane.tenancy;

import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every connection works in the schema of the tenant it was borrowed for, and in no other. */
@WorklaneTest
class SchemaRoutingTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aConnectionNeverCarriesOneTenantsSchemaIntoOtherWork() {
        Tenant a = tenants.stamp("route-a");
        Tenant b = tenants.stamp("route-b");

        // More rounds than the pool has connections, so connections are reused across tenants.
        for (int round = 0; round < 40; round++) {
            assertThat(TenantContext.callUnchecked(a, this::currentSchema)).isEqualTo(a.schema());
            assertThat(currentSchema()).isEqualTo("platform");
            assertThat(TenantContext.callUnchecked(b, this::currentSchema)).isEqualTo(b.schema());
        }
    }

    @Test
    void unqualifiedTablesResolveInTheTenantsOwnSchema() {
        Tenant a = tenants.stamp("own-a");
        Tenant b = tenants.stamp("own-b");
        jdbc.sql("update " + b.schema() + ".users set name = 'Only in B'").update();

        String nameInA = TenantContext.callUnchecked(a, () -> jdbc.sql("select name from users").query(String.class).single());

        assertThat(nameInA).isEqualTo("Ada Admin");
    }

    private String currentSchema() {
        return jdbc.sql("select current_schema()").query(String.class).single();
    }
}
