package io.worklane.sla;

import java.time.Instant;
import java.util.UUID;

/** A recorded repair: why, who asked (none: Worklane itself), how many items so far, when it finished. */
public record SlaRepair(UUID id, String reason, UUID requestedBy, Instant requestedAt, int items, Instant finishedAt) {
}
