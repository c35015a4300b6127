/**
 * Service levels: business calendars (working hours per weekday in a time zone, holidays one-off or
 * yearly), SLA policies whose clocks run on those calendars, breaches and compliance reports. Clocks
 * count business time only: a four-hour goal set at 16:00 on a Friday falls due on Monday.
 */
@ApplicationModule(displayName = "Service levels")
package io.worklane.sla;

import org.springframework.modulith.ApplicationModule;
