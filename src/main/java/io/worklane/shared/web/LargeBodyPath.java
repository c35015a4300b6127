package io.worklane.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * An endpoint that takes a file in a multipart/form-data body, and so may receive more than the
 * default body limit. Any module declares one as a bean; {@link RequestSizeLimitFilter} then lets
 * bodies up to {@link #maxRequestBytes()} through to it (and refuses multipart bodies everywhere else),
 * and a refusal names {@code field}, the form field that carries the file.
 */
public record LargeBodyPath(String method, PathPattern pattern, long maxFileBytes, String field) {

    /** Room for the multipart framing around the file: boundaries, part headers, a long file name. */
    public static final long MULTIPART_OVERHEAD = 64 * 1024;

    /** The request attribute under which the filter leaves the matching declaration for error handling. */
    public static final String ATTRIBUTE = LargeBodyPath.class.getName();

    public static LargeBodyPath of(String method, String pattern, long maxFileBytes, String field) {
        return new LargeBodyPath(method, PathPatternParser.defaultInstance.parse(pattern), maxFileBytes, field);
    }

    public long maxRequestBytes() {
        return maxFileBytes + MULTIPART_OVERHEAD;
    }

    boolean matches(HttpServletRequest request) {
        return method.equalsIgnoreCase(request.getMethod())
                && pattern.matches(PathContainer.parsePath(request.getRequestURI()));
    }

    public PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException(maxFileBytes, field);
    }
}
