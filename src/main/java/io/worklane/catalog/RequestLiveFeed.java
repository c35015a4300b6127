package io.worklane.catalog;

import io.worklane.approval.ApprovalChanged;
import io.worklane.catalog.internal.ServiceRequests;
import io.worklane.work.WorkItemEvents;
import io.worklane.fulfilment.FulfilmentChanged;
import io.worklane.shared.live.LiveUpdates;
import io.worklane.tenancy.TenantContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Announces that a request moved (its approval, its fulfilment, its conversation) on the requests' live topic, inside
 * the transaction that moved it, so open request pages show it again only once it is committed
 * (ADR 0010).
 */
@Component
class RequestLiveFeed {

    /** Messages are {@code <request id> <requester id>}: a request's page and its requester's list both filter by text. */
    static final String TOPIC = "requests";

    private final LiveUpdates live;
    private final ServiceRequests requests;

    RequestLiveFeed(LiveUpdates live, ServiceRequests requests) {
        this.live = live;
        this.requests = requests;
    }

    /** A comment on a request's item is part of the conversation on the request's page. */
    @EventListener
    void on(WorkItemEvents.CommentAdded added) {
        requests.ofItem(added.item().value()).ifPresent(this::announce);
    }

    @EventListener
    void on(FulfilmentChanged changed) {
        announce(changed.requestId());
    }

    @EventListener
    void on(ApprovalChanged changed) {
        if (CatalogManagement.APPROVAL_KIND.equals(changed.subjectKind())) {
            announce(changed.subjectId());
        }
    }

    private void announce(UUID request) {
        requests.requesterOf(request).ifPresent(requester ->
                live.publish(TenantContext.require().id(), TOPIC, request + " " + requester));
    }
}
