package io.worklane.work;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.internal.Items;
import io.worklane.work.internal.TypeCatalogs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Finding work: lists of the items a person may see, filtered by a query, a page at a time. */
@Service
public class WorkSearch {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final JdbcClient jdbc;
    private final TypeCatalogs catalogs;

    WorkSearch(JdbcClient jdbc, TypeCatalogs catalogs) {
        this.jdbc = jdbc;
        this.catalogs = catalogs;
    }

    /** Refuses a query that would not run, naming {@code field} as the culprit (400). */
    @Transactional(readOnly = true)
    public void check(WorklaneUser actor, String q, String field) {
        if (q != null && !q.isBlank()) {
            throw ApiProblem.invalidField(field, "queries arrive with the query language");
        }
    }

    /** Items matching {@code q} (all visible items when blank), most recently updated first. */
    @Transactional(readOnly = true)
    public ItemPage find(WorklaneUser actor, String q, String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (q != null && !q.isBlank()) {
            throw ApiProblem.invalidField("q", "queries arrive with the query language");
        }
        TypeCatalog catalog = catalogs.current();
        String access = actor.isStaff() ? "true"
                : "(i.reporter_id = :me or exists (select 1 from item_watchers w where w.item_id = i.id and w.user_id = :me))";
        List<ItemSummary> rows = jdbc.sql("select " + Items.SUMMARY_COLUMNS + " from " + Items.SUMMARY_FROM
                        + " where " + access + " order by i.updated_at desc, i.id desc limit :limit")
                .param("me", actor.id().value()).param("limit", size + 1)
                .query((rs, n) -> Items.summary(rs, catalog)).list();
        return new ItemPage(rows.size() > size ? rows.subList(0, size) : rows, null);
    }
}
