package io.worklane.work;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Work items over the API, as a client uses them: create, read, change, transition, comment, history. */
@WorklaneTest
class ItemsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;

    @BeforeEach
    void stampATenant() {
        slug = tenants.stamp("items").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
    }

    @Test
    void anAgentCreatesAnIncidentKeyedByTheTeamAndReadsItBack() {
        var created = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", "VPN is down",
                "description", "Nobody can connect since **09:00**.", "priority", "high", "labels", List.of("vpn", "network")));

        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        assertThat(key).matches("OPS-\\d+");
        assertThat(created.header("Location")).endsWith("/api/v1/items/" + key);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");

        var read = admin.get(api("/items/" + key));
        assertThat(read.status()).isEqualTo(200);
        JsonNode item = read.json();
        assertThat(item.get("title").asString()).isEqualTo("VPN is down");
        assertThat(item.get("category").asString()).isEqualTo("unplanned");
        assertThat(item.get("status").get("name").asString()).isEqualTo("Open");
        assertThat(item.get("status").get("phase").asString()).isEqualTo("todo");
        assertThat(item.get("priority").asString()).isEqualTo("high");
        assertThat(item.get("reporter").get("email").asString()).isEqualTo(adminOf(slug));
        assertThat(item.get("watchers")).hasSize(1);
        assertThat(texts(item.get("labels"))).containsExactly("vpn", "network");
    }

    @Test
    void numbersAreNeverReusedWithinATeam() {
        String first = create("First").get("key").asString();
        String second = create("Second").get("key").asString();

        assertThat(number(second)).isEqualTo(number(first) + 1);
    }

    @Test
    void aNewTeamNumbersItsItemsFromOne() {
        assertThat(admin.post(api("/teams"), Map.of("key", "NET", "name", "Networks")).status()).isEqualTo(201);

        var created = admin.post(api("/items"), Map.of("team", "NET", "type", "Task", "title", "Replace switch"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("key").asString()).isEqualTo("NET-1");
    }

    @Test
    void aCreateNamesEveryInvalidField() {
        var refused = admin.post(api("/items"), Map.of("team", "NOPE", "type", "Bug", "title", " ",
                "priority", "urgent", "labels", List.of("has space")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused.json())).contains("team", "type", "title", "priority", "labels");
    }

    @Test
    void aStaleChangeIsRefusedWithWhatChangedAndNothingIsOverwritten() {
        String key = create("Printer jam").get("key").asString();
        var first = admin.header("If-Match", "\"0\"").patch(api("/items/" + key), Map.of("title", "Printer jam on floor 2"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        var stale = admin.header("If-Match", "\"0\"").patch(api("/items/" + key), Map.of("title", "Printer on fire"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");
        JsonNode change = stale.json().get("changes").get(0);
        assertThat(change.get("field").asString()).isEqualTo("title");
        assertThat(change.get("to").asString()).isEqualTo("Printer jam on floor 2");
        assertThat(admin.get(api("/items/" + key)).json().get("title").asString()).isEqualTo("Printer jam on floor 2");
    }

    @Test
    void aChangeOfSeveralFieldsIsRecordedFieldByFieldAndTheNewAssigneeWatchesAndTheNewTitleIsFound() {
        String ann = admin.post(api("/users"), Map.of("email", "ann@example.com", "name", "Ann Agent",
                "password", PASSWORD, "roles", List.of("agent"))).json().get("id").asString();
        String key = create("Printer jam").get("key").asString();

        var changed = admin.patch(api("/items/" + key), Map.of("title", "Plotter jam", "priority", "high", "assignee", ann));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.json().get("assignee").get("name").asString()).isEqualTo("Ann Agent");
        List<String> watchers = new ArrayList<>();
        changed.json().get("watchers").forEach(w -> watchers.add(w.get("email").asString()));
        assertThat(watchers).containsExactlyInAnyOrder(adminOf(slug), "ann@example.com");
        assertThat(admin.get(api("/items/" + key)).json().get("watchers")).hasSize(2);
        List<String> recorded = new ArrayList<>();
        admin.get(api("/items/" + key + "/history")).json().forEach(h -> recorded.add(h.get("kind").asString() + ":"
                + (h.get("field").isNull() ? "" : h.get("field").asString()) + ":" + h.get("version").asLong()));
        assertThat(recorded).containsExactly("created:status:0", "field:title:1", "field:priority:1", "field:assignee:1");
        var found = admin.get(api("/items?q=" + encode("text ~ \"plotter\""))).json().get("items");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("key").asString()).isEqualTo(key);
    }

    @Test
    void nullClearsAFieldAndAnAbsentFieldStaysAsItIs() {
        String key = admin.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "Patch servers",
                "labels", List.of("patching"), "dueDate", "2026-12-24")).json().get("key").asString();
        Map<String, Object> clearDue = new HashMap<>();
        clearDue.put("dueDate", null);

        var changed = admin.patch(api("/items/" + key), clearDue);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("dueDate").isNull()).isTrue();
        assertThat(texts(changed.json().get("labels"))).containsExactly("patching");
    }

    @Test
    void anItemMovesOnlyAlongItsWorkflowAndTheRefusalSaysWhere() {
        String key = create("Mail delayed").get("key").asString();

        var illegal = admin.post(api("/items/" + key + "/transitions"), Map.of("to", "Closed"));
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().get("detail").asString())
                .contains("cannot go from Open to Closed").contains("Investigating");

        var moved = admin.post(api("/items/" + key + "/transitions"), Map.of("to", "Investigating"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("status").get("name").asString()).isEqualTo("Investigating");
        assertThat(moved.json().get("status").get("flow").asString()).isEqualTo("active");

        var resolved = admin.post(api("/items/" + key + "/transitions"), Map.of("to", "resolved"));
        assertThat(resolved.json().get("resolvedAt").isNull()).isFalse();

        List<String> kinds = new ArrayList<>();
        admin.get(api("/items/" + key + "/history")).json().forEach(h -> kinds.add(h.get("kind").asString()));
        assertThat(kinds).containsExactly("created", "transition", "transition");
    }

    @Test
    void commentsAreKeptWithTheirEditsInTheHistory() {
        String key = create("Laptop slow").get("key").asString();
        var comment = admin.post(api("/items/" + key + "/comments"), Map.of("body", "Have you tried *rebooting*?"));
        assertThat(comment.status()).isEqualTo(201);
        String id = comment.json().get("id").asString();

        var edited = admin.header("If-Match", "\"0\"").patch(api("/items/" + key + "/comments/" + id),
                Map.of("body", "Have you tried turning it off and on?"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("edited").asBoolean()).isTrue();

        var comments = admin.get(api("/items/" + key + "/comments")).json();
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("body").asString()).isEqualTo("Have you tried turning it off and on?");
        JsonNode last = last(admin.get(api("/items/" + key + "/history")).json());
        assertThat(last.get("kind").asString()).isEqualTo("comment_edited");
        assertThat(last.get("from").asString()).isEqualTo("Have you tried *rebooting*?");
    }

    @Test
    void theSameIdempotencyKeyCreatesOneItemEvenWhenSentTwiceAtOnce() throws Exception {
        Map<String, Object> order = Map.of("team", "OPS", "type", "Task", "title", "Rotate keys");
        Http keyed = admin.header("Idempotency-Key", "rotate-keys-1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> keyed.post(api("/items"), order));
            }
            List<String> keys = new ArrayList<>();
            for (Future<Http.Response> f : pool.invokeAll(calls)) {
                assertThat(f.get().status()).isEqualTo(201);
                keys.add(f.get().json().get("key").asString());
            }
            assertThat(keys).containsOnly(keys.get(0));
        } finally {
            pool.shutdown();
        }

        var reused = keyed.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "Something else"));
        assertThat(reused.status()).isEqualTo(422);
    }

    @Test
    void aRequesterSeesWhatTheyReportedButNotOtherWorkAndCannotChangeIt() {
        admin.post(api("/users"), Map.of("email", "rita@example.com", "name", "Rita Requester",
                "password", PASSWORD, "roles", List.of("requester")));
        Http rita = Http.at(port).basic("rita@example.com", PASSWORD);
        String theirs = rita.post(api("/items"), Map.of("team", "OPS", "type", "Service request", "title", "New monitor"))
                .json().get("key").asString();
        String internal = create("Upgrade firewall").get("key").asString();

        assertThat(rita.get(api("/items/" + theirs)).status()).isEqualTo(200);
        assertThat(rita.get(api("/items/" + internal)).status()).isEqualTo(404);
        assertThat(rita.patch(api("/items/" + theirs), Map.of("title", "Two monitors")).status()).isEqualTo(403);
        assertThat(rita.post(api("/items/" + theirs + "/comments"), Map.of("body", "Any news?")).status()).isEqualTo(201);
        assertThat(rita.post(api("/items"), Map.of("team", "OPS", "type", "Change", "title", "Reboot prod")).status())
                .isEqualTo(403);
    }

    @Test
    void anotherTenantsItemsAreNotThere() {
        String key = create("Secret").get("key").asString();
        String other = tenants.stamp("other").slug();
        String token = Http.at(port).basic(adminOf(other), PASSWORD)
                .post("/t/" + other + "/api/v1/me/tokens", Map.of("name", "probe")).json().get("secret").asString();
        Http otherAdmin = Http.at(port).bearer(token);

        assertThat(otherAdmin.get("/t/" + other + "/api/v1/items/" + key).status()).isEqualTo(404);
        assertThat(otherAdmin.get(api("/items/" + key)).status()).isEqualTo(404);
    }

    @Test
    void aQueryFindsItemsAndPagesThroughThemWithACursor() {
        for (int i = 1; i <= 5; i++) {
            create("Disk full on db" + i);
        }
        String other = admin.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "Order toner"))
                .json().get("key").asString();

        var first = admin.get(api("/items?limit=2&q=" + encode("category = unplanned AND text ~ disk ORDER BY created ASC")));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        first.json().get("items").forEach(i -> titles.add(i.get("title").asString()));
        String cursor = first.json().get("nextCursor").asString();
        while (cursor != null) {
            var next = admin.get(api("/items?limit=2&cursor=" + encode(cursor) + "&q="
                    + encode("category = unplanned AND text ~ disk ORDER BY created ASC")));
            next.json().get("items").forEach(i -> titles.add(i.get("title").asString()));
            cursor = next.json().get("nextCursor").isNull() ? null : next.json().get("nextCursor").asString();
        }

        assertThat(titles).containsExactly("Disk full on db1", "Disk full on db2", "Disk full on db3",
                "Disk full on db4", "Disk full on db5");
        assertThat(admin.get(api("/items?q=" + encode("key = " + other))).json().get("items")).hasSize(1);
    }

    @Test
    void aChangedTitleAndANewCommentAreFoundByTextSearch() {
        String key = create("Printer jam").get("key").asString();
        admin.patch(api("/items/" + key), Map.of("title", "Plotter jam"));
        admin.post(api("/items/" + key + "/comments"), Map.of("body", "The fuser unit overheats"));

        assertThat(admin.get(api("/items?q=" + encode("text ~ plotter"))).json().get("items")).hasSize(1);
        assertThat(admin.get(api("/items?q=" + encode("text ~ printer"))).json().get("items")).isEmpty();
        assertThat(admin.get(api("/items?q=" + encode("comment ~ fuser"))).json().get("items")).hasSize(1);
    }

    @Test
    void aMistakeInAQueryIsNamedWithItsPosition() {
        var refused = admin.get(api("/items?q=" + encode("stauts = Done")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        assertThat(refused.json().get("detail").asString()).contains("status");
        assertThat(refused.json().get("position").asInt()).isEqualTo(0);
    }

    @Test
    void aSharedFilterRunsForColleaguesAndShowsThemOnlyWhatTheyMaySee() {
        create("Server room too warm");
        var saved = admin.post(api("/filters"), Map.of("name", "Open incidents",
                "query", "type = Incident AND statusCategory != done", "shared", true));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String id = saved.json().get("id").asString();
        admin.post(api("/users"), Map.of("email", "rita@example.com", "name", "Rita Requester",
                "password", PASSWORD, "roles", List.of("requester")));
        Http rita = Http.at(port).basic("rita@example.com", PASSWORD);

        assertThat(admin.get(api("/items?filter=" + id)).json().get("items")).hasSize(1);
        assertThat(rita.get(api("/filters")).json()).hasSize(1);
        assertThat(rita.get(api("/items?filter=" + id)).json().get("items")).isEmpty();
        assertThat(rita.patch(api("/filters/" + id), Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(admin.post(api("/filters"), Map.of("name", "Broken", "query", "status = ")).status()).isEqualTo(400);
    }

    // --- helpers ---

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private JsonNode create(String title) {
        var response = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", title));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }

    private static long number(String key) {
        return Long.parseLong(key.substring(key.indexOf('-') + 1));
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asString()));
        return result;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> result = new ArrayList<>();
        problem.get("errors").forEach(e -> result.add(e.get("field").asString()));
        return result;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
