package io.worklane.catalog;

import io.worklane.fulfilment.FulfilmentProgress;
import io.worklane.work.StatusPhase;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An order of an offering: the work item that carries it (of type Service request), the offering at
 * the version it was ordered with, the requester's answers to its form, and where its fulfilment
 * stands, step by step (null when the offering has no plan).
 */
public record ServiceRequest(UUID id, String item, String title, String status, StatusPhase phase, OfferingRef offering,
                             Map<String, Object> answers, Requester requester, Instant createdAt,
                             FulfilmentProgress fulfilment) {

    public ServiceRequest {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public record OfferingRef(String key, int version, String name) {
    }

    public record Requester(UUID id, String name, String email) {
    }
}
