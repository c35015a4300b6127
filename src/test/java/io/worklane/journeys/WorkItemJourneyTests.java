package io.worklane.journeys;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import io.worklane.tenancy.Tenant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An agent's first incident, in a real browser: create it, work it, talk about it, find it again. */
@WorklaneTest
class WorkItemJourneyTests extends JourneyTest {

    @Test
    void anAgentRaisesAnIncidentInvestigatesItCommentsAndFindsItInTheList() {
        Page page = signIn(tenants.stamp("itemjourney"));

        // "c" opens the create dialog from anywhere (when not typing).
        page.keyboard().press("c");
        var dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New item"));
        assertThat(dialog).isVisible();
        dialog.getByLabel("Team").selectOption("OPS");
        dialog.getByLabel("Type").selectOption("Incident");
        dialog.getByLabel("Title").fill("Checkout page times out");
        dialog.getByLabel("Description").fill("Customers see a **504** after paying.");
        dialog.getByLabel("Priority").selectOption("high");
        Browser.screenshot(page, "create-dialog");
        dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Create")).click();

        assertThat(page).hasURL(Pattern.compile(".*/items/OPS-\\d+$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Created OPS-");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Checkout page times out"))).isVisible();
        assertThat(page.getByTestId("status")).hasText("Open");
        String itemUrl = page.url();
        String key = itemUrl.substring(itemUrl.lastIndexOf('/') + 1);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Investigate")).click();
        assertThat(page.getByTestId("status")).hasText("Investigating");
        assertThat(page.locator("#timeline")).containsText("moved from Open to Investigating");

        page.getByLabel("Add a comment").fill("Rolled back the **payment** proxy.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment")).click();
        assertThat(page.locator("#timeline-list .comment").last()).containsText("Rolled back the payment proxy.");
        assertThat(page.locator("#timeline-list .comment .comment-head strong").last()).hasText("Ada Admin");
        assertThat(page.getByLabel("Add a comment")).isEmpty();
        assertThat(page).hasURL(itemUrl);
        Browser.screenshot(page, "item");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Items").setExact(true)).first().click();
        var query = page.getByLabel("Query", new Page.GetByLabelOptions().setExact(true));
        assertThat(query).isVisible();
        page.keyboard().press("/");
        assertThat(query).isFocused();
        query.fill("text ~ \"checkout times\" AND status = Investigating");
        query.press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*[?&]q=text.*"));
        var row = page.locator("tr[data-key='" + key + "']");
        assertThat(row).isVisible();
        assertThat(row).hasClass(Pattern.compile("cat-unplanned"));
        assertThat(row).containsText("Investigating");
        Browser.screenshot(page, "items");

        query.press("Escape");
        page.keyboard().press("j");
        assertThat(page.locator("tr.is-current")).hasCount(1);
        page.keyboard().press("Enter");
        assertThat(page).hasURL(itemUrl);
    }

    @Test
    void anAgentFillsTheCustomFieldsOfAnIncidentAndChangesOneInPlace() {
        Tenant tenant = tenants.stamp("fieldjourney");
        Http admin = Http.at(port).basic(TestTenants.adminOf(tenant.slug()), TestTenants.PASSWORD);
        String incident = admin.get("/t/" + tenant.slug() + "/api/v1/types").json().valueStream()
                .filter(t -> t.get("name").asString().equals("Incident")).findFirst().orElseThrow().get("id").asString();
        admin.post("/t/" + tenant.slug() + "/api/v1/types/" + incident + "/fields", Map.of("key", "impact",
                "name", "Impact", "kind", "select", "options", List.of("Low", "Site down"), "required", true));
        admin.post("/t/" + tenant.slug() + "/api/v1/types/" + incident + "/fields", Map.of("key", "hours",
                "name", "Hours lost", "kind", "number"));
        Page page = signIn(tenant);

        page.keyboard().press("c");
        var dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New item"));
        dialog.getByLabel("Team").selectOption("OPS");
        dialog.getByLabel("Type").selectOption("Task");
        assertThat(dialog.getByLabel("Impact")).hasCount(0);
        dialog.getByLabel("Type").selectOption("Incident");
        assertThat(dialog.getByLabel("Impact")).isVisible();
        dialog.getByLabel("Title").fill("Plant offline");
        dialog.getByLabel("Hours lost").fill("lots");
        dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Create")).click();

        // Refused: the dialog comes back with each message beside its field, and what was typed.
        dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New item"));
        assertThat(dialog.locator("#new-cf-0-error")).hasText("is required for Incident items");
        assertThat(dialog.locator("#new-cf-1-error")).hasText("must be a number");
        assertThat(dialog.getByLabel("Title")).hasValue("Plant offline");
        Browser.screenshot(page, "create-dialog-custom-fields");
        dialog.getByLabel("Impact").selectOption("Site down");
        dialog.getByLabel("Hours lost").fill("2.5");
        dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Create")).click();

        assertThat(page).hasURL(Pattern.compile(".*/items/OPS-\\d+$"));
        var impact = page.locator("dd[data-field='cf.impact']");
        assertThat(impact).containsText("Site down");
        assertThat(page.locator("dd[data-field='cf.hours']")).containsText("2.5");

        // Two fields open at once: saving the first gives the page's forms the new version, so the second saves too.
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        var hours = page.locator("dd[data-field='cf.hours']");
        hours.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Edit Hours lost")).click();
        impact.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Edit Impact")).click();
        impact.getByRole(AriaRole.COMBOBOX, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Impact")).selectOption("Low");
        impact.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();

        assertThat(impact.locator(".fact-value")).hasText("Low");
        assertThat(page.locator("#timeline")).containsText("changed Impact from \u201cSite down\u201d to \u201cLow\u201d");
        hours.getByRole(AriaRole.TEXTBOX, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Hours lost")).fill("4");
        hours.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(hours.locator(".fact-value")).hasText("4");
        assertThat(impact.locator(".fact-value")).hasText("Low");
        Browser.screenshot(page, "item-custom-fields");
    }

    /** Signs in as the tenant's admin, and waits until the page's scripts run (keys, htmx). */
    private Page signIn(Tenant tenant) {
        Page page = signedIn(tenant.slug(), TestTenants.adminOf(tenant.slug()), TestTenants.PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Ada Admin"))).isVisible();
        return page;
    }
}
