package io.worklane.sla;

import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA policies over the API, and the clocks they give items: worked out from each item's history, so
 * they pause while the item waits for the customer, stop when it is resolved, and follow a changed
 * policy at once.
 */
@WorklaneTest
class SlaPolicyApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;
    String allDay;

    @BeforeEach
    void aTenant() {
        slug = tenants.stamp("sla").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        allDay = admin.get(api("/sla/calendars")).json().get(0).get("id").asString();
    }

    @Test
    void anIncidentsClockRunsPausesWhileItWaitsAndIsMetWhenResolved() {
        String policy = create(policy("Incidents", 240)).get("id").asString();
        String key = incident("Mail is down", "highest");

        JsonNode running = clock(key);
        assertThat(running.get("policy").asString()).isEqualTo("Incidents");
        assertThat(running.get("status").asString()).isEqualTo("running");
        assertThat(running.get("goalMinutes").asLong()).as("the highest priority's goal").isEqualTo(60);
        Instant started = Instant.parse(running.get("startedAt").asString());
        assertThat(Instant.parse(running.get("dueAt").asString())).isEqualTo(started.plus(Duration.ofMinutes(60)));

        FormBrowser browser = new FormBrowser(port);
        browser.signIn(slug, adminOf(slug), PASSWORD);
        assertThat(browser.get("/t/" + slug + "/items/" + key).body()).contains("/items/" + key + "/sla-panel");
        assertThat(browser.get("/t/" + slug + "/items/" + key + "/sla-panel").body())
                .contains("Time to resolution", "running", "left", "Incidents");
        assertThat(browser.get("/t/" + slug + "/items").body()).contains("data-sla-url=\"/t/" + slug + "/sla/badges\"");
        Http script = Http.at(port).header("Cookie", browser.sessionCookie());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                script.get("/t/" + slug + "/sla/badges?items=" + key).body().contains("\"status\":\"running\""));
        assertThat(script.get("/t/" + slug + "/sla/badges?items=" + key).json().get(0).get("text").asString()).endsWith("left");

        move(key, "Investigating");
        move(key, "Waiting for customer");
        JsonNode paused = clock(key);
        assertThat(paused.get("status").asString()).isEqualTo("paused");
        assertThat(paused.get("dueAt").isNull()).isTrue();

        move(key, "Investigating");
        move(key, "Resolved");
        JsonNode met = clock(key);
        assertThat(met.get("status").asString()).isEqualTo("met");
        assertThat(met.get("stoppedAt").isNull()).isFalse();
        assertThat(met.get("elapsedMinutes").asLong()).isZero();

        // A stricter policy is applied to the past at once: clocks are worked out from history.
        JsonNode current = admin.get(api("/sla/policies/" + policy)).json();
        var changed = Http.at(port).basic(adminOf(slug), PASSWORD).header("If-Match", "\"" + current.get("version").asLong() + "\"")
                .put(api("/sla/policies/" + policy), policy("Incidents", 30));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(clock(key).get("goalMinutes").asLong()).isEqualTo(60);
        var stale = Http.at(port).basic(adminOf(slug), PASSWORD).header("If-Match", "\"" + current.get("version").asLong() + "\"")
                .put(api("/sla/policies/" + policy), policy("Incidents", 30));
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void itemsThePolicyDoesNotApplyToHaveNoClocks() {
        create(policy("Incidents", 240));
        var created = admin.post(api("/items"), Map.of("team", "OPS", "type", "Service request", "title", "A chair"));
        assertThat(admin.get(api("/items/" + created.json().get("key").asString() + "/sla")).json()).isEmpty();
    }

    @Test
    void aBrokenPolicyIsNamedFieldByField() {
        var refused = admin.post(api("/sla/policies"), Map.of("name", "", "appliesTo", "type = Unicorn",
                "calendar", "00000000-0000-0000-0000-000000000000",
                "metrics", List.of(Map.of("key", "Bad Key", "name", "Resolution", "stop", "statusCategory = done AND (",
                        "pause", "status = Nope", "warnAt", 120,
                        "goals", List.of(Map.of("minutes", 0), Map.of("when", "priority = high", "minutes", 60))))));
        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "appliesTo", "calendar", "metrics[0].key", "metrics[0].stop",
                "metrics[0].pause", "metrics[0].warnAt", "metrics[0].goals[0].minutes", "metrics[0].goals[0].when",
                "metrics[0].goals[1].when");
        assertThat(admin.delete(api("/sla/calendars/" + allDay)).status()).isEqualTo(204);
    }

    @Test
    void aCalendarInUseCannotBeDeletedAndOthersSeeNothing() {
        create(policy("Incidents", 240));
        assertThat(admin.delete(api("/sla/calendars/" + allDay)).status()).isEqualTo(409);
        String key = incident("Printer on fire", "high");

        admin.post(api("/users"), Map.of("email", "rita@" + slug + ".test", "name", "Rita", "password", PASSWORD,
                "roles", List.of("requester")));
        Http rita = Http.at(port).basic("rita@" + slug + ".test", PASSWORD);
        assertThat(rita.get(api("/items/" + key + "/sla")).status()).as("not her item").isEqualTo(404);
        assertThat(rita.get(api("/sla/policies")).status()).isEqualTo(403);

        String other = tenants.stamp("sla-other").slug();
        assertThat(Http.at(port).basic(adminOf(other), PASSWORD).get("/t/" + other + "/api/v1/items/" + key + "/sla").status())
                .isEqualTo(404);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Map<String, Object> policy(String name, int minutes) {
        return Map.of("name", name, "appliesTo", "type = Incident", "calendar", allDay,
                "metrics", List.of(Map.of("key", "resolution", "name", "Time to resolution",
                        "pause", "status = \"Waiting for customer\"", "stop", "statusCategory = done",
                        "goals", List.of(Map.of("when", "priority = highest", "minutes", 60), Map.of("minutes", minutes)))));
    }

    private JsonNode create(Map<String, Object> policy) {
        var created = admin.post(api("/sla/policies"), policy);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private String incident(String title, String priority) {
        var created = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", title, "priority", priority));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private void move(String key, String status) {
        var moved = admin.post(api("/items/" + key + "/transitions"), Map.of("to", status));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private JsonNode clock(String key) {
        JsonNode clocks = admin.get(api("/items/" + key + "/sla")).json();
        assertThat(clocks).hasSize(1);
        return clocks.get(0);
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
