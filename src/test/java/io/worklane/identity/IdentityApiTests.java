package io.worklane.identity;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import io.worklane.tenancy.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The tenant API for people, teams and API tokens, over real HTTP, as an API client uses it. */
@WorklaneTest
class IdentityApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    String slug;
    Http admin;

    @BeforeEach
    void stampATenant() {
        slug = tenants.stamp("ident").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
    }

    // --- signing in ----------------------------------------------------------------------------

    @Test
    void aPersonReadsThemselvesWithEmailAndPassword() {
        var me = admin.get(api("/me"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(adminOf(slug));
        assertThat(me.json().get("name").asString()).isEqualTo("Ada Admin");
        assertThat(strings(me.json().get("roles"))).containsExactlyInAnyOrder("admin", "agent");
        assertThat(me.json().get("tenant").asString()).isEqualTo(slug);
    }

    @Test
    void aPersonReadsThemselvesWithABearerToken() {
        String secret = issueToken(admin, "CI").get("secret").asString();

        var me = Http.at(port).bearer(secret).get(api("/me"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(adminOf(slug));
    }

    @Test
    void aPersonReadsThemselvesWithBasicUsingTheirEmailAndATokenAsPassword() {
        String secret = issueToken(admin, "script").get("secret").asString();

        var me = Http.at(port).basic(adminOf(slug), secret).get(api("/me"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(adminOf(slug));
    }

    @Test
    void aTokenSentWithSomeoneElsesEmailIsRefused() {
        createPerson("agnes@" + slug + ".test", "Agnes Agent", "agent");
        String secret = issueToken(admin, "script").get("secret").asString();

        var response = Http.at(port).basic("agnes@" + slug + ".test", secret).get(api("/me"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aWrongPasswordIsRefusedWithAProblem() {
        var response = Http.at(port).basic(adminOf(slug), "not-the-password").get(api("/me"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/unauthorized");
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhileWhileOthersSignInFine() {
        String agnes = "agnes@" + slug + ".test";
        createPerson(agnes, "Agnes Agent", "agent");
        for (int attempt = 1; attempt <= SignInThrottlePolicy.FREE_ATTEMPTS; attempt++) {
            assertThat(Http.at(port).basic(agnes, "wrong-password-" + attempt).get(api("/me")).status())
                    .as("wrong attempt %d", attempt).isEqualTo(401);
        }

        var throttled = Http.at(port).basic(agnes, PASSWORD).get(api("/me"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.json().get("type").asString()).endsWith("/sign-in-throttled");
        assertThat(throttled.json().get("detail").asString()).startsWith("Too many failed sign-ins. Try again in ");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 30);
        assertThat(admin.get(api("/me")).status()).isEqualTo(200);
    }

    // --- API tokens ----------------------------------------------------------------------------

    @Test
    void aNewTokenShowsItsSecretOnceAndTheListShowsOnlyAHint() {
        var issued = admin.post(api("/me/tokens"), Map.of("name", "Deploy script"));

        assertThat(issued.status()).isEqualTo(201);
        String secret = issued.json().get("secret").asString();
        assertThat(secret).startsWith("wl_" + slug + "_").hasSizeGreaterThan(("wl_" + slug + "_").length() + 30);
        assertThat(issued.json().get("token").get("name").asString()).isEqualTo("Deploy script");
        String hint = issued.json().get("token").get("hint").asString();
        assertThat(secret).endsWith(hint.replace("…", ""));

        var listed = admin.get(api("/me/tokens"));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(listed.json().get(0).has("secret")).isFalse();
        assertThat(listed.json().get(0).get("name").asString()).isEqualTo("Deploy script");
        assertThat(listed.json().get(0).get("hint").asString()).isEqualTo(hint);
    }

    @Test
    void aTokenNeedsAName() {
        var response = admin.post(api("/me/tokens"), Map.of("name", " "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void aRevokedTokenIsRefused() {
        var issued = issueToken(admin, "Old laptop");
        String secret = issued.get("secret").asString();
        assertThat(Http.at(port).bearer(secret).get(api("/me")).status()).isEqualTo(200);

        var revoked = admin.delete(api("/me/tokens/" + issued.get("token").get("id").asString()));

        assertThat(revoked.status()).isEqualTo(204);
        var refused = Http.at(port).bearer(secret).get(api("/me"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Http.at(port).basic(adminOf(slug), secret).get(api("/me")).status()).isEqualTo(401);
        assertThat(admin.get(api("/me/tokens")).json().get(0).get("revokedAt").isNull()).isFalse();
    }

    @Test
    void revokingATokenThatIsNotMineIsNotFound() {
        var response = admin.delete(api("/me/tokens/" + UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void anExpiredTokenIsRefused() {
        var issued = issueToken(admin, "Short-lived", Instant.now().plus(1, ChronoUnit.HOURS));
        String secret = issued.get("secret").asString();

        // Time passes: the token's expiry is now behind us. (A token verified moments ago is
        // remembered with its expiry; VerifiedTokensTests shows that expiry is honoured too.)
        jdbc.sql("update " + Tenant.schemaFor(slug) + ".api_tokens set expires_at = now() - interval '1 minute' where id = ?")
                .param(UUID.fromString(issued.get("token").get("id").asString())).update();

        var refused = Http.at(port).bearer(secret).get(api("/me"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("expired");
    }

    @Test
    void anExpiryInThePastIsRefusedNamingTheField() {
        var response = admin.post(api("/me/tokens"),
                Map.of("name", "Too late", "expiresAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
        assertThat(admin.get(api("/me/tokens")).json().size()).isZero();
    }

    @Test
    void aTokenOfAnotherTenantIsAnsweredAsIfNothingWereThere() {
        String otherSlug = tenants.stamp("other").slug();
        String foreign = issueToken(Http.at(port).basic(adminOf(otherSlug), PASSWORD), otherSlug, "elsewhere")
                .get("secret").asString();

        assertThat(Http.at(port).bearer(foreign).get(api("/me")).status()).isEqualTo(404);
    }

    // --- people --------------------------------------------------------------------------------

    @Test
    void anAdminAddsAPersonWhoCanThenSignIn() {
        String email = "agnes@" + slug + ".test";

        var created = admin.post(api("/users"), Map.of("email", email, "name", "Agnes Agent",
                "password", PASSWORD, "roles", List.of("agent")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isNotBlank();
        assertThat(created.header("Location")).isEqualTo(api("/users/" + created.json().get("id").asString()));
        assertThat(created.json().get("email").asString()).isEqualTo(email);
        assertThat(strings(created.json().get("roles"))).containsExactly("agent");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain(PASSWORD);
        var me = Http.at(port).basic(email, PASSWORD).get(api("/me"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("name").asString()).isEqualTo("Agnes Agent");
    }

    @Test
    void aSecondPersonWithTheSameEmailIsRefusedWhateverItsCase() {
        createPerson("agnes@" + slug + ".test", "Agnes Agent", "agent");

        var again = admin.post(api("/users"), Map.of("email", "Agnes@" + slug.toUpperCase() + ".test",
                "name", "Another Agnes", "password", PASSWORD, "roles", List.of("agent")));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(admin.get(api("/users?q=agnes")).json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void anInvalidEmailIsRefusedNamingTheField() {
        for (String email : new String[]{"not-an-address", "two@@" + slug + ".test", "no-domain@", " "}) {
            var response = admin.post(api("/users"), Map.of("email", email, "name", "Nobody",
                    "password", PASSWORD, "roles", List.of("agent")));

            assertThat(response.status()).as(email).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(email).isEqualTo("email");
        }
    }

    @Test
    void aShortPasswordIsRefusedNamingTheField() {
        var response = admin.post(api("/users"), Map.of("email", "shorty@" + slug + ".test", "name", "Shorty",
                "password", "short", "roles", List.of("agent")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(response.json().get("detail").asString()).contains("12 characters");
        assertThat(admin.get(api("/users?q=shorty")).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void anUnknownRoleIsRefused() {
        var response = admin.post(api("/users"), Map.of("email", "boss@" + slug + ".test", "name", "Boss",
                "password", PASSWORD, "roles", List.of("owner")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).startsWith("roles");
        assertThat(admin.get(api("/users?q=boss")).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void aRequesterSeesOnlyThemselves() {
        String email = "rita@" + slug + ".test";
        createPerson(email, "Rita Requester", "requester");
        Http rita = Http.at(port).basic(email, PASSWORD);

        assertThat(rita.get(api("/me")).status()).isEqualTo(200);
        assertForbidden(rita.get(api("/users")));
        assertForbidden(rita.get(api("/teams")));
        assertForbidden(rita.post(api("/users"), Map.of("email", "friend@" + slug + ".test", "name", "Friend",
                "password", PASSWORD, "roles", List.of("admin"))));
        assertForbidden(rita.post(api("/teams"), Map.of("key", "RITA", "name", "Rita's team")));
        assertThat(admin.get(api("/users?q=friend")).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void anAgentSeesPeopleAndTeamsButCannotAddPeople() {
        String email = "agnes@" + slug + ".test";
        createPerson(email, "Agnes Agent", "agent");
        Http agnes = Http.at(port).basic(email, PASSWORD);

        var people = agnes.get(api("/users"));
        assertThat(people.status()).isEqualTo(200);
        assertThat(people.json().get("items").findValues("email")).extracting(JsonNode::asString)
                .contains(adminOf(slug), email);
        var teams = agnes.get(api("/teams"));
        assertThat(teams.status()).isEqualTo(200);
        assertThat(teams.json().get("items").findValues("key")).extracting(JsonNode::asString).contains("OPS");

        assertForbidden(agnes.post(api("/users"), Map.of("email", "friend@" + slug + ".test", "name", "Friend",
                "password", PASSWORD, "roles", List.of("agent"))));
        assertThat(admin.get(api("/users?q=friend")).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void anAdminChangesAPersonWithTheCurrentVersionAndTheVersionMovesOn() {
        var created = createPersonResponse("agnes@" + slug + ".test", "Agnes Agent", "agent");
        String id = created.json().get("id").asString();
        String etag = created.header("ETag");

        var changed = admin.header("If-Match", etag).patch(api("/users/" + id),
                Map.of("name", "Agnes Admin", "roles", List.of("agent", "admin")));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        var reread = admin.get(api("/users/" + id));
        assertThat(reread.header("ETag")).isEqualTo(changed.header("ETag"));
        assertThat(reread.json().get("name").asString()).isEqualTo("Agnes Admin");
        assertThat(strings(reread.json().get("roles"))).containsExactlyInAnyOrder("agent", "admin");

        var deactivated = admin.header("If-Match", changed.header("ETag")).patch(api("/users/" + id), Map.of("active", false));

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.header("ETag")).isNotEqualTo(changed.header("ETag"));
        assertThat(admin.get(api("/users/" + id)).json().get("active").asBoolean()).isFalse();
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedAndChangesNothing() {
        var created = createPersonResponse("agnes@" + slug + ".test", "Agnes Agent", "agent");
        String id = created.json().get("id").asString();
        String stale = created.header("ETag");
        assertThat(admin.header("If-Match", stale).patch(api("/users/" + id), Map.of("name", "Agnes First")).status())
                .isEqualTo(200);

        var refused = admin.header("If-Match", stale).patch(api("/users/" + id),
                Map.of("name", "Agnes Second", "roles", List.of("admin")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/stale-version");
        var reread = admin.get(api("/users/" + id)).json();
        assertThat(reread.get("name").asString()).isEqualTo("Agnes First");
        assertThat(strings(reread.get("roles"))).containsExactly("agent");
    }

    @Test
    void theLastActiveAdminCanNeitherBeDemotedNorDeactivated() {
        String adminId = admin.get(api("/me")).json().get("id").asString();
        String etag = admin.get(api("/users/" + adminId)).header("ETag");

        var demoted = admin.header("If-Match", etag).patch(api("/users/" + adminId), Map.of("roles", List.of("agent")));
        var deactivated = admin.header("If-Match", etag).patch(api("/users/" + adminId), Map.of("active", false));

        assertThat(demoted.status()).isEqualTo(409);
        assertThat(demoted.json().get("type").asString()).endsWith("/last-admin");
        assertThat(deactivated.status()).isEqualTo(409);
        assertThat(deactivated.json().get("type").asString()).endsWith("/last-admin");
        var me = admin.get(api("/me"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(strings(me.json().get("roles"))).contains("admin");
    }

    @Test
    void anAdminMayStepDownOnceSomeoneElseIsAdmin() {
        createPerson("second@" + slug + ".test", "Second Admin", "admin");
        String adminId = admin.get(api("/me")).json().get("id").asString();
        String etag = admin.get(api("/users/" + adminId)).header("ETag");

        var demoted = admin.header("If-Match", etag).patch(api("/users/" + adminId), Map.of("roles", List.of("agent")));

        assertThat(demoted.status()).isEqualTo(200);
        assertThat(strings(demoted.json().get("roles"))).containsExactly("agent");
    }

    @Test
    void aDeactivatedPersonCanNoLongerSignInByPasswordOrToken() {
        String email = "agnes@" + slug + ".test";
        var created = createPersonResponse(email, "Agnes Agent", "agent");
        Http agnes = Http.at(port).basic(email, PASSWORD);
        String token = issueToken(agnes, "laptop").get("secret").asString();

        var deactivated = admin.header("If-Match", created.header("ETag"))
                .patch(api("/users/" + created.json().get("id").asString()), Map.of("active", false));

        assertThat(deactivated.status()).isEqualTo(200);
        var refused = agnes.get(api("/me"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Http.at(port).bearer(token).get(api("/me")).status()).isEqualTo(401);
    }

    // --- teams ---------------------------------------------------------------------------------

    @Test
    void anAdminCreatesATeamAndAnyoneOnStaffReadsItBack() {
        var created = admin.post(api("/teams"), Map.of("key", "NET", "name", "Networks", "description", "Switches and links"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isNotBlank();
        String id = created.json().get("id").asString();
        var team = admin.get(api("/teams/" + id));
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.json().get("key").asString()).isEqualTo("NET");
        assertThat(team.json().get("name").asString()).isEqualTo("Networks");
        assertThat(team.json().get("description").asString()).isEqualTo("Switches and links");
        assertThat(admin.get(api("/teams")).json().get("items").findValues("key")).extracting(JsonNode::asString)
                .contains("OPS", "NET");
    }

    @Test
    void aBadTeamKeyIsRefusedNamingTheField() {
        for (String key : new String[]{"net", "N", "1NET", "NET-1", "ABCDEFGHIJK", ""}) {
            var response = admin.post(api("/teams"), Map.of("key", key, "name", "Team " + key));

            assertThat(response.status()).as(key).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(key).isEqualTo("key");
        }
    }

    @Test
    void aTakenTeamKeyIsRefused() {
        admin.post(api("/teams"), Map.of("key", "NET", "name", "Networks"));

        var again = admin.post(api("/teams"), Map.of("key", "NET", "name", "Other networks"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("NET");
        assertThat(admin.get(api("/teams")).json().get("items").findValues("key")).extracting(JsonNode::asString)
                .containsOnlyOnce("NET");
    }

    @Test
    void anAdminRenamesATeamWithTheCurrentVersionButNotWithAStaleOne() {
        var created = admin.post(api("/teams"), Map.of("key", "NET", "name", "Networks"));
        String id = created.json().get("id").asString();
        String stale = created.header("ETag");

        var renamed = admin.header("If-Match", stale).patch(api("/teams/" + id),
                Map.of("name", "Network Operations", "description", "Links"));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isNotEqualTo(stale);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Network Operations");

        var refused = admin.header("If-Match", stale).patch(api("/teams/" + id), Map.of("name", "Nets"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/stale-version");
        assertThat(admin.get(api("/teams/" + id)).json().get("name").asString()).isEqualTo("Network Operations");
    }

    @Test
    void anAdminAddsAndRemovesTeamMembers() {
        String teamId = admin.post(api("/teams"), Map.of("key", "NET", "name", "Networks")).json().get("id").asString();
        String email = "agnes@" + slug + ".test";
        String agnesId = createPerson(email, "Agnes Agent", "agent").get("id").asString();

        var added = admin.put(api("/teams/" + teamId + "/members/" + agnesId), null);

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().findValues("email")).extracting(JsonNode::asString).containsExactly(email);
        assertThat(admin.get(api("/teams/" + teamId + "/members")).json().findValues("email"))
                .extracting(JsonNode::asString).containsExactly(email);
        assertThat(admin.get(api("/teams/" + teamId)).json().get("memberCount").asInt()).isEqualTo(1);
        assertThat(Http.at(port).basic(email, PASSWORD).get(api("/me")).json().get("teams").findValues("key"))
                .extracting(JsonNode::asString).containsExactly("NET");

        var removed = admin.delete(api("/teams/" + teamId + "/members/" + agnesId));

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().size()).isZero();
        assertThat(admin.get(api("/teams/" + teamId + "/members")).json().size()).isZero();
        assertThat(admin.delete(api("/teams/" + teamId + "/members/" + agnesId)).status()).isEqualTo(404);
    }

    @Test
    void addingSomeoneWhoDoesNotExistIsNotFound() {
        String teamId = admin.post(api("/teams"), Map.of("key", "NET", "name", "Networks")).json().get("id").asString();

        var response = admin.put(api("/teams/" + teamId + "/members/" + UUID.randomUUID()), null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(admin.get(api("/teams/" + teamId + "/members")).json().size()).isZero();
    }

    @Test
    void anAgentCannotChangeTeams() {
        String teamId = admin.post(api("/teams"), Map.of("key", "NET", "name", "Networks")).json().get("id").asString();
        String email = "agnes@" + slug + ".test";
        String agnesId = createPerson(email, "Agnes Agent", "agent").get("id").asString();
        Http agnes = Http.at(port).basic(email, PASSWORD);

        assertThat(agnes.get(api("/teams/" + teamId)).status()).isEqualTo(200);
        assertForbidden(agnes.put(api("/teams/" + teamId + "/members/" + agnesId), null));
        assertForbidden(agnes.delete(api("/teams/" + teamId)));
        assertThat(admin.get(api("/teams/" + teamId)).status()).isEqualTo(200);
    }

    @Test
    void aDeletedTeamIsGone() {
        String teamId = admin.post(api("/teams"), Map.of("key", "NET", "name", "Networks")).json().get("id").asString();

        var deleted = admin.delete(api("/teams/" + teamId));

        assertThat(deleted.status()).isEqualTo(204);
        var gone = admin.get(api("/teams/" + teamId));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(admin.delete(api("/teams/" + teamId)).status()).isEqualTo(404);
    }

    // --- helpers -------------------------------------------------------------------------------

    String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }

    JsonNode issueToken(Http as, String name) {
        return issueToken(as, slug, name);
    }

    JsonNode issueToken(Http as, String tenantSlug, String name) {
        var response = as.post("/t/" + tenantSlug + "/api/v1/me/tokens", Map.of("name", name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    JsonNode issueToken(Http as, String name, Instant expiresAt) {
        var response = as.post(api("/me/tokens"), Map.of("name", name, "expiresAt", expiresAt.toString()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    JsonNode createPerson(String email, String name, String role) {
        return createPersonResponse(email, name, role).json();
    }

    Http.Response createPersonResponse(String email, String name, String role) {
        var response = admin.post(api("/users"), Map.of("email", email, "name", name, "password", PASSWORD,
                "roles", List.of(role)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    static void assertForbidden(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/forbidden");
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
