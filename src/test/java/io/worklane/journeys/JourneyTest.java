package io.worklane.journeys;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.worklane.support.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey shares: one headless Chromium per test class, pages on this test's
 * server, and signing in as a person would.
 */
abstract class JourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** A page in a fresh browser context: like another person's browser. */
    Page newPage() {
        return browser.newPage("http://localhost:" + port);
    }

    /** A fresh page signed in to {@code slug} as {@code email}, once the app's scripts are ready. */
    Page signedIn(String slug, String email, String password) {
        Page page = newPage();
        page.navigate("/t/" + slug + "/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        return page;
    }
}
