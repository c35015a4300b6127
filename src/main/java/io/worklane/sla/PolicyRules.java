package io.worklane.sla;

import io.worklane.shared.web.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What makes an SLA policy definition sound, every mistake named by its field ({@code metrics[0].goals[1].minutes}). */
final class PolicyRules {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final int MAX_METRICS = 10;
    static final int MAX_GOALS = 20;
    static final int MAX_MINUTES = 366 * 24 * 60;

    private PolicyRules() {
    }

    /**
     * @param queryProblem why a condition text is not a usable item query (empty when it is)
     * @param calendarExists whether a calendar id names one of the tenant's calendars
     */
    static List<FieldError> problems(SlaPolicyDefinition d, Function<String, Optional<String>> queryProblem,
                                     Predicate<java.util.UUID> calendarExists) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            errors.add(new FieldError("body", "must be an SLA policy"));
            return errors;
        }
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 80) {
            errors.add(new FieldError("name", "must be 1 to 80 characters"));
        }
        queryProblem.apply(d.appliesTo()).ifPresent(p -> errors.add(new FieldError("appliesTo", p)));
        if (d.calendar() == null || !calendarExists.test(d.calendar())) {
            errors.add(new FieldError("calendar", "must be the id of one of the calendars"));
        }
        List<SlaPolicy.Metric> metrics = d.metrics() == null ? List.of() : d.metrics();
        if (metrics.isEmpty() || metrics.size() > MAX_METRICS) {
            errors.add(new FieldError("metrics", "must have 1 to " + MAX_METRICS + " metrics"));
        }
        Set<String> keys = new HashSet<>();
        for (int m = 0; m < metrics.size(); m++) {
            String at = "metrics[" + m + "]";
            SlaPolicy.Metric metric = metrics.get(m);
            if (metric == null) {
                errors.add(new FieldError(at, "must be a metric"));
                continue;
            }
            if (metric.key() == null || !KEY.matcher(metric.key()).matches()) {
                errors.add(new FieldError(at + ".key", "must be a lower-case letter, then letters, digits or - (at most 40)"));
            } else if (!keys.add(metric.key())) {
                errors.add(new FieldError(at + ".key", "'" + metric.key() + "' names an earlier metric"));
            }
            if (metric.name() == null || metric.name().isBlank() || metric.name().strip().length() > 80) {
                errors.add(new FieldError(at + ".name", "must be 1 to 80 characters"));
            }
            if (metric.start() != null && !metric.start().isBlank()) {
                queryProblem.apply(metric.start()).ifPresent(p -> errors.add(new FieldError(at + ".start", p)));
            }
            if (metric.pause() != null && !metric.pause().isBlank()) {
                queryProblem.apply(metric.pause()).ifPresent(p -> errors.add(new FieldError(at + ".pause", p)));
            }
            queryProblem.apply(metric.stop()).ifPresent(p -> errors.add(new FieldError(at + ".stop", p)));
            if (metric.warnAt() != null && (metric.warnAt() < 1 || metric.warnAt() > 99)) {
                errors.add(new FieldError(at + ".warnAt", "must be a percentage of the goal from 1 to 99"));
            }
            goalProblems(metric.goals(), at, queryProblem, errors);
        }
        return errors;
    }

    private static void goalProblems(List<SlaPolicy.Goal> goals, String at, Function<String, Optional<String>> queryProblem,
                                     List<FieldError> errors) {
        if (goals == null || goals.isEmpty() || goals.size() > MAX_GOALS) {
            errors.add(new FieldError(at + ".goals", "must have 1 to " + MAX_GOALS + " goals"));
            return;
        }
        for (int g = 0; g < goals.size(); g++) {
            String goalAt = at + ".goals[" + g + "]";
            SlaPolicy.Goal goal = goals.get(g);
            if (goal == null) {
                errors.add(new FieldError(goalAt, "must be a goal"));
                continue;
            }
            if (goal.minutes() == null || goal.minutes() < 1 || goal.minutes() > MAX_MINUTES) {
                errors.add(new FieldError(goalAt + ".minutes", "must be 1 to " + MAX_MINUTES + " business minutes"));
            }
            boolean last = g == goals.size() - 1;
            if (last && goal.when() != null && !goal.when().isBlank()) {
                errors.add(new FieldError(goalAt + ".when", "the last goal has no condition: it is the goal of every other item"));
            } else if (!last) {
                queryProblem.apply(goal.when()).ifPresent(p -> errors.add(new FieldError(goalAt + ".when", p)));
            }
        }
    }
}
