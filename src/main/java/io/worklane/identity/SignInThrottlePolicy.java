package io.worklane.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failed sign-ins in a row, each further
 * failure closes the account to sign-in for twice as long as the last (30 s, 1 min, 2 min … at most
 * 15 min). A success resets the count. The wait is what the person is told.
 */
public final class SignInThrottlePolicy {

    public static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private SignInThrottlePolicy() {
    }

    /** When a failure that brings the count to {@code failures} throttles, until when. */
    public static Optional<Instant> throttleAfter(int failures, Instant now) {
        if (failures < FREE_ATTEMPTS) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return Optional.of(now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait));
    }

    /** The refusal reason while throttled, or empty when sign-in may be tried. */
    public static Optional<String> refusal(Instant throttledUntil, Instant now) {
        if (throttledUntil == null || !throttledUntil.isAfter(now)) {
            return Optional.empty();
        }
        long seconds = secondsLeft(throttledUntil, now);
        String wait = seconds == 1 ? "1 second" : seconds < 90 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
        return Optional.of("Too many failed sign-ins. Try again in " + wait + ".");
    }

    /**
     * Whole seconds until sign-in may be tried again (0 when it may be tried now), rounded up so that
     * a person or client who waits as long as told is not refused again.
     */
    public static long secondsLeft(Instant throttledUntil, Instant now) {
        if (throttledUntil == null || !throttledUntil.isAfter(now)) {
            return 0;
        }
        return (Duration.between(now, throttledUntil).toMillis() + 999) / 1000;
    }
}
