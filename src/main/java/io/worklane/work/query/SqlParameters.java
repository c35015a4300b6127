package io.worklane.work.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the values of a statement under generated names ({@code q1}, {@code q2}, ...) as criteria compile. */
public final class SqlParameters {

    private final String prefix;
    private final Map<String, Object> values = new LinkedHashMap<>();

    SqlParameters(String prefix) {
        this.prefix = prefix;
    }

    /** Adds a value and returns its placeholder. Instants travel as UTC offset date-times, which the driver binds as timestamptz. */
    String bind(Object value) {
        String name = prefix + (values.size() + 1);
        values.put(name, value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
        return ":" + name;
    }

    Map<String, Object> values() {
        return values;
    }
}
