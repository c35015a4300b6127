package io.worklane.fulfilment;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.worklane.fulfilment.internal.Runs;
import io.worklane.fulfilment.internal.Runs.Run;
import io.worklane.fulfilment.internal.Runs.Step;
import io.worklane.tenancy.TenantContext;
import io.worklane.tenancy.TenantJobs;
import io.worklane.tenancy.TenantJobs.Job;
import io.worklane.work.WorkManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Runs fulfilment plans. Every move is a short transaction on the run's rows, and the next move is a
 * durable job scheduled in that same transaction, so a crash anywhere leaves the run where it was and
 * the job that continues it (ADR 0017). A step's call happens outside any transaction; it is sent with
 * the same Idempotency-Key on every attempt, so an endpoint sees one order however often a crash makes
 * it arrive.
 */
@Component
class FulfilmentEngine {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentEngine.class);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    static final String SIGNATURE = "X-Worklane-Signature";

    private final Runs runs;
    private final Scheduler scheduler;
    private final OneTimeTask<Job> advanceTask;
    private final OneTimeTask<Job> callTask;
    private final WorkManagement work;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();

    FulfilmentEngine(Runs runs, Scheduler scheduler, @Qualifier("fulfilmentAdvance") OneTimeTask<Job> advanceTask,
                     @Qualifier("fulfilmentCall") OneTimeTask<Job> callTask, WorkManagement work,
                     ApplicationEventPublisher events, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.events = events;
        this.runs = runs;
        this.scheduler = scheduler;
        this.advanceTask = advanceTask;
        this.callTask = callTask;
        this.work = work;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Schedules the run's next move; inside the caller's transaction, so it exists only if that commits. */
    void scheduleAdvance(UUID requestId, String why) {
        TenantJobs.schedule(scheduler, TenantJobs.instance(advanceTask, TenantContext.require(),
                requestId + "/advance/" + why, clock.instant()));
    }

    /** Schedules a step's call again after an agent's retry (a new job: the failed one is gone). */
    void scheduleCall(UUID requestId, int position, int earlierAttempts) {
        TenantJobs.schedule(scheduler, TenantJobs.instance(callTask, TenantContext.require(),
                requestId + "/call/" + position + "/retry-" + earlierAttempts + "-" + clock.instant().toEpochMilli(),
                clock.instant()));
    }

    /** Starts the steps of the first stage that is not finished, or finishes the run when none is left. */
    void advance(UUID requestId) {
        transactions.executeWithoutResult(tx -> {
            Run run = runs.lockRun(requestId).orElse(null);
            if (run == null || !"running".equals(run.status())) {
                return;
            }
            List<Step> steps = runs.steps(requestId);
            if (steps.stream().anyMatch(step -> step.status() == StepStatus.FAILED)) {
                return;
            }
            Instant now = clock.instant();
            OptionalInt stage = steps.stream().filter(step -> !step.status().finished()).mapToInt(Step::stage).min();
            if (stage.isEmpty()) {
                runs.runStatus(requestId, "fulfilled", null, now);
                work.completeAutomatically(run.itemKey());
                changed(requestId);
                return;
            }
            for (Step step : steps) {
                if (step.stage() == stage.getAsInt() && step.status() == StepStatus.WAITING) {
                    runs.start(requestId, step.position(), now);
                    if (step.kind() == StepKind.AUTOMATED) {
                        TenantJobs.schedule(scheduler, TenantJobs.instance(callTask, TenantContext.require(),
                                requestId + "/call/" + step.position(), now));
                    }
                }
            }
            changed(requestId);
        });
    }

    /** Tells whoever shows the request that its fulfilment moved, in the transaction that moved it. */
    void changed(UUID requestId) {
        events.publishEvent(new FulfilmentChanged(requestId));
    }

    /**
     * Makes one attempt of an automated step. Success finishes the step with the endpoint's JSON answer
     * and schedules the next move; a failure throws, so that the job is retried with backoff, until the
     * step's attempts are spent and the run is blocked with the error.
     */
    void call(UUID requestId, int position) {
        Run run = runs.run(requestId).orElse(null);
        List<Step> steps = runs.steps(requestId);
        Step step = steps.stream().filter(s -> s.position() == position).findFirst().orElse(null);
        if (run == null || step == null || step.status() != StepStatus.RUNNING || step.call() == null) {
            return;
        }
        HttpCall call = step.call();
        String body = call.body() == null ? "" : Templates.fill(call.body(), values(run, steps));
        String outcome;
        Map<String, Object> output = null;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url().strip()))
                    .timeout(Duration.ofSeconds(call.timeout()))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Idempotency-Key", requestId + "/" + step.name())
                    .header(SIGNATURE, "sha256=" + sign(body))
                    .method(call.methodOrPost(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                output = answer(response.body());
                outcome = null;
            } else {
                outcome = "the endpoint answered " + response.statusCode();
            }
        } catch (IOException e) {
            outcome = "the endpoint could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + call.url(), e);
        }
        String error = outcome;
        Map<String, Object> answer = output;
        boolean retry = Boolean.TRUE.equals(transactions.execute(tx -> {
            Step locked = runs.lockStep(requestId, position).orElse(null);
            if (locked == null || locked.status() != StepStatus.RUNNING) {
                return false;
            }
            Instant now = clock.instant();
            runs.attempted(requestId, position, error);
            if (error == null) {
                runs.finish(requestId, position, StepStatus.DONE, answer, null, null, null, now);
                scheduleAdvance(requestId, "after-" + position);
                changed(requestId);
                return false;
            }
            if (locked.attempts() + 1 >= call.attempts()) {
                runs.finish(requestId, position, StepStatus.FAILED, null, error, null, null, now);
                runs.runStatus(requestId, "blocked", step.name() + ": " + error, null);
                changed(requestId);
                return false;
            }
            return true;
        }));
        if (retry) {
            log.info("Fulfilment step {} of request {} failed ({}); retrying", step.name(), requestId, error);
            throw new StepFailed(error);
        }
    }

    /** What the templates may use: the run's context, then each done step's answer as steps.<name>.<field>. */
    private static Map<String, Object> values(Run run, List<Step> steps) {
        Map<String, Object> values = new LinkedHashMap<>();
        flatten("", run.context(), values);
        for (Step step : steps) {
            if (step.output() != null) {
                flatten("steps." + step.name() + ".", step.output(), values);
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested && prefix.isEmpty()) {
                flatten(key + ".", (Map<String, Object>) nested, into);
            } else {
                into.put(prefix + key, value);
            }
        });
    }

    private Map<String, Object> answer(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(body, OBJECT);
        } catch (JacksonException e) {
            return Map.of("body", body.length() > 1000 ? body.substring(0, 1000) : body);
        }
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tenant's signing secret, made on first use. */
    String signingSecret() {
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        return transactions.execute(tx -> runs.signingSecret(HexFormat.of().formatHex(candidate), clock.instant()));
    }

    /** An attempt that failed and will be retried. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }
}
