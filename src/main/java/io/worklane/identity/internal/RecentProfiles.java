package io.worklane.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.worklane.identity.Profile;
import io.worklane.shared.TenantId;
import io.worklane.shared.UserId;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Profiles ("who am I": the person and their teams) read in the last few seconds. API clients ask
 * for their own profile on every call; a change to a person or a team forgets what it touches at
 * once on this node, and other nodes read it afresh within {@link #FRESHNESS}, as with
 * {@link VerifiedTokens}.
 */
@Component
public class RecentProfiles {

    static final Duration FRESHNESS = VerifiedTokens.FRESHNESS;

    private record Key(TenantId tenant, UserId user) {
    }

    private final Cache<Key, Profile> profiles = Caffeine.newBuilder()
            .expireAfterWrite(FRESHNESS)
            .maximumSize(100_000)
            .build();

    public Profile get(TenantId tenant, UserId user, Supplier<Profile> read) {
        return profiles.get(new Key(tenant, user), key -> read.get());
    }

    public void forget(TenantId tenant, UserId user) {
        profiles.invalidate(new Key(tenant, user));
    }

    /** After a change to a team: every member's profile lists it. */
    public void forgetTenant(TenantId tenant) {
        profiles.asMap().keySet().removeIf(key -> key.tenant().equals(tenant));
    }
}
