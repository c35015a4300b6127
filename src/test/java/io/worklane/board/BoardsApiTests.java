package io.worklane.board;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
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

/** Boards over the API: columns, moves through the workflow, WIP limits that hold, overrides, lanes, order. */
@WorklaneTest
class BoardsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    String slug;
    Http admin;

    @BeforeEach
    void stampATenant() {
        slug = tenants.stamp("boards").slug();
        admin = Http.at(port).basic(adminOf(slug), PASSWORD);
    }

    @Test
    void aTeamsBoardStartsWithDefaultColumnsAndShowsItsOpenWorkInTheBacklog() {
        String key = task("Patch the mail relay", null);

        JsonNode board = admin.get(api("/boards/team/OPS")).json();
        assertThat(names(board.get("columns"))).containsExactly("Backlog", "In progress", "Waiting", "Done");
        assertThat(admin.get(api("/boards/team/OPS")).json().get("id")).isEqualTo(board.get("id"));

        JsonNode content = admin.get(api("/boards/" + id(board) + "/cards")).json();
        assertThat(cardKeys(content, "Backlog")).containsExactly(key);
        assertThat(column(content, "Backlog").get("count").asInt()).isEqualTo(1);
    }

    @Test
    void movingACardToAnotherColumnTakesTheWorkflowTransition() {
        String key = task("Renew certificates", null);
        JsonNode board = admin.get(api("/boards/team/OPS")).json();

        var moved = admin.post(api("/boards/" + id(board) + "/moves"), Map.of("item", key, "column",
                columnId(board, "In progress")));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("card").get("status").get("name").asString()).isEqualTo("In progress");
        // The card a move answers is the card the board shows from then on: column, status, age, version, rank.
        assertThat(moved.json().get("card")).isEqualTo(cardOnBoard(id(board), key));
        assertThat(admin.get(api("/items/" + key)).json().get("status").get("name").asString()).isEqualTo("In progress");
        List<JsonNode> history = list(admin.get(api("/items/" + key + "/history")).json());
        assertThat(history).anyMatch(h -> "transition".equals(h.path("kind").asString())
                && "In progress".equals(h.path("to").asString()));
    }

    @Test
    void aMoveTheWorkflowDoesNotAllowIsRefusedWithItsReasonAndNothingChanges() {
        String change = admin.post(api("/items"), Map.of("team", "OPS", "type", "Change", "title", "Upgrade the database"))
                .json().get("key").asString();
        JsonNode board = admin.get(api("/boards/team/OPS")).json();

        var refused = admin.post(api("/boards/" + id(board) + "/moves"), Map.of("item", change, "column",
                columnId(board, "In progress")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("cannot go from Draft to Implementing");
        assertThat(admin.get(api("/items/" + change)).json().get("status").get("name").asString()).isEqualTo("Draft");
    }

    @Test
    void aHardColumnLimitRefusesTheMoveUntilAnAdminOverridesItWithAReasonWhichIsRecorded() {
        JsonNode board = createBoard(Map.of("limit", 1, "hard", true), Map.of());
        String first = task("First", null);
        String second = task("Second", null);
        assertThat(move(board, first, "In progress").status()).isEqualTo(200);

        var refused = move(board, second, "In progress");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/wip-limit-reached");
        assertThat(refused.json().get("detail").asString()).contains("In progress allows 1 card").contains("hard limit");
        assertThat(refused.json().get("limit").get("scope").asString()).isEqualTo("column");
        assertThat(refused.json().get("overridable").asBoolean()).isTrue();
        assertThat(status(second)).isEqualTo("To do");

        var overridden = admin.post(api("/boards/" + id(board) + "/moves"), Map.of("item", second,
                "column", columnId(board, "In progress"), "overrideReason", "Payroll outage: expedite"));
        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.json().get("overridden").asBoolean()).isTrue();
        assertThat(status(second)).isEqualTo("In progress");

        List<JsonNode> report = list(admin.get(api("/boards/" + id(board) + "/overrides")).json());
        assertThat(report).hasSize(1);
        assertThat(report.get(0).get("item").asString()).isEqualTo(second);
        assertThat(report.get(0).get("reason").asString()).isEqualTo("Payroll outage: expedite");
        assertThat(report.get(0).get("by").get("email").asString()).isEqualTo(adminOf(slug));
    }

    @Test
    void anAgentMayNotOverrideWhenOnlyAdminsMay() {
        JsonNode board = createBoard(Map.of("limit", 1, "hard", true), Map.of());
        Http agent = agent("alex@example.com");
        String first = task("First", null);
        String second = task("Second", null);
        move(board, first, "In progress");

        var refused = agent.post(api("/boards/" + id(board) + "/moves"), Map.of("item", second,
                "column", columnId(board, "In progress")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("overridable").asBoolean()).isFalse();

        var forbidden = agent.post(api("/boards/" + id(board) + "/moves"), Map.of("item", second,
                "column", columnId(board, "In progress"), "overrideReason", "I want to"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("detail").asString()).contains("Only admins may override");
        assertThat(status(second)).isEqualTo("To do");
    }

    @Test
    void aSoftLimitLetsTheMoveThroughWithAWarning() {
        JsonNode board = createBoard(Map.of("limit", 1, "hard", false), Map.of());
        move(board, task("First", null), "In progress");

        var moved = move(board, task("Second", null), "In progress");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(list(moved.json().get("warnings"))).singleElement()
                .satisfies(w -> assertThat(w.asString()).contains("allows 1 card").contains("soft limit"));
    }

    @Test
    void aPersonMayHoldOnlyAsManyItemsInProgressAsTheBoardAllows() {
        String alex = agentId("alex@example.com");
        JsonNode board = createBoard(Map.of(), Map.of("personLimit", 1, "personLimitHard", true));
        move(board, task("First", alex), "In progress");

        var refused = move(board, task("Second", alex), "In progress");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("limit").get("scope").asString()).isEqualTo("person");
        assertThat(refused.json().get("detail").asString()).contains("Alex Agent may hold 1 item in progress");
        assertThat(move(board, task("Unassigned", null), "In progress").status()).isEqualTo(200);
    }

    @Test
    void theExpediteLaneHasItsOwnLimit() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("expediteQuery", "priority = highest");
        settings.put("swimlanes", "category");
        settings.put("lanes", List.of(Map.of("name", "expedite", "limit", 1, "hard", true)));
        JsonNode board = createBoard(Map.of(), settings);
        String urgent = create("Task", "Restore payroll", "highest");
        String alsoUrgent = create("Task", "Restore billing", "highest");
        String normal = create("Task", "Tidy the wiki", "medium");

        assertThat(move(board, urgent, "In progress").status()).isEqualTo(200);
        var refused = move(board, alsoUrgent, "In progress");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("The Expedite lane allows 1 card in process");
        assertThat(move(board, normal, "In progress").status()).isEqualTo(200);

        JsonNode content = admin.get(api("/boards/" + id(board) + "/cards")).json();
        assertThat(list(content.get("lanes")).stream().map(l -> l.get("key").asString()).toList())
                .startsWith("expedite").contains("internal_project", "unplanned");
        JsonNode inProgress = column(content, "In progress");
        assertThat(cell(inProgress, "expedite")).containsExactly(urgent);
        assertThat(cell(inProgress, "internal_project")).containsExactly(normal);
    }

    @Test
    void columnsOfAGroupShareTheGroupsLimit() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("columns", List.of(
                Map.of("name", "To do", "kind", "backlog", "statuses", List.of("To do")),
                Map.of("name", "Doing", "kind", "flow", "statuses", List.of("In progress"), "group", "Work"),
                Map.of("name", "Done", "kind", "done", "statuses", List.of("Done"))));
        settings.put("groups", List.of(Map.of("name", "Work", "limit", 1, "hard", true)));
        JsonNode board = createBoard(null, settings);
        move(board, task("First", null), "Doing");

        var refused = move(board, task("Second", null), "Doing");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("The columns of Work together allow 1 card");
    }

    @Test
    void cardsKeepTheOrderTheyAreDroppedIn() {
        String a = task("A", null);
        String b = task("B", null);
        String c = task("C", null);
        JsonNode board = admin.get(api("/boards/team/OPS")).json();

        var moved = admin.post(api("/boards/" + id(board) + "/moves"), Map.of("item", c,
                "column", columnId(board, "Backlog"), "after", a, "before", b));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(cardKeys(admin.get(api("/boards/" + id(board) + "/cards")).json(), "Backlog")).containsExactly(a, c, b);
        assertThat(moved.json().get("card")).isEqualTo(cardOnBoard(id(board), c));

        admin.post(api("/boards/" + id(board) + "/moves"), Map.of("item", a, "column", columnId(board, "Backlog"),
                "after", b));
        assertThat(cardKeys(admin.get(api("/boards/" + id(board) + "/cards")).json(), "Backlog")).containsExactly(c, b, a);
    }

    @Test
    void aColumnShowsAPageOfCardsAndTheRestOnDemand() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(task("Card " + i, null));
        }
        JsonNode board = admin.get(api("/boards/team/OPS")).json();

        JsonNode content = admin.get(api("/boards/" + id(board) + "/cards?limit=2")).json();
        assertThat(cardKeys(content, "Backlog")).containsExactlyElementsOf(keys.subList(0, 2));
        assertThat(column(content, "Backlog").get("count").asInt()).isEqualTo(5);

        var more = admin.get(api("/boards/" + id(board) + "/cards/more?column=" + columnId(board, "Backlog")
                + "&after=" + keys.get(1) + "&limit=10"));
        assertThat(list(more.json()).stream().map(c -> c.get("key").asString()).toList())
                .containsExactlyElementsOf(keys.subList(2, 5));
    }

    @Test
    void aMoveBasedOnAStaleCardIsRefusedAndSaysWhatChanged() {
        String key = task("Rotate keys", null);
        JsonNode board = admin.get(api("/boards/team/OPS")).json();
        admin.patch(api("/items/" + key), Map.of("title", "Rotate all keys"));

        var refused = admin.post(api("/boards/" + id(board) + "/moves"), Map.of("item", key,
                "column", columnId(board, "In progress"), "version", 0));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/stale-version");
        assertThat(list(refused.json().get("changes"))).anyMatch(c -> "title".equals(c.get("field").asString()));
        assertThat(status(key)).isEqualTo("To do");
    }

    @Test
    void twoMoversCannotBothTakeAColumnsLastPlace() throws Exception {
        JsonNode board = createBoard(Map.of("limit", 1, "hard", true), Map.of());
        String first = task("First", null);
        String second = task("Second", null);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String key : List.of(first, second)) {
                Callable<Integer> mover = () -> {
                    start.await();
                    return move(board, key, "In progress").status();
                };
                results.add(pool.submit(mover));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        JsonNode content = admin.get(api("/boards/" + id(board) + "/cards")).json();
        assertThat(column(content, "In progress").get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aBlockedCardShowsWhyAndOnWhomItWaitsUntilItIsUnblocked() {
        String key = task("Migrate DNS", null);
        String alex = agentId("alex@example.com");
        JsonNode board = admin.get(api("/boards/team/OPS")).json();

        var blocked = admin.put(api("/items/" + key + "/block"), Map.of("reason", "Waiting for the registrar",
                "waitingOn", alex));
        assertThat(blocked.status()).isEqualTo(200);
        JsonNode card = list(column(admin.get(api("/boards/" + id(board) + "/cards")).json(), "Backlog")
                .get("cells")).get(0).get("cards").get(0);
        assertThat(card.get("blocked").get("reason").asString()).isEqualTo("Waiting for the registrar");
        assertThat(card.get("blocked").get("waitingOn").asString()).isEqualTo("Alex Agent");
        assertThat(admin.put(api("/items/" + key + "/block"), Map.of("reason", "Again")).status()).isEqualTo(409);

        assertThat(admin.delete(api("/items/" + key + "/block")).status()).isEqualTo(204);
        assertThat(admin.get(api("/items/" + key + "/block")).status()).isEqualTo(404);
        List<JsonNode> history = list(admin.get(api("/items/" + key + "/history")).json());
        assertThat(history.stream().map(h -> h.get("kind").asString())).contains("blocked", "unblocked");
    }

    @Test
    void blockingNeedsAReason() {
        String key = task("Migrate DNS", null);

        var refused = admin.put(api("/items/" + key + "/block"), Map.of("reason", " "));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    }

    @Test
    void wrongSettingsAreRefusedFieldByFieldAndAStaleUpdateIsRefused() {
        var refused = admin.post(api("/boards"), Map.of("name", "Ops", "team", "OPS", "columns", List.of(
                Map.of("name", "Doing", "statuses", List.of("No such status")),
                Map.of("name", "Finished", "kind", "done", "statuses", List.of("In progress")))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(list(refused.json().get("errors")).stream().map(e -> e.get("field").asString()))
                .contains("columns[0].statuses", "columns[1].statuses");

        var badQuery = admin.post(api("/boards"), Map.of("name", "Mine", "query", "status = = Done"));
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(badQuery.json().get("errors").get(0).get("field").asString()).isEqualTo("query");

        JsonNode board = admin.get(api("/boards/team/OPS")).json();
        Map<String, Object> rename = Map.of("name", "Operations", "team", "OPS");
        assertThat(admin.header("If-Match", "\"0\"").put(api("/boards/" + id(board)), rename).status()).isEqualTo(200);
        var stale = admin.header("If-Match", "\"0\"").put(api("/boards/" + id(board)), rename);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");
    }

    @Test
    void aBoardAcrossTeamsShowsWhatItsQueryFinds() {
        admin.post(api("/teams"), Map.of("key", "NET", "name", "Networks"));
        String ops = admin.post(api("/items"), Map.of("team", "OPS", "type", "Incident", "title", "Mail down"))
                .json().get("key").asString();
        String net = admin.post(api("/items"), Map.of("team", "NET", "type", "Incident", "title", "Switch down"))
                .json().get("key").asString();
        task("Not unplanned", null);

        var created = admin.post(api("/boards"), Map.of("name", "All incidents", "query", "category = unplanned"));
        assertThat(created.status()).isEqualTo(201);

        JsonNode content = admin.get(api("/boards/" + id(created.json()) + "/cards")).json();
        assertThat(cardKeys(content, "Backlog")).containsExactlyInAnyOrder(ops, net);
    }

    @Test
    void requestersDoNotSeeBoardsAndOtherTenantsCannotFindThem() {
        JsonNode board = admin.get(api("/boards/team/OPS")).json();
        admin.post(api("/users"), Map.of("email", "rita@example.com", "name", "Rita Requester",
                "password", PASSWORD, "roles", List.of("requester")));
        Http rita = Http.at(port).basic("rita@example.com", PASSWORD);
        assertThat(rita.get(api("/boards/" + id(board) + "/cards")).status()).isEqualTo(403);

        String other = tenants.stamp("other").slug();
        Http outsider = Http.at(port).basic(adminOf(other), PASSWORD);
        var probe = outsider.get("/t/" + other + "/api/v1/boards/" + id(board));
        assertThat(probe.status()).isEqualTo(404);
        assertThat(outsider.get("/t/" + slug + "/api/v1/boards/" + id(board)).status()).isIn(401, 403);
    }

    @Test
    void malformedRequestsGetAProblemNamingTheField() {
        var notAnId = admin.get(api("/boards/not-a-board"));
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.contentType()).startsWith("application/problem+json");

        var unknownField = admin.post(api("/boards"), Map.of("name", "Ops", "team", "OPS", "colour", "red"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.contentType()).startsWith("application/problem+json");
        assertThat(admin.get(api("/boards")).json()).isEmpty();

        JsonNode board = admin.get(api("/boards/team/OPS")).json();
        var noItem = admin.post(api("/boards/" + id(board) + "/moves"), Map.of("column", columnId(board, "Backlog")));
        assertThat(noItem.status()).isEqualTo(400);
        assertThat(noItem.json().get("errors").get(0).get("field").asString()).isEqualTo("item");
        var unknownItem = admin.post(api("/boards/" + id(board) + "/moves"), Map.of("item", "OPS-999",
                "column", columnId(board, "Backlog")));
        assertThat(unknownItem.status()).isEqualTo(404);
        var foreignColumn = admin.post(api("/boards/" + id(board) + "/moves"), Map.of("item", task("Stray", null),
                "column", java.util.UUID.randomUUID().toString()));
        assertThat(foreignColumn.status()).isEqualTo(400);
        assertThat(foreignColumn.json().get("errors").get(0).get("field").asString()).isEqualTo("column");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private JsonNode createBoard(Map<String, Object> inProgressLimit, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("name", "Ops flow");
        body.put("team", "OPS");
        if (!body.containsKey("columns")) {
            Map<String, Object> inProgress = new HashMap<>(inProgressLimit);
            inProgress.put("name", "In progress");
            inProgress.put("kind", "flow");
            inProgress.put("statuses", List.of("In progress", "Investigating", "Implementing"));
            body.put("columns", List.of(
                    Map.of("name", "Backlog", "kind", "backlog", "statuses", List.of("To do", "Open", "Draft")),
                    inProgress,
                    Map.of("name", "Done", "kind", "done", "statuses", List.of("Done", "Resolved", "Closed"))));
        }
        var created = admin.post(api("/boards"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private Http.Response move(JsonNode board, String key, String column) {
        return admin.post(api("/boards/" + id(board) + "/moves"), Map.of("item", key, "column", columnId(board, column)));
    }

    private String task(String title, String assignee) {
        Map<String, Object> body = new HashMap<>(Map.of("team", "OPS", "type", "Task", "title", title));
        if (assignee != null) {
            body.put("assignee", assignee);
        }
        var created = admin.post(api("/items"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private String create(String type, String title, String priority) {
        return admin.post(api("/items"), Map.of("team", "OPS", "type", type, "title", title, "priority", priority))
                .json().get("key").asString();
    }

    private Http agent(String email) {
        agentId(email);
        return Http.at(port).basic(email, PASSWORD);
    }

    private String agentId(String email) {
        var created = admin.post(api("/users"), Map.of("email", email, "name", "Alex Agent", "password", PASSWORD,
                "roles", List.of("agent")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String status(String key) {
        return admin.get(api("/items/" + key)).json().get("status").get("name").asString();
    }

    private static String id(JsonNode board) {
        return board.get("id").asString();
    }

    private static String columnId(JsonNode board, String name) {
        return list(board.get("columns")).stream().filter(c -> name.equals(c.get("name").asString())).findFirst()
                .orElseThrow().get("id").asString();
    }

    private static JsonNode column(JsonNode content, String name) {
        return list(content.get("columns")).stream().filter(c -> name.equals(c.get("name").asString())).findFirst()
                .orElseThrow();
    }

    private static List<String> cardKeys(JsonNode content, String column) {
        List<String> keys = new ArrayList<>();
        for (JsonNode cell : column(content, column).get("cells")) {
            for (JsonNode card : cell.get("cards")) {
                keys.add(card.get("key").asString());
            }
        }
        return keys;
    }

    private static List<String> cell(JsonNode column, String lane) {
        return list(column.get("cells")).stream().filter(c -> lane.equals(c.get("lane").asString())).findFirst()
                .map(c -> list(c.get("cards")).stream().map(card -> card.get("key").asString()).toList())
                .orElse(List.of());
    }

    private static List<String> names(JsonNode nodes) {
        return list(nodes).stream().map(n -> n.get("name").asString()).toList();
    }

    private static List<JsonNode> list(JsonNode nodes) {
        List<JsonNode> list = new ArrayList<>();
        nodes.forEach(list::add);
        return list;
    }

    private JsonNode cardOnBoard(String board, String key) {
        for (JsonNode column : admin.get(api("/boards/" + board + "/cards")).json().get("columns")) {
            for (JsonNode cell : column.get("cells")) {
                for (JsonNode card : cell.get("cards")) {
                    if (key.equals(card.get("key").asString())) {
                        return card;
                    }
                }
            }
        }
        throw new AssertionError(key + " is not on the board");
    }

    private String api(String path) {
        return "/t/" + slug + "/api/v1" + path;
    }
}
