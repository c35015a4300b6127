package io.worklane.catalog;

import io.worklane.approval.ApprovalDecided;
import io.worklane.catalog.internal.ServiceRequests;
import io.worklane.fulfilment.Fulfilment;
import io.worklane.work.WorkManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a request does when its approval ends, in the transaction that ended it: approved, its
 * fulfilment starts; rejected, its run is cancelled and its item moves to Cancelled, with the reason
 * on the request.
 */
@Component
class RequestApprovals {

    private final ServiceRequests requests;
    private final Fulfilment fulfilment;
    private final WorkManagement work;

    RequestApprovals(ServiceRequests requests, Fulfilment fulfilment, WorkManagement work) {
        this.requests = requests;
        this.fulfilment = fulfilment;
        this.work = work;
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
