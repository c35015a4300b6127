package io.worklane.journeys;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import io.worklane.tenancy.Tenant;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An agent saves the query they keep typing, shares it, and attaches a screenshot to an item, in a real browser. */
@WorklaneTest
class FiltersAndAttachmentsJourneyTests extends JourneyTest {

    @Test
    void anAgentSavesASharedFilterAndAttachesAScreenshotToAnItemItFinds() {
        Tenant tenant = tenants.stamp("filterjourney");
        String slug = tenant.slug();
        Http admin = Http.at(port).basic(TestTenants.adminOf(slug), TestTenants.PASSWORD);
        String key = admin.post("/t/" + slug + "/api/v1/items", Map.of("team", "OPS", "type", "Incident",
                "title", "Core switch down", "priority", "high")).json().get("key").asString();
        Page page = newPage();
        page.navigate("/t/" + slug + "/login");
        page.getByLabel("E-mail").fill(TestTenants.adminOf(slug));
        page.getByLabel("Password").fill(TestTenants.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Ada Admin"))).isVisible();

        page.navigate("/t/" + slug + "/items?q=priority%20%3D%20high");
        page.getByLabel("Save this query as").fill("Urgent work");
        page.getByLabel("Share with everyone").check();
        Browser.screenshot(page, "items-save-filter");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save filter")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Urgent work").setLevel(1))).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*[?&]filter=[0-9a-f-]{36}$"));
        assertThat(page.locator(".filter-list a[aria-current=page]")).containsText("Urgent work");
        assertThat(page.locator("tr[data-key='" + key + "']")).isVisible();
        Browser.screenshot(page, "items-filter");

        page.locator("tr[data-key='" + key + "'] a").click();
        assertThat(page.getByTestId("status")).hasText("Open");
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        byte[] png = new byte[2_048];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        page.getByLabel("Attach a file").setInputFiles(new FilePayload("switch panel.png", "image/png", png));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach").setExact(true)).click();

        assertThat(page.locator(".attachment-list")).containsText("switch panel.png");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Attached switch panel.png.");
        assertThat(page.locator("#timeline")).containsText("attached switch panel.png");

        // Over the limit: refused in the page before a byte is sent, so the page stays as it is.
        page.getByLabel("Attach a file").setInputFiles(new FilePayload("huge.png", "image/png", new byte[10 * 1024 * 1024 + 1]));
        assertThat(page.locator("#attachment-error")).hasText("The file is larger than 10 MB, the limit.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach").setExact(true)).click();
        assertThat(page.locator("#attachment-error")).hasText("The file is larger than 10 MB, the limit.");
        assertThat(page.locator(".attachment-list li")).hasCount(1);
        Browser.screenshot(page, "item-attachments");

        page.navigate("/t/" + slug + "/");
        assertThat(page.locator("main")).containsText("Urgent work");
        Browser.screenshot(page, "home");
    }
}
