package io.worklane.catalog;

import io.worklane.approval.ApprovalDecided;
import io.worklane.approval.Approvals;
import io.worklane.work.WorkItemEvents;
import io.worklane.catalog.internal.ServiceRequests;
import io.worklane.fulfilment.Fulfilment;
import io.worklane.work.WorkManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a request does when its approval ends, and what its approval does when the request is closed by hand, in the transaction that ended it: approved, its
 * fulfilment starts; rejected, its run is cancelled and its item moves to Cancelled, with the reason
 * on the request.
 */
@Component
class RequestApprovals {

    private final ServiceRequests requests;
    private final Fulfilment fulfilment;
    private final WorkManagement work;
    private final Approvals approvals;

    RequestApprovals(ServiceRequests requests, Fulfilment fulfilment, WorkManagement work, Approvals approvals) {
        this.approvals = approvals;
        this.requests = requests;
        this.fulfilment = fulfilment;
        this.work = work;
    }

    /** A request's item closed by hand (Cancelled, or Done) while it waited: no one is asked further, nothing starts. */
    @EventListener
    void on(WorkItemEvents.WorkItemTransitioned moved) {
        if (!moved.closed() || moved.actor() == null) {
            return;
        }
        requests.ofItem(moved.item().value()).ifPresent(request -> {
            approvals.cancel(CatalogManagement.APPROVAL_KIND, request, "The request was closed before it was approved");
            fulfilment.cancel(request, "The request was closed before it was approved");
        });
    }

    @EventListener
    void on(ApprovalDecided decided) {
        if (!CatalogManagement.APPROVAL_KIND.equals(decided.subjectKind())) {
            return;
        }
        if (decided.approved()) {
            fulfilment.release(decided.subjectId());
            return;
        }
        fulfilment.cancel(decided.subjectId(), decided.outcome());
        requests.find(decided.subjectId()).ifPresent(request -> work.cancelAutomatically(request.itemKey()));
    }
}
