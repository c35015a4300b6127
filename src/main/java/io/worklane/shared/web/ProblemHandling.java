package io.worklane.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure of an API request into RFC 9457 problem+json that names the problem and the
 * field. Clients may rely on {@code type}; {@code detail} is for people; {@code errors} lists fields.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final ProblemWriter writer;

    public ProblemHandling(ProblemWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<?> apiProblem(ApiProblem problem, HttpServletRequest request) {
        return respond(problem.toProblemDetail(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        PayloadTooLargeException tooLarge = causeOf(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return respond(tooLarge.toProblemDetail(), request);
        }
        return respond(describeUnreadable(e), request);
    }

    static ProblemDetail describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problems.of(HttpStatus.BAD_REQUEST, "unknown-field", "Unknown field",
                    "'" + field + "' is not a field of this request" + knownFields(unknown) + ".",
                    List.of(new FieldError(field, "is not a known field")));
        }
        if (cause instanceof InvalidNullException nullValue) {
            String field = path(nullValue);
            return Problems.of(HttpStatus.BAD_REQUEST, "missing-field", "Missing field",
                    "'" + field + "' must not be null.", List.of(new FieldError(field, "must not be null")));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "value of another type"
                    : describe(mismatch.getTargetType());
            return Problems.of(HttpStatus.BAD_REQUEST, "wrong-type", "Wrong type",
                    "'" + field + "' must be " + expected + ".", List.of(new FieldError(field, "must be " + expected)));
        }
        if (cause instanceof DatabindException invalid && !invalid.getPath().isEmpty()) {
            // A value of the right JSON type that its type refused (an unknown role): the body is
            // well-formed JSON, so this is the field's fault, not the syntax's.
            String field = path(invalid);
            IllegalArgumentException reason = causeOf(invalid.getCause(), IllegalArgumentException.class);
            String message = reason != null && reason.getMessage() != null ? reason.getMessage() : "is not a valid value";
            return Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field",
                    "'" + field + "' " + message + ".", List.of(new FieldError(field, message)));
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            var location = ((JacksonException) cause).getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON" + where + ".");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "missing-body", "Missing body",
                "This request needs a JSON body.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<?> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        e.getBindingResult().getGlobalErrors().forEach(error ->
                log.debug("global validation error {}", error));
        return respond(invalidFields(errors), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<?> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return respond(invalidFields(errors), request);
    }

    private static ProblemDetail invalidFields(List<FieldError> errors) {
        String detail = errors.stream().map(error -> "'" + error.field() + "' " + error.message())
                .collect(Collectors.joining("; ")) + ".";
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field", detail, errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<?> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "of another type" : describe(e.getRequiredType());
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "wrong-type", "Wrong type",
                "'" + e.getName() + "' must be " + expected + ".",
                List.of(new FieldError(e.getName(), "must be " + expected))), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<?> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "missing-field", "Missing field",
                "The query parameter '" + e.getParameterName() + "' is required.",
                List.of(new FieldError(e.getParameterName(), "is required"))), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<?> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "missing-header", "Missing header",
                "The header '" + e.getHeaderName() + "' is required.",
                List.of(new FieldError(e.getHeaderName(), "is required"))), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(Problems.notFound(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<?> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        var problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                e.getMethod() + " is not supported here" + (e.getSupportedHttpMethods() == null ? "."
                        : "; use " + e.getSupportedHttpMethods().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")) + "."));
        var response = respond(problem, request);
        if (e.getSupportedHttpMethods() != null) {
            var headers = new HttpHeaders();
            headers.putAll(response.getHeaders());
            headers.setAllow(e.getSupportedHttpMethods());
            return new ResponseEntity<Object>(response.getBody(), headers, response.getStatusCode());
        }
        return response;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<?> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        boolean upload = e.getSupportedMediaTypes().stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                upload ? "Send the file as multipart/form-data." : "Send the body as application/json."), request);
    }

    /** A file over the limit of the upload endpoint (declared by a {@link LargeBodyPath}), named by its field. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (request.getAttribute(LargeBodyPath.ATTRIBUTE) instanceof LargeBodyPath large) {
            return respond(large.tooLarge().toProblemDetail(), request);
        }
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The uploaded file is larger than the limit."), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<?> malformedMultipart(MultipartException e, HttpServletRequest request) {
        PayloadTooLargeException tooLarge = causeOf(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return respond(tooLarge.toProblemDetail(), request);
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed multipart body",
                "The request body is not valid multipart/form-data."), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<?> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This resource is available as application/json."), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<?> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(Problems.forbidden(), request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<?> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.CONFLICT, "duplicate", "Conflict",
                "A record with the same unique value already exists."), request);
    }

    /**
     * A write that broke a database rule the checks before it could not see: something it refers to
     * was changed or removed meanwhile (by another request or another node). Nothing was written.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<?> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("Refused a write that broke a database rule: {}", e.getMostSpecificCause().getMessage());
        return respond(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "Something this change refers to was changed or removed meanwhile; reload and try again."), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (response.isCommitted()) {
            return afterTheResponseStarted(e, request);
        }
        if (e instanceof org.springframework.web.ErrorResponse errorResponse
                && errorResponse.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(errorResponse.getStatusCode().value());
            return respond(Problems.of(status, "bad-request", status.getReasonPhrase(),
                    errorResponse.getBody().getDetail()), request);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        var problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side. Quote incident " + incident + " to your operator.");
        problem.setProperty("incident", incident);
        return respond(problem, request);
    }

    /**
     * A failure after the response started (a server-sent event stream, a download): its status and
     * type are on the wire, so a problem body could only corrupt it. A client that went away is
     * normal for a stream and no incident; anything else is logged as the failure it is. Returns
     * nothing to write.
     */
    private static ResponseEntity<?> afterTheResponseStarted(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("The client of {} {} went away: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        } else {
            log.error("Failure after the response to {} {} started", request.getMethod(), request.getRequestURI(), e);
        }
        return null;
    }

    /** API clients get problem+json; a person's browser gets the same problem as a page. */
    private ResponseEntity<?> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        if (ProblemWriter.isPage(request)) {
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.TEXT_HTML)
                    .body(writer.page(problem, request));
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemWriter.asMap(problem));
    }

    private static String path(JacksonException e) {
        var builder = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!builder.isEmpty()) {
                    builder.append('.');
                }
                builder.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                builder.append('[').append(reference.getIndex()).append(']');
            }
        }
        return builder.isEmpty() ? "(body)" : builder.toString();
    }

    private static String knownFields(UnrecognizedPropertyException e) {
        if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
            return "";
        }
        return " (known fields: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date/time";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .map(String::toLowerCase).collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
