package io.worklane.board;

import io.worklane.board.BoardEvents.CardRanked;
import io.worklane.shared.TenantId;
import io.worklane.shared.live.LiveUpdates;
import io.worklane.work.WorkItemEvents.WorkItemBlocked;
import io.worklane.work.WorkItemEvents.WorkItemChanged;
import io.worklane.work.WorkItemEvents.WorkItemCreated;
import io.worklane.work.WorkItemEvents.WorkItemTransitioned;
import io.worklane.work.WorkItemEvents.WorkItemUnblocked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces every change to an item that a board may show, on the tenant's {@link #TOPIC}, inside the
 * transaction that made it: PostgreSQL delivers the notice to every node only if it commits (ADR 0010).
 * Open boards decide whether the item is theirs ({@code BoardStream}).
 */
@Component
class BoardLiveFeed {

    /** The topic of card changes; the message is the item's key. */
    static final String TOPIC = "board-cards";

    private final LiveUpdates live;

    BoardLiveFeed(LiveUpdates live) {
        this.live = live;
    }

    @EventListener
    void on(WorkItemCreated event) {
        announce(event.tenant(), event.key());
    }

    @EventListener
    void on(WorkItemChanged event) {
        announce(event.tenant(), event.key());
    }

    @EventListener
    void on(WorkItemTransitioned event) {
        announce(event.tenant(), event.key());
    }

    @EventListener
    void on(WorkItemBlocked event) {
        announce(event.tenant(), event.key());
    }

    @EventListener
    void on(WorkItemUnblocked event) {
        announce(event.tenant(), event.key());
    }

    @EventListener
    void on(CardRanked event) {
        announce(event.tenant(), event.key());
    }

    private void announce(TenantId tenant, String key) {
        live.publish(tenant, TOPIC, key);
    }
}
