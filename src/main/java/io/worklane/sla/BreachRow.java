package io.worklane.sla;

import java.time.Instant;
import java.util.UUID;

/** A clock that breached its goal: which item, by how much, and when. */
public record BreachRow(String item, UUID policyId, String policy, String metric, String team, long goalMinutes,
                        long elapsedMinutes, Instant breachedAt, Instant stoppedAt, String status) {
}
