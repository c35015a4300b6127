package io.worklane.board;

import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The board page as the browser receives it: columns, cards, escaping, the move and block endpoints. */
@WorklaneTest
class BoardPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;
    FormBrowser browser;

    @BeforeEach
    void signIn() {
        slug = tenants.stamp("boardpages").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        browser = new FormBrowser(port);
        assertThat(browser.signIn(slug, adminOf(slug), PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void theTeamsBoardShowsItsColumnsAndCardsWithTitlesEscaped() {
        String key = task("<script>alert(1)</script> Patch");

        var redirect = browser.get("/t/" + slug + "/teams/OPS/board");
        assertThat(redirect.status()).isEqualTo(302);
        var page = browser.get(redirect.header("Location").replaceFirst("^https?://[^/]+", ""));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(">Backlog<", ">In progress<", ">Waiting<", ">Done<", "data-key=\"" + key + "\"",
                "&lt;script&gt;alert(1)&lt;/script&gt; Patch", "cat-internal_project", "Sortable.min.js");
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(page.body()).contains("<option value=\"OPS\">OPS · IT Operations</option>", ">Ada Admin</option>");
    }

    @Test
    void aMoveFromThePageGoesThroughTheSameRulesAsTheApi() {
        String key = task("Renew certificates");
        String board = admin.get("/t/" + slug + "/api/v1/boards/team/OPS").json().get("id").asString();
        String inProgress = admin.get("/t/" + slug + "/api/v1/boards/" + board).json().get("columns").get(1).get("id").asString();
        var page = browser.get("/t/" + slug + "/boards/" + board);

        var withoutToken = browser.script("/t/" + slug + "/boards/" + board + "/moves", Map.of("item", key, "column", inProgress));
        assertThat(withoutToken.status()).isEqualTo(403);

        var moved = browser.script("/t/" + slug + "/boards/" + board + "/moves",
                Map.of("_csrf", csrf(page), "item", key, "column", inProgress));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("card").get("status").get("name").asString()).isEqualTo("In progress");

        var card = browser.get("/t/" + slug + "/boards/" + board + "/cards/" + key);
        assertThat(card.body()).contains("data-key=\"" + key + "\"", "data-column=\"" + inProgress + "\"");
    }

    @Test
    void aCardIsBlockedAndUnblockedFromTheBoard() {
        String key = task("Migrate DNS");
        String board = admin.get("/t/" + slug + "/api/v1/boards/team/OPS").json().get("id").asString();
        String csrf = csrf(browser.get("/t/" + slug + "/boards/" + board));

        var blocked = browser.form("/t/" + slug + "/boards/" + board + "/cards/" + key + "/block",
                Map.of("_csrf", csrf, "reason", "Registrar <b>slow</b>", "waitingOnTeam", "OPS"));
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.body()).contains("is-blocked", "Registrar &lt;b&gt;slow&lt;/b&gt; — IT Operations");

        var unblocked = browser.form("/t/" + slug + "/boards/" + board + "/cards/" + key + "/unblock", Map.of("_csrf", csrf));
        assertThat(unblocked.body()).doesNotContain("is-blocked");
    }

    @Test
    void anAdminSetsLimitsInTheSettingsFormAndAWrongStatusIsMarkedOnItsField() {
        String board = admin.get("/t/" + slug + "/api/v1/boards/team/OPS").json().get("id").asString();
        var form = browser.get("/t/" + slug + "/boards/" + board + "/settings");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"columns[0].statuses\"", "value=\"Backlog\"");
        String csrf = FormBrowser.csrfOf(form);

        Map<String, String> fields = new java.util.HashMap<>(Map.of("_csrf", csrf, "version", "0", "team", "OPS",
                "name", "Ops flow", "swimlanes", "category", "doneWindowDays", "7"));
        fields.putAll(Map.of("columns[0].name", "Backlog", "columns[0].kind", "backlog", "columns[0].statuses", "To do, Open",
                "columns[1].name", "Doing", "columns[1].kind", "flow", "columns[1].statuses", "In progress, Nonsense"));
        fields.putAll(Map.of("columns[1].limit", "3", "columns[1].hard", "true",
                "columns[2].name", "Done", "columns[2].kind", "done", "columns[2].statuses", "Done"));
        var refused = browser.form("/t/" + slug + "/boards/" + board + "/settings", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("there is no status named Nonsense", "value=\"Ops flow\"");
        assertThat(admin.get("/t/" + slug + "/api/v1/boards/" + board).json().get("columns")).hasSize(4);

        fields.put("columns[1].statuses", "In progress");
        var saved = browser.form("/t/" + slug + "/boards/" + board + "/settings", fields);
        assertThat(saved.status()).isEqualTo(302);
        var json = admin.get("/t/" + slug + "/api/v1/boards/" + board).json();
        assertThat(json.get("settings").get("name").asString()).isEqualTo("Ops flow");
        assertThat(json.get("columns").get(1).get("limit").get("max").asInt()).isEqualTo(3);
        assertThat(json.get("columns").get(1).get("limit").get("hard").asBoolean()).isTrue();

        var stale = browser.form("/t/" + slug + "/boards/" + board + "/settings", fields);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("changed by someone else");
    }

    @Test
    void requestersAreNotShownBoards() {
        admin.post("/t/" + slug + "/api/v1/users", Map.of("email", "rita@example.com", "name", "Rita Requester",
                "password", PASSWORD, "roles", List.of("requester")));
        FormBrowser rita = new FormBrowser(port);
        rita.signIn(slug, "rita@example.com", PASSWORD);

        assertThat(rita.get("/t/" + slug + "/boards").status()).isEqualTo(403);
        assertThat(rita.get("/t/" + slug + "/items").body()).doesNotContain(">Boards<");
    }

    /** Scripts send the token the page carries in its meta tag. */
    private static String csrf(Http.Response page) {
        var matcher = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(matcher.find()).as("a csrf-token meta tag").isTrue();
        return matcher.group(1);
    }

    private String task(String title) {
        return admin.post("/t/" + slug + "/api/v1/items", Map.of("team", "OPS", "type", "Task", "title", title))
                .json().get("key").asString();
    }
}
