package io.worklane.sla;

import io.worklane.shared.web.FieldError;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What makes a calendar definition sound, with every mistake named by its field
 * ({@code hours.MONDAY[1].to}), and the {@link BusinessCalendar} a sound one describes.
 */
final class CalendarRules {

    static final int MAX_HOLIDAYS = 400;

    private CalendarRules() {
    }

    /** The definition's problems; empty when {@link #toBusinessCalendar} may be called. */
    static List<FieldError> problems(CalendarDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        if (definition == null) {
            errors.add(new FieldError("body", "must be a calendar"));
            return errors;
        }
        if (definition.name() == null || definition.name().isBlank() || definition.name().strip().length() > 80) {
            errors.add(new FieldError("name", "must be 1 to 80 characters"));
        }
        try {
            ZoneId.of(definition.timeZone() == null ? "" : definition.timeZone().strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "must be a time zone such as Europe/London or UTC"));
        }
        Map<String, List<Calendar.Hours>> hours = definition.hours() == null ? Map.of() : definition.hours();
        int spans = 0;
        for (var day : hours.entrySet()) {
            String at = "hours." + day.getKey();
            if (day(day.getKey()) == null) {
                errors.add(new FieldError(at, "must be a weekday: MONDAY to SUNDAY"));
                continue;
            }
            List<Calendar.Hours> list = day.getValue() == null ? List.of() : day.getValue();
            LocalTime previousEnd = null;
            for (int n = 0; n < list.size(); n++) {
                Calendar.Hours span = list.get(n);
                LocalTime from = span == null ? null : time(span.from());
                LocalTime to = span == null ? null : time(span.to());
                if (from == null || from.equals(LocalTime.MAX)) {
                    errors.add(new FieldError(at + "[" + n + "].from", "must be a time from 00:00 to 23:59"));
                }
                if (to == null) {
                    errors.add(new FieldError(at + "[" + n + "].to", "must be a time from 00:01 to 24:00"));
                }
                if (from == null || to == null || from.equals(LocalTime.MAX)) {
                    continue;
                }
                if (!from.isBefore(to)) {
                    errors.add(new FieldError(at + "[" + n + "].to", "must be after " + span.from()));
                } else if (previousEnd != null && from.isBefore(previousEnd)) {
                    errors.add(new FieldError(at + "[" + n + "].from", "must not overlap the span before; list spans in order"));
                } else {
                    spans++;
                }
                previousEnd = to;
            }
        }
        if (spans == 0 && errors.stream().noneMatch(e -> e.field().startsWith("hours"))) {
            errors.add(new FieldError("hours", "must have working time on at least one weekday"));
        }
        List<Calendar.Holiday> holidays = definition.holidays() == null ? List.of() : definition.holidays();
        if (holidays.size() > MAX_HOLIDAYS) {
            errors.add(new FieldError("holidays", "must be at most " + MAX_HOLIDAYS));
        }
        for (int n = 0; n < holidays.size(); n++) {
            Calendar.Holiday holiday = holidays.get(n);
            if (holiday == null || date(holiday.date()) == null) {
                errors.add(new FieldError("holidays[" + n + "].date", "must be a date such as 2026-12-25"));
            }
            if (holiday != null && holiday.name() != null && holiday.name().length() > 80) {
                errors.add(new FieldError("holidays[" + n + "].name", "must be at most 80 characters"));
            }
        }
        return errors;
    }

    static BusinessCalendar toBusinessCalendar(String timeZone, Map<String, List<Calendar.Hours>> hours,
                                               List<Calendar.Holiday> holidays) {
        Map<DayOfWeek, List<BusinessCalendar.Span>> spans = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, list) -> spans.put(day(day), list.stream()
                .map(h -> new BusinessCalendar.Span(time(h.from()), time(h.to()))).toList()));
        Set<LocalDate> once = new HashSet<>();
        Set<MonthDay> yearly = new HashSet<>();
        for (Calendar.Holiday holiday : holidays) {
            LocalDate date = date(holiday.date());
            if (Boolean.TRUE.equals(holiday.yearly())) {
                yearly.add(MonthDay.from(date));
            } else {
                once.add(date);
            }
        }
        return new BusinessCalendar(ZoneId.of(timeZone), spans, once, yearly);
    }

    static DayOfWeek day(String name) {
        try {
            return name == null ? null : DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "HH:mm", with "24:00" as the end of the day. */
    static LocalTime time(String text) {
        if (text == null) {
            return null;
        }
        if (text.strip().equals("24:00")) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
