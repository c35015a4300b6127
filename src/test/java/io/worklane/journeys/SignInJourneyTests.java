package io.worklane.journeys;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import io.worklane.tenancy.Tenant;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** What a new organisation's first admin does on day one, in a real browser. */
@WorklaneTest
class SignInJourneyTests extends JourneyTest {

    @Test
    void theFirstAdminSignsInSeesTheHomePageAddsAColleagueAndSignsOut() {
        Tenant tenant = tenants.stamp("journey");
        Page page = newPage();

        page.navigate("/t/" + tenant.slug() + "/");
        assertThat(page).hasURL("http://localhost:" + port + "/t/" + tenant.slug() + "/login");
        page.getByLabel("E-mail").fill(TestTenants.adminOf(tenant.slug()));
        page.getByLabel("Password").fill(TestTenants.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Ada Admin"))).isVisible();
        assertThat(page.getByText("Unplanned work")).isVisible();
        assertThat(page.getByText("IT Operations")).isVisible();
        Browser.screenshot(page, "home");

        page.getByText("Settings").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People")).click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Grace Agent");
        page.locator("#email").fill("grace@" + tenant.slug() + ".test");
        page.locator("#role-agent").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add person")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Added Grace Agent.");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Grace Agent"))).isVisible();
        Browser.screenshot(page, "people");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByText("You are signed out.")).isVisible();
        page.navigate("/t/" + tenant.slug() + "/");
        assertThat(page).hasURL("http://localhost:" + port + "/t/" + tenant.slug() + "/login");
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        Tenant tenant = tenants.stamp("wrongpw");
        Page page = newPage();

        signIn(page, tenant.slug(), "not-the-password");

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The e-mail address or password is not right.");
    }

    @Test
    void anApiTokenIsShownOnceThenOnlyItsHint() {
        Tenant tenant = tenants.stamp("tokens");
        Page page = newPage();
        signIn(page, tenant.slug(), TestTenants.PASSWORD);

        page.getByText("Settings").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens")).click();
        page.getByLabel("Name").fill("deployment pipeline");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();

        var secret = page.getByTestId("new-token");
        assertThat(secret).containsText("wl_" + tenant.slug() + "_");
        String token = secret.textContent();
        Browser.screenshot(page, "tokens");
        page.reload();
        assertThat(page.getByTestId("new-token")).hasCount(0);
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("deployment pipeline"))).isVisible();
        assertThat(page.getByText(token.substring(token.length() - 4))).isVisible();
    }

    @Test
    void theOperatorSignsInWithTheTokenAndSeesTheTenants() {
        Tenant tenant = tenants.stamp("listed");
        Page page = newPage();

        page.navigate("/operator");
        page.getByLabel("Operator token").fill(TestTenants.OPERATOR_TOKEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tenants"))).isVisible();
        // Other tests' tenants may fill the first page: find this one, as an operator with many would.
        page.getByLabel("Find a tenant").fill(tenant.slug());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(tenant.slug()))).isVisible();
        assertThat(page.locator("tbody tr")).hasCount(1);
        Browser.screenshot(page, "operator");
    }

    private static void signIn(Page page, String slug, String password) {
        page.navigate("/t/" + slug + "/login");
        page.getByLabel("E-mail").fill(TestTenants.adminOf(slug));
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }
}
