package io.worklane.shared;

import java.util.Optional;

/**
 * Which passwords Worklane accepts: long enough to resist guessing (length beats composition rules,
 * NIST SP 800-63B), short enough to hash cheaply, and not the e-mail address itself.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static Optional<String> refusal(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (email != null && password.equalsIgnoreCase(email)) {
            return Optional.of("must not be the e-mail address");
        }
        return Optional.empty();
    }
}
