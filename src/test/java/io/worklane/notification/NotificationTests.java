package io.worklane.notification;

import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** In-app notifications: an approver is asked, an assignee hears of an SLA warning and breach; each reads only theirs. */
@WorklaneTest
class NotificationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    Http admin;
    Http alex;

    @BeforeEach
    void aTenantWithAnAgent() {
        tenant = tenants.stamp("notify");
        admin = Http.at(port).basic(adminOf(tenant.slug()), PASSWORD);
        admin.post(api("/users"), Map.of("email", "alex@" + tenant.slug() + ".test", "name", "Alex Agent",
                "password", PASSWORD, "roles", List.of("agent")));
        alex = Http.at(port).basic("alex@" + tenant.slug() + ".test", PASSWORD);
    }

    @Test
    void anApproverIsToldAndReadsIt() {
        admin.post(api("/catalog/offerings"), Map.of("key", "chair", "name", "Chair", "category", "Furniture", "team", "OPS",
                "approval", Map.of("stages", List.of(Map.of("name", "Facilities", "approvers",
                        Map.of("kind", "people", "people", List.of("alex@" + tenant.slug() + ".test")))))));
        assertThat(admin.post(api("/catalog/offerings/chair/requests"), Map.of("answers", Map.of())).status()).isEqualTo(201);

        JsonNode inbox = alex.get(api("/notifications")).json();
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).get("title").asString()).isEqualTo("Approval needed: Chair for Ada Admin");
        assertThat(inbox.get(0).get("link").asString()).startsWith("/approvals/");
        assertThat(alex.get(api("/notifications/unread")).json().get("unread").asLong()).isEqualTo(1);
        String id = inbox.get(0).get("id").asString();
        assertThat(admin.post(api("/notifications/" + id + "/read"), Map.of()).status()).as("not hers").isEqualTo(404);
        assertThat(alex.post(api("/notifications/" + id + "/read"), Map.of()).json().get("readAt").isNull()).isFalse();
        assertThat(alex.get(api("/notifications/unread")).json().get("unread").asLong()).isZero();

        FormBrowser browser = new FormBrowser(port);
        browser.signIn(tenant.slug(), "alex@" + tenant.slug() + ".test", PASSWORD);
        assertThat(browser.get("/t/" + tenant.slug() + "/notifications").body()).contains("Approval needed: Chair for Ada Admin");
        assertThat(browser.get("/t/" + tenant.slug() + "/notifications/count").body()).doesNotContain("bell-count");
    }

    @Test
    void theAssigneeHearsOfAWarningAndABreachOnce() {
        String allDay = admin.get(api("/sla/calendars")).json().get(0).get("id").asString();
        admin.post(api("/sla/policies"), Map.of("name", "Incidents", "appliesTo", "type = Incident", "calendar", allDay,
                "metrics", List.of(Map.of("key", "resolution", "name", "Time to resolution", "stop", "statusCategory = done",
                        "goals", List.of(Map.of("minutes", 60)), "raisePriority", true))));
        String alexId = admin.get(api("/users?q=alex")).json().get("items").get(0).get("id").asString();
        JsonNode item = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", "VPN down",
                "assignee", alexId)).json();
        UUID itemId = UUID.fromString(item.get("id").asString());
        TenantContext.runAs(tenant, () -> {
            jdbc.sql("update work_items set created_at = created_at - interval '2 hours' where id = ?").param(itemId).update();
            jdbc.sql("update item_history set at = at - interval '2 hours' where item_id = ?").param(itemId).update();
        });
        admin.patch(api("/items/" + item.get("key").asString()), Map.of("title", "VPN down for everyone"));

        await().atMost(Duration.ofSeconds(10)).until(() -> alex.get(api("/notifications")).json().size() == 2);
        assertThat(alex.get(api("/notifications")).json()).extracting(n -> n.get("title").asString())
                .containsExactlyInAnyOrder("SLA warning: " + item.get("key").asString() + " Time to resolution",
                        "SLA breached: " + item.get("key").asString() + " Time to resolution");
        java.time.Instant before = java.time.Instant.now();
        admin.patch(api("/items/" + item.get("key").asString()), Map.of("title", "VPN down, again"));
        // The change's refresh has run once its stored clock was computed after the change.
        await().atMost(Duration.ofSeconds(10)).until(() -> TenantContext.callUnchecked(tenant, () -> jdbc.sql(
                "select computed_at from sla_clocks where item_id = ?").param(itemId).query(java.time.OffsetDateTime.class)
                .single().toInstant().isAfter(before)));
        assertThat(alex.get(api("/notifications")).json()).as("told once").hasSize(2);
        // The policy raises a breached item's priority one step, once, as Worklane (no actor).
        JsonNode raised = admin.get(api("/items/" + item.get("key").asString())).json();
        assertThat(raised.get("priority").asString()).isEqualTo("high");
        JsonNode history = admin.get(api("/items/" + item.get("key").asString() + "/history")).json();
        assertThat(history.toString()).contains("High");
        assertThat(admin.get(api("/notifications")).json()).isEmpty();
    }

    private String api(String path) {
        return "/t/" + tenant.slug() + "/api/v1" + path;
    }
}
