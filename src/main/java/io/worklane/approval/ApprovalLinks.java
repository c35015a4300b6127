package io.worklane.approval;

import io.worklane.approval.internal.ApprovalStore;
import io.worklane.shared.web.ApiProblem;
import io.worklane.tenancy.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/**
 * Decision links (ADR 0018): a token names one task, one person and one decision, and when it expires,
 * signed with the tenant's secret (HMAC-SHA256, over the tenant's slug too, so a link of one tenant
 * means nothing in another). Nothing is stored per link; a link works once because a task is decided
 * once.
 */
@Component
class ApprovalLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final int PAYLOAD = 16 + 16 + 1 + 8;

    private final ApprovalStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** A tenant's secret never changes once made. */
    private final Map<io.worklane.shared.TenantId, String> secrets = new ConcurrentHashMap<>();

    ApprovalLinks(ApprovalStore store, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        // Its own transaction: a link is first read inside read-only ones, and the secret may not exist yet.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What a valid link says. */
    record Claim(UUID taskId, UUID personId, Decision decision, Instant expiresAt) {
    }

    String token(UUID taskId, UUID personId, Decision decision, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD);
        payload.putLong(taskId.getMostSignificantBits()).putLong(taskId.getLeastSignificantBits());
        payload.putLong(personId.getMostSignificantBits()).putLong(personId.getLeastSignificantBits());
        payload.put((byte) (decision == Decision.APPROVE ? 'a' : 'r'));
        payload.putLong(expiresAt.getEpochSecond());
        String body = ENCODE.encodeToString(payload.array());
        return body + "." + ENCODE.encodeToString(sign(body));
    }

    /** The claim of a token that this tenant signed and that has not expired; else a problem that says which. */
    Claim verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = dot < 0 ? new byte[0] : DECODE.decode(token.substring(0, dot));
            signature = dot < 0 ? new byte[0] : DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (payload.length != PAYLOAD || !MessageDigest.isEqual(signature, sign(token.substring(0, dot)))) {
            throw invalid();
        }
        ByteBuffer read = ByteBuffer.wrap(payload);
        UUID task = new UUID(read.getLong(), read.getLong());
        UUID person = new UUID(read.getLong(), read.getLong());
        Decision decision = read.get() == 'a' ? Decision.APPROVE : Decision.REJECT;
        Instant expiresAt = Instant.ofEpochSecond(read.getLong());
        if (!clock.instant().isBefore(expiresAt)) {
            throw new ApiProblem(HttpStatus.GONE, "link-expired", "Link expired",
                    "This decision link expired; open the approval in Worklane to decide.", java.util.List.of());
        }
        return new Claim(task, person, decision, expiresAt);
    }

    private static ApiProblem invalid() {
        return ApiProblem.notFound("This decision link is not valid.");
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal((TenantContext.require().slug() + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String secret() {
        return secrets.computeIfAbsent(TenantContext.require().id(), tenant -> {
            byte[] candidate = new byte[32];
            random.nextBytes(candidate);
            return transactions.execute(tx -> store.signingSecret(HexFormat.of().formatHex(candidate), clock.instant()));
        });
    }
}
