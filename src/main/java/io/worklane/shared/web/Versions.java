package io.worklane.shared.web;

/**
 * Optimistic concurrency over HTTP: a record's version travels as its ETag, and a write that names
 * an older version in {@code If-Match} is refused with 409 instead of silently overwriting.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version a client expects, or null when it sent no {@code If-Match}. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField("If-Match", "must be an ETag this API returned, such as \"3\"");
        }
    }
}
