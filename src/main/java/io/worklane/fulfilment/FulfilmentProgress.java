package io.worklane.fulfilment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request's fulfilment: {@code running}, {@code blocked} (a step failed; {@code error} says why) or
 * {@code fulfilled}, and each step with its planned and actual duration and who or what did it.
 */
public record FulfilmentProgress(String status, String error, Instant startedAt, Instant finishedAt,
                                 List<StepProgress> steps) {

    public record StepProgress(String name, StepKind kind, int stage, String team, StepStatus status, int attempts,
                               Integer plannedMinutes, Instant startedAt, Instant finishedAt, Long actualSeconds,
                               Map<String, Object> output, String error, String doneBy, String note) {
    }
}
