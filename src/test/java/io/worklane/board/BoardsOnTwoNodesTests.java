package io.worklane.board;

import io.worklane.WorklaneApplication;
import io.worklane.shared.database.DatabaseLogin;
import io.worklane.support.FormBrowser;
import io.worklane.support.Http;
import io.worklane.support.SseClient;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board watched on one node while cards move through another, both on one database: the viewer
 * sees each change within a second, and two people moving one card through different nodes cannot
 * both win.
 */
@WorklaneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardsOnTwoNodesTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @LocalServerPort
    int portA;
    @Autowired
    DatabaseLogin database;
    @Autowired
    TestTenants tenants;

    private ConfigurableApplicationContext nodeB;
    private String slug;
    private Http adminOnA;
    private Http adminOnB;

    @BeforeAll
    void startASecondNode() {
        nodeB = new SpringApplicationBuilder(WorklaneApplication.class).profiles("test")
                .run("--server.port=0", "--worklane.database.url=" + database.url(),
                        "--worklane.database.username=" + database.username(),
                        "--worklane.database.password=" + database.password());
        slug = tenants.stamp("twoboards").slug();
        adminOnA = Http.at(portA).basic(adminOf(slug), PASSWORD);
        adminOnB = Http.at(portB()).basic(adminOf(slug), PASSWORD);
    }

    @AfterAll
    void stopTheSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aViewerOnOneNodeSeesMovesAndNewCardsMadeThroughTheOther() {
        JsonNode board = adminOnA.get(api("/boards/team/OPS")).json();
        String key = task(adminOnA, "Renew certificates");
        // Sessions live in the database: signed in through node A, the browser is known to node B.
        FormBrowser browser = new FormBrowser(portA);
        browser.signIn(slug, adminOf(slug), PASSWORD);

        try (var viewer = SseClient.connect(portB(), "/t/" + slug + "/boards/" + board.get("id").asString() + "/events",
                Map.of("Cookie", browser.sessionCookie()))) {
            assertThat(viewer.next(WAIT).id()).as("the stream's opening block").isEqualTo("live");

            long moved = System.nanoTime();
            var move = adminOnA.post(api("/boards/" + board.get("id").asString() + "/moves"),
                    Map.of("item", key, "column", column(board, "In progress")));
            assertThat(move.status()).isEqualTo(200);

            var update = viewer.nextEvent(WAIT);
            assertThat(update.name()).isEqualTo("card");
            assertThat(update.data()).isEqualTo("{\"key\":\"" + key + "\",\"on\":true}");
            assertThat(Duration.ofNanos(update.receivedNanos() - moved)).isLessThan(Duration.ofSeconds(1));

            String created = task(adminOnA, "Replace the core switch");
            var arrival = viewer.nextEvent(WAIT);
            assertThat(arrival.data()).isEqualTo("{\"key\":\"" + created + "\",\"on\":true}");
        }
    }

    @Test
    void twoPeopleMovingOneCardThroughDifferentNodesCannotBothWin() throws Exception {
        JsonNode board = adminOnA.get(api("/boards/team/OPS")).json();
        String key = task(adminOnA, "Rotate the API keys");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Http.Response>> results = new ArrayList<>();
            for (var mover : List.of(adminOnA, adminOnB)) {
                Callable<Http.Response> move = () -> {
                    start.await();
                    return mover.post(api("/boards/" + board.get("id").asString() + "/moves"),
                            Map.of("item", key, "column", column(board, "In progress"), "version", 0));
                };
                results.add(pool.submit(move));
            }
            List<Integer> statuses = new ArrayList<>();
            String loser = null;
            for (Future<Http.Response> result : results) {
                Http.Response response = result.get();
                statuses.add(response.status());
                if (response.status() != 200) {
                    loser = response.json().get("detail").asString();
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(loser).contains("changed by someone else");
        } finally {
            pool.shutdown();
        }
    }

    /** Items read by key are remembered briefly on each node (ADR 0012); a change elsewhere is heard at once. */
    @Test
    void anItemChangedThroughOneNodeIsReadAfreshOnTheOther() {
        String key = task(adminOnA, "Renew certificates");
        assertThat(adminOnB.get(api("/items/" + key)).header("ETag")).isEqualTo("\"0\"");

        assertThat(adminOnA.patch(api("/items/" + key), Map.of("title", "Renew all certificates")).status()).isEqualTo(200);
        assertThat(adminOnA.get(api("/items/" + key)).json().get("title").asString()).isEqualTo("Renew all certificates");

        // Heard through LISTEN/NOTIFY within milliseconds; 2 s leaves room for a loaded test machine.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(adminOnB.get(api("/items/" + key)).json().get("title").asString())
                        .isEqualTo("Renew all certificates"));
    }

    /** Board definitions are remembered on each node; settings saved through one node apply on the other at once. */
    @Test
    void boardSettingsSavedThroughOneNodeApplyOnTheOther() {
        var created = adminOnA.post(api("/boards"), Map.of("name", "Changes", "query", "category = change"));
        String board = created.json().get("id").asString();
        assertThat(adminOnB.get(api("/boards/" + board)).json().get("settings").get("name").asString()).isEqualTo("Changes");

        assertThat(adminOnA.header("If-Match", created.header("ETag")).put(api("/boards/" + board),
                Map.of("name", "Change board", "query", "category = change")).status()).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(adminOnB.get(api("/boards/" + board)).json().get("settings").get("name")
                        .asString()).isEqualTo("Change board"));
    }

    /** An item shows its parent's and linked items' titles and statuses: their changes show on every node. */
    @Test
    void anItemShowsTheCurrentTitleOfItsParentAndTheStatusOfItsLinksOnEveryNode() {
        String parent = task(adminOnA, "Move the data centre");
        String linked = task(adminOnA, "Order racks");
        String child = adminOnA.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", "Move the mail servers",
                "parent", parent)).json().get("key").asString();
        assertThat(adminOnA.post(api("/items/" + child + "/links"), Map.of("kind", "relates", "item", linked)).status())
                .isEqualTo(200);
        assertThat(adminOnB.get(api("/items/" + child)).json().get("parent").get("title").asString())
                .isEqualTo("Move the data centre");
        assertThat(adminOnA.get(api("/items/" + child)).json().get("links").get(0).get("status").asString())
                .isEqualTo("To do");

        assertThat(adminOnA.patch(api("/items/" + parent), Map.of("title", "Move to the new data centre")).status())
                .isEqualTo(200);
        assertThat(adminOnA.post(api("/items/" + linked + "/transitions"), Map.of("to", "In progress")).status())
                .isEqualTo(200);

        assertThat(adminOnA.get(api("/items/" + child)).json().get("parent").get("title").asString())
                .isEqualTo("Move to the new data centre");
        assertThat(adminOnA.get(api("/items/" + child)).json().get("links").get(0).get("status").asString())
                .isEqualTo("In progress");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> {
                    JsonNode seenOnB = adminOnB.get(api("/items/" + child)).json();
                    assertThat(seenOnB.get("parent").get("title").asString()).isEqualTo("Move to the new data centre");
                    assertThat(seenOnB.get("links").get(0).get("status").asString()).isEqualTo("In progress");
                });
    }

    /** A renamed team shows on items read through either node at once, though items are remembered for minutes. */
    @Test
    void aRenamedTeamShowsOnItemsReadThroughTheOtherNode() {
        var team = adminOnA.post(api("/teams"), Map.of("key", "NET", "name", "Networks"));
        String key = adminOnA.post(api("/items"), Map.of("team", "NET", "type", "Task", "title", "Replace the core switch"))
                .json().get("key").asString();
        assertThat(adminOnB.get(api("/items/" + key)).json().get("team").get("name").asString()).isEqualTo("Networks");

        assertThat(adminOnA.header("If-Match", team.header("ETag"))
                .patch(api("/teams/" + team.json().get("id").asString()), Map.of("name", "Network engineering"))
                .status()).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(adminOnB.get(api("/items/" + key)).json().get("team").get("name")
                        .asString()).isEqualTo("Network engineering"));
    }

    private String task(Http admin, String title) {
        return admin.post(api("/items"), Map.of("team", "OPS", "type", "Task", "title", title)).json().get("key").asString();
    }

    private static String column(JsonNode board, String name) {
        for (JsonNode column : board.get("columns")) {
            if (name.equals(column.get("name").asString())) {
                return column.get("id").asString();
            }
        }
        throw new AssertionError("no column " + name);
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }

    private int portB() {
        return ((WebServerApplicationContext) nodeB).getWebServer().getPort();
    }
}
