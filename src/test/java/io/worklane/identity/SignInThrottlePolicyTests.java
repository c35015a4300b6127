package io.worklane.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottlePolicyTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    @Test
    void theFirstFourFailuresAreFree() {
        for (int failures = 1; failures < SignInThrottlePolicy.FREE_ATTEMPTS; failures++) {
            assertThat(SignInThrottlePolicy.throttleAfter(failures, NOW)).as("after %d failures", failures).isEmpty();
        }
    }

    @Test
    void theFifthFailureClosesSignInForThirtySeconds() {
        assertThat(SignInThrottlePolicy.throttleAfter(5, NOW)).contains(NOW.plusSeconds(30));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertThat(waitAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(waitAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(waitAfter(8)).isEqualTo(Duration.ofMinutes(4));
        assertThat(waitAfter(9)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void theWaitNeverExceedsFifteenMinutes() {
        assertThat(waitAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(waitAfter(11)).isEqualTo(Duration.ofMinutes(15));
        assertThat(waitAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
        assertThat(waitAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void signInMayBeTriedWhenNeverThrottled() {
        assertThat(SignInThrottlePolicy.refusal(null, NOW)).isEmpty();
    }

    @Test
    void signInMayBeTriedAgainOnceTheWaitIsOver() {
        assertThat(SignInThrottlePolicy.refusal(NOW, NOW)).isEmpty();
        assertThat(SignInThrottlePolicy.refusal(NOW.minusSeconds(1), NOW)).isEmpty();
    }

    @Test
    void aThrottledPersonIsToldHowManySecondsToWait() {
        var until = SignInThrottlePolicy.throttleAfter(5, NOW).orElseThrow();

        assertThat(SignInThrottlePolicy.refusal(until, NOW))
                .contains("Too many failed sign-ins. Try again in 30 seconds.");
        assertThat(SignInThrottlePolicy.refusal(until, NOW.plusSeconds(20)))
                .contains("Too many failed sign-ins. Try again in 10 seconds.");
    }

    @Test
    void aPartSecondLeftIsRoundedUpNotDown() {
        assertThat(SignInThrottlePolicy.refusal(NOW.plusMillis(200), NOW))
                .contains("Too many failed sign-ins. Try again in 1 second.");
    }

    @Test
    void aLongWaitIsToldInMinutes() {
        var capped = SignInThrottlePolicy.throttleAfter(12, NOW).orElseThrow();

        assertThat(SignInThrottlePolicy.refusal(capped, NOW))
                .contains("Too many failed sign-ins. Try again in 15 minutes.");
        assertThat(SignInThrottlePolicy.refusal(NOW.plus(Duration.ofMinutes(2)), NOW))
                .contains("Too many failed sign-ins. Try again in 2 minutes.");
        assertThat(SignInThrottlePolicy.refusal(NOW.plus(Duration.ofSeconds(100)), NOW))
                .contains("Too many failed sign-ins. Try again in 2 minutes.");
    }

    private static Duration waitAfter(int failures) {
        return Duration.between(NOW, SignInThrottlePolicy.throttleAfter(failures, NOW).orElseThrow());
    }
    @Test
    void theSecondsToWaitForRetryAfterMatchTheSentence() {
        var until = SignInThrottlePolicy.throttleAfter(5, NOW).orElseThrow();

        assertThat(SignInThrottlePolicy.secondsLeft(until, NOW)).isEqualTo(30);
        assertThat(SignInThrottlePolicy.secondsLeft(until, NOW.plusMillis(29_500))).isEqualTo(1);
        assertThat(SignInThrottlePolicy.secondsLeft(until, until)).isZero();
        assertThat(SignInThrottlePolicy.secondsLeft(null, NOW)).isZero();
    }
}
