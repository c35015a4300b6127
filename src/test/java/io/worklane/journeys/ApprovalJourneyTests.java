package io.worklane.journeys;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.worklane.support.Http;
import io.worklane.support.TestMail;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.awaitility.Awaitility.await;

/**
 * A requester orders a laptop in the portal; it waits for her manager, who approves it from the link
 * in his e-mail without signing in; her request page then shows it approved and being prepared.
 */
@WorklaneTest
class ApprovalJourneyTests extends JourneyTest {

    @Autowired
    GreenMail mail;

    @Test
    void aRequesterOrdersALaptopAndHerManagerApprovesItFromTheLinkInHisEmail() {
        String slug = tenants.stamp("approvejourney").slug();
        String rita = "rita@" + slug + ".test";
        String mark = "mark@" + slug + ".test";
        Http admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        admin.post(api(slug, "/users"), Map.of("email", rita, "name", "Rita Requester", "password", PASSWORD, "roles", List.of("requester")));
        admin.post(api(slug, "/users"), Map.of("email", mark, "name", "Mark Manager", "password", PASSWORD, "roles", List.of("requester")));
        String ritaId = admin.get(api(slug, "/users?q=rita")).json().get("items").get(0).get("id").asString();
        admin.patch(api(slug, "/users/" + ritaId), Map.of("manager", mark));

        Page page = signedIn(slug, rita, PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Catalog").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New laptop")).first().click();
        page.getByLabel("Model").selectOption("Developer 16-inch");
        page.getByLabel("Needed by").fill(LocalDate.now().plusDays(14).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Order")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("New laptop ordered");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New laptop")).first().click();
        assertThat(page.locator(".waiting-on")).hasText("Mark Manager (approval)");
        assertThat(page.locator(".approval-stages")).containsText("waiting for approval");
        assertThat(page.locator(".expected-by")).isVisible();
        Browser.screenshot(page, "request-awaiting-approval");
        String requestUrl = page.url();

        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMail.to(mail, mark).isEmpty());
        String email = TestMail.text(TestMail.to(mail, mark).get(0));
        String approve = TestMail.link(email, "Approve:");

        Page inbox = newPage();
        inbox.navigate(approve);
        assertThat(inbox.getByText("Approve this request as Mark Manager?")).isVisible();
        assertThat(inbox.locator(".facts")).containsText("Developer 16-inch");
        inbox.getByLabel("Comment (optional)").fill("Enjoy it");
        Browser.screenshot(inbox, "approval-link");
        inbox.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
        assertThat(inbox.getByRole(AriaRole.STATUS)).containsText("Approved by Mark Manager");

        // Rita's page, open all along, shows the decision without a reload.
        assertThat(page.locator(".waiting-on")).hasText("OPS (prepare)");
        assertThat(page).hasURL(requestUrl);
        assertThat(page.locator(".approval-stages")).containsText("Approved");
        assertThat(page.locator(".approvers")).containsText("Enjoy it");
        assertThat(page.locator(".approvers")).containsText("by e-mail link");
        assertThat(page.locator(".waiting-on")).hasText("OPS (prepare)");
        assertThat(page.locator("table.steps")).containsText(Pattern.compile("prepare.*running", Pattern.DOTALL));
        Browser.screenshot(page, "request-approved");

        page.getByLabel("Message to the team").fill("Could it come with a **US** keyboard?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.locator(".conversation")).containsText("Could it come with a US keyboard?");
        assertThat(page.locator(".conversation strong").first()).hasText("Rita Requester");
    }

    private static String api(String slug, String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
