package io.worklane.work.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statement of a page: the caller's columns and access, the criteria, the sort columns and the limit. */
class ItemListingTests {

    final UUID done = UUID.randomUUID();
    final UUID ops = UUID.randomUUID();
    final InMemoryVocabulary vocabulary = new InMemoryVocabulary().status(done, "Done", "done");
    final QueryContext context = new QueryContext(null, Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aPageSelectsItsSortValuesAndOrdersByThemWithTheIdLast() {
        ResolvedQuery query = ItemQuery.resolve("status = Done ORDER BY due, priority DESC", vocabulary, context);

        SqlFragment statement = ItemListing.of("i.id, i.key", "work_items i")
                .where(SqlFragment.of("i.team_id = :team", Map.of("team", ops)))
                .page(query, null, 20).statement();

        assertThat(statement.sql()).isEqualTo("select i.id, i.key, coalesce(i.due_date, date '9999-12-31') as sort_0,"
                + " i.priority as sort_1, i.id as sort_2 from work_items i where (i.team_id = :team) and"
                + " (i.status_id in (:q1)) order by coalesce(i.due_date, date '9999-12-31') asc, i.priority asc,"
                + " i.id asc limit :q2");
        assertThat(statement.params()).containsEntry("team", ops).containsEntry("q2", 21);
    }

    @Test
    void aTextSearchRanksWithItsOwnQuery() {
        ResolvedQuery query = ItemQuery.resolve("text ~ printer", vocabulary, context);

        SqlFragment statement = ItemListing.of("i.id", "work_items i").page(query, "", 10).statement();

        assertThat(statement.sql()).contains("join (select c.id as item_id, ts_rank_cd(c.search, (select to_tsquery('english', :q2))) as rank")
                .contains("order by ranked.rank desc, i.updated_at desc, i.id desc");
        assertThat(statement.params()).containsEntry("q1", "printer").containsEntry("q2", "printer");
    }

    @Test
    void rankingStartsFromTheNewestMatchesOnlyWhenEveryResultMustMatch() {
        String required = ItemListing.of("i.id", "work_items i")
                .page(ItemQuery.resolve("text ~ printer AND priority > low", vocabulary, context), "", 10).statement().sql();
        String alternative = ItemListing.of("i.id", "work_items i")
                .page(ItemQuery.resolve("text ~ printer OR priority > low", vocabulary, context), "", 10).statement().sql();

        assertThat(required).contains(" as rank from ((select i.id, s.search from (select item_id, search from item_search"
                        + " order by created_at desc, item_id desc limit 5000) s")
                .contains(" where s.created_month = month.n and s.search @@ ")
                .contains(") c limit 200) ranked on ranked.item_id = i.id")
                .contains("order by ranked.rank desc");
        assertThat(alternative).doesNotContain("ranked.rank");
    }

    @Test
    void accessParametersMustNotTakeTheGeneratedNames() {
        ResolvedQuery query = ItemQuery.resolve("status = Done", vocabulary, context);
        ItemListing listing = ItemListing.of("i.id", "work_items i").where(SqlFragment.of("i.team_id = :q1", Map.of("q1", ops)));

        assertThatThrownBy(() -> listing.page(query, null, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":q1");
    }

    @Test
    void aCursorThatIsNotOneIsRefusedAsTheCursorField() {
        ResolvedQuery query = ItemQuery.resolve("", vocabulary, context);

        assertThatThrownBy(() -> ItemListing.of("i.id", "work_items i").page(query, "bm90IGEgY3Vyc29y", 10))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.field()).isEqualTo("cursor");
                    assertThat(e.getMessage()).startsWith("This cursor does not belong to this query");
                });
    }
}
