package io.worklane.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.List;

/** Raised while reading a body that grows past the limit, however it was sent (chunked or not). */
public class PayloadTooLargeException extends IOException {

    private final long limit;
    private final String field;

    public PayloadTooLargeException(long limit) {
        this(limit, null);
    }

    /** Too large in one form field (a file): the problem names it. */
    public PayloadTooLargeException(long limit, String field) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
        this.field = field;
    }

    public ProblemDetail toProblemDetail() {
        if (field == null) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body is larger than the limit of " + limit + " bytes.");
        }
        String message = "must be at most " + limit + " bytes";
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "'" + field + "' " + message + ".", List.of(new FieldError(field, message)));
    }
}
