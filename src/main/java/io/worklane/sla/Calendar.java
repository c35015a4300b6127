package io.worklane.sla;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A business calendar as people define and read it: a time zone, working hours by weekday
 * ({@code "MONDAY": [{"from": "09:00", "to": "17:00"}]}, "24:00" ends a day) and holidays.
 */
public record Calendar(UUID id, String name, String timeZone, Map<String, List<Hours>> hours, List<Holiday> holidays,
                       Instant createdAt, Instant updatedAt, long version) {

    /** A span of working time on a weekday, as "HH:mm" texts. */
    public record Hours(String from, String to) {
    }

    /** A day off: on {@code date}, or on its month and day every year when {@code yearly}. */
    public record Holiday(String date, String name, Boolean yearly) {
    }
}
