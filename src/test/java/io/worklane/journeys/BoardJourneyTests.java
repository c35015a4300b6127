package io.worklane.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;

/**
 * A team lead's board in a real browser: drag a card into work, hit the hard WIP limit, override it
 * with a reason, move by keyboard, and watch a colleague's board follow along live.
 */
@WorklaneTest
class BoardJourneyTests extends JourneyTest {

    String slug;
    Http admin;

    @BeforeEach
    void stamp() {
        slug = tenants.stamp("boardjourney").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
    }

    @Test
    void aCardDraggedOverAHardLimitSnapsBackUntilItIsOverriddenWithAReasonAndAColleagueSeesItLive() {
        JsonNode board = admin.post(api("/boards"), Map.of("name", "Ops flow", "team", "OPS", "columns", List.of(
                Map.of("name", "Backlog", "kind", "backlog", "statuses", List.of("To do")),
                Map.of("name", "In progress", "kind", "flow", "statuses", List.of("In progress"), "limit", 1, "hard", true),
                Map.of("name", "Done", "kind", "done", "statuses", List.of("Done"))))).json();
        String first = task("Renew the TLS certificates");
        String second = task("Replace the core switch");
        String boardUrl = "/t/" + slug + "/boards/" + board.get("id").asString();

        Page lead = signedIn();
        lead.navigate(boardUrl);
        Page colleague = signedIn();
        colleague.navigate(boardUrl);
        Locator colleaguesInProgress = cell(colleague, "In progress");
        colleague.waitForFunction("() => window.Sortable !== undefined");

        drag(lead, card(lead, first), cell(lead, "In progress"));
        assertThat(cell(lead, "In progress").locator("li.card")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(status(first)).isEqualTo("In progress");
        assertThat(colleaguesInProgress.locator("li.card[data-key='" + first + "']")).isVisible();

        drag(lead, card(lead, second), cell(lead, "In progress"));
        var override = lead.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Over a hard WIP limit"));
        assertThat(override).isVisible();
        assertThat(override).containsText("The column In progress allows 1 card");
        assertThat(cell(lead, "Backlog").locator("li.card[data-key='" + second + "']")).isVisible();
        Browser.screenshot(lead, "board-wip-refusal");

        override.getByLabel("Why must this go ahead now?").fill("Core switch is failing: expedite");
        override.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Override and move")).click();
        assertThat(cell(lead, "In progress").locator("li.card[data-key='" + second + "']")).isVisible();
        assertThat(lead.locator(".column-head.wip-over")).containsText("In progress");
        assertThat(colleaguesInProgress.locator("li.card[data-key='" + second + "']")).isVisible();

        lead.navigate(boardUrl + "/overrides");
        assertThat(lead.locator("table")).containsText("Core switch is failing: expedite");
    }

    @Test
    void aCardMovesByKeyboardWithinItsCategorysLaneAndALaneCollapses() {
        String key = task("Rotate the API keys");
        String incident = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", "Mail is down",
                "priority", "highest")).json().get("key").asString();
        JsonNode board = admin.get(api("/boards/team/OPS")).json();
        var settings = new java.util.HashMap<String, Object>(Map.of("name", "IT Operations", "team", "OPS",
                "swimlanes", "category", "expediteQuery", "priority = highest"));
        org.assertj.core.api.Assertions.assertThat(admin.put(api("/boards/" + board.get("id").asString()), settings)
                .status()).isEqualTo(200);
        Page page = signedIn();
        page.navigate("/t/" + slug + "/teams/OPS/board");
        page.waitForFunction("() => window.Sortable !== undefined");
        assertThat(page.locator("details.lane[data-lane='expedite'] li.card[data-key='" + incident + "']")).isVisible();
        Browser.screenshot(page, "board-lanes");

        page.locator("details.lane[data-lane='expedite'] summary").click();
        assertThat(page.locator("li.card[data-key='" + incident + "']")).isHidden();
        page.reload();
        assertThat(page.locator("li.card[data-key='" + incident + "']")).isHidden();

        page.waitForFunction("() => window.Sortable !== undefined");
        card(page, key).focus();
        page.keyboard().press("Shift+ArrowRight");

        Locator moved = page.locator("details.lane[data-lane='internal_project'] ol.cell[aria-label='In progress · Internal project'] li.card[data-key='" + key + "']");
        assertThat(moved).isVisible();
        assertThat(moved).isFocused();
        org.assertj.core.api.Assertions.assertThat(status(key)).isEqualTo("In progress");
        Browser.screenshot(page, "board");
    }

    private Page signedIn() {
        Page page = signedIn(slug, adminOf(slug), PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Ada Admin"))).isVisible();
        return page;
    }

    /** A drag as a hand makes it: press on the card, move in steps onto the cell, release. */
    private static void drag(Page page, Locator card, Locator target) {
        BoundingBox from = card.boundingBox();
        BoundingBox to = target.boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse().move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 30), new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
        page.mouse().up();
    }

    private static Locator card(Page page, String key) {
        return page.locator("li.card[data-key='" + key + "']");
    }

    private static Locator cell(Page page, String column) {
        return page.locator("ol.cell[aria-label='" + column + "']");
    }

    private String task(String title) {
        return admin.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", title)).json().get("key").asString();
    }

    private String status(String key) {
        return admin.get(api("/items/" + key)).json().get("status").get("name").asString();
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
