package io.worklane.work.query;

/**
 * The entry point of the item query language:
 * <pre>{@code
 * ResolvedQuery query = ItemQuery.parse(q).resolve(vocabulary, QueryContext.of(me, clock));
 * query.matches(item);                          // in memory
 * ItemListing.of(columns, "work_items i").where(access).page(query, cursor, 50).fetch(jdbc, rows);
 * }</pre>
 * Every mistake in the text is a {@link QueryException} that names the position.
 */
public final class ItemQuery {

    private ItemQuery() {
    }

    public static ParsedQuery parse(String text) {
        return Parser.parse(text == null ? "" : text);
    }

    public static ResolvedQuery resolve(String text, QueryVocabulary vocabulary, QueryContext context) {
        return parse(text).resolve(vocabulary, context);
    }
}
