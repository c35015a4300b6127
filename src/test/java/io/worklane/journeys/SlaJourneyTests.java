package io.worklane.journeys;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;

/** An agent sees an incident's service level in the list and on the item, in a real browser. */
@WorklaneTest
class SlaJourneyTests extends JourneyTest {

    @Test
    void anIncidentShowsItsClockInTheListAndOnItsPage() {
        String slug = tenants.stamp("slajourney").slug();
        Http admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        String allDay = admin.get("/t/" + slug + "/api/v1/sla/calendars").json().get(0).get("id").asString();
        admin.post("/t/" + slug + "/api/v1/sla/policies", Map.of("name", "Incidents", "appliesTo", "type = Incident",
                "calendar", allDay, "metrics", List.of(Map.of("key", "resolution", "name", "Time to resolution",
                        "stop", "statusCategory = done", "goals", List.of(Map.of("minutes", 240))))));
        String key = admin.post("/t/" + slug + "/api/v1/items", Map.of("team", "OPS", "type", "Incident",
                "title", "Payroll export fails")).json().get("key").asString();

        Page page = signedIn(slug, adminOf(slug), PASSWORD);

        page.navigate("/t/" + slug + "/items");
        assertThat(page.locator("tr[data-key=\"" + key + "\"] .sla-badge")).hasText(Pattern.compile("\\d+ h left|\\d+ m left"));
        page.locator("tr[data-key=\"" + key + "\"] td.key a").click();
        assertThat(page.locator(".sla-clocks")).containsText("Time to resolution");
        assertThat(page.locator(".sla-clocks")).containsText("running");
        Browser.screenshot(page, "item-sla");
    }
}
