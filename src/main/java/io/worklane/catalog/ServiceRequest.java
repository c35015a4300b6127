package io.worklane.catalog;

import io.worklane.approval.Approval;
import io.worklane.fulfilment.FulfilmentProgress;
import io.worklane.work.StatusPhase;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order of an offering: the work item that carries it (of type Service request), the offering at
 * the version it was ordered with, the requester's answers to its form, its approval (null when
 * pre-authorised), where its fulfilment stands, step by step (null when the offering has no plan),
 * whom it waits on now, and when it should be delivered by the plan (null when the plan does not say).
 */
public record ServiceRequest(UUID id, String item, String title, String status, StatusPhase phase, OfferingRef offering,
                             Map<String, Object> answers, Requester requester, Instant createdAt, Approval approval,
                             FulfilmentProgress fulfilment, List<String> waitingOn, Instant expectedBy) {

    public ServiceRequest {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        waitingOn = List.copyOf(waitingOn);
    }

    public record OfferingRef(String key, int version, String name) {
    }

    public record Requester(UUID id, String name, String email) {
    }

    /** Whether the request still waits for its approvers. */
    public boolean awaitingApproval() {
        return approval != null && "pending".equals(approval.status());
    }
}
