package io.worklane.identity.internal;

import io.worklane.identity.Role;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.TenantId;
import io.worklane.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTests {

    private final VerifiedTokens verified = new VerifiedTokens();
    private final TenantId tenant = TenantId.random();
    private final WorklaneUser ada = new WorklaneUser(UserId.random(), tenant, "acme", "ada@acme.test", "Ada", Set.of(Role.ADMIN));
    private final byte[] hash = TokenSecrets.hash("wl_acme_secret");
    private final Instant now = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void remembersAVerifiedTokenForItsTenantOnly() {
        verified.remember(hash, ada, UUID.randomUUID(), null);

        assertThat(verified.find(tenant, hash, now)).contains(ada);
        assertThat(verified.find(TenantId.random(), hash, now)).isEmpty();
        assertThat(verified.find(tenant, TokenSecrets.hash("wl_acme_other"), now)).isEmpty();
    }

    @Test
    void aRememberedTokenStillExpiresOnTime() {
        verified.remember(hash, ada, UUID.randomUUID(), now.plusSeconds(1));

        assertThat(verified.find(tenant, hash, now)).contains(ada);
        assertThat(verified.find(tenant, hash, now.plusSeconds(1))).isEmpty();
    }

    @Test
    void forgetsARevokedTokenAndEveryTokenOfAChangedPerson() {
        UUID revoked = UUID.randomUUID();
        byte[] other = TokenSecrets.hash("wl_acme_second");
        verified.remember(hash, ada, revoked, null);
        verified.remember(other, ada, UUID.randomUUID(), null);

        verified.forgetToken(revoked);
        assertThat(verified.find(tenant, hash, now)).isEmpty();
        assertThat(verified.find(tenant, other, now)).contains(ada);

        verified.forgetOwner(ada.id());
        assertThat(verified.find(tenant, other, now)).isEmpty();
    }
}
