package io.worklane.tenancy;

import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.worklane.support.TestTenants.OPERATOR_TOKEN;
import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static io.worklane.support.TestTenants.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credential of one tenant opens nothing of another: on tenant B's paths a token or session of
 * tenant A gets exactly the answer that a tenant which does not exist gets, so it can neither read
 * B's data nor learn more about B than a stranger could.
 */
@WorklaneTest
class TenantIsolationTests {


    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String a;
    String b;
    String ghost;
    String bAdminId;
    String bTeamId;

    @BeforeEach
    void stampTwoTenants() {
        a = tenants.stamp("iso-a").slug();
        b = tenants.stamp("iso-b").slug();
        ghost = uniqueSlug("ghost");
        var bMe = adminAt(b).get(api(b, "/me")).json();
        bAdminId = bMe.get("id").asString();
        bTeamId = bMe.get("teams").get(0).get("id").asString();
    }

    /** B's API paths, with ids of B's real records: a foreign credential must not reach them either. */
    List<String> apiPaths(String slug) {
        return List.of(api(slug, "/me"), api(slug, "/me/tokens"), api(slug, "/users"), api(slug, "/users/" + bAdminId),
                api(slug, "/teams"), api(slug, "/teams/" + bTeamId + "/members"));
    }

    List<String> pagePaths(String slug) {
        return List.of("/t/" + slug + "/", "/t/" + slug + "/admin/users", "/t/" + slug + "/tokens");
    }

    @Test
    void anApiTokenOfOneTenantGetsOnAnotherTenantsApiWhatANonexistentTenantGets() {
        Http tokenOfA = Http.at(port).bearer(issueToken(a));
        assertThat(tokenOfA.get(api(a, "/me")).status()).isEqualTo(200);

        for (String path : apiPaths(b)) {
            var onB = tokenOfA.get(path);
            var onGhost = tokenOfA.get(path.replace("/t/" + b + "/", "/t/" + ghost + "/"));

            assertThat(onB.status()).as(path + " " + onB).isEqualTo(404);
            assertSameAnswer(onB, onGhost, path);
            assertThat(onB.body()).doesNotContain(adminOf(b));
        }
    }

    @Test
    void anApiTokenOfOneTenantCannotWriteToAnotherTenant() {
        Http tokenOfA = Http.at(port).bearer(issueToken(a));

        var created = tokenOfA.post(api(b, "/users"), Map.of("email", "intruder@a.test", "name", "Intruder"));
        var onGhost = tokenOfA.post(api(ghost, "/users"), Map.of("email", "intruder@a.test", "name", "Intruder"));

        assertThat(created.status()).isEqualTo(404);
        assertSameAnswer(created, onGhost, "POST /users");
        assertThat(emailsOf(b)).doesNotContain("intruder@a.test");
    }

    @Test
    void anApiTokenOfOneTenantOpensNoneOfAnotherTenantsPages() {
        Http tokenOfA = Http.at(port).bearer(issueToken(a)).header("Accept", "text/html");

        for (String path : pagePaths(b)) {
            var onB = tokenOfA.get(path);
            var anonymous = Http.at(port).header("Accept", "text/html").get(path);

            assertThat(onB.status()).as(path + " " + onB).isEqualTo(anonymous.status()).isNotEqualTo(200);
            assertThat(onB.header("Location")).isEqualTo(anonymous.header("Location"));
            assertThat(onB.body()).isEqualTo(anonymous.body()).doesNotContain(adminOf(b));
        }
    }

    @Test
    void aWebSessionOfOneTenantGetsOnAnotherTenantsPagesWhatANonexistentTenantGets() {
        Http sessionOfA = Http.at(port).header("Cookie", signIn(a)).header("Accept", "text/html");
        assertThat(sessionOfA.get("/t/" + a + "/").status()).isEqualTo(200);

        for (String path : pagePaths(b)) {
            var onB = sessionOfA.get(path);
            var onGhost = sessionOfA.get(path.replace("/t/" + b + "/", "/t/" + ghost + "/"));

            assertThat(onB.status()).as(path + " " + onB).isEqualTo(404);
            assertThat(onGhost.status()).as(path).isEqualTo(404);
            assertThat(onB.body()).as(path).isEqualTo(onGhost.body()).doesNotContain(adminOf(b));
        }
    }

    /**
     * The tenant API is stateless (tokens and HTTP Basic only), so a session is no credential there,
     * not even in its own tenant: on B's API it gets what an anonymous caller gets, never B's data.
     */
    @Test
    void aWebSessionOfOneTenantIsNoCredentialOnAnotherTenantsApi() {
        Http sessionOfA = Http.at(port).header("Cookie", signIn(a));
        assertThat(sessionOfA.get(api(a, "/me")).status()).isEqualTo(401);

        for (String path : apiPaths(b)) {
            var onB = sessionOfA.get(path);
            var anonymous = Http.at(port).get(path);

            assertThat(onB.status()).as(path + " " + onB).isEqualTo(401);
            assertThat(onB.json()).as(path).isEqualTo(anonymous.json());
            assertThat(onB.body()).doesNotContain(adminOf(b));
        }
    }

    @Test
    void anAdminOfOneTenantIsAStrangerToAnotherOverHttpBasic() {
        Http basicOfA = adminAt(a);

        for (String path : apiPaths(b)) {
            var onB = basicOfA.get(path);

            assertThat(onB.status()).as(path + " " + onB).isEqualTo(401);
            assertThat(onB.contentType()).startsWith("application/problem+json");
            assertThat(onB.json().get("type").asString()).endsWith("/unauthorized");
            assertThat(onB.body()).doesNotContain(adminOf(b)).doesNotContain("\"items\"");
        }
    }

    @Test
    void aTenantsPeopleListNeverHoldsAnotherTenantsPeople() {
        adminAt(a).post(api(a, "/users"), Map.of("email", "only-in-a@" + a + ".test", "name", "Only In A"));

        List<String> emails = emailsOf(b);
        var search = adminAt(b).get(api(b, "/users?q=" + a));

        assertThat(emails).contains(adminOf(b)).doesNotContain(adminOf(a), "only-in-a@" + a + ".test");
        assertThat(emails).allMatch(email -> !email.contains(a));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get("totalItems").asLong()).isZero();
    }

    @Test
    void aTenantsApiTokenIsNotAnOperatorToken() {
        Http tokenOfA = Http.at(port).bearer(issueToken(a));

        for (String path : List.of("/api/v1/tenants", "/api/v1/tenants/" + a, "/api/v1/tenants/" + b)) {
            var response = tokenOfA.get(path);

            assertThat(response.status()).as(path + " " + response).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("\"slug\"");
        }
        var stamp = tokenOfA.post("/api/v1/tenants", TestTenants.stampBody(uniqueSlug("by-token")));
        assertThat(stamp.status()).isEqualTo(401);
        assertThat(Http.at(port).bearer(OPERATOR_TOKEN).get("/api/v1/tenants/" + a).status()).isEqualTo(200);
    }

    /** Same status, same problem: only {@code instance}, which echoes the requested path, may differ. */
    private static void assertSameAnswer(Http.Response onB, Http.Response onGhost, String what) {
        assertThat(onB.status()).as(what).isEqualTo(onGhost.status());
        assertThat(onB.contentType()).as(what).isEqualTo(onGhost.contentType());
        assertThat(withoutInstance(onB.json())).as(what + ": " + onB + " vs " + onGhost)
                .isEqualTo(withoutInstance(onGhost.json()));
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = (ObjectNode) problem.deepCopy();
        copy.remove("instance");
        return copy;
    }

    private String issueToken(String slug) {
        var issued = adminAt(slug).post(api(slug, "/me/tokens"), Map.of("name", "x"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String secret = issued.json().get("secret").asString();
        assertThat(secret).startsWith("wl_" + slug + "_");
        return secret;
    }

    /** Signs in through the form as a browser would; returns the session cookie ({@code SESSION=…}). */
    private String signIn(String slug) {
        var browser = new FormBrowser(port);
        var signedIn = browser.signIn(slug, adminOf(slug), PASSWORD);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/t/" + slug + "/");
        return browser.sessionCookie();
    }

    private List<String> emailsOf(String slug) {
        List<String> emails = new ArrayList<>();
        Http admin = adminAt(slug);
        for (int page = 0; ; page++) {
            JsonNode list = admin.get(api(slug, "/users?size=200&page=" + page)).json();
            list.get("items").forEach(user -> emails.add(user.get("email").asString()));
            if ((long) (page + 1) * 200 >= list.get("totalItems").asLong()) {
                return emails;
            }
        }
    }

    private Http adminAt(String slug) {
        return Http.at(port).basic(adminOf(slug), PASSWORD);
    }

    private static String api(String slug, String path) {
        return "/t/" + slug + "/api/v1" + path;
    }

}
