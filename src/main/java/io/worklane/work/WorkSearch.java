package io.worklane.work;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.work.internal.Items;
import io.worklane.work.internal.TypeCatalogs;
import io.worklane.work.query.DatabaseQueryVocabulary;
import io.worklane.work.query.ItemListing;
import io.worklane.work.query.ItemQuery;
import io.worklane.work.query.QueryContext;
import io.worklane.work.query.ResolvedQuery;
import io.worklane.work.query.Slice;
import io.worklane.work.query.SqlFragment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Finding work: the items a person may see that match a query, a page at a time (keyset paging, so
 * page 1,000 costs what page 1 costs). A blank query lists everything visible, most recently updated first.
 */
@Service
public class WorkSearch {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** What a requester may see: what they reported or watch. Agents and admins see all work. */
    private static final String REQUESTER_ACCESS = """
            (i.reporter_id = :me or exists (select 1 from item_watchers w where w.item_id = i.id and w.user_id = :me))""";

    private final JdbcClient jdbc;
    private final TypeCatalogs catalogs;
    private final DatabaseQueryVocabulary vocabulary;
    private final Clock clock;

    WorkSearch(JdbcClient jdbc, TypeCatalogs catalogs, DatabaseQueryVocabulary vocabulary, Clock clock) {
        this.jdbc = jdbc;
        this.catalogs = catalogs;
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ItemPage find(WorklaneUser actor, String q, String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        ResolvedQuery query = resolve(actor, q);
        TypeCatalog catalog = catalogs.current();
        SqlFragment access = actor.isStaff() ? SqlFragment.of("true")
                : new SqlFragment(REQUESTER_ACCESS, Map.of("me", actor.id().value()));
        Slice<ItemSummary> slice = ItemListing.of(Items.SUMMARY_COLUMNS, Items.SUMMARY_FROM)
                .where(access)
                .page(query, cursor, size)
                .fetch(jdbc, (rs, n) -> Items.summary(rs, catalog));
        return new ItemPage(slice.items(), slice.nextCursor());
    }

    /** Refuses a query that would not run, naming {@code field} as the culprit (400 with the position). */
    @Transactional(readOnly = true)
    public void check(WorklaneUser actor, String q, String field) {
        try {
            resolve(actor, q);
        } catch (ApiProblem problem) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query", problem.getMessage(),
                    List.of(new FieldError(field, problem.getMessage())));
        }
    }

    /** The query resolved for this person: names bound to ids, currentUser() to them, now() to now. */
    @Transactional(readOnly = true)
    public ResolvedQuery resolve(WorklaneUser actor, String q) {
        return ItemQuery.resolve(q == null ? "" : q, vocabulary, QueryContext.of(actor.id().value(), clock));
    }
}
