package io.worklane.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * One SLA clock of an item, as it stands now: {@code status} is not-started, running, paused, met or
 * breached; times in business minutes on the policy's calendar.
 */
public record ItemClock(UUID policyId, String policy, String metric, String metricName, String status,
                        Instant startedAt, Instant stoppedAt, long elapsedMinutes, Long goalMinutes, Long remainingMinutes,
                        Instant dueAt, Instant warnAt, Instant warnedAt, Instant breachedAt) {
}
