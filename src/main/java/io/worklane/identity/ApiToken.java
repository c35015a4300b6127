package io.worklane.identity;

import java.time.Instant;
import java.util.UUID;

/** An API token as its owner sees it later: never the secret, only its last characters. */
public record ApiToken(UUID id, String name, String hint, Instant createdAt, Instant expiresAt,
                       Instant lastUsedAt, Instant revokedAt) {

    public boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
