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
    private volatile String dummyHash;

    private final VerifiedTokens verified;

    SignIn(Users users, ApiTokens tokens, VerifiedTokens verified, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.verified = verified;
        this.passwords = passwords;
        this.clock = clock;
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
            passwords.matches(password == null ? "" : password, dummyHash());
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
    public WorklaneUser withToken(String token, String email) {
        byte[] hash = TokenSecrets.hash(token);
        Instant now = clock.instant();
        WorklaneUser owner = verified.find(TenantContext.require().id(), hash, now)
                .orElseGet(() -> verify(hash, now));
        if (email != null && !owner.email().equalsIgnoreCase(email.strip())) {
            throw new BadCredentialsException("The API token does not belong to " + email + ".");
        }
        return owner;
    }

    private WorklaneUser verify(byte[] hash, Instant now) {
        var match = tokens.findByHash(hash)
                .filter(found -> found.token().isActive(now))
                .orElseThrow(() -> new BadCredentialsException("The API token is not valid: it is unknown, revoked or expired."));
        if (!match.owner().active()) {
            throw new DisabledException("The owner of this API token is deactivated.");
        }
        Instant lastUsed = match.token().lastUsedAt();
        if (lastUsed == null || lastUsed.isBefore(now.minusSeconds(60))) {
            tokens.touch(match.token().id());
        }
        WorklaneUser principal = principal(match.owner());
        verified.remember(hash, principal, match.token().id(), match.token().expiresAt());
        return principal;
    }

    /** A hash to check unknown people against, made on first need rather than at start-up. */
    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = passwords.encode("not-a-real-password-" + System.nanoTime());
        }
        return dummyHash;
    }

    private static WorklaneUser principal(User user) {
        Tenant tenant = TenantContext.require();
        return new WorklaneUser(user.id(), tenant.id(), tenant.slug(), user.email(), user.name(),
                java.util.Set.copyOf(user.roles().isEmpty() ? java.util.Set.of(Role.REQUESTER) : user.roles()));
    }
}
