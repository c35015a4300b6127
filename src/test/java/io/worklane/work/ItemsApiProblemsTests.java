package io.worklane.work;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed or unauthorised request to the work item and saved filter endpoints gets a 4xx
 * problem+json that names the problem and the field, and leaves nothing half-written.
 */
@WorklaneTest
class ItemsApiProblemsTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;
    String key;

    @BeforeEach
    void anItem() {
        slug = tenants.stamp("probs").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        key = admin.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "Existing"))
                .json().get("key").asString();
    }

    @Test
    void malformedJsonIsRefusedOnEveryWritingEndpoint() {
        for (String path : List.of("/items", "/items/" + key + "/transitions", "/items/" + key + "/comments",
                "/items/" + key + "/links", "/filters")) {
            var response = admin.send("POST", api(path), "{\"title\": ", "application/json");
            assertProblem(response, 400);
        }
        assertProblem(admin.send("PATCH", api("/items/" + key), "{oops", "application/json"), 400);
    }

    @Test
    void unknownAndMistypedFieldsAreNamed() {
        var unknown = admin.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "x", "colour", "red"));
        assertProblem(unknown, 400);
        assertThat(unknown.body()).contains("colour");

        var patchUnknown = admin.patch(api("/items/" + key), Map.of("status", "Done"));
        assertProblem(patchUnknown, 400);
        assertThat(patchUnknown.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        var mistyped = admin.patch(api("/items/" + key), Map.of("labels", "not-a-list"));
        assertProblem(mistyped, 400);
        assertThat(mistyped.json().get("errors").get(0).get("field").asString()).isEqualTo("labels");

        var badDate = admin.patch(api("/items/" + key), Map.of("dueDate", "tomorrow"));
        assertProblem(badDate, 400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("dueDate");
    }

    @Test
    void aRefusedCreateLeavesNoItemAndBurnsNoKey() {
        assertProblem(admin.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "")), 400);

        var next = admin.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "Next"));
        assertThat(number(next.json().get("key").asString())).isEqualTo(number(key) + 1);
    }

    @Test
    void missingItemsAndBadPathsAreNotFoundOrNamed() {
        assertProblem(admin.get(api("/items/OPS-999999")), 404);
        assertProblem(admin.patch(api("/items/OPS-999999"), Map.of("title", "x")), 404);
        assertProblem(admin.post(api("/items/OPS-999999/comments"), Map.of("body", "x")), 404);
        assertProblem(admin.delete(api("/items/" + key + "/comments/not-a-uuid")), 400);
        assertProblem(admin.get(api("/filters/" + java.util.UUID.randomUUID())), 404);
    }

    @Test
    void badHeadersAndParametersAreNamed() {
        var badEtag = admin.header("If-Match", "yesterday").patch(api("/items/" + key), Map.of("title", "y"));
        assertProblem(badEtag, 400);
        assertThat(badEtag.json().get("errors").get(0).get("field").asString()).isEqualTo("If-Match");

        var badLimit = admin.get(api("/items?limit=1000"));
        assertProblem(badLimit, 400);
        assertThat(badLimit.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");

        var longKey = admin.header("Idempotency-Key", "k".repeat(300))
                .post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "x"));
        assertProblem(longKey, 400);
    }

    @Test
    void semanticMistakesAreNamed() {
        assertProblem(admin.post(api("/items/" + key + "/transitions"), Map.of("to", "Nowhere")), 400);
        assertProblem(admin.post(api("/items/" + key + "/comments"), Map.of("body", "  ")), 400);
        assertProblem(admin.post(api("/items/" + key + "/links"), Map.of("kind", "loves", "item", key)), 400);
        assertProblem(admin.post(api("/items/" + key + "/links"), Map.of("kind", "blocks", "item", key)), 400);
        assertProblem(admin.patch(api("/items/" + key), Map.of("parent", key)), 400);
        assertProblem(admin.patch(api("/items/" + key), Map.of("assignee", java.util.UUID.randomUUID().toString())), 400);
        assertProblem(admin.post(api("/filters"), Map.of("name", "", "query", "")), 400);
    }

    @Test
    void anUnknownTeamIsNamedAndBurnsNoKeyAndLeavesNothing() {
        var alone = admin.post(api("/items"), Map.of("team", "NOPE", "type", "Task", "title", "Lost"));
        assertProblem(alone, 400);
        assertThat(alone.json().get("errors").get(0).get("field").asString()).isEqualTo("team");
        assertThat(alone.json().get("errors").get(0).get("message").asString()).contains("NOPE");

        var next = admin.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "Found"));
        assertThat(number(next.json().get("key").asString())).isEqualTo(number(key) + 1);
        assertThat(admin.get(api("/items?q=" + java.net.URLEncoder.encode("text ~ \"Lost\"", java.nio.charset.StandardCharsets.UTF_8)))
                .json().get("items")).isEmpty();
    }

    @Test
    void aTeamThatOwnsItemsCannotBeDeletedAndKeepsThem() {
        var team = admin.post(api("/teams"), Map.of("key", "HR", "name", "People operations"));
        admin.post(api("/items"), Map.of("team", "HR", "type", "Task", "title", "Onboard Grace"));

        var refused = admin.delete(api("/teams/" + team.json().get("id").asString()));

        assertProblem(refused, 409);
        assertThat(refused.json().get("type").asString()).endsWith("/team-in-use");
        assertThat(admin.get(api("/items/HR-1")).status()).isEqualTo(200);
    }

    @Test
    void strangersAndTheUnauthenticatedAreRefused() {
        assertProblem(Http.at(port).get(api("/items/" + key)), 401);
        assertProblem(Http.at(port).post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "x")), 401);
        assertProblem(Http.at(port).basic(adminOf(slug), "wrong-password").get(api("/items")), 401);
    }

    @Test
    void aCommentCanBeChangedOnlyByItsAuthorAndNotFromAStaleVersion() {
        admin.post(api("/users"), Map.of("email", "ann@example.com", "name", "Ann Agent", "password", PASSWORD,
                "roles", List.of("agent")));
        Http ann = Http.at(port).basic("ann@example.com", PASSWORD);
        String id = admin.post(api("/items/" + key + "/comments"), Map.of("body", "mine")).json().get("id").asString();

        assertProblem(ann.patch(api("/items/" + key + "/comments/" + id), Map.of("body", "hijacked")), 403);
        admin.patch(api("/items/" + key + "/comments/" + id), Map.of("body", "edited once"));
        assertProblem(admin.header("If-Match", "\"0\"").patch(api("/items/" + key + "/comments/" + id),
                Map.of("body", "from a stale copy")), 409);
        assertThat(admin.get(api("/items/" + key + "/comments")).json().get(0).get("body").asString())
                .isEqualTo("edited once");
    }

    @Test
    void anAgentOutsideTheTeamMayReadButNotChangeItsWork() {
        admin.post(api("/users"), Map.of("email", "bob@example.com", "name", "Bob Builder", "password", PASSWORD,
                "roles", List.of("agent")));
        Http bob = Http.at(port).basic("bob@example.com", PASSWORD);

        assertThat(bob.get(api("/items/" + key)).status()).isEqualTo(200);
        var refused = bob.patch(api("/items/" + key), Map.of("title", "Mine now"));
        assertProblem(refused, 403);
        assertProblem(bob.post(api("/items/" + key + "/transitions"), Map.of("to", "In progress")), 403);
        assertThat(admin.get(api("/items/" + key)).json().get("title").asString()).isEqualTo("Existing");
    }

    @Test
    void restrictedTransitionsAreRefusedToOtherRoles() {
        admin.post(api("/users"), Map.of("email", "cid@example.com", "name", "Cid Change", "password", PASSWORD,
                "roles", List.of("agent")));
        String change = admin.post(api("/items"), Map.of("team", "OPS", "type", "Change", "title", "Upgrade DB",
                "reporter", userId("cid@example.com"))).json().get("key").asString();
        Http cid = Http.at(port).basic("cid@example.com", PASSWORD);
        assertThat(cid.post(api("/items/" + change + "/transitions"), Map.of("to", "Awaiting approval")).status())
                .isEqualTo(200);

        var refused = cid.post(api("/items/" + change + "/transitions"), Map.of("to", "Scheduled"));

        assertProblem(refused, 403);
        assertThat(refused.json().get("detail").asString()).contains("Only admins may Approve");
    }

    private String userId(String email) {
        var page = admin.get(api("/users?q=" + email)).json().get("items");
        return page.get(0).get("id").asString();
    }

    private static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.worklane");
    }

    private static long number(String key) {
        return Long.parseLong(key.substring(key.indexOf('-') + 1));
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
