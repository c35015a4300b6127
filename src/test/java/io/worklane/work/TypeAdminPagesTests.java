package io.worklane.work;

import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** An admin configures types in the browser: forms with CSRF tokens, post/redirect/get, stale forms refused. */
@WorklaneTest
class TypeAdminPagesTests {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    FormBrowser ada;

    @BeforeEach
    void signInAsAdmin() {
        slug = tenants.stamp("typepages").slug();
        ada = new FormBrowser(port);
        assertThat(ada.signIn(slug, adminOf(slug), PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void anAdminAddsATypeAndSeesItListed() {
        var list = ada.get(pages());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Incident").contains("Service request").contains("Types of work");

        var added = ada.form(pages(), Map.of("_csrf", FormBrowser.csrfOf(list), "name", "Laptop order",
                "category", "change", "description", "A new laptop for someone.", "requestable", "true"));

        assertThat(added.status()).isEqualTo(302);
        assertThat(URI.create(added.header("Location")).getPath()).isEqualTo(pages());
        var after = ada.get(pages());
        assertThat(after.body()).contains("Added the type Laptop order.").contains("Laptop order");
        JsonNode type = type("Laptop order");
        assertThat(type.get("category").asString()).isEqualTo("change");
        assertThat(type.get("requestable").asBoolean()).isTrue();
    }

    @Test
    void anAdminShapesTheWorkflowAndFieldsOfATypeOnItsPage() {
        String id = api().post("/t/" + slug + "/api/v1/types", Map.of("name", "Onboarding", "category", "internal_project"))
                .json().get("id").asString();
        String page = pages() + "/" + id;

        submit(page, page + "/statuses", Map.of("name", "Waiting for laptop", "phase", "in_progress", "flow", "waiting"));
        JsonNode type = type("Onboarding");
        String waiting = statusId(type, "Waiting for laptop");
        String toDo = statusId(type, "To do");
        submit(page, page + "/transitions", Map.of("from", toDo, "to", waiting, "roles", "agent"));
        submit(page, page + "/statuses/" + toDo, Map.of("name", "New hire", "phase", "todo", "flow", "waiting"));
        submit(page, page + "/fields", Map.of("key", "start_date", "name", "Start date", "kind", "date"));
        submit(page, page + "/fields", Map.of("key", "site", "name", "Site", "kind", "select",
                "options", "Berlin\nLisbon", "required", "true"));

        type = type("Onboarding");
        assertThat(statusNames(type)).containsExactly("New hire", "In progress", "Done", "Waiting for laptop");
        assertThat(statusId(type, "New hire")).isEqualTo(toDo);
        JsonNode added = transition(type, "New hire", "Waiting for laptop");
        assertThat(added.get("name").asString()).isEqualTo("Waiting for laptop");
        assertThat(added.get("roles").get(0).asString()).isEqualTo("agent");
        assertThat(type.get("fields")).hasSize(2);
        assertThat(type.get("fields").get(1).get("options").toString()).isEqualTo("[\"Berlin\",\"Lisbon\"]");

        var shown = ada.get(page);
        assertThat(shown.body()).contains("New hire").contains("Waiting for laptop").contains("start_date")
                .contains("Lisbon");
    }

    @Test
    void aStaleFormShowsTheConflictAndChangesNothing() {
        String id = api().post("/t/" + slug + "/api/v1/types", Map.of("name", "Stale", "category", "change"))
                .json().get("id").asString();
        String page = pages() + "/" + id;
        var form = ada.get(page);
        String staleVersion = versionOf(form);
        assertThat(api().patch("/t/" + slug + "/api/v1/types/" + id, Map.of("description", "Changed meanwhile"))
                .status()).isEqualTo(200);

        var refused = ada.form(page + "/statuses", Map.of("_csrf", FormBrowser.csrfOf(form), "version", staleVersion,
                "name", "Lost", "phase", "todo", "flow", "waiting"));
        var renamed = ada.form(page, Map.of("_csrf", FormBrowser.csrfOf(form), "version", staleVersion,
                "name", "Overwritten", "category", "change"));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(renamed.status()).isEqualTo(302);
        assertThat(ada.get(page).body()).contains("changed by someone else");
        JsonNode type = type("Stale");
        assertThat(statusNames(type)).doesNotContain("Lost");
        assertThat(type.get("description").asString()).isEqualTo("Changed meanwhile");
    }

    @Test
    void aStatusWithItemsIsNotRemovedAndThePageSaysWhy() {
        String id = api().post("/t/" + slug + "/api/v1/types", Map.of("name", "Busy", "category", "change"))
                .json().get("id").asString();
        String key = api().post("/t/" + slug + "/api/v1/items", Map.of("team", "OPS", "type", "Busy", "title", "Something"))
                .json().get("key").asString();
        api().post("/t/" + slug + "/api/v1/items/" + key + "/transitions", Map.of("to", "In progress"));
        String page = pages() + "/" + id;
        String inProgress = statusId(type("Busy"), "In progress");

        submit(page, page + "/statuses/" + inProgress + "/remove", Map.of());

        assertThat(ada.get(page).body()).contains("In progress (1 item)").contains("Move those 1 item");
        assertThat(statusNames(type("Busy"))).contains("In progress");
    }

    @Test
    void agentsCannotOpenTheTypesPages() {
        String agent = "agnes@" + slug + ".test";
        api().post("/t/" + slug + "/api/v1/users", Map.of("email", agent, "name", "Agnes", "password", PASSWORD,
                "roles", List.of("agent")));
        FormBrowser agnes = new FormBrowser(port);
        agnes.signIn(slug, agent, PASSWORD);

        assertThat(agnes.get(pages()).status()).isEqualTo(403);
        assertThat(ada.get("/t/" + slug + "/").body()).contains("/admin/types");
        assertThat(agnes.get("/t/" + slug + "/").body()).doesNotContain("/admin/types");
    }

    // --- helpers ---

    /** Opens the page, submits one of its forms with the page's CSRF token and version, and follows the redirect. */
    private void submit(String page, String action, Map<String, String> fields) {
        var form = ada.get(page);
        assertThat(form.status()).isEqualTo(200);
        var body = new java.util.LinkedHashMap<>(fields);
        body.put("_csrf", FormBrowser.csrfOf(form));
        body.put("version", versionOf(form));
        var response = ada.form(action, body);
        assertThat(response.status()).as(response.body()).isEqualTo(302);
        assertThat(URI.create(response.header("Location")).getPath()).isEqualTo(page);
    }

    private static String versionOf(Http.Response page) {
        Matcher version = VERSION.matcher(page.body());
        assertThat(version.find()).as("a version field in %s", page.body()).isTrue();
        return version.group(1);
    }

    private Http api() {
        return Http.at(port).basic(adminOf(slug), PASSWORD);
    }

    private JsonNode type(String name) {
        for (JsonNode type : api().get("/t/" + slug + "/api/v1/types").json()) {
            if (type.get("name").asString().equals(name)) {
                return type;
            }
        }
        throw new AssertionError("no type " + name);
    }

    private static String statusId(JsonNode type, String name) {
        for (JsonNode status : type.get("statuses")) {
            if (status.get("name").asString().equals(name)) {
                return status.get("id").asString();
            }
        }
        throw new AssertionError("no status " + name + " in " + type);
    }

    private static JsonNode transition(JsonNode type, String from, String to) {
        for (JsonNode t : type.get("transitions")) {
            if (t.get("from").get("name").asString().equals(from) && t.get("to").get("name").asString().equals(to)) {
                return t;
            }
        }
        throw new AssertionError("no transition " + from + " → " + to + " in " + type);
    }

    private static List<String> statusNames(JsonNode type) {
        List<String> names = new ArrayList<>();
        type.get("statuses").forEach(s -> names.add(s.get("name").asString()));
        return names;
    }

    private String pages() {
        return "/t/" + slug + "/admin/types";
    }
}
