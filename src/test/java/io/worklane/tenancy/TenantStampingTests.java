package io.worklane.tenancy;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static io.worklane.support.TestTenants.OPERATOR_TOKEN;
import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static io.worklane.support.TestTenants.stampBody;
import static io.worklane.support.TestTenants.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

@WorklaneTest
@Import(TenantStampingTests.ExplodingSeeder.class)
class TenantStampingTests {

    /** A seeder that fails for one slug, standing for any failure half-way through stamping. */
    @TestConfiguration
    static class ExplodingSeeder {
        static final String SLUG = "explodes-on-seed";

        @Bean
        TenantSeeder explodingSeeder() {
            return (tenant, order) -> {
                if (order.slug().equals(SLUG)) {
                    throw new IllegalStateException("seeding failed");
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http operator() {
        return Http.at(port).bearer(OPERATOR_TOKEN);
    }

    @Test
    void stampsATenantWhoseAdminCanSignInAtOnce() {
        String slug = uniqueSlug("stamp");

        var created = operator().post("/api/v1/tenants", stampBody(slug));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/tenants/" + slug);
        assertThat(created.json().get("status").asString()).isEqualTo("active");
        assertThat(created.json().get("schemaVersion").asInt()).isPositive();
        var me = Http.at(port).basic(adminOf(slug), PASSWORD).get("/t/" + slug + "/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("roles").toString()).contains("admin");
        assertThat(me.json().get("teams").get(0).get("key").asString()).isEqualTo("OPS");
    }

    @Test
    void seedsTheFourWorkCategories() {
        String slug = uniqueSlug("cats");
        operator().post("/api/v1/tenants", stampBody(slug));

        var codes = jdbc.sql("select code from " + Tenant.schemaFor(slug) + ".work_categories order by position")
                .query(String.class).list();

        assertThat(codes).containsExactly("business_project", "internal_project", "change", "unplanned");
    }

    @Test
    void refusesATakenSlugWithoutTouchingTheExistingTenant() {
        String slug = uniqueSlug("taken");
        operator().post("/api/v1/tenants", stampBody(slug));

        var again = operator().post("/api/v1/tenants", Map.of("slug", slug, "name", "Impostor",
                "admin", Map.of("email", "x@y.test", "name", "X", "password", PASSWORD)));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/slug-taken");
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("slug");
        assertThat(operator().get("/api/v1/tenants/" + slug).json().get("name").asString()).isEqualTo("Org " + slug);
    }

    @Test
    void refusesInvalidSlugsNamingTheField() {
        for (String slug : new String[]{"A", "UPPER", "a", "-lead", "trail-", "has_underscore", "api", "operator",
                "x".repeat(41), "double--hyphen"}) {
            var response = operator().post("/api/v1/tenants", stampBody(slug));
            assertThat(response.status()).as(slug).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(slug).isEqualTo("slug");
        }
    }

    @Test
    void refusesAWeakAdminPasswordBeforeCreatingAnything() {
        String slug = uniqueSlug("weak");
        var response = operator().post("/api/v1/tenants", Map.of("slug", slug, "name", "Weak",
                "admin", Map.of("email", "a@b.test", "name", "A", "password", "short")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("admin.password");
        assertThat(schemaExists(Tenant.schemaFor(slug))).isFalse();
    }

    @Test
    void aFailureHalfWayLeavesNoHalfMadeTenant() {
        var response = operator().post("/api/v1/tenants", stampBody(ExplodingSeeder.SLUG));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("IllegalStateException").doesNotContain("at io.worklane");
        assertThat(operator().get("/api/v1/tenants/" + ExplodingSeeder.SLUG).status()).isEqualTo(404);
        assertThat(schemaExists(Tenant.schemaFor(ExplodingSeeder.SLUG))).isFalse();
        assertThat(jdbc.sql("select count(*) from platform.tenants where slug = ?").param(ExplodingSeeder.SLUG)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theOperatorApiNeedsTheOperatorToken() {
        assertThat(Http.at(port).get("/api/v1/tenants").status()).isEqualTo(401);
        var wrong = Http.at(port).bearer("not-the-token").get("/api/v1/tenants");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(operator().get("/api/v1/tenants").status()).isEqualTo(200);
    }

    @Test
    void listsTenantsInPages() {
        for (int i = 0; i < 3; i++) {
            operator().post("/api/v1/tenants", stampBody(uniqueSlug("page")));
        }

        var first = operator().get("/api/v1/tenants?size=2&page=0");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items").size()).isEqualTo(2);
        assertThat(first.json().get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(operator().get("/api/v1/tenants?size=500").status()).isEqualTo(400);
    }

    @Test
    void aSuspendedTenantRefusesItsUsersWithTheReasonAndKeepsItsData() {
        String slug = uniqueSlug("susp");
        var stamped = operator().post("/api/v1/tenants", stampBody(slug));
        Http admin = Http.at(port).basic(adminOf(slug), PASSWORD);

        var suspended = operator().header("If-Match", stamped.header("ETag"))
                .post("/api/v1/tenants/" + slug + "/suspend", Map.of("reason", "Invoice unpaid"));
        assertThat(suspended.status()).isEqualTo(200);

        var refused = admin.get("/t/" + slug + "/api/v1/me");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/tenant-suspended");
        assertThat(refused.json().get("detail").asString()).contains("Invoice unpaid");
        assertThat(Http.at(port).header("Accept", "text/html").get("/t/" + slug + "/login").body()).contains("Invoice unpaid");

        var resumed = operator().post("/api/v1/tenants/" + slug + "/resume", null);
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(admin.get("/t/" + slug + "/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aStaleVersionCannotSuspend() {
        String slug = uniqueSlug("stale");
        var stamped = operator().post("/api/v1/tenants", stampBody(slug));
        operator().post("/api/v1/tenants/" + slug + "/suspend", Map.of("reason", "first"));
        operator().post("/api/v1/tenants/" + slug + "/resume", null);

        var stale = operator().header("If-Match", stamped.header("ETag"))
                .post("/api/v1/tenants/" + slug + "/suspend", Map.of("reason", "second"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");
    }

    @Test
    void suspendingNeedsAReason() {
        String slug = uniqueSlug("reason");
        operator().post("/api/v1/tenants", stampBody(slug));

        var response = operator().post("/api/v1/tenants/" + slug + "/suspend", Map.of("reason", " "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    }

    private boolean schemaExists(String schema) {
        return jdbc.sql("select count(*) from information_schema.schemata where schema_name = ?").param(schema)
                .query(Integer.class).single() > 0;
    }
}
