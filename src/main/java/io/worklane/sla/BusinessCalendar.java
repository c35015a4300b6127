package io.worklane.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working time in a time zone: hours per weekday (several spans a day, such as 09:00–12:30 and
 * 13:30–17:00), and holidays, on one date or every year on a day of a month. Business time between
 * two instants is the working time that lies between them; spans are laid on each local date and
 * turned into instants in the zone, so a day on which clocks change counts the hours that really
 * passed (a span 00:00–04:00 lasts 3 hours the night clocks go forward, 5 the night they go back).
 * Immutable; answers are exact to the nanosecond.
 */
public final class BusinessCalendar {

    /** How far ahead a goal is looked for before giving up: a calendar with no working day in ten years. */
    private static final int MAX_DAYS = 366 * 10;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Span>> hours;
    private final Set<LocalDate> holidays;
    private final Set<MonthDay> yearlyHolidays;

    /** One span of working time on a day, {@code from} before {@code to}; 24:00 is written as {@link LocalTime#MAX}. */
    public record Span(LocalTime from, LocalTime to) {

        public Span {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a span starts before it ends: " + from + "–" + to);
            }
        }
    }

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Span>> hours, Set<LocalDate> holidays,
                            Set<MonthDay> yearlyHolidays) {
        this.zone = zone;
        Map<DayOfWeek, List<Span>> copy = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, spans) -> copy.put(day, spans.stream()
                .sorted(java.util.Comparator.comparing(Span::from)).toList()));
        this.hours = copy;
        this.holidays = Set.copyOf(holidays);
        this.yearlyHolidays = Set.copyOf(yearlyHolidays);
    }

    /** Every hour of every day, in UTC: business time is wall-clock time. */
    public static BusinessCalendar allDay() {
        Map<DayOfWeek, List<Span>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(new Span(LocalTime.MIN, LocalTime.MAX)));
        }
        return new BusinessCalendar(ZoneId.of("UTC"), hours, Set.of(), Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /** Whether {@code date} is worked at all: not a holiday, and with hours on its weekday. */
    public boolean isWorkingDay(LocalDate date) {
        return !holidays.contains(date) && !yearlyHolidays.contains(MonthDay.from(date))
                && !hours.getOrDefault(date.getDayOfWeek(), List.of()).isEmpty();
    }

    /** The business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            for (Interval worked : intervals(date)) {
                Instant start = worked.start().isAfter(from) ? worked.start() : from;
                Instant end = worked.end().isBefore(to) ? worked.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code from}: a goal's due
     * time. {@code from} itself when {@code amount} is zero or less.
     *
     * @throws IllegalStateException when the calendar has no working time for ten years
     */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isZero() || amount.isNegative()) {
            return from;
        }
        Duration left = amount;
        LocalDate date = from.atZone(zone).toLocalDate().minusDays(1);
        for (int n = 0; n < MAX_DAYS; n++, date = date.plusDays(1)) {
            for (Interval worked : intervals(date)) {
                if (!worked.end().isAfter(from)) {
                    continue;
                }
                Instant start = worked.start().isAfter(from) ? worked.start() : from;
                Duration available = Duration.between(start, worked.end());
                if (available.compareTo(left) >= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("This calendar has no working time in the ten years after " + from);
    }

    /** The working spans of one local date as instants (none on a holiday). */
    private List<Interval> intervals(LocalDate date) {
        if (!isWorkingDay(date)) {
            return List.of();
        }
        List<Interval> intervals = new ArrayList<>();
        for (Span span : hours.get(date.getDayOfWeek())) {
            Instant start = ZonedDateTime.of(date, span.from(), zone).toInstant();
            Instant end = span.to().equals(LocalTime.MAX) ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(date, span.to(), zone).toInstant();
            if (end.isAfter(start)) {
                intervals.add(new Interval(start, end));
            }
        }
        return intervals;
    }

    private record Interval(Instant start, Instant end) {
    }
}
