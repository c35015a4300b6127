package io.worklane.fulfilment;

import io.worklane.fulfilment.internal.Runs;
import io.worklane.fulfilment.internal.Runs.Step;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fulfilment of requests: a run of the offering's plan starts with the order, in the same transaction,
 * and goes on by itself (ADR 0017). Agents finish manual steps, and retry or skip a failed one with a
 * reason; every step keeps its planned and actual duration and who or what did it.
 */
@Service
public class Fulfilment {

    private final Runs runs;
    private final FulfilmentEngine engine;
    private final Clock clock;

    Fulfilment(Runs runs, FulfilmentEngine engine, Clock clock) {
        this.runs = runs;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Starts fulfilling a request by {@code plan}: its steps are copied into the run, and the first
     * stage starts once the caller's transaction commits. An empty plan starts nothing: the team that
     * owns the item fulfils it by hand. {@code context} is what the plan's templates may use. A run
     * {@code held} for approval shows its steps but starts only when {@link #release released}.
     */
    @Transactional
    public void start(UUID requestId, String itemKey, FulfilmentPlan plan, Map<String, Object> context, boolean held) {
        if (plan == null || plan.steps().isEmpty()) {
            return;
        }
        runs.insertRun(requestId, itemKey, context, held ? "awaiting-approval" : "running", clock.instant());
        for (int n = 0; n < plan.steps().size(); n++) {
            PlanStep step = plan.steps().get(n);
            runs.insertStep(requestId, n, plan.stageOf(n), step.name(), step.kind(),
                    step.team() == null ? null : step.team().strip().toUpperCase(java.util.Locale.ROOT),
                    step.plannedMinutes(), step.call());
        }
        if (!held) {
            engine.scheduleAdvance(requestId, "start");
        }
    }

    /** The request was approved: its run starts now (nothing happens to a request without a plan). */
    @Transactional
    public void release(UUID requestId) {
        if (runs.release(requestId, clock.instant())) {
            engine.scheduleAdvance(requestId, "approved");
            engine.changed(requestId);
        }
    }

    /** The request was rejected: its run will never start; {@code reason} says why. */
    @Transactional
    public void cancel(UUID requestId, String reason) {
        runs.lockRun(requestId).filter(run -> "awaiting-approval".equals(run.status()))
                .ifPresent(run -> {
                    runs.runStatus(requestId, "cancelled", reason, clock.instant());
                    engine.changed(requestId);
                });
    }

    /** Where a request's fulfilment stands; empty when it has no plan. */
    @Transactional(readOnly = true)
    public Optional<FulfilmentProgress> progress(UUID requestId) {
        return runs.run(requestId).map(run -> Runs.progress(run, runs.steps(requestId)));
    }

    /** Where the fulfilment of each of many requests stands (those without a plan are absent). */
    @Transactional(readOnly = true)
    public Map<UUID, FulfilmentProgress> progress(java.util.List<UUID> requestIds) {
        return runs.progress(requestIds);
    }

    /** An agent finishes a manual step that is under way. */
    @Transactional
    public FulfilmentProgress complete(WorklaneUser actor, UUID requestId, String stepName, String note) {
        Step step = step(actor, requestId, stepName);
        if (step.kind() != StepKind.MANUAL || step.status() != StepStatus.RUNNING) {
            throw ApiProblem.conflictOnField("step-not-running", "step",
                    "only a manual step under way can be finished; " + step.name() + " is " + step.status().code());
        }
        runs.finish(requestId, step.position(), StepStatus.DONE, null, null, actor.id().value(), note(note), clock.instant());
        engine.scheduleAdvance(requestId, "done-" + step.position());
        engine.changed(requestId);
        return progress(requestId).orElseThrow();
    }

    /** An agent tries a failed step again, with fresh attempts; the run goes on from there. */
    @Transactional
    public FulfilmentProgress retry(WorklaneUser actor, UUID requestId, String stepName) {
        Step step = failed(actor, requestId, stepName);
        runs.resetForRetry(requestId, step.position(), clock.instant());
        runs.runStatus(requestId, "running", null, null);
        engine.scheduleCall(requestId, step.position(), step.attempts());
        engine.changed(requestId);
        return progress(requestId).orElseThrow();
    }

    /** An agent skips a failed step, saying why; the run goes on without it. */
    @Transactional
    public FulfilmentProgress skip(WorklaneUser actor, UUID requestId, String stepName, String reason) {
        Step step = failed(actor, requestId, stepName);
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalidField("reason", "must say why the step is skipped");
        }
        Instant now = clock.instant();
        runs.finish(requestId, step.position(), StepStatus.SKIPPED, null, step.error(), actor.id().value(), note(reason), now);
        runs.runStatus(requestId, "running", null, null);
        engine.scheduleAdvance(requestId, "skip-" + step.position());
        engine.changed(requestId);
        return progress(requestId).orElseThrow();
    }

    /** The secret automated calls are signed with, for the admin who sets up the endpoints. */
    public String signingSecret(WorklaneUser actor) {
        if (!actor.isAdmin()) {
            throw ApiProblem.forbidden("Only admins may read the signing secret.");
        }
        return engine.signingSecret();
    }

    private Step failed(WorklaneUser actor, UUID requestId, String stepName) {
        Step step = step(actor, requestId, stepName);
        if (step.status() != StepStatus.FAILED) {
            throw ApiProblem.conflictOnField("step-not-failed", "step",
                    "only a failed step can be retried or skipped; " + step.name() + " is " + step.status().code());
        }
        return step;
    }

    private Step step(WorklaneUser actor, UUID requestId, String stepName) {
        if (!actor.isStaff()) {
            throw ApiProblem.forbidden("Only agents and admins work on fulfilment steps.");
        }
        runs.lockRun(requestId).orElseThrow(() -> ApiProblem.notFound("This request has no fulfilment plan."));
        return runs.steps(requestId).stream().filter(s -> s.name().equals(stepName)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("There is no step " + stepName + " in this request's plan."));
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(note.strip().length(), 1000));
    }
}
