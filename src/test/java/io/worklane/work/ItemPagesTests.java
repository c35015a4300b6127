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

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The item pages as a browser without JavaScript sees them: forms, fragments, refusals, escaping. */
@WorklaneTest
class ItemPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;
    FormBrowser browser;

    @BeforeEach
    void signInToAFreshTenant() {
        slug = tenants.stamp("pages").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        browser = new FormBrowser(port);
        assertThat(browser.signIn(slug, adminOf(slug), PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void theCreateDialogCreatesAnItemAndLandsOnItsPage() {
        var dialog = browser.get(page("/items/new"));
        assertThat(dialog.status()).isEqualTo(200);
        assertThat(dialog.body()).contains("<dialog", "name=\"title\"", "OPS · IT Operations", ">Incident<");

        var created = browser.form(page("/items"), fields(FormBrowser.csrfOf(dialog), "team", "OPS", "type", "Incident",
                "title", "Mail queue stuck", "description", "Since *noon*", "priority", "high",
                "labels", "mail, queue", "dueDate", "2030-01-31", "assignToMe", "true"));

        assertThat(created.status()).isEqualTo(302);
        String location = created.header("Location");
        assertThat(location).matches(".*/t/" + slug + "/items/OPS-\\d+");
        var itemPage = browser.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(itemPage.status()).isEqualTo(200);
        assertThat(itemPage.body()).contains("Mail queue stuck", "Created OPS-", "<em>noon</em>", "cat-unplanned",
                ">mail<", ">queue<", "31 Jan 2030", ">Investigate<", ">Ada Admin<");
    }

    @Test
    void theItemPageShowsTheCustomFieldsOfItsType() {
        String incident = admin.get(api("/types")).json().valueStream()
                .filter(t -> t.get("name").asString().equals("Incident")).findFirst().orElseThrow().get("id").asString();
        assertThat(admin.post(api("/types/" + incident + "/fields"), java.util.Map.of("key", "impact", "name", "Impact",
                "kind", "select", "options", java.util.List.of("Low", "Site down"))).status()).isEqualTo(201);
        assertThat(admin.post(api("/types/" + incident + "/fields"), java.util.Map.of("key", "site", "name", "Site",
                "kind", "text")).status()).isEqualTo(201);
        String key = admin.post(api("/items"), java.util.Map.of("team", "OPS", "type", "Incident", "title", "Plant offline",
                "fields", java.util.Map.of("impact", "Site down"))).json().get("key").asString();

        var itemPage = browser.get(page("/items/" + key));

        assertThat(itemPage.body()).contains(">Impact<", "data-field=\"impact\">Site down<", ">Site<",
                "data-field=\"site\">—<");
    }

    @Test
    void refusedFieldsComeBackNextToTheirInputsWithWhatWasTyped() {
        String csrf = FormBrowser.csrfOf(browser.get(page("/items/new")));

        var refused = browser.form(page("/items"), fields(csrf, "team", "NOPE", "type", "Incident", "title", " ",
                "description", "Keep me", "labels", "has space", "dueDate", ""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<dialog", "data-modal", " open")
                .contains("there is no team with the key NOPE")
                .contains("must not be empty", "value=\"has space\"", ">Keep me</textarea>");
    }

    @Test
    void aDueDateThatIsNotADateIsRefusedNextToItsInput() {
        String csrf = FormBrowser.csrfOf(browser.get(page("/items/new")));

        var refused = browser.form(page("/items"), fields(csrf, "team", "OPS", "type", "Incident", "title", "Printer",
                "dueDate", "someday"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("must be a date such as 2026-12-31", "value=\"someday\"", "value=\"Printer\"");
    }

    @Test
    void aStaleTitleEditShowsTheConflictAndTheCurrentTitleAndOverwritesNothing() {
        String key = createByApi("Printer jam");
        var edit = browser.get(page("/items/" + key + "/title/edit"));
        assertThat(edit.body()).contains("name=\"version\" value=\"0\"", "value=\"Printer jam\"");
        assertThat(admin.header("If-Match", "\"0\"").patch(api("/items/" + key), Map.of("title", "Printer jam on floor 2"))
                .status()).isEqualTo(200);

        var stale = browser.form(page("/items/" + key + "/title"),
                fields(FormBrowser.csrfOf(edit), "value", "Printer fixed", "version", "0"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("changed by someone else", "Printer jam on floor 2", "value=\"Printer fixed\"");
        assertThat(admin.get(api("/items/" + key)).json().get("title").asString()).isEqualTo("Printer jam on floor 2");
    }

    @Test
    void aTitleSavedInPlaceAnswersWithTheNewTitleAndTellsThePageTheNewVersion() {
        String key = createByApi("Slow wifi");
        var edit = browser.get(page("/items/" + key + "/title/edit"));

        var saved = browser.form(page("/items/" + key + "/title"),
                fields(FormBrowser.csrfOf(edit), "value", "Slow wifi on floor 3", "version", "0"));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"item-title\"", "Slow wifi on floor 3");
        assertThat(saved.header("HX-Trigger")).contains("itemChanged").contains("\"version\":1");
    }

    @Test
    void aRequesterSeesNoEditingControlsButMayComment() {
        assertThat(admin.post(api("/users"), Map.of("email", "rita@" + slug + ".test", "name", "Rita Requester",
                "password", PASSWORD, "roles", List.of("requester"))).status()).isEqualTo(201);
        Http rita = Http.at(port).basic("rita@" + slug + ".test", PASSWORD);
        String key = rita.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", "Laptop will not boot"))
                .json().get("key").asString();
        FormBrowser requester = new FormBrowser(port);
        requester.signIn(slug, "rita@" + slug + ".test", PASSWORD);

        var itemPage = requester.get(page("/items/" + key));

        assertThat(itemPage.status()).isEqualTo(200);
        assertThat(itemPage.body()).contains("Laptop will not boot", "id=\"comment-form\"")
                .doesNotContain("/title/edit", "/description/edit", "/transitions\"");
        assertThat(requester.get(page("/items/" + key + "/title/edit")).status()).isEqualTo(403);
        var dialog = requester.get(page("/items/new"));
        assertThat(dialog.body()).contains(">Incident<").doesNotContain(">Change<");
    }

    @Test
    void anItemThePersonMayNotSeeIsTheNotFoundPage() {
        String key = createByApi("Payroll export");
        assertThat(admin.post(api("/users"), Map.of("email", "rob@" + slug + ".test", "name", "Rob Requester",
                "password", PASSWORD, "roles", List.of("requester"))).status()).isEqualTo(201);
        FormBrowser requester = new FormBrowser(port);
        requester.signIn(slug, "rob@" + slug + ".test", PASSWORD);

        var hidden = requester.get(page("/items/" + key));

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).contains("Not found").doesNotContain("Payroll export");
    }

    @Test
    void scriptsInTitlesAndCommentsAreEscapedAndJavascriptLinksRemoved() {
        String key = createByApi("<script>alert('title')</script> broken");
        String csrf = FormBrowser.csrfOf(browser.get(page("/items/" + key)));
        var commented = browser.form(page("/items/" + key + "/comments"),
                fields(csrf, "body", "<script>alert('comment')</script>\n\nsee [x](javascript:alert(1)) and **this**"));
        assertThat(commented.status()).isEqualTo(302);

        String body = browser.get(page("/items/" + key)).body();

        assertThat(body).contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; broken", "<strong>this</strong>")
                .doesNotContain("<script>alert", "javascript:alert");
        assertThat(browser.get(page("/items")).body()).doesNotContain("<script>alert");
    }

    @Test
    void aCommentPostedByHtmxIsAnsweredWithJustTheComment() {
        String key = createByApi("Disk full");
        String csrf = FormBrowser.csrfOf(browser.get(page("/items/" + key)));

        var answer = Http.at(port).header("Cookie", browser.sessionCookie()).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf)
                .send("POST", page("/items/" + key + "/comments"), "body=Cleared+%2Fvar%2Flog", "application/x-www-form-urlencoded");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("<li").contains("class=\"comment\"", "Cleared /var/log", ">Delete<")
                .doesNotContain("<html");
    }

    @Test
    void theListShowsVisibleItemsWithTheirCategoryAndAQueryErrorNextToTheBar() {
        String key = createByApi("Backup failed");

        var list = browser.get(page("/items"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("class=\"cat-unplanned\"", ">" + key + "<", "Backup failed", "data-keyboard-list",
                "q=ORDER%20BY%20key%20ASC");

        var refused = browser.get(page("/items?q=%3D%3D%3D"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"q-error\"", "value=\"===\"");
    }

    @Test
    void theTeamPageShowsTheTeamItsMembersAndAWayToRaiseWork() {
        var team = browser.get(page("/teams/OPS"));

        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body()).contains("IT Operations", "Ada Admin", "/items/new?team=OPS");
        assertThat(browser.get(page("/teams/NOPE")).status()).isEqualTo(404);
    }

    private String createByApi(String title) {
        var created = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("key").asString();
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
