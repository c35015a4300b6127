package io.worklane.work;

import io.worklane.shared.TenantId;
import io.worklane.shared.UserId;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What happened to work items, published for other modules (boards, flow, SLAs, notifications). */
public final class WorkItemEvents {

    /**
     * The live-updates topic (ADR 0010) on which every change to an item is announced, in the changing
     * transaction, with the item's key as the message: nodes forget what they remember of it (ADR 0012),
     * open boards refresh its card.
     */
    public static final String LIVE_TOPIC = "work-items";

    private WorkItemEvents() {
    }

    public record WorkItemCreated(TenantId tenant, ItemId item, String key, String category, UUID status,
                                  Instant at, UserId actor) {
    }

    public record WorkItemChanged(TenantId tenant, ItemId item, String key, Set<String> fields, Instant at,
                                  UserId actor) {
    }

    /** A status change, with its exact time: flow metrics and SLA clocks are computed from these. */
    /** {@code closed}: the item reached a done status (Done, Cancelled, …) with this transition. */
    public record WorkItemTransitioned(TenantId tenant, ItemId item, String key, UUID from, UUID to, Instant at,
                                       UserId actor, boolean closed) {
    }

    public record CommentAdded(TenantId tenant, ItemId item, String key, UUID comment, Set<UUID> mentioned,
                               Instant at, UserId actor) {
    }

    public record AttachmentAdded(TenantId tenant, ItemId item, String key, UUID attachment, Instant at, UserId actor) {
    }

    /** Work stopped on the item until something or someone else acts; blocked time is measured from these. */
    public record WorkItemBlocked(TenantId tenant, ItemId item, String key, String reason, UUID waitingOnUser,
                                  UUID waitingOnTeam, Instant at, UserId actor) {
    }

    public record WorkItemUnblocked(TenantId tenant, ItemId item, String key, Instant blockedSince, Instant at,
                                    UserId actor) {
    }
}
