package io.worklane.work.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ORDER BY part of a query as the list's column headers change it: a click on a column sorts by
 * it ascending, a second click descending. The rest of the query is left exactly as it was typed.
 */
final class ItemQuery {

    static final List<String> SORTABLE = List.of("key", "title", "status", "priority", "due", "updated", "created");

    private static final Pattern ORDER_BY = Pattern.compile("(?is)\\s*\\border\\s+by\\s+(\\w+)(?:\\s+(asc|desc))?\\s*$");

    record Sort(String field, boolean descending) {
    }

    private ItemQuery() {
    }

    /** The sort a query ends with, if any. */
    static Optional<Sort> sortOf(String q) {
        if (q == null) {
            return Optional.empty();
        }
        Matcher m = ORDER_BY.matcher(q);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Sort(m.group(1).toLowerCase(Locale.ROOT),
                m.group(2) != null && m.group(2).equalsIgnoreCase("desc")));
    }

    /** The query without its ORDER BY. */
    static String filterOf(String q) {
        return q == null ? "" : ORDER_BY.matcher(q).replaceFirst("").strip();
    }

    /** The query sorted by {@code field}: ascending, or descending when it was already ascending by it. */
    static String sortedBy(String q, String field) {
        boolean descending = sortOf(q).filter(s -> s.field().equals(field) && !s.descending()).isPresent();
        String filter = filterOf(q);
        return (filter.isEmpty() ? "" : filter + " ") + "ORDER BY " + field + (descending ? " DESC" : " ASC");
    }
}
