package io.worklane.work.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads custom field values in Java the way PostgreSQL's {@code ->>} and casts read them in SQL. */
final class CustomValues {

    static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    private static final Pattern DATE = Pattern.compile(DATE_PATTERN);
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private CustomValues() {
    }

    /**
     * Keys become SQL literals ({@code i.fields->>'impact'}), which an expression index can match; they
     * are safe because they must fit custom_fields' own pattern, checked here for every criterion.
     */
    static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a custom field key: " + key);
        }
        return key;
    }

    static boolean isKey(String key) {
        return KEY.matcher(key).matches();
    }

    static String text(String key) {
        return "(i.fields->>'" + key + "')";
    }

    static String scalarText(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    static BigDecimal number(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    static LocalDate date(Object value) {
        if (value instanceof String s && DATE.matcher(s).matches()) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
