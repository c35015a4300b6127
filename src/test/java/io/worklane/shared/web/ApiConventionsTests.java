package io.worklane.shared.web;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.worklane.support.TestTenants.OPERATOR_TOKEN;
import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static io.worklane.support.TestTenants.stampBody;
import static io.worklane.support.TestTenants.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed request to either API (the operator's and a tenant's) is answered with a 4xx
 * RFC 9457 problem whose {@code type} is stable and which names the field at fault: never a 500,
 * never a stack trace, never an HTML page.
 */
@WorklaneTest
class ApiConventionsTests {

    private static final String TENANTS = "/api/v1/tenants";
    private static final int OVER_ONE_MEGABYTE = 1_500_000;
    private static final HttpClient STREAMING = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;

    @BeforeEach
    void stampTenant() {
        slug = tenants.stamp("conv").slug();
    }

    Http operator() {
        return Http.at(port).bearer(OPERATOR_TOKEN);
    }

    Http admin() {
        return Http.at(port).basic(adminOf(slug), PASSWORD);
    }

    String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }

    @Test
    void malformedJsonIsRefusedAsMalformedJsonByBothApis() {
        var operatorAnswer = operator().send("POST", TENANTS, "{\"slug\": \"acme\", ", "application/json");
        var tenantAnswer = admin().send("POST", api("/users"), "{email: nope}", "application/json");
        var tokenAnswer = admin().send("POST", api("/me/tokens"), "[1, 2", "application/json");

        for (var answer : List.of(operatorAnswer, tenantAnswer, tokenAnswer)) {
            assertProblem(answer, 400, "malformed-json");
        }
    }

    @Test
    void aMissingBodyIsRefusedAsAClientError() {
        assertProblem(operator().send("POST", TENANTS, null, "application/json"), 400, "missing-body");
        assertProblem(admin().send("POST", api("/me/tokens"), "", "application/json"), 400, "missing-body");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheField() {
        var roles = admin().post(api("/users"), Map.of("email", "wrong@type.test", "name", "Wrong Type", "roles", 5));
        assertProblem(roles, 400, "wrong-type");
        assertField(roles, "roles");

        var expiry = admin().post(api("/me/tokens"), Map.of("name", "ci", "expiresAt", "yesterday"));
        assertProblem(expiry, 400, "wrong-type");
        assertField(expiry, "expiresAt");

        var admin = operator().post(TENANTS, Map.of("slug", uniqueSlug("wt"), "name", "Wrong", "admin", "ada@x.test"));
        assertProblem(admin, 400, "wrong-type");
        assertField(admin, "admin");

        var slugNumber = operator().post(TENANTS, Map.of("slug", 42, "name", "Wrong",
                "admin", Map.of("email", "a@b.test", "name", "A", "password", PASSWORD)));
        assertProblem(slugNumber, 400, "wrong-type");
        assertField(slugNumber, "slug");
    }

    @Test
    void aRoleThatDoesNotExistIsRefusedNamingTheField() {
        var response = admin().post(api("/users"), Map.of("email", "boss@role.test", "name", "Boss", "roles", List.of("boss")));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertProblemShape(response);
        assertThat(response.json().get("type").asString()).doesNotEndWith("/malformed-json");
        assertThat(fieldOf(response)).startsWith("roles");
        assertThat(response.json().get("detail").asString()).contains("admin", "agent", "requester");
    }

    @Test
    void aMissingRequiredFieldIsRefusedNamingTheField() {
        var noName = operator().post(TENANTS, Map.of("slug", uniqueSlug("nn"),
                "admin", Map.of("email", "a@b.test", "name", "A", "password", PASSWORD)));
        assertProblem(noName, 400, "invalid-field");
        assertField(noName, "name");

        var noAdminEmail = operator().post(TENANTS, Map.of("slug", uniqueSlug("ne"), "name", "No e-mail",
                "admin", Map.of("name", "A", "password", PASSWORD)));
        assertProblem(noAdminEmail, 400, "invalid-field");
        assertField(noAdminEmail, "admin.email");

        var noEmail = admin().post(api("/users"), Map.of("name", "Nobody"));
        assertProblem(noEmail, 400, "invalid-field");
        assertField(noEmail, "email");

        var noTokenName = admin().post(api("/me/tokens"), Map.of());
        assertProblem(noTokenName, 400, "invalid-field");
        assertField(noTokenName, "name");
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheField() {
        String newSlug = uniqueSlug("uf");
        var plan = operator().post(TENANTS, Map.of("slug", newSlug, "name", "Unknown", "plan", "gold",
                "admin", Map.of("email", "a@b.test", "name", "A", "password", PASSWORD)));
        assertProblem(plan, 400, "unknown-field");
        assertField(plan, "plan");
        assertThat(operator().get(TENANTS + "/" + newSlug).status()).isEqualTo(404);

        var nested = operator().post(TENANTS, Map.of("slug", uniqueSlug("uf"), "name", "Unknown",
                "admin", Map.of("email", "a@b.test", "name", "A", "password", PASSWORD, "age", 41)));
        assertProblem(nested, 400, "unknown-field");
        assertField(nested, "admin.age");

        var nickname = admin().post(api("/users"), Map.of("email", "nick@name.test", "name", "Nick", "nickname", "N"));
        assertProblem(nickname, 400, "unknown-field");
        assertField(nickname, "nickname");
        assertThat(admin().get(api("/users?q=nick@name.test")).json().get("totalItems").asLong()).isZero();

        var scope = admin().post(api("/me/tokens"), Map.of("name", "ci", "scope", "all"));
        assertProblem(scope, 400, "unknown-field");
        assertField(scope, "scope");
    }

    @Test
    void anOversizedBodyWithAContentLengthIsRefusedWith413() {
        assertProblem(operator().send("POST", TENANTS, oversized(), "application/json"), 413, "payload-too-large");
        assertProblem(admin().send("POST", api("/users"), oversized(), "application/json"), 413, "payload-too-large");
    }

    @Test
    void anOversizedBodySentChunkedIsRefusedWith413() {
        assertProblem(chunked(TENANTS, "Bearer " + OPERATOR_TOKEN), 413, "payload-too-large");
        assertProblem(chunked(api("/me/tokens"), "Basic " + Base64.getEncoder()
                .encodeToString((adminOf(slug) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))), 413, "payload-too-large");
    }

    @Test
    void anAddressThatDoesNotExistIsA404Problem() {
        assertProblem(admin().get(api("/nope")), 404, "not-found");
        assertProblem(operator().get("/api/v1/nope"), 404, "not-found");
    }

    @Test
    void aMethodThatIsNotAllowedIsA405ProblemThatSaysWhichAre() {
        var me = admin().delete(api("/me"));
        assertProblem(me, 405, "method-not-allowed");
        assertThat(me.header("Allow")).contains("GET");

        var tenantList = operator().delete(TENANTS);
        assertProblem(tenantList, 405, "method-not-allowed");
        assertThat(tenantList.header("Allow")).contains("GET", "POST");
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        assertProblem(operator().send("POST", TENANTS, "slug=acme", "text/plain"), 415, "unsupported-media-type");
        assertProblem(admin().send("POST", api("/users"), "email=a@b.test", "text/plain"), 415, "unsupported-media-type");
        assertProblem(admin().send("POST", api("/me/tokens"), "name=ci", "text/plain"), 415, "unsupported-media-type");
    }

    @Test
    void aPathVariableOfTheWrongTypeIsRefusedNamingIt() {
        var response = admin().get(api("/users/not-a-uuid"));

        assertProblem(response, 400, "wrong-type");
        assertField(response, "id");
    }

    @Test
    void aPageOutsideTheLimitsIsRefusedNamingTheParameter() {
        for (String path : List.of(api("/users"), api("/teams"))) {
            assertPagingRefused(admin(), path);
        }
        assertPagingRefused(operator(), TENANTS);

        var notANumber = admin().get(api("/users?size=many"));
        assertProblem(notANumber, 400, "wrong-type");
        assertField(notANumber, "size");
    }

    @Test
    void anIfMatchThatIsNotAnETagIsRefusedNamingTheHeader() {
        var created = admin().post(api("/users"), Map.of("email", "etag@shape.test", "name", "Etag Shape"));
        String id = created.json().get("id").asString();

        var patch = admin().header("If-Match", "yesterday").patch(api("/users/" + id), Map.of("name", "Renamed"));
        assertProblem(patch, 400, "invalid-field");
        assertField(patch, "If-Match");
        assertThat(admin().get(api("/users/" + id)).json().get("name").asString()).isEqualTo("Etag Shape");

        String tenantSlug = uniqueSlug("im");
        operator().post(TENANTS, stampBody(tenantSlug));
        var suspend = operator().header("If-Match", "\"v-one\"")
                .post(TENANTS + "/" + tenantSlug + "/suspend", Map.of("reason", "Invoice unpaid"));
        assertProblem(suspend, 400, "invalid-field");
        assertField(suspend, "If-Match");
        assertThat(operator().get(TENANTS + "/" + tenantSlug).json().get("status").asString()).isEqualTo("active");
    }

    @Test
    void aWriteWithAStaleETagIsRefusedWith409AndChangesNothing() {
        var created = admin().post(api("/users"), Map.of("email", "stale@write.test", "name", "First Name"));
        String id = created.json().get("id").asString();
        String original = created.header("ETag");

        var first = admin().header("If-Match", original).patch(api("/users/" + id), Map.of("name", "Second Name"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(original);

        var stale = admin().header("If-Match", original).patch(api("/users/" + id), Map.of("name", "Lost Update"));

        assertProblem(stale, 409, "stale-version");
        var now = admin().get(api("/users/" + id));
        assertThat(now.json().get("name").asString()).isEqualTo("Second Name");
        assertThat(now.header("ETag")).isEqualTo(first.header("ETag"));
    }

    private void assertPagingRefused(Http client, String path) {
        for (String query : List.of("size=0", "size=1000")) {
            var response = client.get(path + "?" + query);
            assertProblem(response, 400, "invalid-field");
            assertField(response, "size");
        }
        var negative = client.get(path + "?page=-1");
        assertProblem(negative, 400, "invalid-field");
        assertField(negative, "page");
    }

    /** Status, media type and the RFC 9457 members, with no trace of the server's insides. */
    private static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertProblemShape(response);
        assertThat(response.json().get("type").asString()).as(response.toString()).endsWith("/" + type);
    }

    private static void assertProblemShape(Http.Response response) {
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        JsonNode body = response.json();
        assertThat(body.get("type").asString()).startsWith("https://");
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("status").asInt()).isEqualTo(response.status());
        assertThat(body.get("detail").asString()).isNotBlank();
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(fieldOf(response)).as(response.toString()).isEqualTo(field);
        assertThat(response.json().get("errors").get(0).get("message").asString()).isNotBlank();
    }

    private static String fieldOf(Http.Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        assertThat(errors.isArray() && !errors.isEmpty()).as(response.toString()).isTrue();
        return errors.get(0).get("field").asString();
    }

    private static String oversized() {
        return "{\"name\":\"" + "a".repeat(OVER_ONE_MEGABYTE) + "\"}";
    }

    /** Sends the oversized body with no Content-Length, as a client streaming it would. */
    private Http.Response chunked(String path, String authorization) {
        byte[] body = oversized().getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        try {
            HttpResponse<String> response = STREAMING.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
