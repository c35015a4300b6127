package io.worklane.identity;

import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The tenant's sign-in form and session, as a browser without JavaScript meets them. */
@WorklaneTest
class SignInPageTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;

    @BeforeEach
    void stampATenant() {
        slug = tenants.stamp("web").slug();
    }

    @Test
    void anUnauthenticatedVisitorIsSentToTheSignInPage() {
        var home = browser().get("/t/" + slug + "/");

        assertThat(home.status()).isEqualTo(302);
        assertThat(pathOf(home.header("Location"))).isEqualTo("/t/" + slug + "/login");
    }

    @Test
    void theSignInPageCarriesACsrfToken() {
        var page = browser().get("/t/" + slug + "/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(csrfOf(page)).isNotBlank();
        assertThat(page.body()).contains("name=\"email\"").contains("name=\"password\"");
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() {
        var browser = browser();
        browser.get("/t/" + slug + "/login");

        var response = browser.form("/t/" + slug + "/login", Map.of("email", adminOf(slug), "password", PASSWORD));

        assertThat(response.status()).isEqualTo(403);
        assertThat(browser.get("/t/" + slug + "/").status()).isEqualTo(302);
    }

    @Test
    void theRightCredentialsOpenASessionOnTheHomePage() {
        var browser = browser();

        var signedIn = browser.signIn(slug, adminOf(slug), PASSWORD);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(pathOf(signedIn.header("Location"))).isEqualTo("/t/" + slug + "/");
        assertThat(browser.cookies()).containsKey("SESSION");
        var home = browser.get("/t/" + slug + "/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Ada Admin").contains("Business project");
    }

    @Test
    void aWrongPasswordSendsThePersonBackToSignInWithAReason() {
        var browser = browser();

        var refused = browser.signIn(slug, adminOf(slug), "not-the-password");

        assertThat(refused.status()).isEqualTo(302);
        assertThat(pathAndQueryOf(refused.header("Location"))).isEqualTo("/t/" + slug + "/login?error=credentials");
        assertThat(browser.get("/t/" + slug + "/login?error=credentials").body())
                .contains("The e-mail address or password is not right.");
        assertThat(browser.get("/t/" + slug + "/").status()).isEqualTo(302);
    }

    @Test
    void signingOutEndsTheSession() {
        var browser = browser();
        browser.signIn(slug, adminOf(slug), PASSWORD);
        var home = browser.get("/t/" + slug + "/");
        assertThat(home.status()).isEqualTo(200);
        String sessionCookie = browser.cookies().get("SESSION");

        var signedOut = browser.form("/t/" + slug + "/logout", Map.of("_csrf", csrfOf(home)));

        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(pathOf(signedOut.header("Location"))).isEqualTo("/t/" + slug + "/login");
        var after = browser.get("/t/" + slug + "/");
        assertThat(after.status()).isEqualTo(302);
        assertThat(pathOf(after.header("Location"))).isEqualTo("/t/" + slug + "/login");
        // Replaying the old session cookie does not bring the session back.
        var replayed = Http.at(port).header("Cookie", "SESSION=" + sessionCookie).get("/t/" + slug + "/");
        assertThat(replayed.status()).isEqualTo(302);
    }

    @Test
    void onlyAnAdminMayOpenThePeoplePage() {
        String agent = "agnes@" + slug + ".test";
        var created = Http.at(port).basic(adminOf(slug), PASSWORD).post("/t/" + slug + "/api/v1/users",
                Map.of("email", agent, "name", "Agnes Agent", "password", PASSWORD, "roles", List.of("agent")));
        assertThat(created.status()).isEqualTo(201);
        var agnes = browser();
        agnes.signIn(slug, agent, PASSWORD);
        var ada = browser();
        ada.signIn(slug, adminOf(slug), PASSWORD);

        assertThat(agnes.get("/t/" + slug + "/").status()).isEqualTo(200);
        assertThat(agnes.get("/t/" + slug + "/admin/users").status()).isEqualTo(403);
        var people = ada.get("/t/" + slug + "/admin/users");
        assertThat(people.status()).isEqualTo(200);
        assertThat(people.body()).contains(agent).contains(adminOf(slug));
    }

    FormBrowser browser() {
        return new FormBrowser(port);
    }

    static String csrfOf(Http.Response page) {
        return FormBrowser.csrfOf(page);
    }

    static String pathOf(String location) {
        return URI.create(location).getPath();
    }

    static String pathAndQueryOf(String location) {
        URI uri = URI.create(location);
        return uri.getRawQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getRawQuery();
    }

}
