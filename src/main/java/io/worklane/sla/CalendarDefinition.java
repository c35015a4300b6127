package io.worklane.sla;

import java.util.List;
import java.util.Map;

/** A calendar as an admin writes it, to create one or replace one whole. */
public record CalendarDefinition(String name, String timeZone, Map<String, List<Calendar.Hours>> hours,
                                 List<Calendar.Holiday> holidays) {
}
