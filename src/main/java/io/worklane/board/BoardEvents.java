package io.worklane.board;

import io.worklane.shared.TenantId;
import io.worklane.shared.UserId;

import java.time.Instant;

/** What happened on boards, for live views and reports. */
public final class BoardEvents {

    private BoardEvents() {
    }

    /** A card changed its place within a column (a status change is announced by the work module). */
    public record CardRanked(TenantId tenant, BoardId board, String key, Instant at, UserId actor) {
    }

    /** A hard WIP limit was overridden, with the reason. */
    public record WipLimitOverridden(TenantId tenant, BoardId board, String key, String scope, String name,
                                     String reason, Instant at, UserId actor) {
    }
}
