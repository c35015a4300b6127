package io.worklane.work.query;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.stream.Stream;

/** The functions a value may call; all but currentUser() are points in time in the context's zone. */
public enum QueryFunction {
    CURRENT_USER("currentUser"),
    NOW("now"),
    START_OF_DAY("startOfDay"),
    END_OF_DAY("endOfDay"),
    START_OF_WEEK("startOfWeek"),
    END_OF_WEEK("endOfWeek"),
    START_OF_MONTH("startOfMonth"),
    END_OF_MONTH("endOfMonth");

    private final String functionName;

    QueryFunction(String functionName) {
        this.functionName = functionName;
    }

    public String functionName() {
        return functionName;
    }

    static Optional<QueryFunction> named(String name) {
        return Stream.of(values()).filter(f -> f.functionName.equalsIgnoreCase(name)).findFirst();
    }

    static java.util.List<String> allNames() {
        return Stream.of(values()).map(QueryFunction::functionName).toList();
    }

    /**
     * The instant this function names. The offset moves "now" first, in calendar terms for days and
     * weeks, so {@code startOfDay(-1d)} is yesterday's midnight even across a DST change. Weeks start on
     * Monday; an end is the last microsecond of its period (PostgreSQL keeps microseconds), so that
     * {@code <= endOfWeek()} includes all of Sunday and converts to Sunday's date.
     */
    Instant at(QueryContext context, RelativeDuration offset) {
        Instant shifted = offset == null ? context.now() : offset.from(context.now(), context.zone());
        LocalDate day = shifted.atZone(context.zone()).toLocalDate();
        return switch (this) {
            case CURRENT_USER -> throw new IllegalStateException("currentUser() is not a time");
            case NOW -> shifted;
            case START_OF_DAY -> startOf(day, context);
            case END_OF_DAY -> endBefore(day.plusDays(1), context);
            case START_OF_WEEK -> startOf(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), context);
            case END_OF_WEEK -> endBefore(day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), context);
            case START_OF_MONTH -> startOf(day.withDayOfMonth(1), context);
            case END_OF_MONTH -> endBefore(day.withDayOfMonth(1).plusMonths(1), context);
        };
    }

    private static Instant startOf(LocalDate day, QueryContext context) {
        return day.atStartOfDay(context.zone()).toInstant();
    }

    private static Instant endBefore(LocalDate nextDay, QueryContext context) {
        return startOf(nextDay, context).minusNanos(1_000);
    }
}
