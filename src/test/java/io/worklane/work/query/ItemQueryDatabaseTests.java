package io.worklane.work.query;

import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two outputs agree on real PostgreSQL: for many queries over a few hundred varied items, the
 * compiled SQL returns exactly the items that {@code matches} accepts, and keyset paging in small
 * pages returns each of them once, in the order of the whole list.
 */
@WorklaneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemQueryDatabaseTests {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
    static final List<String> WORDS = List.of("printer", "network", "laptop", "disk", "server", "vpn", "mail", "backup",
            "password", "screen", "keyboard", "firewall", "outage", "slow", "office", "login", "broken", "report");
    static final List<String> LABELS = List.of("vpn", "dns", "urgent", "mail", "printer");
    static final List<String> SYSTEMS = List.of("Payroll DB", "Mail relay", "VPN gateway", "50%_off shop");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseQueryVocabulary vocabulary;

    final Random random = new Random(20261120);
    final List<Item> items = new ArrayList<>();
    final List<UUID> people = new ArrayList<>();
    Tenant tenant;
    UUID me;
    UUID opsTeam;
    Item someParent;

    record Status(UUID id, UUID typeId, String category, String phase) {
    }

    @BeforeAll
    void seedVariedItems() {
        tenant = tenants.stamp("query");
        TenantContext.runAs(tenant, () -> {
            me = person("me@query.test", "Mia Me");
            for (String name : List.of("Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov")) {
                person(name.split(" ")[0].toLowerCase() + "@query.test", name);
            }
            opsTeam = jdbc.sql("select id from teams where key = 'OPS'").query(UUID.class).single();
            List<UUID> teams = List.of(opsTeam, team("DEV"), team("SEC"));
            List<Status> statuses = jdbc.sql("select s.id, s.type_id, t.category, s.phase from workflow_statuses s join work_types t on t.id = s.type_id")
                    .query(Status.class).list();
            UUID firstType = statuses.get(0).typeId();
            customField(firstType, "impact", "number");
            customField(firstType, "system", "text");
            customField(firstType, "envs", "multiselect");
            customField(firstType, "golive", "date");
            customField(firstType, "approver", "user");
            customField(firstType, "tier", "select");
            Map<UUID, Integer> numbers = new LinkedHashMap<>();
            for (int n = 0; n < 320; n++) {
                UUID team = pick(teams);
                int number = numbers.merge(team, 1, Integer::sum);
                Item item = variedItem(team, number, pick(statuses));
                insert(item);
                items.add(item);
            }
            someParent = items.stream().filter(parent -> items.stream().anyMatch(child -> parent.id.equals(child.parentId)))
                    .findFirst().orElseThrow();
        });
    }

    @Test
    void theCompiledSqlFindsExactlyTheItemsThatMatchInMemory() {
        List<String> queries = List.of(
                "status = Done", "status != Done", "status IN (Backlog, \"In progress\")", "status NOT IN (Done, Closed)",
                "statusCategory = \"in progress\"", "phase != done", "category = unplanned",
                "category IN (change, \"Business project\")", "category = \"Unplanned work\" AND status != Done",
                "type = Incident", "team = OPS", "team NOT IN (OPS, DEV)", "key IN (OPS-1, OPS-2, dev-3)",
                "priority > medium", "priority <= low", "priority IN (highest, lowest)", "priority != high",
                "assignee = currentUser()", "assignee != currentUser()", "assignee IS EMPTY",
                "assignee IS NOT EMPTY AND reporter = currentUser()", "reporter IN (me@query.test, \"Ada Lovelace\")",
                "watcher = currentUser()", "watcher IS EMPTY", "NOT watcher = currentUser()", "watcher IN (ada@query.test, alan@query.test)",
                "label = vpn", "labels IN (dns, mail)", "label != urgent", "labels NOT IN (vpn, dns)", "labels IS EMPTY",
                "parent IS EMPTY", "parent IS NOT EMPTY", "parent = " + someParent.key,
                "title ~ \"print*\"", "title ~ printers", "title ~ \"disk server\"", "description ~ network", "comment ~ backup", "text ~ vpn",
                "text !~ laptop", "text ~ \"firewall outage\"", "title ~ \"Report, broken!\"",
                "created >= -14d", "created < startOfMonth()", "created >= startOfWeek(-1w) AND created < startOfWeek()",
                "updated = 2026-11-10", "updated <= 2026-11-10", "updated > 2026-11-10", "updated >= -36h",
                "resolved IS EMPTY", "resolved >= startOfMonth()", "resolved != 2026-11-05",
                "due < now()", "due <= endOfWeek()", "due IS EMPTY", "NOT due > 2026-11-25", "due = 2026-11-20",
                "cf.impact >= 5", "cf.impact < 3", "cf.impact IS EMPTY", "cf.impact = 2.5", "cf.system ~ pay", "cf.system ~ \"50%_\"",
                "cf.system !~ \"%\"", "cf.system = \"Mail relay\"", "cf.envs = prod", "cf.envs IN (dr, test)", "cf.envs NOT IN (prod)",
                "cf.envs IS EMPTY", "cf.golive < 2026-12-01", "cf.golive >= startOfMonth(2w)", "cf.approver = currentUser()",
                "cf.tier IN (gold, silver)", "cf.tier IS EMPTY",
                "(category = unplanned OR priority = highest) AND NOT (status = Done OR assignee IS EMPTY)",
                "category = unplanned AND status != Done AND assignee = currentUser() ORDER BY updated DESC",
                "team = OPS OR team = DEV AND priority > high");

        for (String text : queries) {
            ResolvedQuery query = resolve(text);
            Set<UUID> inDatabase = new HashSet<>(all(query, ItemListing.of("i.id", "work_items i")));

            assertThat(inDatabase).as(text).isEqualTo(matchingInMemory(query)).isNotEmpty().hasSizeLessThan(items.size());
        }
    }

    @Test
    void pagingInSmallPagesReturnsEveryItemOnceInTheOrderOfTheWholeList() {
        List<String> queries = List.of("", "ORDER BY priority DESC", "ORDER BY due", "ORDER BY resolved DESC, title",
                "ORDER BY key, created DESC", "ORDER BY status, type DESC, priority", "status != Done ORDER BY title DESC",
                "text ~ \"print*\"", "text ~ disk ORDER BY relevance ASC, due DESC", "ORDER BY created ASC",
                "label IN (vpn, dns) ORDER BY updated ASC", "ORDER BY due DESC, updated");
        ItemListing listing = ItemListing.of("i.id", "work_items i");

        for (String text : queries) {
            ResolvedQuery query = resolve(text);
            List<UUID> whole = all(query, listing);
            List<UUID> paged = new ArrayList<>();
            String cursor = null;
            do {
                Slice<UUID> slice = fetch(listing.page(query, cursor, 7));
                assertThat(slice.items()).as(text).hasSizeLessThanOrEqualTo(7);
                paged.addAll(slice.items());
                // A keyset that does not move on would page forever; fail instead.
                assertThat(paged).as(text).hasSizeLessThanOrEqualTo(whole.size());
                cursor = slice.nextCursor();
            } while (cursor != null);

            assertThat(paged).as(text).isEqualTo(whole).doesNotHaveDuplicates();
            assertThat(Set.copyOf(whole)).as(text).isEqualTo(matchingInMemory(query));
        }
    }

    @Test
    void theDeclaredOrderIsTheOrderOfTheList() {
        List<Item> byPriority = inOrder("ORDER BY priority DESC");
        List<Item> byDue = inOrder("ORDER BY due");
        List<Item> byUpdated = inOrder("");

        assertThat(byPriority).extracting(Item::priority).isSorted();
        assertThat(byDue.stream().filter(item -> item.dueDate != null)).extracting(Item::dueDate).isSorted();
        assertThat(byDue.subList(byDue.size() - 5, byDue.size())).extracting(Item::dueDate).containsOnlyNulls();
        assertThat(byUpdated).extracting(Item::updatedAt).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void theCallersAccessPredicateNarrowsTheList() {
        ResolvedQuery query = resolve("priority > medium");
        ItemListing onlyOps = ItemListing.of("i.id", "work_items i")
                .where(SqlFragment.of("i.team_id = :team", Map.of("team", opsTeam)));

        Set<UUID> expected = items.stream().filter(query::matches).filter(item -> item.teamId.equals(opsTeam))
                .map(item -> item.id).collect(Collectors.toSet());
        assertThat(Set.copyOf(all(query, onlyOps))).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void aChangedOrForeignCursorIsRefusedAsTheCursorField() {
        ResolvedQuery query = resolve("ORDER BY due");
        ItemListing listing = ItemListing.of("i.id", "work_items i");
        String cursor = fetch(listing.page(query, null, 5)).nextCursor();
        String changed = cursor.substring(0, 10) + (cursor.charAt(10) == 'A' ? 'B' : 'A') + cursor.substring(11);

        for (Supplier<KeysetPage> page : List.<Supplier<KeysetPage>>of(
                () -> listing.page(query, changed, 5),
                () -> listing.page(query, cursor.substring(0, cursor.length() - 3), 5),
                () -> listing.page(query, "not a cursor!", 5),
                () -> listing.page(resolve("ORDER BY title"), cursor, 5))) {
            assertThatThrownBy(page::get).isInstanceOfSatisfying(QueryException.class,
                    e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    private ResolvedQuery resolve(String text) {
        return TenantContext.callUnchecked(tenant, () -> ItemQuery.resolve(text, vocabulary, new QueryContext(me, NOW, ZONE)));
    }

    private Set<UUID> matchingInMemory(ResolvedQuery query) {
        return items.stream().filter(query::matches).map(item -> item.id).collect(Collectors.toSet());
    }

    private List<UUID> all(ResolvedQuery query, ItemListing listing) {
        Slice<UUID> slice = fetch(listing.page(query, null, ItemListing.MAX_LIMIT));
        assertThat(slice.hasNext()).isFalse();
        return slice.items();
    }

    private List<Item> inOrder(String text) {
        Map<UUID, Item> byId = items.stream().collect(Collectors.toMap(item -> item.id, item -> item));
        return all(resolve(text), ItemListing.of("i.id", "work_items i")).stream().map(byId::get).toList();
    }

    private Slice<UUID> fetch(KeysetPage page) {
        return TenantContext.callUnchecked(tenant, () -> page.fetch(jdbc, (row, n) -> row.getObject("id", UUID.class)));
    }

    private Item variedItem(UUID team, int number, Status status) {
        Item item = Item.item()
                .key(keyOf(team) + "-" + number).team(team).type(status.typeId()).category(status.category()).status(status.id())
                .priority(1 + random.nextInt(5)).reporter(pick(people))
                .title(capitalised(words(2 + random.nextInt(3)))).description(words(random.nextInt(7)));
        if (random.nextInt(10) >= 3) {
            item.assignee(pick(people));
        }
        people.stream().filter(person -> random.nextInt(5) == 0).forEach(item::watchedBy);
        LABELS.stream().filter(label -> random.nextInt(4) == 0).forEach(item::labels);
        if (items.size() > 10 && random.nextInt(5) == 0) {
            item.parent(pick(items).id);
        }
        for (int c = random.nextInt(3); c > 0; c--) {
            item.comment(words(2 + random.nextInt(3)));
        }
        if (random.nextInt(3) > 0) {
            item.due(LocalDate.of(2026, 11, 20).plusDays(random.nextInt(61) - 30));
        }
        // Whole days and hours, so that many items share a sort value and the id must break the tie.
        Instant updated = NOW.truncatedTo(ChronoUnit.DAYS).minus(random.nextInt(40), ChronoUnit.DAYS);
        item.updated(updated).created(updated.minus(random.nextInt(24 * 20), ChronoUnit.HOURS));
        if (status.phase().equals("done")) {
            item.resolved(updated);
        }
        customValues(item);
        return item;
    }

    private void customValues(Item item) {
        switch (random.nextInt(5)) {
            case 0 -> item.field("impact", random.nextInt(10));
            case 1 -> item.field("impact", new BigDecimal("2.5"));
            case 2 -> item.field("impact", "n/a");
            default -> { }
        }
        if (random.nextBoolean()) {
            item.field("system", pick(SYSTEMS));
        }
        if (random.nextBoolean()) {
            item.field("envs", List.of("prod", "test", "dr").stream().filter(env -> random.nextBoolean()).toList());
        }
        if (random.nextBoolean()) {
            item.field("golive", LocalDate.of(2026, 11, 1).plusDays(random.nextInt(60)).toString());
        }
        if (random.nextBoolean()) {
            item.field("approver", pick(people).toString());
        }
        if (random.nextBoolean()) {
            item.field("tier", pick(List.of("gold", "silver", "bronze", "")));
        }
    }

    private void insert(Item item) {
        jdbc.sql("""
                        insert into work_items (id, key, team_id, number, type_id, category, status_id, priority, title,
                            description, assignee_id, reporter_id, labels, due_date, parent_id, fields, created_at,
                            updated_at, status_changed_at, resolved_at)
                        values (:id, :key, :team, :number, :type, :category, :status, :priority, :title, :description,
                            :assignee, :reporter, cast(:labels as text[]), :due, :parent, cast(:fields as jsonb), :created,
                            :updated, :updated, :resolved)""")
                .param("id", item.id).param("key", item.key).param("team", item.teamId)
                .param("number", Integer.parseInt(item.key.substring(item.key.indexOf('-') + 1)))
                .param("type", item.typeId).param("category", item.category).param("status", item.statusId)
                .param("priority", item.priority).param("title", item.title).param("description", item.description)
                .param("assignee", item.assigneeId, java.sql.Types.OTHER).param("reporter", item.reporterId)
                .param("labels", item.labels.toArray(String[]::new)).param("due", item.dueDate, java.sql.Types.DATE)
                .param("parent", item.parentId, java.sql.Types.OTHER).param("fields", JSON.writeValueAsString(item.fields))
                .param("created", utc(item.createdAt)).param("updated", utc(item.updatedAt))
                .param("resolved", utc(item.resolvedAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
        jdbc.sql("""
                        insert into item_search (item_id, created_at, search)
                        values (:id, :created, setweight(to_tsvector('english', :title), 'A')
                            || setweight(to_tsvector('english', :description), 'B')
                            || setweight(to_tsvector('english', :comments), 'C'))""")
                .param("id", item.id).param("created", utc(item.createdAt)).param("title", item.title)
                .param("description", item.description).param("comments", String.join(" ", item.comments))
                .update();
        for (UUID watcher : item.watcherIds) {
            jdbc.sql("insert into item_watchers (item_id, user_id) values (?, ?)").params(item.id, watcher).update();
        }
    }

    private UUID person(String email, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, name) values (?, ?, ?)").params(id, email, name).update();
        people.add(id);
        return id;
    }

    private UUID team(String key) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into teams (id, key, name) values (?, ?, ?)").params(id, key, "Team " + key).update();
        return id;
    }

    private String keyOf(UUID team) {
        return jdbc.sql("select key from teams where id = ?").param(team).query(String.class).single();
    }

    private void customField(UUID type, String key, String kind) {
        jdbc.sql("insert into custom_fields (id, type_id, key, name, kind, position) values (?, ?, ?, ?, ?, 1)")
                .params(UUID.randomUUID(), type, key, key, kind).update();
    }

    private String words(int count) {
        List<String> chosen = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            chosen.add(pick(WORDS));
        }
        return String.join(" ", chosen);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
