package io.worklane.work.query;

/** One key of an ORDER BY: a field and the direction a person asked for. */
public record SortKey(SortField field, boolean descending) {

    public static SortKey ascending(SortField field) {
        return new SortKey(field, false);
    }

    public static SortKey descending(SortField field) {
        return new SortKey(field, true);
    }

    /** The direction of the SQL expression, which differs for fields that sort inverted (priority). */
    boolean sqlDescending() {
        return descending != field.inverted();
    }

    @Override
    public String toString() {
        return field.displayName() + (descending ? " DESC" : " ASC");
    }
}
