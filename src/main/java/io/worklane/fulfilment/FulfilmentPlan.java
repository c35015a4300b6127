package io.worklane.fulfilment;

import io.worklane.shared.web.FieldError;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How an offering's requests are fulfilled: its steps, in stages. An empty plan leaves fulfilment
 * to the team that owns the request's item.
 */
public record FulfilmentPlan(List<PlanStep> steps) {

    public static final FulfilmentPlan NONE = new FulfilmentPlan(List.of());
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9_]{0,39}");
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "GET", "DELETE");
    static final int MAX_STEPS = 30;

    public FulfilmentPlan {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The stage of step {@code n}: its own, or its position when it names none. */
    public int stageOf(int n) {
        Integer stage = steps.get(n).stage();
        return stage == null ? n : stage;
    }

    /** What is wrong with the plan, each named under {@code prefix} ({@code fulfilment.steps[1].call.url}). */
    public List<FieldError> problems(String prefix, Predicate<String> teamExists) {
        List<FieldError> problems = new ArrayList<>();
        if (steps.size() > MAX_STEPS) {
            problems.add(new FieldError(prefix + ".steps", "must have at most " + MAX_STEPS + " steps"));
        }
        Set<String> names = new HashSet<>();
        for (int n = 0; n < steps.size(); n++) {
            PlanStep step = steps.get(n);
            String at = prefix + ".steps[" + n + "]";
            if (step == null) {
                problems.add(new FieldError(at, "must be a step"));
                continue;
            }
            if (step.name() == null || !NAME.matcher(step.name()).matches()) {
                problems.add(new FieldError(at + ".name", "must be a letter, then letters, digits or _ (at most 40)"));
            } else if (!names.add(step.name())) {
                problems.add(new FieldError(at + ".name", "'" + step.name() + "' names an earlier step"));
            }
            if (step.stage() != null && (step.stage() < 0 || step.stage() > 100)) {
                problems.add(new FieldError(at + ".stage", "must be 0 to 100"));
            }
            if (step.plannedMinutes() != null && (step.plannedMinutes() < 0 || step.plannedMinutes() > 60 * 24 * 90)) {
                problems.add(new FieldError(at + ".plannedMinutes", "must be 0 to 129600 (90 days)"));
            }
            if (step.kind() == null) {
                problems.add(new FieldError(at + ".kind", "must be manual or automated"));
            } else if (step.kind() == StepKind.MANUAL) {
                if (step.team() == null || !teamExists.test(step.team().strip().toUpperCase(java.util.Locale.ROOT))) {
                    problems.add(new FieldError(at + ".team", "must be the key of the team that does the step"));
                }
                if (step.call() != null) {
                    problems.add(new FieldError(at + ".call", "only an automated step makes a call"));
                }
            } else {
                problems.addAll(callProblems(step.call(), at + ".call"));
            }
        }
        return problems;
    }

    private static List<FieldError> callProblems(HttpCall call, String at) {
        List<FieldError> problems = new ArrayList<>();
        if (call == null) {
            problems.add(new FieldError(at, "an automated step needs a call"));
            return problems;
        }
        try {
            URI uri = URI.create(call.url() == null ? "" : call.url().strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(new FieldError(at + ".url", "must be an http or https URL"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError(at + ".url", "must be an http or https URL"));
        }
        if (!METHODS.contains(call.methodOrPost())) {
            problems.add(new FieldError(at + ".method", "must be one of POST, PUT, PATCH, GET, DELETE"));
        }
        if (call.timeout() < 1 || call.timeout() > 120) {
            problems.add(new FieldError(at + ".timeoutSeconds", "must be 1 to 120"));
        }
        if (call.attempts() < 1 || call.attempts() > 20) {
            problems.add(new FieldError(at + ".maxAttempts", "must be 1 to 20"));
        }
        if (call.body() != null && !Templates.isJsonTemplate(call.body())) {
            problems.add(new FieldError(at + ".body", "must be JSON once its {{placeholders}} are filled in"));
        }
        return problems;
    }
}
