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

        assertThat(itemPage.body()).containsPattern("data-field=\"cf.impact\"[^>]*>\\s*<span class=\"fact-value\">\\s*<span>Site down<")
                .containsPattern("data-field=\"cf.site\"[^>]*>\\s*<span class=\"fact-value\">\\s*<span>—<")
                .contains(">Impact<", ">Site<", "/items/" + key + "/cf.impact/edit");
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
                .doesNotContain("/title/edit", "/description/edit", "/transitions\"", "/assignee/edit", "/priority/edit",
                        "/labels/edit", "/dueDate/edit", "/parent/edit");
        assertThat(requester.get(page("/items/" + key + "/title/edit")).status()).isEqualTo(403);
        assertThat(requester.get(page("/items/" + key + "/priority/edit")).status()).isEqualTo(403);
        var refused = requester.form(page("/items/" + key + "/priority"), fields(FormBrowser.csrfOf(itemPage),
                "value", "highest", "version", "0"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Requesters may comment on " + key + " but not change it");
        assertThat(admin.get(api("/items/" + key)).json().get("priority").asString()).isEqualTo("medium");
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

    // --- custom fields in the create dialog --------------------------------------------------------------

    @Test
    void choosingATypeInTheCreateDialogBringsItsCustomFields() {
        addIncidentFields();

        var incident = browser.get(page("/items/new/fields?type=Incident"));
        var task = browser.get(page("/items/new/fields?type=Task"));

        assertThat(incident.status()).isEqualTo(200);
        assertThat(incident.body()).startsWith("<div").contains("id=\"new-custom-fields\"", "name=\"cf.impact\"",
                        ">Site down<", "name=\"cf.systems\" value=\"VPN\"", "name=\"cf.hours\"",
                        "name=\"cf.owner\"", "name=\"cf.note\"", "class=\"required\"")
                .containsPattern("name=\"cf.since\"\\s+type=\"date\"")
                .doesNotContain("<html");
        assertThat(task.body()).contains("id=\"new-custom-fields\"").doesNotContain("cf.impact");
        assertThat(browser.get(page("/items/new")).body()).contains("hx-get=\"/t/" + slug + "/items/new/fields\"");
    }

    @Test
    void theCreateDialogCreatesAnItemWithTheCustomFieldsOfItsType() {
        addIncidentFields();
        String csrf = FormBrowser.csrfOf(browser.get(page("/items/new")));

        var form = new java.util.ArrayList<>(fields(csrf, "team", "OPS", "type", "Incident", "title", "Plant offline",
                "cf.impact", "Site down", "cf.hours", "2.5", "cf.since", "2030-01-02", "cf.owner", adminOf(slug),
                "cf.note", "<b>fire</b>").entrySet());
        form.add(Map.entry("cf.systems", "Mail"));
        form.add(Map.entry("cf.systems", "VPN"));

        var created = browser.form(page("/items"), form);

        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String key = created.header("Location").replaceFirst(".*/items/", "");
        var item = admin.get(api("/items/" + key)).json().get("fields");
        assertThat(item.get("impact").asString()).isEqualTo("Site down");
        assertThat(item.get("systems").valueStream().map(v -> v.asString()).toList()).containsExactly("Mail", "VPN");
        assertThat(item.get("hours").asDouble()).isEqualTo(2.5);
        assertThat(item.get("since").asString()).isEqualTo("2030-01-02");
        assertThat(item.get("owner").asString()).isEqualTo(admin.get(api("/me")).json().get("id").asString());
        assertThat(browser.get(page("/items/" + key)).body()).contains("&lt;b&gt;fire&lt;/b&gt;", ">Mail, VPN<", ">Ada Admin<");
    }

    @Test
    void aMissingRequiredFieldAndValuesThatAreNoValuesAreRefusedBesideTheirInputsAndNothingIsCreated() {
        addIncidentFields();
        String csrf = FormBrowser.csrfOf(browser.get(page("/items/new")));

        var refused = browser.form(page("/items"), fields(csrf, "team", "OPS", "type", "Incident", "title", "Plant offline",
                "cf.hours", "lots", "cf.owner", "nobody@nowhere.test", "cf.since", "soon"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<dialog", "value=\"Plant offline\"")
                .containsPattern("name=\"cf.impact\"[^>]*aria-invalid=\"true\"[\\s\\S]*is required for Incident items")
                .contains("value=\"lots\"", "must be a number", "must be a date such as 2026-12-31", "value=\"soon\"",
                        "no active person has the e-mail address or name \u201cnobody@nowhere.test\u201d",
                        "value=\"nobody@nowhere.test\"");
        assertThat(admin.get(api("/items")).json().get("items")).isEmpty();
    }

    // --- the side panel, in place --------------------------------------------------------------------------

    @Test
    void eachFactOfTheSidePanelIsEditedInPlaceAndAnsweredWithItsNewValue() {
        addIncidentFields();
        String parent = admin.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "Power outage"))
                .json().get("key").asString();
        String key = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", "Plant offline",
                "fields", Map.of("impact", "Low"))).json().get("key").asString();

        var editAssignee = browser.get(page("/items/" + key + "/assignee/edit"));
        assertThat(editAssignee.body()).startsWith("<dd").contains("name=\"value\"", "data-people=", "name=\"version\" value=\"0\"");
        String csrf = FormBrowser.csrfOf(browser.get(page("/items/" + key)));

        assertThat(saveInPlace(csrf, key, "assignee", 0, adminOf(slug))).contains(">Ada Admin<");
        assertThat(saveInPlace(csrf, key, "priority", 1, "highest")).contains("p-highest", ">Highest<");
        assertThat(saveInPlace(csrf, key, "labels", 2, "power, site-b")).contains(">power<", ">site-b<");
        assertThat(saveInPlace(csrf, key, "dueDate", 3, "2030-03-04")).contains("4 Mar 2030");
        assertThat(saveInPlace(csrf, key, "parent", 4, parent.toLowerCase())).contains(">" + parent + " Power outage<");
        assertThat(saveInPlace(csrf, key, "cf.impact", 5, "Site down")).contains(">Site down<", "/cf.impact/edit");
        assertThat(saveInPlace(csrf, key, "cf.note", 6, "<script>alert(1)</script>"))
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(saveInPlace(csrf, key, "cf.owner", 7, "ada admin")).contains(">Ada Admin<");
        assertThat(saveInPlace(csrf, key, "assignee", 8, "")).contains(">Unassigned<");
        assertThat(browser.get(page("/items/" + key + "/timeline")).body())
                .contains("changed Impact from \u201cLow\u201d to \u201cSite down\u201d", "set Business owner to \u201cAda Admin\u201d");

        var item = admin.get(api("/items/" + key)).json();
        assertThat(item.get("priority").asString()).isEqualTo("highest");
        assertThat(item.get("labels").valueStream().map(v -> v.asString()).toList()).containsExactly("power", "site-b");
        assertThat(item.get("dueDate").asString()).isEqualTo("2030-03-04");
        assertThat(item.get("parent").get("key").asString()).isEqualTo(parent);
        assertThat(item.get("fields").get("impact").asString()).isEqualTo("Site down");
        assertThat(item.get("assignee").isNull()).isTrue();
        assertThat(browser.get(page("/items/" + key + "/cf.impact/edit")).body())
                .containsPattern("<option value=\"Site down\" selected=\"selected\">Site down</option>");
    }

    @Test
    void aRefusedValueInPlaceComesBackBesideItsInputAsTypedAndChangesNothing() {
        addIncidentFields();
        String key = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", "Plant offline",
                "fields", Map.of("impact", "Low"))).json().get("key").asString();
        String csrf = FormBrowser.csrfOf(browser.get(page("/items/" + key)));

        var labels = browser.form(page("/items/" + key + "/labels"), fields(csrf, "value", "has space", "version", "0"));
        var owner = browser.form(page("/items/" + key + "/cf.owner"), fields(csrf, "value", "Nobody Known", "version", "0"));
        var impact = browser.form(page("/items/" + key + "/cf.impact"), fields(csrf, "value", "", "version", "0"));

        assertThat(labels.status()).isEqualTo(422);
        assertThat(labels.body()).startsWith("<dd").contains("value=\"has space\"", "aria-invalid=\"true\"",
                "&#39;has space&#39; is not a label");
        assertThat(owner.status()).isEqualTo(422);
        assertThat(owner.body()).contains("value=\"Nobody Known\"", "no active person has the e-mail address or name");
        assertThat(impact.status()).isEqualTo(422);
        assertThat(impact.body()).contains("is required for Incident items");
        var item = admin.get(api("/items/" + key)).json();
        assertThat(item.get("version").asLong()).isZero();
        assertThat(item.get("fields").get("impact").asString()).isEqualTo("Low");
    }

    @Test
    void aStaleCustomFieldEditShowsWhatChangedAndWhatItReadsNowAndOverwritesNothing() {
        addIncidentFields();
        String key = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", "Plant offline",
                "fields", Map.of("impact", "Low"))).json().get("key").asString();
        var edit = browser.get(page("/items/" + key + "/cf.impact/edit"));
        assertThat(admin.header("If-Match", "\"0\"").patch(api("/items/" + key), Map.of("fields", Map.of("impact", "Site down")))
                .status()).isEqualTo(200);

        var stale = browser.form(page("/items/" + key + "/cf.impact"),
                fields(FormBrowser.csrfOf(edit), "value", "Low", "version", "0"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("changed by someone else", "data-testid=\"current-value\">Site down<",
                        "name=\"version\" value=\"1\"")
                .containsPattern("<option value=\"Low\" selected=\"selected\">");
        assertThat(admin.get(api("/items/" + key)).json().get("fields").get("impact").asString()).isEqualTo("Site down");
    }

    /** Saves one field in place, as htmx does, and returns the fact it answers with. */
    @Test
    void anAgentFlagsAnItemBlockedWithAReasonAndUnblocksIt() {
        String key = createByApi("Migrate DNS");
        var item = browser.get(page("/items/" + key));
        assertThat(item.body()).contains("Flag blocked").doesNotContain("data-testid=\"blocked\"");

        var blocked = browser.form(page("/items/" + key + "/block"), fields(FormBrowser.csrfOf(item),
                "reason", "Registrar <b>slow</b>"));
        assertThat(blocked.status()).isEqualTo(302);
        var shown = browser.get(page("/items/" + key));
        assertThat(shown.body()).contains("data-testid=\"blocked\"", "Registrar &lt;b&gt;slow&lt;/b&gt;", "Unblock");

        var refused = browser.form(page("/items/" + key + "/block"), fields(FormBrowser.csrfOf(shown), "reason", "Again"));
        assertThat(browser.get(refused.header("Location").replaceFirst("^https?://[^/]+", "")).body())
                .contains("already blocked");

        browser.form(page("/items/" + key + "/unblock"), fields(FormBrowser.csrfOf(shown)));
        assertThat(browser.get(page("/items/" + key)).body()).doesNotContain("data-testid=\"blocked\"");
    }

    private String saveInPlace(String csrf, String key, String field, long version, String value) {
        var saved = browser.form(page("/items/" + key + "/" + field),
                fields(csrf, "value", value, "version", String.valueOf(version)));
        assertThat(saved.status()).as(field + ": " + saved.body()).isEqualTo(200);
        assertThat(saved.header("HX-Trigger")).contains("\"version\":" + (version + 1));
        assertThat(saved.body()).startsWith("<dd").contains("data-field=\"" + field + "\"");
        return saved.body();
    }

    /** Gives Incidents a field of every kind; Impact is required. */
    private void addIncidentFields() {
        String incident = admin.get(api("/types")).json().valueStream()
                .filter(t -> t.get("name").asString().equals("Incident")).findFirst().orElseThrow().get("id").asString();
        List<Map<String, Object>> fields = List.of(
                Map.of("key", "impact", "name", "Impact", "kind", "select", "options", List.of("Low", "Site down"), "required", true),
                Map.of("key", "systems", "name", "Systems", "kind", "multiselect", "options", List.of("Mail", "VPN", "ERP")),
                Map.of("key", "hours", "name", "Hours lost", "kind", "number"),
                Map.of("key", "since", "name", "Since", "kind", "date"),
                Map.of("key", "owner", "name", "Business owner", "kind", "user"),
                Map.of("key", "note", "name", "Note", "kind", "text"));
        for (Map<String, Object> field : fields) {
            var added = admin.post(api("/types/" + incident + "/fields"), field);
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
        }
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
