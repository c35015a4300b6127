package io.worklane.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An SLA policy: the items it applies to ({@code appliesTo}, an item query), the calendar its clocks
 * run on, and its metrics, each a clock with start, pause and stop conditions (item queries; no start
 * means from creation) and goals chosen by condition, the last one without a condition.
 */
public record SlaPolicy(UUID id, String name, String appliesTo, UUID calendar, List<Metric> metrics, Instant createdAt,
                        Instant updatedAt, long version) {

    /**
     * One clock of a policy, such as time to first response; {@code warnAt} is a percentage of the goal;
     * with {@code raisePriority}, a breach raises the item's priority one step.
     */
    public record Metric(String key, String name, String start, String pause, String stop, List<Goal> goals,
                         Integer warnAt, Boolean raisePriority) {

        public int warnPercent() {
            return warnAt == null ? 75 : warnAt;
        }
    }

    /** A goal in business minutes, for items matching {@code when} (none: all others). */
    public record Goal(String when, Integer minutes) {
    }
}
