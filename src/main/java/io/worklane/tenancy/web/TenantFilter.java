package io.worklane.tenancy.web;

import io.worklane.shared.web.ProblemWriter;
import io.worklane.shared.web.Problems;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantContext;
import io.worklane.tenancy.TenantStatus;
import io.worklane.tenancy.internal.TenantRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.util.Optional;

/**
 * Resolves the tenant once, at the edge, from the path prefix {@code /t/{slug}}, before security
 * runs (so sign-in looks in the right schema), and clears it when the request ends. An unknown slug
 * is a plain 404, the same answer as any other address that does not exist.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class TenantFilter extends OncePerRequestFilter {

    private final TenantRegistry registry;
    private final ProblemWriter problems;

    TenantFilter(TenantRegistry registry, ProblemWriter problems) {
        this.registry = registry;
        this.problems = problems;
    }

    /** The slug of a tenant path, or empty for any other path. */
    public static Optional<String> slugOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/t/")) {
            return Optional.empty();
        }
        int end = path.indexOf('/', 3);
        String slug = end < 0 ? path.substring(3) : path.substring(3, end);
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return slugOf(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String slug = slugOf(request).orElseThrow();
        Optional<Tenant> tenant = registry.findCached(slug).filter(t -> t.status() != TenantStatus.PROVISIONING);
        if (tenant.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (tenant.get().status() == TenantStatus.SUSPENDED) {
            refuse(request, response, HttpStatus.FORBIDDEN, "tenant-suspended", "Tenant suspended",
                    tenant.get().name() + " is suspended on this Worklane: " + tenant.get().suspendedReason()
                            + ". Its data is kept; contact your Worklane operator to resume it.");
            return;
        }
        if (tenant.get().migrationError() != null) {
            // Serving a schema that failed to upgrade would run this build's code on old tables.
            refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "tenant-unavailable", "Tenant unavailable",
                    tenant.get().name() + " is unavailable while its data is upgraded. Your Worklane operator has been told.");
            return;
        }
        try {
            TenantContext.callAs(tenant.get(), () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                        String title, String detail) throws IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            response.setStatus(status.value());
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                    + HtmlUtils.htmlEscape(title) + "</title><link rel=\"stylesheet\" href=\"/css/worklane.css\"></head>"
                    + "<body class=\"centred\"><main class=\"card\"><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
                    + HtmlUtils.htmlEscape(detail) + "</p></main></body></html>");
            return;
        }
        problems.write(request, response, Problems.of(status, type, title, detail));
    }
}
