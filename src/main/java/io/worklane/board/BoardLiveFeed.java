package io.worklane.board;

import io.worklane.board.BoardEvents.CardRanked;
import io.worklane.shared.live.LiveUpdates;
import io.worklane.work.WorkItemEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces a card's new place in its column on the work items' live topic, inside the transaction
 * that made it: PostgreSQL delivers the notice to every node only if it commits (ADR 0010). Every
 * other change to an item is announced there by the work module itself; open boards decide whether
 * the item is theirs ({@link BoardWatch}).
 */
@Component
class BoardLiveFeed {

    static final String TOPIC = WorkItemEvents.LIVE_TOPIC;

    private final LiveUpdates live;

    BoardLiveFeed(LiveUpdates live) {
        this.live = live;
    }

    @EventListener
    void on(CardRanked event) {
        live.publish(event.tenant(), TOPIC, event.key());
    }
}
