package io.worklane.work.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The opaque position after the last row of a page: the row's sort values and id, behind the query
 * it belongs to. URL-safe Base64 of length-prefixed parts ({@code 5:hello}), so any text survives.
 * A CRC-32 of the content catches cut or altered cursors. It is a checksum, not a signature: a cursor
 * carries nothing a person could not see, and every value is parsed back into its type before it is
 * bound, so even a forged cursor can only move the page, never reach the SQL text.
 */
record Cursor(String owner, List<String> values) {

    private static final String VERSION = "1";

    String encode() {
        StringBuilder text = new StringBuilder();
        append(text, VERSION);
        append(text, owner);
        values.forEach(value -> append(text, value));
        append(text, checksum(text.toString()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's values if it belongs to {@code owner}; otherwise a QueryException on the field "cursor". */
    static List<String> decode(String cursor, String owner, int size) {
        List<String> parts;
        try {
            parts = split(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw QueryException.badCursor();
        }
        if (parts.size() != size + 3 || !VERSION.equals(parts.get(0)) || !owner.equals(parts.get(1))) {
            throw QueryException.badCursor();
        }
        StringBuilder content = new StringBuilder();
        parts.subList(0, parts.size() - 1).forEach(part -> append(content, part));
        if (!checksum(content.toString()).equals(parts.get(parts.size() - 1))) {
            throw QueryException.badCursor();
        }
        return parts.subList(2, parts.size() - 1);
    }

    private static String checksum(String content) {
        CRC32 crc = new CRC32();
        crc.update(content.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static void append(StringBuilder text, String part) {
        text.append(part.length()).append(':').append(part);
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int colon = text.indexOf(':', at);
            if (colon < 0 || colon - at > 6) {
                throw new IllegalArgumentException("not a cursor");
            }
            int length = Integer.parseInt(text.substring(at, colon));
            if (length < 0) {
                throw new IllegalArgumentException("not a cursor");
            }
            parts.add(text.substring(colon + 1, colon + 1 + length));
            at = colon + 1 + length;
        }
        return parts;
    }
}
