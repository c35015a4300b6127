package io.worklane.identity.internal;

import io.worklane.identity.Role;
import io.worklane.identity.SignInThrottlePolicy;
import io.worklane.identity.User;
import io.worklane.identity.WorklaneUser;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a password or an API token against the current tenant and answers with the principal, or
 * the reason for refusing. Unknown people cost as much time as known ones, so timing does not tell
 * which e-mail addresses exist.
 */
@Component
public class SignIn {

    private static final String BAD_CREDENTIALS = "The e-mail address or password is not right.";

    private final Users users;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String dummyHash;

    SignIn(Users users, ApiTokens tokens, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-real-password-" + System.nanoTime());
    }

    /** A throttled sign-in: the person is told how long to wait. */
    public static class ThrottledException extends AuthenticationException {
        private final long retryAfterSeconds;

        public ThrottledException(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** For the {@code Retry-After} header: the same wait the message tells. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = AuthenticationException.class)
    public WorklaneUser withPassword(String email, String password) {
        Instant now = clock.instant();
        var credentials = email == null ? Optional.<Users.Credentials>empty() : users.credentials(email.strip());
        if (credentials.isEmpty() || credentials.get().passwordHash() == null) {
            passwords.matches(password == null ? "" : password, dummyHash);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        var found = credentials.get();
        Optional<String> throttled = SignInThrottlePolicy.refusal(found.throttledUntil(), now);
        if (throttled.isPresent()) {
            throw new ThrottledException(throttled.get(), SignInThrottlePolicy.secondsLeft(found.throttledUntil(), now));
        }
        if (password == null || !passwords.matches(password, found.passwordHash())) {
            int failures = found.failedSignIns() + 1;
            users.recordFailedSignIn(found.user().id(), SignInThrottlePolicy.throttleAfter(failures, now).orElse(null));
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!found.user().active()) {
            throw new DisabledException("This account is deactivated. Ask an admin of your organisation.");
        }
        users.recordSuccessfulSignIn(found.user().id());
        return principal(found.user());
    }

    /**
     * The owner of an API token of this tenant. With {@code email}, the token must also belong to
     * that person (HTTP Basic with a token as the password).
     */
    @Transactional
    public WorklaneUser withToken(String token, String email) {
        var match = tokens.findByHash(TokenSecrets.hash(token))
                .filter(found -> found.token().isActive(clock.instant()))
                .orElseThrow(() -> new BadCredentialsException("The API token is not valid: it is unknown, revoked or expired."));
        User owner = users.find(match.owner())
                .filter(User::active)
                .orElseThrow(() -> new DisabledException("The owner of this API token is deactivated."));
        if (email != null && !owner.email().equalsIgnoreCase(email.strip())) {
            throw new BadCredentialsException("The API token does not belong to " + email + ".");
        }
        Instant lastUsed = match.token().lastUsedAt();
        if (lastUsed == null || lastUsed.isBefore(clock.instant().minusSeconds(60))) {
            tokens.touch(match.token().id());
        }
        return principal(owner);
    }

    private static WorklaneUser principal(User user) {
        Tenant tenant = TenantContext.require();
        return new WorklaneUser(user.id(), tenant.id(), tenant.slug(), user.email(), user.name(),
                java.util.Set.copyOf(user.roles().isEmpty() ? java.util.Set.of(Role.REQUESTER) : user.roles()));
    }
}
