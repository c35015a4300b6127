package io.worklane.tenancy.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The operator's credential for the platform API. Configured with {@code WORKLANE_OPERATOR_TOKEN};
 * otherwise generated at first start, printed once, and only its hash kept.
 */
@Component
public class OperatorTokens {

    private static final Logger log = LoggerFactory.getLogger(OperatorTokens.class);
    private static final String SETTING = "operator_token_sha256";

    private final byte[] expectedHash;

    public OperatorTokens(JdbcClient jdbc, @Value("${worklane.operator-token:}") String configured) {
        this.expectedHash = configured.isBlank() ? storedOrGenerated(jdbc) : sha256(configured);
    }

    public boolean matches(String presented) {
        return presented != null && !presented.isBlank()
                && MessageDigest.isEqual(expectedHash, sha256(presented));
    }

    private static byte[] storedOrGenerated(JdbcClient jdbc) {
        var stored = jdbc.sql("select value from platform.settings where key = ?").param(SETTING)
                .query(String.class).optional();
        if (stored.isPresent()) {
            return HexFormat.of().parseHex(stored.get());
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = "wlop_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] hash = sha256(token);
        int inserted = jdbc.sql("insert into platform.settings (key, value) values (?, ?) on conflict (key) do nothing")
                .params(SETTING, HexFormat.of().formatHex(hash)).update();
        if (inserted == 0) {
            // Another node generated it at the same moment; that node printed it.
            return storedOrGenerated(jdbc);
        }
        log.warn("""

                ==================================================================================
                 Generated the operator token (shown only this once; set WORKLANE_OPERATOR_TOKEN
                 to choose your own). Use it to stamp tenants, for example:

                   curl -H 'Authorization: Bearer {}' \\
                        -H 'Content-Type: application/json' \\
                        -d '{"slug":"acme","name":"Acme","admin":{"email":"admin@acme.test","name":"Ada Admin","password":"change-me-now-please"}}' \\
                        http://localhost:8080/api/v1/tenants

                 or sign in to the operator page at http://localhost:8080/operator with it.
                ==================================================================================""", token);
        return hash;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
