package io.worklane.sla;

import io.worklane.shared.TenantId;

import java.time.Instant;
import java.util.UUID;

/**
 * A clock crossed its warning threshold or its goal: published once per clock and kind, in the
 * transaction that recorded it, whichever node noticed first (ADR 0019).
 */
public record SlaEvent(TenantId tenant, UUID item, String key, UUID policy, String metric, String metricName, String kind,
                       Instant at, UUID assigneeId, UUID teamId) {
}
