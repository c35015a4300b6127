package io.worklane.catalog;

import io.worklane.approval.Approval;
import io.worklane.fulfilment.FulfilmentProgress;
import io.worklane.fulfilment.FulfilmentProgress.StepProgress;
import io.worklane.fulfilment.StepKind;
import io.worklane.fulfilment.StepStatus;
import io.worklane.work.StatusPhase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a requester wants to know of an open request: whom it waits on now, and when it should be
 * delivered. The date is the plan's: from now, the longest unfinished step of each stage still to go,
 * less what a running step has already taken; in calendar time until business calendars come with
 * service levels. Unknown when a step has no planned duration or the request has no plan.
 */
final class RequestOutlook {

    private RequestOutlook() {
    }

    static List<String> waitingOn(StatusPhase phase, String teamName, Approval approval, FulfilmentProgress run) {
        if (phase == StatusPhase.DONE) {
            return List.of();
        }
        if (approval != null && "pending".equals(approval.status())) {
            return approval.waitingOn().stream().map(p -> p.name() + " (approval)").toList();
        }
        if (run == null || "awaiting-approval".equals(run.status()) || "fulfilled".equals(run.status())) {
            return List.of(teamName);
        }
        List<String> waiting = new ArrayList<>();
        for (StepProgress step : run.steps()) {
            if (step.status() == StepStatus.FAILED) {
                waiting.add((step.team() == null ? teamName : step.team()) + " (step " + step.name() + " failed)");
            } else if (step.status() == StepStatus.RUNNING) {
                waiting.add(step.kind() == StepKind.AUTOMATED ? "Automated step " + step.name()
                        : step.team() + " (" + step.name() + ")");
            }
        }
        return waiting.isEmpty() ? List.of(teamName) : waiting;
    }

    static Instant expectedBy(StatusPhase phase, FulfilmentProgress run, Instant now) {
        if (run == null || "cancelled".equals(run.status())) {
            return null;
        }
        if (phase == StatusPhase.DONE || "fulfilled".equals(run.status())) {
            return run.finishedAt();
        }
        Map<Integer, Long> stageMinutes = new TreeMap<>();
        for (StepProgress step : run.steps()) {
            if (step.status() == StepStatus.DONE || step.status() == StepStatus.SKIPPED) {
                continue;
            }
            if (step.plannedMinutes() == null) {
                return null;
            }
            long left = step.plannedMinutes();
            if (step.startedAt() != null) {
                left = Math.max(0, left - Duration.between(step.startedAt(), now).toMinutes());
            }
            stageMinutes.merge(step.stage(), left, Math::max);
        }
        return now.plus(Duration.ofMinutes(stageMinutes.values().stream().mapToLong(Long::longValue).sum()));
    }
}
