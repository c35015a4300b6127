package io.worklane.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/** Raised while reading a body that grows past the limit, however it was sent (chunked or not). */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public ProblemDetail toProblemDetail() {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body is larger than the limit of " + limit + " bytes.");
    }
}
