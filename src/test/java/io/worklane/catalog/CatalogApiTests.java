package io.worklane.catalog;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service catalog over the API as requesters and admins use it: a new tenant's default catalog,
 * ordering with a checked form, a request that keeps its offering version, entitlements, and every
 * mistake answered with a problem that names the field.
 */
@WorklaneTest
class CatalogApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;
    Http rita;

    @BeforeEach
    void aTenantWithARequester() {
        slug = tenants.stamp("catalog").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        assertThat(admin.post(api("/users"), Map.of("email", "rita@example.com", "name", "Rita Requester",
                "password", PASSWORD, "roles", List.of("requester"))).status()).isEqualTo(201);
        rita = Http.at(port).basic("rita@example.com", PASSWORD);
    }

    @Test
    void aNewTenantStartsWithAUsefulCatalogAndARequesterSeesWhatTheyMayOrder() {
        List<String> forAdmin = keys(admin.get(api("/catalog/offerings")).json());
        List<String> forRita = keys(rita.get(api("/catalog/offerings")).json());

        assertThat(forAdmin).containsExactlyInAnyOrder("password-reset", "new-laptop", "application-access",
                "dev-environment", "database", "standard-change");
        assertThat(forRita).contains("new-laptop").doesNotContain("standard-change");
        assertThat(keys(rita.get(api("/catalog/offerings?q=cloud")).json()))
                .containsExactlyInAnyOrder("dev-environment", "database");
        assertThat(rita.get(api("/catalog/offerings/standard-change")).status()).isEqualTo(404);
    }

    @Test
    void orderingCreatesAServiceRequestItemThatTheRequesterFollows() {
        var ordered = rita.header("Idempotency-Key", "laptop-1").post(api("/catalog/offerings/new-laptop/requests"),
                Map.of("answers", Map.of("model", "Developer 16-inch", "neededBy", "2026-12-24")));

        assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
        JsonNode request = ordered.json();
        assertThat(request.get("offering").get("key").asString()).isEqualTo("new-laptop");
        assertThat(request.get("offering").get("version").asInt()).isEqualTo(1);
        assertThat(request.get("answers").get("model").asString()).isEqualTo("Developer 16-inch");
        assertThat(request.get("answers").get("keyboard").asString()).isEqualTo("US");
        assertThat(request.get("status").asString()).isEqualTo("Open");
        String key = request.get("item").asString();
        assertThat(key).startsWith("OPS-");

        JsonNode item = rita.get(api("/items/" + key)).json();
        assertThat(item.get("type").get("name").asString()).isEqualTo("Service request");
        assertThat(item.get("reporter").get("email").asString()).isEqualTo("rita@example.com");
        assertThat(item.get("description").asString()).contains("Model: Developer 16-inch").contains("Needed by: 2026-12-24");

        var again = rita.header("Idempotency-Key", "laptop-1").post(api("/catalog/offerings/new-laptop/requests"),
                Map.of("answers", Map.of("model", "Developer 16-inch", "neededBy", "2026-12-24")));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(request.get("id").asString());

        JsonNode mine = rita.get(api("/requests")).json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("item").asString()).isEqualTo(key);
        assertThat(rita.get(api("/requests/" + request.get("id").asString())).status()).isEqualTo(200);
    }

    @Test
    void anOrderSentFourTimesAtOnceWithOneKeyIsPlacedOnceAndTheKeyCannotOrderSomethingElse() throws Exception {
        Map<String, Object> order = Map.of("answers", Map.of("engine", "MySQL", "environment", "Test"));
        Http keyed = rita.header("Idempotency-Key", "db-1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> ids = new ArrayList<>();
        try {
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> keyed.post(api("/catalog/offerings/database/requests"), order));
            }
            for (Future<Http.Response> answer : pool.invokeAll(calls)) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
                ids.add(answer.get().json().get("id").asString());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(rita.get(api("/requests")).json()).hasSize(1);
        assertThat(admin.get(api("/items?q=" + encode("type = \"Service request\""))).json().get("items")).hasSize(1);
        var reused = keyed.post(api("/catalog/offerings/database/requests"),
                Map.of("answers", Map.of("engine", "PostgreSQL", "environment", "Test")));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void everyMistakeInTheAnswersIsNamedAndNothingIsCreated() {
        var refused = rita.post(api("/catalog/offerings/new-laptop/requests"), Map.of("answers",
                Map.of("model", "Gaming rig", "neededBy", "soon", "colour", "red")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("answers.model", "answers.neededBy", "answers.colour");
        assertThat(rita.get(api("/requests")).json()).isEmpty();
        assertThat(admin.get(api("/items?q=" + encode("type = \"Service request\""))).json().get("items")).isEmpty();
    }

    @Test
    void aFieldShownOnlyForAnAnswerIsRequiredOnlyThen() {
        var forMe = rita.post(api("/catalog/offerings/password-reset/requests"), Map.of("answers",
                Map.of("system", "VPN")));
        assertThat(forMe.status()).as(forMe.body()).isEqualTo(201);
        assertThat(forMe.json().get("answers").has("person")).isFalse();

        var forNobody = rita.post(api("/catalog/offerings/password-reset/requests"), Map.of("answers",
                Map.of("system", "VPN", "forSomeoneElse", true)));
        assertThat(forNobody.status()).isEqualTo(400);
        assertThat(fields(forNobody.json())).containsExactly("answers.person");
    }

    @Test
    void aChangedOfferingIsANewVersionAndEarlierRequestsKeepTheirs() {
        String first = rita.post(api("/catalog/offerings/database/requests"), Map.of("answers",
                Map.of("engine", "MySQL", "environment", "Test"))).json().get("id").asString();
        JsonNode offering = admin.get(api("/catalog/offerings/database")).json();
        assertThat(admin.get(api("/catalog/offerings/database")).header("ETag")).isEqualTo("\"1\"");

        var changed = admin.header("If-Match", "\"1\"").put(api("/catalog/offerings/database"), Map.of(
                "name", "Managed database", "category", "Cloud", "team", "OPS", "description", "Now with replicas.",
                "form", List.of(Map.of("key", "engine", "label", "Engine", "kind", "choice", "required", true,
                        "options", List.of("PostgreSQL")))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);

        var stale = admin.header("If-Match", "\"1\"").put(api("/catalog/offerings/database"), Map.of(
                "name", "Overwritten", "category", "Cloud", "team", "OPS"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(admin.get(api("/catalog/offerings/database")).json().get("name").asString()).isEqualTo("Managed database");

        JsonNode kept = rita.get(api("/requests/" + first)).json();
        assertThat(kept.get("offering").get("version").asInt()).isEqualTo(1);
        assertThat(kept.get("offering").get("name").asString()).isEqualTo(offering.get("name").asString());
        assertThat(kept.get("answers").get("environment").asString()).isEqualTo("Test");
        var second = rita.post(api("/catalog/offerings/database/requests"), Map.of("answers", Map.of("engine", "PostgreSQL")));
        assertThat(second.json().get("offering").get("version").asInt()).isEqualTo(2);
    }

    @Test
    void onlyAdminsDefineOfferingsAndABrokenDefinitionIsNamedFieldByField() {
        Map<String, Object> offering = Map.of("key", "vpn-token", "name", "VPN token", "category", "Accounts",
                "team", "OPS", "form", List.of(Map.of("key", "kind", "label", "Kind", "kind", "choice")));

        assertThat(rita.post(api("/catalog/offerings"), offering).status()).isEqualTo(403);
        var broken = admin.post(api("/catalog/offerings"), Map.of("key", "Bad Key", "name", "", "category", "Accounts",
                "team", "NOPE", "form", List.of(Map.of("key", "kind", "label", "Kind", "kind", "choice"),
                        Map.of("key", "kind", "label", "Again", "kind", "text", "visibleWhen", Map.of("field", "later", "equals", true)))));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(fields(broken.json())).containsExactlyInAnyOrder("key", "name", "team", "form[0].options", "form[1].key",
                "form[1].visibleWhen.field");

        var created = admin.post(api("/catalog/offerings"), Map.of("key", "vpn-token", "name", "VPN token",
                "category", "Accounts", "team", "OPS", "entitlement", Map.of("teams", List.of("OPS")),
                "form", List.of(Map.of("key", "kind", "label", "Kind", "kind", "choice", "options", List.of("App", "Hardware")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(admin.post(api("/catalog/offerings"), Map.of("key", "vpn-token", "name", "Again", "category", "Accounts",
                "team", "OPS")).status()).isEqualTo(409);
        // Entitled by team: Rita is in no team.
        assertThat(rita.get(api("/catalog/offerings/vpn-token")).status()).isEqualTo(404);
        assertThat(rita.post(api("/catalog/offerings/vpn-token/requests"), Map.of("answers", Map.of("kind", "App"))).status())
                .isEqualTo(404);
    }

    @Test
    void anotherTenantsCatalogAndRequestsStayInvisible() {
        String id = rita.post(api("/catalog/offerings/database/requests"), Map.of("answers",
                Map.of("engine", "MySQL", "environment", "Test"))).json().get("id").asString();
        String other = tenants.stamp("othercat").slug();
        Http otherAdmin = Http.at(port).basic(adminOf(other), PASSWORD);

        assertThat(otherAdmin.get("/t/" + other + "/api/v1/requests/" + id).status()).isEqualTo(404);
        assertThat(otherAdmin.get("/t/" + other + "/api/v1/requests").json()).isEmpty();
        assertThat(admin.get("/t/" + other + "/api/v1/catalog/offerings").status()).isEqualTo(401);
    }

    private static List<String> keys(JsonNode offerings) {
        List<String> keys = new ArrayList<>();
        offerings.forEach(o -> keys.add(o.get("key").asString()));
        return keys;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
