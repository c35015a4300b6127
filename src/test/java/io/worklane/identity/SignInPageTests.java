package io.worklane.identity;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The tenant's sign-in form and session, as a browser without JavaScript meets them. */
@WorklaneTest
class SignInPageTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("<input[^>]*\\bname=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]+)\"");

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
        var home = new Browser().get("/t/" + slug + "/");

        assertThat(home.status()).isEqualTo(302);
        assertThat(pathOf(home.header("Location"))).isEqualTo("/t/" + slug + "/login");
    }

    @Test
    void theSignInPageCarriesACsrfToken() {
        var page = new Browser().get("/t/" + slug + "/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(csrfOf(page)).isNotBlank();
        assertThat(page.body()).contains("name=\"email\"").contains("name=\"password\"");
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() {
        var browser = new Browser();
        browser.get("/t/" + slug + "/login");

        var response = browser.form("/t/" + slug + "/login", Map.of("email", adminOf(slug), "password", PASSWORD));

        assertThat(response.status()).isEqualTo(403);
        assertThat(browser.get("/t/" + slug + "/").status()).isEqualTo(302);
    }

    @Test
    void theRightCredentialsOpenASessionOnTheHomePage() {
        var browser = new Browser();

        var signedIn = browser.signIn(adminOf(slug), PASSWORD);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(pathOf(signedIn.header("Location"))).isEqualTo("/t/" + slug + "/");
        assertThat(browser.cookies).containsKey("SESSION");
        var home = browser.get("/t/" + slug + "/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Ada Admin").contains("Business project");
    }

    @Test
    void aWrongPasswordSendsThePersonBackToSignInWithAReason() {
        var browser = new Browser();

        var refused = browser.signIn(adminOf(slug), "not-the-password");

        assertThat(refused.status()).isEqualTo(302);
        assertThat(pathAndQueryOf(refused.header("Location"))).isEqualTo("/t/" + slug + "/login?error=credentials");
        assertThat(browser.get("/t/" + slug + "/login?error=credentials").body())
                .contains("The e-mail address or password is not right.");
        assertThat(browser.get("/t/" + slug + "/").status()).isEqualTo(302);
    }

    @Test
    void signingOutEndsTheSession() {
        var browser = new Browser();
        browser.signIn(adminOf(slug), PASSWORD);
        var home = browser.get("/t/" + slug + "/");
        assertThat(home.status()).isEqualTo(200);
        String sessionCookie = browser.cookies.get("SESSION");

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
        var agnes = new Browser();
        agnes.signIn(agent, PASSWORD);
        var ada = new Browser();
        ada.signIn(adminOf(slug), PASSWORD);

        assertThat(agnes.get("/t/" + slug + "/").status()).isEqualTo(200);
        assertThat(agnes.get("/t/" + slug + "/admin/users").status()).isEqualTo(403);
        var people = ada.get("/t/" + slug + "/admin/users");
        assertThat(people.status()).isEqualTo(200);
        assertThat(people.body()).contains(agent).contains(adminOf(slug));
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Keeps cookies between requests, as a browser does; follows no redirects. */
    final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();

        Http.Response get(String path) {
            return remember(http().get(path));
        }

        Http.Response form(String path, Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return remember(http().send("POST", path, body, "application/x-www-form-urlencoded"));
        }

        /** Opens the sign-in page and submits it, as a person would. */
        Http.Response signIn(String email, String password) {
            String csrf = csrfOf(get("/t/" + slug + "/login"));
            return form("/t/" + slug + "/login", Map.of("email", email, "password", password, "_csrf", csrf));
        }

        private Http http() {
            Http http = Http.at(port).header("Accept", "text/html");
            if (!cookies.isEmpty()) {
                http = http.header("Cookie", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; ")));
            }
            return http;
        }

        private Http.Response remember(Http.Response response) {
            for (String setCookie : response.raw().headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }

    static String csrfOf(Http.Response page) {
        Matcher field = CSRF_FIELD.matcher(page.body());
        assertThat(field.find()).as("a _csrf field in %s", page.body()).isTrue();
        assertThat(field.group()).contains("type=\"hidden\"");
        Matcher value = VALUE.matcher(field.group());
        assertThat(value.find()).as("a value in %s", field.group()).isTrue();
        return value.group(1);
    }

    static String pathOf(String location) {
        return URI.create(location).getPath();
    }

    static String pathAndQueryOf(String location) {
        URI uri = URI.create(location);
        return uri.getRawQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getRawQuery();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
