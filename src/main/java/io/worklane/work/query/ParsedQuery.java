package io.worklane.work.query;

import java.util.List;
import java.util.Optional;

/**
 * A query as written, parsed but not yet bound to any tenant's names. {@code where} is null when the
 * query has no condition (an empty query, or only an ORDER BY). {@code orderBy} is empty when the
 * query names no order; the default is then chosen at resolution.
 */
public record ParsedQuery(String text, Syntax where, List<OrderBy> orderBy) {

    public ParsedQuery {
        orderBy = List.copyOf(orderBy);
    }

    public Optional<Syntax> condition() {
        return Optional.ofNullable(where);
    }

    /** Binds names to ids and functions to values: the criteria and order this query means now, for this person. */
    public ResolvedQuery resolve(QueryVocabulary vocabulary, QueryContext context) {
        return new Resolver(vocabulary, context).resolve(this);
    }

    /** One key of an ORDER BY as written. */
    public record OrderBy(SortKey key, int position) {
    }
}
