package io.worklane.work.query;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a list can be ordered by, and the SQL expression it orders on. Every expression is NOT NULL so
 * that keyset paging can compare with "=": the nullable columns sort as a far-future sentinel, which
 * puts empty values last ascending and first descending.
 */
public enum SortField {
    KEY("i.number", SortValueType.LONG, false, "key", "number"),
    CREATED("i.created_at", SortValueType.TIMESTAMP, false, "created"),
    UPDATED("i.updated_at", SortValueType.TIMESTAMP, false, "updated"),
    RESOLVED("coalesce(i.resolved_at, timestamptz '9999-12-31 00:00:00+00')", SortValueType.TIMESTAMP, false, "resolved"),
    DUE("coalesce(i.due_date, date '9999-12-31')", SortValueType.DATE, false, "due", "duedate"),
    /** Priority 1 is the highest, so "priority DESC" (most urgent first, as in Jira) orders the number ascending. */
    PRIORITY("i.priority", SortValueType.INTEGER, true, "priority"),
    STATUS("i.status_id", SortValueType.UUID, false, "status"),
    TITLE("i.title", SortValueType.TEXT, false, "title", "summary"),
    TYPE("i.type_id", SortValueType.UUID, false, "type"),
    /** Only with a text condition; its expression ranks against that condition's search query. */
    RELEVANCE(null, SortValueType.REAL, false, "relevance");

    private final String sql;
    private final SortValueType type;
    private final boolean inverted;
    private final List<String> names;

    SortField(String sql, SortValueType type, boolean inverted, String... names) {
        this.sql = sql;
        this.type = type;
        this.inverted = inverted;
        this.names = List.of(names);
    }

    public String displayName() {
        return names.get(0);
    }

    /** The SQL expression, for every field except relevance, whose expression depends on the query. */
    String sql() {
        return sql;
    }

    SortValueType type() {
        return type;
    }

    /** Whether the SQL order runs against the order a person asks for. */
    boolean inverted() {
        return inverted;
    }

    static Optional<SortField> named(String name) {
        return Stream.of(values()).filter(f -> f.names.stream().anyMatch(name::equalsIgnoreCase)).findFirst();
    }

    static List<String> allNames() {
        return Stream.of(values()).flatMap(f -> f.names.stream()).toList();
    }
}
