package io.worklane.fulfilment;

import com.sun.net.httpserver.HttpServer;
import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.github.kagkarlsson.scheduler.Scheduler;
import io.worklane.WorklaneApplication;
import io.worklane.shared.database.DatabaseLogin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Worklane stopped mid-plan: a second node runs a step's call, and is shut down while the endpoint
 * still holds that call. The step is left to the surviving node, which calls again with the same
 * Idempotency-Key; the step is done once and the run goes on to the end. (While node B works, this
 * test's own node pauses its scheduler, so that B is the one that dies holding the step.)
 */
@WorklaneTest
class FulfilmentCrashTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseLogin database;

    @Autowired
    Scheduler scheduler;

    HttpServer endpoint;
    ConfigurableApplicationContext nodeB;

    @AfterEach
    void stop() {
        scheduler.resume();
        if (nodeB != null) {
            nodeB.close();
        }
        if (endpoint != null) {
            endpoint.stop(0);
        }
    }

    @Test
    void aStepWhoseNodeDiedIsRunAgainElsewhereAndDoneOnce() throws Exception {
        List<String> keys = new CopyOnWriteArrayList<>();
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        java.util.Set<String> provisioned = java.util.concurrent.ConcurrentHashMap.newKeySet();
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        endpoint.createContext("/provision", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            boolean first = keys.isEmpty();
            keys.add(key);
            if (first) {
                firstArrived.countDown();
                waitFor(releaseFirst);
            }
            // An endpoint that honours the key provisions once, however often it is asked.
            provisioned.add(key);
            byte[] answer = "{\"host\": \"vm-7\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        endpoint.start();
        String slug = tenants.stamp("crash").slug();
        Http admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        assertThat(admin.post("/t/" + slug + "/api/v1/catalog/offerings", Map.of("key", "vm", "name", "Virtual machine",
                "category", "Cloud", "team", "OPS", "fulfilment", Map.of("steps", List.of(
                        Map.of("name", "provision", "kind", "automated", "call", Map.of("url",
                                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/provision", "body", "{}",
                                "timeoutSeconds", 30)),
                        Map.of("name", "hand_over", "kind", "manual", "team", "OPS", "stage", 1))))).status()).isEqualTo(201);

        scheduler.pause();
        nodeB = new SpringApplicationBuilder(WorklaneApplication.class).profiles("test")
                .run("--server.port=0", "--worklane.database.url=" + database.url(),
                        "--worklane.database.username=" + database.username(),
                        "--worklane.database.password=" + database.password());
        Http adminOnB = Http.at(((WebServerApplicationContext) nodeB).getWebServer().getPort()).basic(adminOf(slug), PASSWORD);

        String id = adminOnB.post("/t/" + slug + "/api/v1/catalog/offerings/vm/requests", Map.of("answers", Map.of()))
                .json().get("id").asString();
        assertThat(firstArrived.await(20, TimeUnit.SECONDS)).as("node B's call reached the endpoint").isTrue();

        nodeB.close();
        scheduler.resume();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(keys).hasSize(2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(step(admin, slug, id, 0).get("status")
                .asString()).isEqualTo("done"));
        releaseFirst.countDown();

        assertThat(keys).containsOnly(id + "/provision");
        assertThat(provisioned).containsExactly(id + "/provision");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(step(admin, slug, id, 1).get("status")
                .asString()).isEqualTo("running"));
        JsonNode done = step(admin, slug, id, 0);
        assertThat(done.get("output").get("host").asString()).isEqualTo("vm-7");

        var finished = admin.post("/t/" + slug + "/api/v1/requests/" + id + "/steps/hand_over/complete",
                Map.of("note", "Keys handed over"));
        assertThat(finished.status()).as(finished.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("/t/" + slug + "/api/v1/requests/" + id)
                .json().get("fulfilment").get("status").asString()).isEqualTo("fulfilled"));
        assertThat(keys).hasSize(2);
    }

    @Test
    void twoNodesSharingManyOrdersCallEachStepOnce() throws Exception {
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        endpoint.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.computeIfAbsent(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    key -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort();
        String slug = tenants.stamp("twonodes").slug();
        Http admin = Http.at(port).basic(adminOf(slug), PASSWORD);
        assertThat(admin.post("/t/" + slug + "/api/v1/catalog/offerings", Map.of("key", "vm", "name", "Virtual machine",
                "category", "Cloud", "team", "OPS", "fulfilment", Map.of("steps", List.of(
                        Map.of("name", "provision", "kind", "automated", "call", Map.of("url", url + "/provision", "body", "{}")),
                        Map.of("name", "register", "kind", "automated", "stage", 1,
                                "call", Map.of("url", url + "/register", "body", "{}")))))).status()).isEqualTo(201);
        nodeB = new SpringApplicationBuilder(WorklaneApplication.class).profiles("test")
                .run("--server.port=0", "--worklane.database.url=" + database.url(),
                        "--worklane.database.username=" + database.username(),
                        "--worklane.database.password=" + database.password());
        Http adminOnB = Http.at(((WebServerApplicationContext) nodeB).getWebServer().getPort()).basic(adminOf(slug), PASSWORD);

        int orders = 120;
        List<String> ids = new CopyOnWriteArrayList<>();
        var senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (int n = 0; n < orders; n++) {
            Http node = n % 2 == 0 ? admin : adminOnB;
            senders.submit(() -> ids.add(node.post("/t/" + slug + "/api/v1/catalog/offerings/vm/requests",
                    Map.of("answers", Map.of())).json().get("id").asString()));
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ids).hasSize(orders);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(calls).hasSize(2 * orders));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(admin.get("/t/" + slug + "/api/v1/requests/" + id).json().get("fulfilment").get("status").asString())
                        .isEqualTo("fulfilled")));
        assertThat(calls.values()).extracting(java.util.concurrent.atomic.AtomicInteger::get).containsOnly(1);
        assertThat(calls.keySet()).containsAll(ids.stream().flatMap(id -> java.util.stream.Stream.of(id + "/provision",
                id + "/register")).toList());
    }

    private static JsonNode step(Http admin, String slug, String id, int n) {
        return admin.get("/t/" + slug + "/api/v1/requests/" + id).json().get("fulfilment").get("steps").get(n);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
