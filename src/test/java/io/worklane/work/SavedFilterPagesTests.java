package io.worklane.work;

import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Saved filters on the item list, as a browser without JavaScript uses them. */
@WorklaneTest
class SavedFilterPagesTests {

    private static final Pattern FILTER_ID = Pattern.compile("[?&]filter=([0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;
    FormBrowser browser;

    @BeforeEach
    void signInToAFreshTenant() {
        slug = tenants.stamp("filters").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        browser = new FormBrowser(port);
        assertThat(browser.signIn(slug, adminOf(slug), PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void aQuerySavedAsAFilterIsListedAndRunsUnderItsName() {
        String urgent = createByApi("Core switch down", "high");
        String calm = createByApi("Toner low", "low");
        var list = browser.get(page("/items?q=priority%20%3D%20high"));
        assertThat(list.body()).contains("Save this query as", "name=\"q\" value=\"priority = high\"");

        var saved = browser.form(page("/filters"),
                fields(FormBrowser.csrfOf(list), "name", "Urgent work", "q", "priority = high"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).contains("/t/" + slug + "/items?filter=");
        var running = follow(saved);
        assertThat(running.status()).isEqualTo(200);
        assertThat(running.body()).contains("<h1>Urgent work</h1>", "Saved the filter \u201cUrgent work\u201d.",
                        "One of your filters.", "aria-current=\"page\"", ">" + urgent + "<", "value=\"priority = high\"")
                .doesNotContain(">" + calm + "<");
        assertThat(browser.get(page("/items")).body()).contains("Urgent work", "?filter=" + idIn(saved));
    }

    @Test
    void aSharedFilterIsVisibleToAColleagueWhoCannotChangeOrDeleteIt() {
        createByApi("Core switch down", "high");
        var saved = browser.form(page("/filters"), fields(csrf(), "name", "Team urgent", "q", "priority = high",
                "shared", "true"));
        String id = idIn(saved);
        FormBrowser grace = colleague("grace", "agent");

        assertThat(grace.get(page("/items")).body()).contains("Team urgent", ">shared<", "by Ada Admin");
        assertThat(grace.get(page("/")).body()).contains("Shared filters", "Team urgent");
        var running = grace.get(page("/items?filter=" + id));
        assertThat(running.body()).contains("<h1>Team urgent</h1>", "Saved by Ada Admin")
                .doesNotContain("/filters/" + id + "/delete", "Change, share or delete");

        var refused = grace.form(page("/filters/" + id + "/delete"),
                fields(FormBrowser.csrfOf(running), "version", "0"));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(follow(grace, refused).body()).contains("Only its owner or an admin may change a saved filter.");
        assertThat(admin.get(api("/filters/" + id)).status()).isEqualTo(200);
    }

    @Test
    void aPrivateFilterIsNotAColleagues() {
        String id = idIn(browser.form(page("/filters"), fields(csrf(), "name", "Mine only", "q", "priority = high")));
        FormBrowser grace = colleague("gus", "agent");

        assertThat(grace.get(page("/items")).body()).doesNotContain("Mine only");
        assertThat(grace.get(page("/items?filter=" + id)).status()).isEqualTo(404);
    }

    @Test
    void aBadQueryOrATakenNameIsRefusedNextToTheFormAndNothingIsSaved() {
        var badQuery = browser.form(page("/filters"), fields(csrf(), "name", "Broken", "q", "priority = = high"));

        assertThat(badQuery.status()).isEqualTo(302);
        var shown = follow(badQuery);
        assertThat(shown.body()).contains("id=\"save-error\"", "Not saved: the query cannot run", "value=\"Broken\"",
                "id=\"q-error\"");
        assertThat(admin.get(api("/filters")).json()).isEmpty();

        browser.form(page("/filters"), fields(csrf(), "name", "Urgent", "q", "priority = high"));
        var taken = browser.form(page("/filters"), fields(csrf(), "name", "Urgent", "q", "priority = low"));

        assertThat(follow(taken).body()).contains("Not saved: this name is already the name of one of your filters.",
                "value=\"priority = low\"");
        assertThat(admin.get(api("/filters")).json()).hasSize(1);
    }

    @Test
    void theOwnerRenamesSharesAndDeletesAFilter() {
        String id = idIn(browser.form(page("/filters"), fields(csrf(), "name", "Urgent", "q", "priority = high")));
        var running = browser.get(page("/items?filter=" + id));
        assertThat(running.body()).contains("Change, share or delete", "name=\"version\" value=\"0\"");

        var renamed = browser.form(page("/filters/" + id), fields(FormBrowser.csrfOf(running), "name", "Fires",
                "shared", "true", "version", "0"));

        assertThat(follow(renamed).body()).contains("<h1>Fires</h1>", ">shared<");
        var filter = admin.get(api("/filters/" + id)).json();
        assertThat(filter.get("shared").asBoolean()).isTrue();

        var deleted = browser.form(page("/filters/" + id + "/delete"), fields(csrf(), "version", "1"));

        assertThat(deleted.header("Location")).endsWith("/t/" + slug + "/items");
        assertThat(follow(deleted).body()).contains("Deleted the filter \u201cFires\u201d.");
        assertThat(admin.get(api("/filters/" + id)).status()).isEqualTo(404);
    }

    @Test
    void theOwnerChangesAFiltersQueryAndAQueryThatCannotRunIsRefusedBesideItWithItsPosition() {
        String urgent = createByApi("Core switch down", "high");
        String calm = createByApi("Toner low", "low");
        String id = idIn(browser.form(page("/filters"), fields(csrf(), "name", "Urgent", "q", "priority = high")));
        var running = browser.get(page("/items?filter=" + id));
        assertThat(running.body()).contains("name=\"query\"", ">priority = high</textarea>");

        var changed = browser.form(page("/filters/" + id), fields(FormBrowser.csrfOf(running), "name", "Calm",
                "query", "priority = low", "version", "0"));

        assertThat(follow(changed).body()).contains("<h1>Calm</h1>", ">" + calm + "<", ">priority = low</textarea>")
                .doesNotContain(">" + urgent + "<");

        var refused = browser.form(page("/filters/" + id), fields(csrf(), "name", "Calm <b>", "query", "prority = low",
                "version", "1"));

        assertThat(follow(refused).body()).contains("id=\"filter-query-error\"", "Unknown field",
                        "at position 0", "did you mean", ">prority = low</textarea>", "value=\"Calm &lt;b&gt;\"")
                .containsPattern("id=\"filter-query\"[^>]*aria-invalid=\"true\"");
        var filter = admin.get(api("/filters/" + id)).json();
        assertThat(filter.get("query").asString()).isEqualTo("priority = low");
        assertThat(filter.get("name").asString()).isEqualTo("Calm");
    }

    @Test
    void sortingTheListOfASavedFilterKeepsItsHeadingAndItsRows() {
        String urgent = createByApi("Core switch down", "high");
        String calm = createByApi("Toner low", "low");
        String id = idIn(browser.form(page("/filters"), fields(csrf(), "name", "Urgent", "q", "priority = high")));
        String running = browser.get(page("/items?filter=" + id)).body();
        Matcher sortByTitle = Pattern.compile("href=\"(/t/[^\"]*filter=" + id + "[^\"]*q=[^\"]*title[^\"]*)\"").matcher(running);
        assertThat(sortByTitle.find()).as(running).isTrue();

        var sorted = browser.get(sortByTitle.group(1).replace("&amp;", "&"));

        assertThat(sorted.body()).contains("<h1>Urgent</h1>", ">" + urgent + "<", "aria-sort=\"ascending\"",
                "value=\"priority = high ORDER BY title ASC\"").doesNotContain(">" + calm + "<");
        assertThat(browser.get(page("/items?filter=" + id + "&q=priority%20%3D%20low")).body())
                .doesNotContain("<h1>Urgent</h1>").contains(">" + calm + "<");
    }

    @Test
    void aStaleRenameOrDeleteShowsTheConflictAndChangesNothing() {
        String id = idIn(browser.form(page("/filters"), fields(csrf(), "name", "Urgent", "q", "priority = high")));
        var seen = browser.get(page("/items?filter=" + id));
        assertThat(admin.header("If-Match", "\"0\"").patch(api("/filters/" + id), Map.of("name", "Renamed elsewhere"))
                .status()).isEqualTo(200);

        var staleRename = browser.form(page("/filters/" + id), fields(FormBrowser.csrfOf(seen), "name", "Mine",
                "version", "0"));
        var staleDelete = browser.form(page("/filters/" + id + "/delete"), fields(FormBrowser.csrfOf(seen), "version", "0"));

        assertThat(staleDelete.status()).isEqualTo(302);
        assertThat(follow(staleRename).body()).contains("changed by someone else", "<h1>Renamed elsewhere</h1>");
        assertThat(admin.get(api("/filters/" + id)).json().get("name").asString()).isEqualTo("Renamed elsewhere");
    }

    private FormBrowser colleague(String name, String role) {
        String email = name + "@" + slug + ".test";
        assertThat(admin.post(api("/users"), Map.of("email", email, "name", name, "password", PASSWORD,
                "roles", List.of(role))).status()).isEqualTo(201);
        FormBrowser colleague = new FormBrowser(port);
        assertThat(colleague.signIn(slug, email, PASSWORD).status()).isEqualTo(302);
        return colleague;
    }

    private String createByApi(String title, String priority) {
        var created = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", title,
                "priority", priority));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private String csrf() {
        return FormBrowser.csrfOf(browser.get(page("/items")));
    }

    private Http.Response follow(Http.Response redirect) {
        return follow(browser, redirect);
    }

    private static Http.Response follow(FormBrowser who, Http.Response redirect) {
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        return who.get(redirect.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", ""));
    }

    private static String idIn(Http.Response redirect) {
        Matcher id = FILTER_ID.matcher(redirect.header("Location"));
        assertThat(id.find()).as(redirect.header("Location")).isTrue();
        return id.group(1);
    }

    private static Map<String, String> fields(String csrf, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private String page(String path) {
        return "/t/" + slug + path;
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
