package io.worklane.work.query;

/**
 * How a caller lists items: its own columns and FROM clause (which must alias work_items as {@code i}),
 * and the access predicate that says what the person may see. A query then pages through it:
 * <pre>{@code
 * ItemListing.of("i.id, i.key, i.title", "work_items i")
 *         .where(SqlFragment.of("i.team_id in (:teams)", Map.of("teams", myTeams)))
 *         .page(query, cursor, 50)
 *         .fetch(jdbcClient, (row, n) -> new ItemRow(...));
 * }</pre>
 * Parameters of the access predicate must not be named like the generated ones ({@code q1}, {@code q2}, ...).
 */
public record ItemListing(String columns, String from, SqlFragment access) {

    public static final int MAX_LIMIT = 1000;

    public static ItemListing of(String columns, String from) {
        return new ItemListing(columns, from, SqlFragment.of("true"));
    }

    public ItemListing where(SqlFragment access) {
        return new ItemListing(columns, from, access);
    }

    /** The page after {@code cursor} (null or blank: the first page) of at most {@code limit} items. */
    public KeysetPage page(ResolvedQuery query, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return KeysetPage.build(this, query, cursor == null || cursor.isBlank() ? null : cursor, limit);
    }
}
