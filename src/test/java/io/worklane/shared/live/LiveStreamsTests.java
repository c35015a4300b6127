package io.worklane.shared.live;

import io.worklane.support.Http;
import io.worklane.support.SseClient;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import io.worklane.tenancy.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Live updates as a browser receives them: server-sent events over real HTTP, through the real filters. */
@WorklaneTest
class LiveStreamsTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
    @Autowired
    LiveUpdates live;
    @Autowired
    SseStreams streams;
    @Autowired
    JdbcClient jdbc;

    private Tenant tenant;
    private String token;

    @BeforeEach
    void stampATenantWithAToken() {
        tenant = tenants.stamp("live");
        token = issueToken(port, tenant.slug());
    }

    @Test
    void aViewerSeesAnUpdateAsAnEvent() {
        try (var stream = watch(tenant.slug(), "board-1", token)) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(stream.response().headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(stream.response().headers().firstValue("X-Accel-Buffering")).hasValue("no");
            var opening = stream.next(WAIT);
            assertThat(opening.id()).isEqualTo("live");
            assertThat(opening.retry()).as("the browser's reconnect delay").isEqualTo(3000L);

            live.publish(tenant.id(), "board-1", "card 7 moved");

            var update = stream.nextEvent(WAIT);
            assertThat(update.name()).isEqualTo("update");
            assertThat(update.data()).isEqualTo("CARD 7 MOVED");
        }
    }

    @Test
    void aMessageTheRendererSkipsIsNotSent() {
        try (var stream = opened(tenant.slug(), "board-1", token)) {
            live.publish(tenant.id(), "board-1", "skip");
            live.publish(tenant.id(), "board-1", "marker");

            assertThat(stream.nextEvent(WAIT).data()).isEqualTo("MARKER");
        }
    }

    @Test
    void aBrowserThatReconnectsIsToldToResync() {
        try (var stream = SseClient.connect(port, path(tenant.slug(), "board-1"),
                Map.of("Authorization", "Bearer " + token, "Last-Event-ID", "live"))) {
            assertThat(stream.next(WAIT).id()).isEqualTo("live");

            var first = stream.nextEvent(WAIT);
            assertThat(first.name()).isEqualTo("resync");
            assertThat(first.data()).isEqualTo("resync");
        }
    }

    @Test
    void streamsResyncWhenTheListenSessionIsLostAndThenGoOn() {
        try (var stream = opened(tenant.slug(), "board-1", token)) {
            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")
                    .param(NotificationListener.APPLICATION_NAME).query().listOfRows();

            assertThat(stream.nextEvent(WAIT).name()).isEqualTo("resync");
            live.publish(tenant.id(), "board-1", "after");
            assertThat(stream.nextEvent(WAIT).data()).isEqualTo("AFTER");
        }
    }

    @Test
    void aViewerWhoLeavesIsForgotten() {
        int before = streams.openStreams();
        var stream = opened(tenant.slug(), "board-1", token);
        assertThat(streams.openStreams()).isEqualTo(before + 1);

        stream.close();

        // The server learns that the client left when it next writes to it.
        await().atMost(WAIT).untilAsserted(() -> {
            live.publish(tenant.id(), "board-1", "anyone there?");
            assertThat(streams.openStreams()).isEqualTo(before);
        });
    }

    @Test
    void aStreamNeedsCredentials() {
        var response = Http.at(port).header("Accept", "text/event-stream").get(path(tenant.slug(), "board-1"));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void anotherTenantsTokenSeesNoStream() {
        Tenant other = tenants.stamp("live-other");

        var response = Http.at(port).bearer(token).header("Accept", "text/event-stream").get(path(other.slug(), "board-1"));

        assertThat(response.status()).isEqualTo(404);
    }

    private SseClient opened(String slug, String topic, String token) {
        var stream = watch(slug, topic, token);
        assertThat(stream.next(WAIT).id()).as("the stream's opening block").isEqualTo("live");
        return stream;
    }

    private SseClient watch(String slug, String topic, String token) {
        return SseClient.connect(port, path(slug, topic), Map.of("Authorization", "Bearer " + token));
    }

    static String path(String slug, String topic) {
        return "/t/" + slug + "/api/test/live/" + topic;
    }

    static String issueToken(int port, String slug) {
        var issued = Http.at(port).basic(TestTenants.adminOf(slug), TestTenants.PASSWORD)
                .post("/t/" + slug + "/api/v1/me/tokens", Map.of("name", "live updates"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("secret").asString();
    }
}
