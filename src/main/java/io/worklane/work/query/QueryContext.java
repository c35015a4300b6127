package io.worklane.work.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/** Who asks and when: what currentUser(), now() and the relative dates of a query mean. */
public record QueryContext(UUID currentUser, Instant now, ZoneId zone) {

    public QueryContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
    }

    public static QueryContext of(UUID currentUser, Clock clock) {
        return new QueryContext(currentUser, clock.instant(), clock.getZone());
    }
}
