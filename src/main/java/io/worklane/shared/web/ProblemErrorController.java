package io.worklane.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import java.net.URI;
import java.util.Map;

/**
 * Answers errors raised outside controllers (by filters or the container): problem+json for API
 * clients, a plain page for browsers. Never a stack trace.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = statusOf(request);
        model.addAttribute("status", status.value());
        model.addAttribute("reason", status.getReasonPhrase());
        return "error";
    }

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = switch (status) {
            case NOT_FOUND -> Problems.notFound();
            case UNAUTHORIZED -> Problems.unauthorized();
            case FORBIDDEN -> Problems.forbidden();
            default -> Problems.of(status, status.is5xxServerError() ? "internal-error" : "bad-request",
                    status.getReasonPhrase(), status.is5xxServerError()
                            ? "Something went wrong on our side." : "The request could not be processed.");
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemWriter.asMap(problem));
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
