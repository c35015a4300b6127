package io.worklane.fulfilment;

/**
 * One step of a fulfilment plan. Steps of the same {@code stage} run side by side; a stage starts
 * when every step of the stages before it is done. {@code team} does a manual step; {@code call}
 * is what an automated step does. {@code plannedMinutes} is what the step should take.
 */
public record PlanStep(String name, StepKind kind, Integer stage, String team, Integer plannedMinutes, HttpCall call) {
}
