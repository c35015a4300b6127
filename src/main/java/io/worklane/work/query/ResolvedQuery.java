package io.worklane.work.query;

import java.util.List;
import java.util.Optional;

/**
 * What a query means for one person at one moment: criteria over ids and instants, and the order of
 * the list. Immutable; match items with {@link #matches}, list them with {@link ItemListing}.
 *
 * @param text      the query as written (cursors are bound to it)
 * @param order     never empty; the id is added as the last tie-break when listing
 * @param rankQuery the tsquery of the first text condition, for ordering by relevance; null without one
 * @param rankedMatchesRequired whether every result must match {@code rankQuery} (it is required, not
 *                              negated or one alternative of an OR), so ranking may start from its matches
 */
public record ResolvedQuery(String text, Criteria criteria, List<SortKey> order, String rankQuery,
                            boolean rankedMatchesRequired) {

    public ResolvedQuery {
        order = List.copyOf(order);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("A query needs an order");
        }
    }

    public boolean matches(ItemFacts item) {
        return criteria.matches(item);
    }

    /** The criteria as a predicate over {@code work_items i}, with parameters {@code :q1}, {@code :q2}, ... */
    public SqlFragment where() {
        return criteria.toSql();
    }

    /** The criteria as a predicate whose parameters are named {@code :<prefix>1}, ... */
    public SqlFragment where(String prefix) {
        return criteria.toSql(prefix);
    }

    public Optional<String> relevanceQuery() {
        return Optional.ofNullable(rankQuery);
    }
}
