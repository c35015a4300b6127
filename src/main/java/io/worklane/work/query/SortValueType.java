package io.worklane.work.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The SQL type of a sort expression: how its value is read from a row, written into a cursor and bound back. */
enum SortValueType {
    TIMESTAMP("timestamptz"), DATE("date"), INTEGER("integer"), LONG("bigint"), TEXT("text"), UUID("uuid"), REAL("real");

    private final String sqlType;

    SortValueType(String sqlType) {
        this.sqlType = sqlType;
    }

    String sqlType() {
        return sqlType;
    }

    /** The value as cursor text: ISO instants and dates, decimal numbers, exact float text (round-trips). */
    String read(ResultSet row, String column) throws SQLException {
        return switch (this) {
            case TIMESTAMP -> row.getObject(column, OffsetDateTime.class).toInstant().toString();
            case DATE -> row.getObject(column, LocalDate.class).toString();
            case INTEGER -> Integer.toString(row.getInt(column));
            case LONG -> Long.toString(row.getLong(column));
            case TEXT -> row.getString(column);
            case UUID -> row.getObject(column, java.util.UUID.class).toString();
            case REAL -> Float.toString(row.getFloat(column));
        };
    }

    /** The value to bind; throws IllegalArgumentException (or a subclass) for text that was not written by {@link #read}. */
    Object parse(String text) {
        return switch (this) {
            case TIMESTAMP -> OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
            case DATE -> LocalDate.parse(text);
            case INTEGER -> Integer.parseInt(text);
            case LONG -> Long.parseLong(text);
            case TEXT -> text;
            case UUID -> java.util.UUID.fromString(text);
            case REAL -> Float.parseFloat(text);
        };
    }
}
