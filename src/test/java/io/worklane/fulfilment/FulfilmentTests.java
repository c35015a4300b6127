package io.worklane.fulfilment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Automated fulfilment end to end against a real HTTP server in the test: a pre-authorised offering
 * whose steps provision by calling endpoints is fulfilled with no human; failures are retried, then
 * block the request with the error until an agent retries or skips the step.
 */
@WorklaneTest
class FulfilmentTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    HttpServer endpoint;
    String base;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    String slug;
    Http admin;
    Http rita;

    record Call(String path, String body, String idempotencyKey, String signature) {
    }

    @BeforeEach
    void anEndpointAndATenant() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/", this::answer);
        endpoint.start();
        base = "http://127.0.0.1:" + endpoint.getAddress().getPort();
        slug = tenants.stamp("fulfil").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        assertThat(admin.post(api("/users"), Map.of("email", "rita@example.com", "name", "Rita Requester",
                "password", PASSWORD, "roles", List.of("requester"))).status()).isEqualTo(201);
        rita = Http.at(port).basic("rita@example.com", PASSWORD);
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    /** /provision answers a host; /fail/N fails N times first; /broken always fails; others answer 204. */
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(path, body, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("X-Worklane-Signature")));
        int status;
        String answer = "";
        if (path.equals("/broken") || (path.startsWith("/fail/")
                && failuresLeft.computeIfAbsent(path, p -> new AtomicInteger(Integer.parseInt(p.substring(6)))).getAndDecrement() > 0)) {
            status = 500;
        } else if (path.equals("/provision")) {
            status = 200;
            answer = "{\"host\": \"db-42.internal\", \"port\": 5432}";
        } else {
            status = 204;
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void aPreAuthorisedAutomatedOfferingIsFulfilledWithNoHuman() throws Exception {
        offering("instant-db", List.of(
                automated("provision", 0, base + "/provision", "{\"size\": {{answers.size}}, \"for\": {{requester.email}}}"),
                automated("register", 1, base + "/register", "{\"host\": {{steps.provision.host}}, \"item\": {{request.item}}}")));

        JsonNode request = rita.post(api("/catalog/offerings/instant-db/requests"), Map.of("answers", Map.of("size", 20))).json();
        String id = request.get("id").asString();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rita.get(api("/requests/" + id)).json().get("fulfilment").get("status").asString()).isEqualTo("fulfilled"));
        JsonNode done = rita.get(api("/requests/" + id)).json();
        assertThat(done.get("status").asString()).isEqualTo("Done");
        JsonNode steps = done.get("fulfilment").get("steps");
        assertThat(steps.get(0).get("status").asString()).isEqualTo("done");
        assertThat(steps.get(0).get("output").get("host").asString()).isEqualTo("db-42.internal");
        assertThat(steps.get(1).get("status").asString()).isEqualTo("done");

        assertThat(calls).extracting(Call::path).containsExactly("/provision", "/register");
        assertThat(calls.get(0).body()).isEqualTo("{\"size\": 20, \"for\": \"rita@example.com\"}");
        assertThat(calls.get(1).body()).isEqualTo("{\"host\": \"db-42.internal\", \"item\": \"" + done.get("item").asString() + "\"}");
        assertThat(calls.get(0).idempotencyKey()).isEqualTo(id + "/provision");
        String secret = admin.get(api("/fulfilment/signing-secret")).json().get("secret").asString();
        assertThat(calls.get(0).signature()).isEqualTo("sha256=" + hmac(secret, calls.get(0).body()));
        assertThat(rita.get(api("/fulfilment/signing-secret")).status()).isEqualTo(403);
        assertThat(rita.get(api("/catalog/offerings/instant-db")).json().get("fulfilment").isNull()).isTrue();

        var receipt = rita.get(api("/requests/" + id + "/receipt?download=true"));
        assertThat(receipt.header("Content-Disposition")).isEqualTo("attachment; filename=\"receipt-" + done.get("item").asString() + ".json\"");
        JsonNode proof = receipt.json();
        assertThat(proof.get("fulfilment").asString()).isEqualTo("fulfilled");
        assertThat(proof.get("plannedMinutes").asLong()).isEqualTo(2);
        assertThat(proof.get("actualSeconds").asLong()).isBetween(0L, 10L);
        assertThat(proof.get("answers").get("size").asInt()).isEqualTo(20);
        assertThat(proof.get("steps")).hasSize(2);
        assertThat(proof.get("steps").get(1).get("finishedAt").isNull()).isFalse();
    }

    @Test
    void aFailingCallIsRetriedThenBlocksTheRequestUntilAnAgentRetriesOrSkipsIt() {
        offering("flaky-db", List.of(
                automated("flaky", 0, base + "/fail/1", "{}"),
                automated("broken", 1, base + "/broken", "{}", 2),
                automated("after", 2, base + "/after", "{}")));
        String id = rita.post(api("/catalog/offerings/flaky-db/requests"), Map.of("answers", Map.of("size", 1)))
                .json().get("id").asString();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(rita.get(api("/requests/" + id)).json().get("fulfilment").get("status").asString()).isEqualTo("blocked"));
        JsonNode blocked = rita.get(api("/requests/" + id)).json().get("fulfilment");
        assertThat(blocked.get("error").asString()).isEqualTo("broken: the endpoint answered 500");
        assertThat(blocked.get("steps").get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(blocked.get("steps").get(1).get("status").asString()).isEqualTo("failed");
        assertThat(blocked.get("steps").get(1).get("attempts").asInt()).isEqualTo(2);
        assertThat(calls).extracting(Call::path).doesNotContain("/after");

        assertThat(rita.post(api("/requests/" + id + "/steps/broken/skip"), Map.of("reason", "done by hand")).status())
                .isEqualTo(403);
        assertThat(admin.post(api("/requests/" + id + "/steps/broken/skip"), Map.of("reason", " ")).status()).isEqualTo(400);
        var skipped = admin.post(api("/requests/" + id + "/steps/broken/skip"), Map.of("reason", "Provisioned by hand"));
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rita.get(api("/requests/" + id)).json().get("fulfilment").get("status").asString()).isEqualTo("fulfilled"));
        JsonNode steps = rita.get(api("/requests/" + id)).json().get("fulfilment").get("steps");
        assertThat(steps.get(1).get("status").asString()).isEqualTo("skipped");
        assertThat(steps.get(1).get("note").asString()).isEqualTo("Provisioned by hand");
        assertThat(steps.get(1).get("doneBy").asString()).isEqualTo("Ada Admin");
    }

    @Test
    void aBrokenPlanIsNamedStepByStep() {
        var refused = admin.post(api("/catalog/offerings"), Map.of("key", "bad-plan", "name", "Bad plan", "category", "Cloud",
                "team", "OPS", "fulfilment", Map.of("steps", List.of(
                        Map.of("name", "call", "kind", "automated", "call", Map.of("url", "ftp://x", "body", "{oops")),
                        Map.of("name", "call", "kind", "manual", "team", "NOPE")))));

        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new java.util.ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("fulfilment.steps[0].call.url", "fulfilment.steps[0].call.body",
                "fulfilment.steps[1].name", "fulfilment.steps[1].team");
    }

    private void offering(String key, List<Map<String, Object>> steps) {
        var created = admin.post(api("/catalog/offerings"), Map.of("key", key, "name", "Instant database",
                "category", "Cloud", "team", "OPS",
                "form", List.of(Map.of("key", "size", "label", "Size (GB)", "kind", "number", "required", true)),
                "fulfilment", Map.of("steps", steps)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static Map<String, Object> automated(String name, int stage, String url, String body) {
        return automated(name, stage, url, body, 3);
    }

    private static Map<String, Object> automated(String name, int stage, String url, String body, int attempts) {
        return Map.of("name", name, "kind", "automated", "stage", stage, "plannedMinutes", 1,
                "call", Map.of("url", url, "body", body, "timeoutSeconds", 5, "maxAttempts", attempts));
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
