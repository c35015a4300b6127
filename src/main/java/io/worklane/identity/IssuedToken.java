package io.worklane.identity;

/** A newly created token with its secret, which is shown this once and never again. */
public record IssuedToken(ApiToken token, String secret) {
}
