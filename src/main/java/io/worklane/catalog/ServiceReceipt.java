package io.worklane.catalog;

import io.worklane.approval.Approval;
import io.worklane.fulfilment.FulfilmentProgress.StepProgress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a request proves once it is done: what was ordered (the offering at its version, the answers),
 * by whom and when, its approval (each stage, who decided what, when and why; null when
 * pre-authorised), each step of its fulfilment with who or what did it, when, and planned against
 * actual duration, and the whole request's planned and actual time.
 */
public record ServiceReceipt(UUID request, String item, ServiceRequest.OfferingRef offering,
                             ServiceRequest.Requester requester, Instant orderedAt, String status, String fulfilment,
                             Instant fulfilledAt, Long plannedMinutes, Long actualSeconds, Map<String, Object> answers,
                             Approval approval, List<StepProgress> steps) {

    static ServiceReceipt of(ServiceRequest request) {
        var run = request.fulfilment();
        List<StepProgress> steps = run == null ? List.of() : run.steps();
        Instant finished = run == null ? null : run.finishedAt();
        return new ServiceReceipt(request.id(), request.item(), request.offering(), request.requester(),
                request.createdAt(), request.status(), run == null ? null : run.status(), finished, planned(steps),
                finished == null ? null : Duration.between(request.createdAt(), finished).toSeconds(),
                request.answers(), request.approval(), steps);
    }

    /** The plan's own estimate: the longest step of each stage, stage after stage; null without a plan. */
    private static Long planned(List<StepProgress> steps) {
        if (steps.isEmpty() || steps.stream().anyMatch(s -> s.plannedMinutes() == null)) {
            return null;
        }
        return steps.stream().collect(java.util.stream.Collectors.groupingBy(StepProgress::stage,
                        java.util.stream.Collectors.summarizingLong(s -> s.plannedMinutes())))
                .values().stream().mapToLong(java.util.LongSummaryStatistics::getMax).sum();
    }
}
