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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranking by relevance starts from the newest matches that the person may see and that meet the rest
 * of the query (ADR 0014), on more items than the newest {@value KeysetPage#NEWEST_WALKED} that are
 * walked, so that the month-by-month part is exercised: words common only long ago, rare words, a
 * requester's own old item under many newer ones, and a team's few matches among many.
 */
@WorklaneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankedSearchDatabaseTests {

    static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseQueryVocabulary vocabulary;

    Tenant tenant;
    UUID agent;
    UUID requester;
    int number;

    @BeforeAll
    void itemsOverAYear() {
        tenant = tenants.stamp("ranked");
        TenantContext.runAs(tenant, () -> {
            agent = person("agent@ranked.test", "Alex Agent");
            requester = person("rita@ranked.test", "Rita Requester");
            UUID ops = team("OPS");
            UUID sec = team("SEC");
            // The newest 6,000: printers everywhere, nothing about Lotus Notes.
            items(ops, agent, 6000, NOW, "Printer jam on floor %d", "The printer says paper jam.");
            // Three and six months ago, Lotus Notes was a daily topic.
            items(ops, agent, 150, NOW.minus(90, ChronoUnit.DAYS), "Lotus Notes mailbox full %d", "Archive the mailbox.");
            items(ops, agent, 400, NOW.minus(180, ChronoUnit.DAYS), "Lotus Notes crashes %d", "Reinstall the client.");
            // Rare: one Kerberos ticket a quarter.
            for (int q = 0; q < 4; q++) {
                items(ops, agent, 1, NOW.minus(30 + 90L * q, ChronoUnit.DAYS), "Kerberos ticket expired %d", "Renew it.");
            }
            // Old printer work of a requester, and of a small team, under the 6,000 newer printer items.
            items(ops, requester, 1, NOW.minus(200, ChronoUnit.DAYS), "My printer is offline %d", "Since Monday.");
            items(sec, agent, 2, NOW.minus(250, ChronoUnit.DAYS), "Badge printer broken %d", "Cannot print badges.");
        });
    }

    @Test
    void aWordCommonOnlyLongAgoFindsItsNewestMatchesMonthByMonth() {
        List<String> titles = titles(all("text ~ lotus", ItemListing.of("i.id, i.title", "work_items i")));

        assertThat(titles).hasSize(KeysetPage.RANKED_CANDIDATES).allMatch(title -> title.startsWith("Lotus Notes"));
        // The newer month comes first: all 150 of three months ago, then 50 of six months ago.
        assertThat(titles.stream().filter(title -> title.contains("mailbox full"))).hasSize(150);
    }

    @Test
    void aRareWordIsFoundInEveryMonth() {
        assertThat(titles(all("text ~ kerberos", ItemListing.of("i.id, i.title", "work_items i")))).hasSize(4);
    }

    @Test
    void aRequesterFindsTheirOwnOldItemUnderManyNewerMatches() {
        ItemListing theirs = ItemListing.of("i.id, i.title", "work_items i")
                .where(new SqlFragment("i.reporter_id = :me", Map.of("me", requester)));

        assertThat(titles(all("text ~ printer", theirs))).singleElement().asString().startsWith("My printer is offline");
    }

    @Test
    void theRestOfTheQueryNarrowsTheCandidatesNotTheResults() {
        assertThat(titles(all("text ~ printer AND team = SEC", ItemListing.of("i.id, i.title", "work_items i"))))
                .hasSize(2).allMatch(title -> title.startsWith("Badge printer broken"));
    }

    @Test
    void theBestMatchesComeFirst() {
        List<String> titles = titles(all("text ~ \"printer offline\"", ItemListing.of("i.id, i.title", "work_items i")));

        assertThat(titles).first().asString().startsWith("My printer is offline");
    }

    private List<Map<String, Object>> all(String text, ItemListing listing) {
        List<Map<String, Object>> rows = new ArrayList<>();
        TenantContext.runAs(tenant, () -> {
            ResolvedQuery query = ItemQuery.resolve(text, vocabulary, QueryContext.of(agent, Clock.fixed(NOW, ZoneOffset.UTC)));
            String cursor = null;
            do {
                Slice<Map<String, Object>> slice = listing.page(query, cursor, 50)
                        .fetch(jdbc, (rs, n) -> Map.of("id", rs.getObject("id"), "title", rs.getString("title")));
                rows.addAll(slice.items());
                cursor = slice.nextCursor();
            } while (cursor != null);
        });
        assertThat(rows.stream().map(row -> row.get("id")).toList()).as(text).doesNotHaveDuplicates();
        return rows;
    }

    private static List<String> titles(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> (String) row.get("title")).toList();
    }

    /** {@code count} items a minute apart, the newest at {@code newest}, each with its search row; one statement. */
    private void items(UUID team, UUID reporter, int count, Instant newest, String title, String description) {
        jdbc.sql("""
                        with type as (
                            select s.id as status_id, t.id as type_id, t.category from work_types t
                            join workflow_statuses s on s.type_id = t.id where t.name = 'Incident' order by s.position limit 1),
                        made as (
                            insert into work_items (id, key, team_id, number, type_id, category, status_id, priority, title,
                                                    description, reporter_id, created_at, updated_at, status_changed_at)
                            select gen_random_uuid(), 'X-' || (:first + n), :team, :first + n, type.type_id, type.category,
                                   type.status_id, 3, format(:title, :first + n), :description, :reporter,
                                   :newest - n * interval '1 minute', :newest - n * interval '1 minute',
                                   :newest - n * interval '1 minute'
                            from type, generate_series(0, :count - 1) as n
                            returning id, created_at, title, description)
                        insert into item_search (item_id, created_at, search)
                        select id, created_at, setweight(to_tsvector('english', title), 'A')
                                               || setweight(to_tsvector('english', description), 'B') from made""")
                .param("first", number).param("team", team).param("title", title.replace("%d", "%s"))
                .param("description", description).param("reporter", reporter)
                .param("newest", newest.atOffset(ZoneOffset.UTC)).param("count", count).update();
        number += count;
    }

    private UUID person(String email, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, name) values (?, ?, ?)").params(id, email, name).update();
        return id;
    }

    private UUID team(String key) {
        return jdbc.sql("select id from teams where key = :key").param("key", key).query(UUID.class).optional()
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jdbc.sql("insert into teams (id, key, name) values (:id, :key, :key)").param("id", id).param("key", key)
                            .update();
                    return id;
                });
    }
}
