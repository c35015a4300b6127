package io.worklane.sla;

import io.worklane.WorklaneApplication;
import io.worklane.shared.database.DatabaseLogin;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stored copy of clocks and their events: refreshed after each change of an item, a breach found
 * in the past fires once (a warning, then a breach), however many refreshes race; a repair after a
 * policy change works every open item out again, and is recorded.
 */
@WorklaneTest
class SlaClocksTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SlaClocks clocks;

    @Autowired
    DatabaseLogin database;

    Tenant tenant;
    Http admin;

    @BeforeEach
    void aTenantWithAPolicy() {
        tenant = tenants.stamp("clocks");
        admin = Http.at(port).basic(adminOf(tenant.slug()), PASSWORD);
        String allDay = admin.get(api("/sla/calendars")).json().get(0).get("id").asString();
        var created = admin.post(api("/sla/policies"), Map.of("name", "Incidents", "appliesTo", "type = Incident",
                "calendar", allDay, "metrics", List.of(Map.of("key", "resolution", "name", "Time to resolution",
                        "stop", "statusCategory = done", "warnAt", 50, "goals", List.of(Map.of("minutes", 60))))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aBreachInThePastFiresOnceThoughManyRefreshesRace() throws Exception {
        String key = incident("Mail is down");
        UUID item = itemId(key);
        await().atMost(Duration.ofSeconds(10)).until(() -> storedStatus(item) != null);
        assertThat(storedStatus(item)).isEqualTo("running");

        // Two hours pass: the item and its history move back in time.
        inTenant(() -> {
            jdbc.sql("update work_items set created_at = created_at - interval '2 hours' where id = ?").param(item).update();
            jdbc.sql("update item_history set at = at - interval '2 hours' where item_id = ?").param(item).update();
        });
        ExecutorService racers = Executors.newFixedThreadPool(4);
        for (int n = 0; n < 8; n++) {
            racers.submit(() -> TenantContext.runAs(tenant, () -> clocks.refresh(item)));
        }
        racers.shutdown();
        assertThat(racers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(storedStatus(item)).isEqualTo("breached");
        assertThat(inTenant(() -> jdbc.sql("select kind from sla_events where item_id = ? order by at").param(item)
                .query(String.class).list())).containsExactly("warning", "breach");
        assertThat(admin.get(api("/items/" + key + "/sla")).json().get(0).get("breachedAt").isNull()).isFalse();
    }

    @Test
    void twoNodesNoticingTheSameBreachRecordItOnce() throws Exception {
        String key = incident("Database down");
        UUID item = itemId(key);
        await().atMost(Duration.ofSeconds(10)).until(() -> storedStatus(item) != null);
        inTenant(() -> {
            jdbc.sql("update work_items set created_at = created_at - interval '3 hours' where id = ?").param(item).update();
            jdbc.sql("update item_history set at = at - interval '3 hours' where item_id = ?").param(item).update();
        });
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(WorklaneApplication.class).profiles("test")
                .run("--server.port=0", "--worklane.database.url=" + database.url(),
                        "--worklane.database.username=" + database.username(),
                        "--worklane.database.password=" + database.password())) {
            SlaClocks clocksOnB = nodeB.getBean(SlaClocks.class);
            ExecutorService racers = Executors.newFixedThreadPool(4);
            for (int n = 0; n < 6; n++) {
                SlaClocks node = n % 2 == 0 ? clocks : clocksOnB;
                racers.submit(() -> TenantContext.runAs(tenant, () -> node.refresh(item)));
            }
            racers.shutdown();
            assertThat(racers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(inTenant(() -> jdbc.sql("select kind from sla_events where item_id = ? order by at").param(item)
                .query(String.class).list())).containsExactly("warning", "breach");
    }

    @Test
    void aChangedPolicyRepairsTheStoredClocksOfOpenItems() {
        String key = incident("Printer on fire");
        UUID item = itemId(key);
        await().atMost(Duration.ofSeconds(10)).until(() -> storedStatus(item) != null);
        String policy = admin.get(api("/sla/policies")).json().get(0).get("id").asString();
        String allDay = admin.get(api("/sla/calendars")).json().get(0).get("id").asString();

        var changed = admin.put(api("/sla/policies/" + policy), Map.of("name", "Incidents", "appliesTo", "type = Incident",
                "calendar", allDay, "metrics", List.of(Map.of("key", "resolution", "name", "Time to resolution",
                        "stop", "statusCategory = done", "goals", List.of(Map.of("minutes", 15))))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> inTenant(() -> jdbc.sql(
                "select goal_seconds from sla_clocks where item_id = ?").param(item).query(Long.class).single()) == 15 * 60);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get(api("/sla/repairs")).json().get(0).get("finishedAt").isNull() == false);
        var repairs = admin.get(api("/sla/repairs")).json();
        assertThat(repairs.get(0).get("reason").asString()).isEqualTo("SLA policy Incidents changed");
        assertThat(repairs.get(0).get("items").asInt()).isGreaterThanOrEqualTo(1);

        var asked = admin.post(api("/sla/repairs"), Map.of("reason", "Calendar fixed by hand"));
        assertThat(asked.status()).isEqualTo(202);
        assertThat(Http.at(port).get(api("/sla/repairs")).status()).isEqualTo(401);
    }

    @Test
    void complianceCountsMetAndBreachedClocksOfTheMonth() {
        String quick = incident("Quick fix");
        String slow = incident("Slow fix");
        UUID slowId = itemId(slow);
        inTenant(() -> {
            jdbc.sql("update work_items set created_at = created_at - interval '2 hours' where id = ?").param(slowId).update();
            jdbc.sql("update item_history set at = at - interval '2 hours' where item_id = ?").param(slowId).update();
        });
        for (String key : List.of(quick, slow)) {
            assertThat(admin.post(api("/items/" + key + "/transitions"), Map.of("to", "Resolved")).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "breached".equals(storedStatus(slowId))
                && "met".equals(storedStatus(itemId(quick))));

        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        var rows = admin.get(api("/sla/reports/compliance?from=" + month + "&to=" + month)).json();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("total").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("met").asLong()).isEqualTo(1);
        assertThat(rows.get(0).get("breached").asLong()).isEqualTo(1);
        assertThat(rows.get(0).get("compliancePercent").asDouble()).isEqualTo(50.0);
        assertThat(rows.get(0).get("p50Minutes").asDouble()).isCloseTo(60.0, org.assertj.core.data.Offset.offset(1.0));

        var csv = admin.get(api("/sla/reports/compliance?from=" + month + "&to=" + month + "&by=team&format=csv"));
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("month,policy,metric,team,total,met,breached,compliance_percent")
                .contains(month + ",\"Incidents\",\"resolution\",\"").contains(",2,1,1,50.0,");
        io.worklane.support.FormBrowser browser = new io.worklane.support.FormBrowser(port);
        browser.signIn(tenant.slug(), adminOf(tenant.slug()), PASSWORD);
        var page = browser.get("/t/" + tenant.slug() + "/sla/reports");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<svg", "Incidents · resolution", "50.0 % met (1 of 2; 1 breached)", "50.0 %", "1 h");
        var breaches = admin.get(api("/sla/reports/breaches?from=" + month + "&to=" + month)).json();
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).get("item").asString()).isEqualTo(slow);
        assertThat(breaches.get(0).get("goalMinutes").asLong()).isEqualTo(60);

        assertThat(admin.get(api("/sla/reports/compliance?from=2026-13&to=" + month)).json().get("errors").get(0)
                .get("field").asString()).isEqualTo("from");
        assertThat(admin.get(api("/sla/reports/compliance?from=2020-01&to=2026-01")).status()).isEqualTo(400);
    }

    private String incident(String title) {
        var created = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private UUID itemId(String key) {
        return UUID.fromString(admin.get(api("/items/" + key)).json().get("id").asString());
    }

    private String storedStatus(UUID item) {
        return inTenant(() -> jdbc.sql("select status from sla_clocks where item_id = ?").param(item).query(String.class)
                .optional().orElse(null));
    }

    private <T> T inTenant(java.util.function.Supplier<T> work) {
        return TenantContext.callUnchecked(tenant, work);
    }

    private void inTenant(Runnable work) {
        TenantContext.runAs(tenant, work);
    }

    private String api(String path) {
        return "/t/" + tenant.slug() + "/api/v1" + path;
    }
}
