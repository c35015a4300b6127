package io.worklane.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.TenantId;
import io.worklane.shared.UserId;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens verified in the last few seconds, so that a busy API client costs one database lookup
 * per token every {@link #FRESHNESS}, not one per request. Revoking a token or changing its owner
 * forgets it here at once; other nodes see the change within {@link #FRESHNESS}.
 */
@Component
public class VerifiedTokens {

    static final Duration FRESHNESS = Duration.ofSeconds(5);

    private record Key(TenantId tenant, ByteBuffer hash) {
    }

    private record Verified(WorklaneUser principal, UUID tokenId, Instant expiresAt) {
    }

    private final Cache<Key, Verified> verified = Caffeine.newBuilder()
            .expireAfterWrite(FRESHNESS)
            .maximumSize(100_000)
            .build();

    Optional<WorklaneUser> find(TenantId tenant, byte[] hash, Instant now) {
        Verified found = verified.getIfPresent(new Key(tenant, ByteBuffer.wrap(hash)));
        if (found == null || found.expiresAt() != null && !found.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(found.principal());
    }

    void remember(byte[] hash, WorklaneUser principal, UUID tokenId, Instant expiresAt) {
        verified.put(new Key(principal.tenantId(), ByteBuffer.wrap(hash.clone())), new Verified(principal, tokenId, expiresAt));
    }

    public void forgetToken(UUID tokenId) {
        verified.asMap().values().removeIf(entry -> entry.tokenId().equals(tokenId));
    }

    public void forgetOwner(UserId owner) {
        verified.asMap().values().removeIf(entry -> entry.principal().id().equals(owner));
    }
}
