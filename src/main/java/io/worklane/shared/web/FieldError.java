package io.worklane.shared.web;

/** One field of a request that was wrong, and why, as it appears in a problem's {@code errors}. */
public record FieldError(String field, String message) {
}
