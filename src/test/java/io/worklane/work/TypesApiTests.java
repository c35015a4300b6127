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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Admins configure types, custom fields and workflows over the API; everyone else works with what they configured. */
@WorklaneTest
class TypesApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;

    @BeforeEach
    void stampATenant() {
        slug = tenants.stamp("types").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
    }

    @Test
    void anAdminAddsATypeWithASelectFieldAndAWorkflowThatAnAgentThenWorksWith() {
        var created = admin.post(api("/types"), Map.of("name", "Access request", "category", "change",
                "description", "Someone needs access to a system."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/types/" + id(created));
        assertThat(statusNames(created.json())).containsExactly("To do", "In progress", "Done");
        String id = id(created);

        var field = admin.header("If-Match", created.header("ETag")).post(api("/types/" + id + "/fields"),
                Map.of("key", "system", "name", "System", "kind", "select", "options", List.of("VPN", "Mail"),
                        "required", true));
        assertThat(field.status()).as(field.body()).isEqualTo(201);
        JsonNode toDo = status(field.json(), "To do");
        JsonNode done = status(field.json(), "Done");
        var workflow = admin.header("If-Match", field.header("ETag")).put(api("/types/" + id + "/workflow"), Map.of(
                "statuses", List.of(
                        statusWithId(toDo.get("id").asString(), "Requested", "todo", "waiting", true),
                        status("Approved", "todo", "waiting"),
                        status("Granting", "in_progress", "active"),
                        statusWithId(done.get("id").asString(), "Granted", "done", "waiting", false)),
                "transitions", List.of(
                        Map.of("from", "Requested", "to", "Approved", "name", "Approve", "roles", List.of("admin")),
                        Map.of("from", "Approved", "to", "Granting"),
                        Map.of("from", "Granting", "to", "Granted", "name", "Grant"))));
        assertThat(workflow.status()).as(workflow.body()).isEqualTo(200);
        assertThat(statusNames(workflow.json())).containsExactly("Requested", "Approved", "Granting", "Granted");
        assertThat(status(workflow.json(), "Requested").get("id").asString()).isEqualTo(toDo.get("id").asString());
        assertThat(workflow.json().get("transitions").get(1).get("name").asString()).isEqualTo("Granting");

        Http agent = agent("agnes");
        var wrong = agent.post(api("/items"), Map.of("team", "OPS", "type", "Access request", "title", "Fax access",
                "fields", Map.of("system", "Fax")));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(fields(wrong.json())).containsExactly("fields.system");
        assertThat(wrong.json().get("detail").asString()).contains("VPN, Mail");

        var item = agent.post(api("/items"), Map.of("team", "OPS", "type", "Access request", "title", "VPN for Bo",
                "fields", Map.of("system", "VPN")));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        assertThat(item.json().get("category").asString()).isEqualTo("change");
        assertThat(item.json().get("status").get("name").asString()).isEqualTo("Requested");
        assertThat(item.json().get("fields").get("system").asString()).isEqualTo("VPN");

        String key = item.json().get("key").asString();
        var approveByAgent = agent.post(api("/items/" + key + "/transitions"), Map.of("to", "Approved"));
        assertThat(approveByAgent.status()).isEqualTo(403);
        assertThat(approveByAgent.json().get("detail").asString()).contains("Only admins may Approve");
        assertThat(admin.post(api("/items/" + key + "/transitions"), Map.of("to", "Approved")).status()).isEqualTo(200);
    }

    @Test
    void aWorkflowThatBreaksTheRulesIsRefusedNamingEveryFieldAndChangesNothing() {
        JsonNode type = createType("Broken");
        Map<String, Object> second = new LinkedHashMap<>(status("Doing", "doing", "active"));
        second.put("initial", true);
        var refused = admin.put(api("/types/" + type.get("id").asString() + "/workflow"), Map.of(
                "statuses", List.of(statusWithId(null, "Open", "todo", "waiting", true), second,
                        status("open", "in_progress", "sideways")),
                "transitions", List.of(Map.of("from", "Open", "to", "Closed"),
                        Map.of("from", "Open", "to", "Doing", "roles", List.of("boss")))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("statuses[1].phase", "statuses[1].initial",
                "statuses[2].name", "statuses[2].flow", "statuses", "transitions[0].to", "transitions[1].roles[0]");
        var after = admin.get(api("/types/" + type.get("id").asString()));
        assertThat(after.header("ETag")).isEqualTo("\"" + type.get("version").asLong() + "\"");
        assertThat(statusNames(after.json())).containsExactly("To do", "In progress", "Done");
    }

    @Test
    void aStatusThatItemsAreInCannotBeRemovedAndNothingChanges() {
        JsonNode type = createType("Chore");
        admin.post(api("/items"), Map.of("team", "OPS", "type", "Chore", "title", "Water the plants"));
        String id = type.get("id").asString();

        var refused = admin.put(api("/types/" + id + "/workflow"), Map.of(
                "statuses", List.of(statusWithId(null, "Backlog", "todo", "waiting", true),
                        statusWithId(status(type, "Done").get("id").asString(), "Done", "done", "waiting", false)),
                "transitions", List.of(Map.of("from", "Backlog", "to", "Done"))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/status-in-use");
        assertThat(refused.json().get("detail").asString()).contains("To do (1 item)").contains("Move those 1 item");
        var after = admin.get(api("/types/" + id));
        assertThat(statusNames(after.json())).containsExactly("To do", "In progress", "Done");
        assertThat(after.json().get("transitions")).hasSize(4);
        assertThat(after.json().get("version").asLong()).isEqualTo(type.get("version").asLong());
    }

    @Test
    void renamingAStatusKeepsTheItemsInIt() {
        JsonNode type = createType("Errand");
        String key = admin.post(api("/items"), Map.of("team", "OPS", "type", "Errand", "title", "Buy milk"))
                .json().get("key").asString();
        List<Map<String, Object>> statuses = new ArrayList<>();
        type.get("statuses").forEach(s -> statuses.add(statusWithId(s.get("id").asString(),
                s.get("name").asString().equals("To do") ? "Waiting" : s.get("name").asString(),
                s.get("phase").asString(), s.get("flow").asString(), s.get("initial").asBoolean())));

        var renamed = admin.put(api("/types/" + type.get("id").asString() + "/workflow"),
                Map.of("statuses", statuses, "transitions", List.of(Map.of("from", "Waiting", "to", "Done"))));

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(admin.get(api("/items/" + key)).json().get("status").get("name").asString()).isEqualTo("Waiting");
    }

    @Test
    void aStaleChangeIsRefusedAndTheNewerOneStays() {
        JsonNode type = createType("Spike");
        String id = type.get("id").asString();
        String etag = "\"" + type.get("version").asLong() + "\"";
        var first = admin.header("If-Match", etag).patch(api("/types/" + id), Map.of("name", "Research spike"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        var stale = admin.header("If-Match", etag).patch(api("/types/" + id), Map.of("name", "Timebox"));
        var staleWorkflow = admin.header("If-Match", etag).put(api("/types/" + id + "/workflow"),
                Map.of("statuses", List.of(statusWithId(null, "Only", "done", "waiting", true))));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");
        assertThat(staleWorkflow.status()).isEqualTo(409);
        var after = admin.get(api("/types/" + id)).json();
        assertThat(after.get("name").asString()).isEqualTo("Research spike");
        assertThat(statusNames(after)).containsExactly("To do", "In progress", "Done");
    }

    @Test
    void changingTheCategoryMovesTheItemsOfTheType() {
        JsonNode type = createType("Outage drill");
        String key = admin.post(api("/items"), Map.of("team", "OPS", "type", "Outage drill", "title", "Pull the plug"))
                .json().get("key").asString();

        var moved = admin.patch(api("/types/" + type.get("id").asString()), Map.of("category", "unplanned"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("category").asString()).isEqualTo("unplanned");
        assertThat(admin.get(api("/items/" + key)).json().get("category").asString()).isEqualTo("unplanned");
    }

    @Test
    void aRemovedFieldIsNoLongerShownOrRequired() {
        String id = createType("Purchase").get("id").asString();
        admin.post(api("/types/" + id + "/fields"), Map.of("key", "cost", "name", "Cost", "kind", "number",
                "required", true));
        String key = admin.post(api("/items"), Map.of("team", "OPS", "type", "Purchase", "title", "Laptop",
                "fields", Map.of("cost", 1200))).json().get("key").asString();

        var removed = admin.delete(api("/types/" + id + "/fields/cost"));

        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("fields")).isEmpty();
        assertThat(admin.get(api("/items/" + key)).json().get("fields").has("cost")).isFalse();
        assertThat(admin.post(api("/items"), Map.of("team", "OPS", "type", "Purchase", "title", "Mouse")).status())
                .isEqualTo(201);
        assertThat(admin.delete(api("/types/" + id + "/fields/cost")).status()).isEqualTo(404);
    }

    @Test
    void aFieldMustHaveAKeyAKindAndUniqueOptions() {
        String id = createType("Survey").get("id").asString();

        var refused = admin.post(api("/types/" + id + "/fields"), Map.of("key", "Bad Key", "name", "Answer",
                "kind", "multiselect", "options", List.of("Yes", "yes", " ")));
        var noOptions = admin.post(api("/types/" + id + "/fields"), Map.of("key", "answer", "name", "Answer",
                "kind", "select"));
        var optionsOnText = admin.post(api("/types/" + id + "/fields"), Map.of("key", "note", "name", "Note",
                "kind", "text", "options", List.of("x")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("key", "options[1]", "options[2]");
        assertThat(fields(noOptions.json())).containsExactly("options");
        assertThat(fields(optionsOnText.json())).containsExactly("options");
        admin.post(api("/types/" + id + "/fields"), Map.of("key", "answer", "name", "Answer", "kind", "text"));
        var twice = admin.post(api("/types/" + id + "/fields"), Map.of("key", "answer", "name", "Again", "kind", "text"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(fields(twice.json())).containsExactly("key");
    }

    @Test
    void aNewTypeNeedsAUniqueNameAndAKnownCategory() {
        createType("Unique");

        var refused = admin.post(api("/types"), Map.of("name", " ", "category", "chores"));
        var twice = admin.post(api("/types"), Map.of("name", "UNIQUE", "category", "change"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("name", "category");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(fields(twice.json())).containsExactly("name");
    }

    @Test
    void onlyAdminsChangeTypesAndRequestersSeeOnlyWhatTheyMayRaise() {
        String id = createType("Agents only").get("id").asString();
        Http agent = agent("arne");
        admin.post(api("/users"), Map.of("email", "rita@example.com", "name", "Rita Requester", "password", PASSWORD,
                "roles", List.of("requester")));
        Http requester = Http.at(port).basic("rita@example.com", PASSWORD);

        assertThat(agent.post(api("/types"), Map.of("name", "Mine", "category", "change")).status()).isEqualTo(403);
        assertThat(agent.patch(api("/types/" + id), Map.of("name", "Ours")).status()).isEqualTo(403);
        assertThat(agent.put(api("/types/" + id + "/workflow"), Map.of("statuses", List.of())).status()).isEqualTo(403);
        assertThat(agent.post(api("/types/" + id + "/fields"), Map.of("key", "x", "name", "X", "kind", "text")).status())
                .isEqualTo(403);
        assertThat(agent.delete(api("/types/" + id + "/fields/x")).status()).isEqualTo(403);
        assertThat(names(agent.get(api("/types")).json())).contains("Agents only", "Change");
        assertThat(names(requester.get(api("/types")).json())).containsExactlyInAnyOrder("Incident", "Service request");
        assertThat(requester.get(api("/types/" + id)).status()).isEqualTo(404);
    }

    @Test
    void anotherTenantDoesNotSeeTheNewType() {
        String id = createType("Tenant secret").get("id").asString();
        String other = tenants.stamp("other").slug();
        Http otherAdmin = Http.at(port).basic(adminOf(other), PASSWORD);

        assertThat(names(otherAdmin.get("/t/" + other + "/api/v1/types").json())).doesNotContain("Tenant secret");
        assertThat(otherAdmin.get("/t/" + other + "/api/v1/types/" + id).status()).isEqualTo(404);
        assertThat(otherAdmin.patch("/t/" + other + "/api/v1/types/" + id, Map.of("name", "Mine")).status())
                .isEqualTo(404);
        assertThat(otherAdmin.get(api("/types/" + id)).status()).isIn(401, 403, 404);
    }

    @Test
    void malformedRequestsAreProblemsNamingTheFieldNeverServerErrors() {
        String id = createType("Strict").get("id").asString();

        var unknown = admin.put(api("/types/" + id + "/workflow"), Map.of("statuses", List.of(Map.of("name", "A",
                "phase", "todo", "flow", "waiting", "initial", true, "colour", "red"))));
        var wrongType = admin.put(api("/types/" + id + "/workflow"), Map.of("statuses", List.of(
                statusWithId(null, "A", "done", "waiting", true)), "transitions", List.of(Map.of("from", "A", "to", "A",
                "roles", "admin"))));
        var badId = admin.put(api("/types/" + id + "/workflow"), Map.of("statuses", List.of(
                statusWithId("not-a-uuid", "A", "done", "waiting", true))));
        var foreignId = admin.put(api("/types/" + id + "/workflow"), Map.of("statuses", List.of(
                statusWithId("00000000-0000-0000-0000-000000000001", "A", "done", "waiting", true))));
        var badPath = admin.get(api("/types/nope"));
        var missing = admin.patch(api("/types/00000000-0000-0000-0000-000000000001"), Map.of("name", "X"));
        var unknownField = admin.patch(api("/types/" + id + "/fields/nope"), Map.of("name", "X"));

        assertThat(fields(unknown.json())).containsExactly("statuses[0].colour");
        assertThat(fields(wrongType.json())).containsExactly("transitions[0].roles");
        assertThat(fields(badId.json())).containsExactly("statuses[0].id");
        assertThat(fields(foreignId.json())).containsExactly("statuses[0].id");
        assertThat(List.of(unknown.status(), wrongType.status(), badId.status(), foreignId.status(), badPath.status()))
                .containsOnly(400);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(unknownField.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    // --- helpers ---

    private JsonNode createType(String name) {
        var response = admin.post(api("/types"), Map.of("name", name, "category", "internal_project"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private Http agent(String name) {
        String email = name + "@" + slug + ".test";
        var created = admin.post(api("/users"), Map.of("email", email, "name", name, "password", PASSWORD,
                "roles", List.of("agent")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Http.at(port).basic(email, PASSWORD);
    }

    private static Map<String, Object> status(String name, String phase, String flow) {
        return statusWithId(null, name, phase, flow, false);
    }

    private static Map<String, Object> statusWithId(String id, String name, String phase, String flow, boolean initial) {
        Map<String, Object> status = new LinkedHashMap<>();
        if (id != null) {
            status.put("id", id);
        }
        status.put("name", name);
        status.put("phase", phase);
        status.put("flow", flow);
        status.put("initial", initial);
        return status;
    }

    private static JsonNode status(JsonNode type, String name) {
        for (JsonNode s : type.get("statuses")) {
            if (s.get("name").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no status " + name + " in " + type);
    }

    private static String id(Http.Response response) {
        return response.json().get("id").asString();
    }

    private static List<String> statusNames(JsonNode type) {
        List<String> names = new ArrayList<>();
        type.get("statuses").forEach(s -> names.add(s.get("name").asString()));
        return names;
    }

    private static List<String> names(JsonNode types) {
        List<String> names = new ArrayList<>();
        types.forEach(t -> names.add(t.get("name").asString()));
        return names;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> result = new ArrayList<>();
        problem.get("errors").forEach(e -> result.add(e.get("field").asString()));
        return result;
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
