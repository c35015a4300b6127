package io.worklane.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal that reaches the client as RFC 9457 problem+json. Its {@code type} is stable (clients
 * may switch on it); its {@code detail} is the sentence a person reads.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_BASE = "https://worklane.io/problems/";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field",
                "'" + field + "' " + message + ".", List.of(new FieldError(field, message)));
    }

    /** One field's problem, or several named together: every broken rule of a request is told at once. */
    public static ApiProblem invalidFields(List<FieldError> errors) {
        if (errors.size() == 1) {
            return invalidField(errors.get(0).field(), errors.get(0).message());
        }
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-fields", "Invalid fields",
                errors.size() + " fields are invalid.", errors);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, "Conflict", detail, List.of());
    }

    public static ApiProblem conflictOnField(String type, String field, String message) {
        return new ApiProblem(HttpStatus.CONFLICT, type, "Conflict", "'" + field + "' " + message + ".",
                List.of(new FieldError(field, message)));
    }

    public static ApiProblem staleVersion(long current) {
        return new ApiProblem(HttpStatus.CONFLICT, "stale-version", "Stale version",
                "This record was changed by someone else (it is now at version " + current
                        + "). Reload it and apply your change again.", List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    /** Adds an RFC 9457 extension member, e.g. what changed since a stale writer's version. */
    public ApiProblem with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    /** The fields that were wrong, for forms that show each message next to its field. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The message for one field (or its elements, such as labels[1]), if it was wrong. */
    public java.util.Optional<String> errorOn(String field) {
        return errors.stream()
                .filter(e -> e.field().equals(field) || e.field().startsWith(field + "[") || e.field().startsWith(field + "."))
                .map(FieldError::message).findFirst();
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = Problems.of(status, type, title, getMessage(), errors);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
