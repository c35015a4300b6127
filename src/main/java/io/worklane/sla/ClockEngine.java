package io.worklane.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Works out one SLA clock from an item's exact past (ADR 0019): replays its states in time order and
 * counts the business time during which the clock ran. The clock starts at the first state where
 * {@code start} holds, stops at the first later state where {@code stop} holds (stop wins over pause),
 * and between them runs except while {@code pause} holds. The goal is the one the item's latest
 * state (at the stop, or now) selects: raising the priority tightens a running clock, as people
 * expect. Deterministic: the same states, calendar and instant give the same answer, so a changed
 * policy or calendar recomputes past clocks consistently.
 */
public final class ClockEngine {

    private ClockEngine() {
    }

    /** One state of the item, from {@code at} until the next one's {@code at} (the last until now). */
    public record Moment<S>(Instant at, S state) {
    }

    /** A metric's conditions on a state; {@code start} null means from the first state. */
    public record Conditions<S>(Predicate<S> start, Predicate<S> pause, Predicate<S> stop, Function<S, Duration> goal,
                                int warnPercent) {
    }

    public enum Status { NOT_STARTED, RUNNING, PAUSED, MET, BREACHED }

    /**
     * Where a clock stands at {@code now}: {@code elapsed} business time, the {@code goal}, and the
     * instants it started, stopped, warned, breached (if it did), or falls due and warns (if running).
     */
    public record Clock(Status status, Instant startedAt, Instant stoppedAt, Duration elapsed, Duration goal,
                        Instant dueAt, Instant warnAt, Instant warnedAt, Instant breachedAt) {

        public Duration remaining() {
            return goal == null ? null : goal.minus(elapsed);
        }
    }

    public static <S> Clock compute(List<Moment<S>> moments, Conditions<S> conditions, BusinessCalendar calendar, Instant now) {
        if (moments.isEmpty()) {
            return new Clock(Status.NOT_STARTED, null, null, Duration.ZERO, null, null, null, null, null);
        }
        // Where it started and stopped, and which state chose the goal.
        Instant started = null;
        Instant stopped = null;
        S last = moments.get(moments.size() - 1).state();
        for (Moment<S> moment : moments) {
            if (started == null && (conditions.start() == null || conditions.start().test(moment.state()))) {
                started = moment.at();
            }
            if (started != null && conditions.stop().test(moment.state())) {
                stopped = moment.at();
                last = moment.state();
                break;
            }
        }
        if (started == null) {
            return new Clock(Status.NOT_STARTED, null, null, Duration.ZERO, null, null, null, null, null);
        }
        Duration goal = conditions.goal().apply(last);
        Duration warnAfter = goal == null ? null : goal.multipliedBy(conditions.warnPercent()).dividedBy(100);
        Instant end = stopped != null ? stopped : now;
        Duration elapsed = Duration.ZERO;
        Instant breachedAt = null;
        Instant warnedAt = null;
        Instant runningSince = null;
        Duration elapsedBeforeRun = Duration.ZERO;
        for (int i = 0; i < moments.size(); i++) {
            Instant from = max(moments.get(i).at(), started);
            Instant to = min(i + 1 < moments.size() ? moments.get(i + 1).at() : end, end);
            // A state that passed before the start or after the stop adds nothing; the current state counts even
            // when it began this instant, as it is where a running clock's due time is measured from.
            boolean current = i + 1 == moments.size() && !from.isAfter(end);
            if (!to.isAfter(from) && !current) {
                continue;
            }
            boolean running = conditions.pause() == null || !conditions.pause().test(moments.get(i).state());
            if (!running) {
                runningSince = null;
                continue;
            }
            Duration segment = calendar.between(from, to);
            if (goal != null) {
                if (warnedAt == null && elapsed.plus(segment).compareTo(warnAfter) >= 0) {
                    warnedAt = calendar.plus(from, warnAfter.minus(elapsed));
                }
                if (breachedAt == null && elapsed.plus(segment).compareTo(goal) > 0) {
                    breachedAt = calendar.plus(from, goal.minus(elapsed));
                }
            }
            runningSince = from;
            elapsedBeforeRun = elapsed;
            elapsed = elapsed.plus(segment);
        }
        boolean breached = goal != null && elapsed.compareTo(goal) > 0;
        if (stopped != null) {
            return new Clock(breached ? Status.BREACHED : Status.MET, started, stopped, elapsed, goal, null, null, warnedAt,
                    breachedAt);
        }
        boolean paused = conditions.pause() != null && conditions.pause().test(moments.get(moments.size() - 1).state());
        if (paused) {
            return new Clock(breached ? Status.BREACHED : Status.PAUSED, started, null, elapsed, goal, null, null, warnedAt,
                    breachedAt);
        }
        Instant dueAt = goal == null || runningSince == null ? null : calendar.plus(runningSince, goal.minus(elapsedBeforeRun));
        Instant warnAt = goal == null || runningSince == null || warnedAt != null ? null
                : calendar.plus(runningSince, warnAfter.minus(elapsedBeforeRun));
        return new Clock(breached ? Status.BREACHED : Status.RUNNING, started, null, elapsed, goal, dueAt, warnAt, warnedAt,
                breachedAt);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
