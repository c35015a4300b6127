package io.worklane.fulfilment;

/**
 * The call an automated step makes. {@code body} is a JSON template: {@code {{answers.size}}},
 * {@code {{request.id}}}, {@code {{request.item}}}, {@code {{requester.email}}} and
 * {@code {{steps.<name>.<field>}}} (a field of an earlier step's JSON answer) become JSON values.
 * Every call is signed (HMAC-SHA256 of the body with the tenant's signing secret) and carries an
 * Idempotency-Key that is the same for every attempt of the step.
 */
public record HttpCall(String url, String method, String body, Integer timeoutSeconds, Integer maxAttempts) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_ATTEMPTS = 5;

    public String methodOrPost() {
        return method == null || method.isBlank() ? "POST" : method.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public int timeout() {
        return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    public int attempts() {
        return maxAttempts == null ? DEFAULT_ATTEMPTS : maxAttempts;
    }
}
