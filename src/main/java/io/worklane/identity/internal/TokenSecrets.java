package io.worklane.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The shape of API tokens: {@code wl_<tenant slug>_<256 random bits>}. Naming the tenant lets a
 * request that carries another tenant's token be told apart (and answered 404) without looking into
 * any other tenant's schema. Tokens are high-entropy, so a plain SHA-256 is the right stored hash.
 */
public final class TokenSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "wl_";

    private TokenSecrets() {
    }

    public static String generate(String tenantSlug) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + tenantSlug + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static boolean looksLikeToken(String value) {
        return value != null && value.startsWith(PREFIX) && value.indexOf('_', PREFIX.length()) > PREFIX.length();
    }

    /** The tenant slug a token was issued in, if it has the shape of a token. */
    public static Optional<String> tenantOf(String token) {
        if (!looksLikeToken(token)) {
            return Optional.empty();
        }
        return Optional.of(token.substring(PREFIX.length(), token.indexOf('_', PREFIX.length())));
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hint(String token) {
        return "…" + token.substring(token.length() - 4);
    }
}
