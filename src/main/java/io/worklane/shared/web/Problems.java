package io.worklane.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Builds the problem+json bodies that every Worklane endpoint answers errors with. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ApiProblem.TYPE_BASE + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        return of(status, type, title, detail, List.of());
    }

    public static ProblemDetail notFound() {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is nothing at this address.");
    }

    public static ProblemDetail unauthorized() {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "Sign in: send an API token as 'Authorization: Bearer <token>', or HTTP Basic credentials.");
    }

    public static ProblemDetail forbidden() {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this.");
    }
}
