package io.worklane.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a problem from places outside Spring MVC (servlet filters, security entry points), so that
 * they answer exactly as controllers do: problem+json for API clients, the error page for a person's
 * browser (a page request that accepts HTML).
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;
    private final ITemplateEngine templates;

    public ProblemWriter(JsonMapper json, ITemplateEngine templates) {
        this.json = json;
        this.templates = templates;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding("UTF-8");
        if (isPage(request)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getOutputStream().write(page(problem, request).getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** A request of a person's browser, which gets the error page rather than problem+json. */
    static boolean isPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !request.getRequestURI().contains("/api/");
    }

    /** The problem as the error page a browser shows. */
    String page(ProblemDetail problem, HttpServletRequest request) {
        var context = new Context(request.getLocale());
        context.setVariable("status", problem.getStatus());
        context.setVariable("reason", problem.getTitle());
        context.setVariable("detail", problem.getDetail());
        return templates.process("error", context);
    }

    /** The body as RFC 9457 lays it out: the standard members first, extension members beside them. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
