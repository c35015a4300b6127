package io.worklane.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the handler of a request by its path first. Every Worklane path holds a variable
 * ({@code /t/{tenant}/...}), so Spring MVC tests each request against every mapping, and it tests the
 * HTTP method first: a call through each of the request's wrappers (security, session, limits), a
 * hundred times per request. That was a third of the CPU of reading an item (docs/benchmarks.md).
 * Checking the path first rules out almost every mapping with a comparison of literal segments; the
 * few left get Spring's full check, so what matches, and every 404/405/415, is exactly as before.
 * The request's parsed path is read once per lookup: reading it from the request for each mapping
 * went through the wrappers again (still a sixth of an item read's CPU). Its segments are compared with
 * each pattern's literal segments before the pattern itself is matched (a pattern match per mapping was
 * still a twelfth of a card move's CPU).
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookupConfiguration {

    @Bean
    WebMvcRegistrations pathFirstHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }
        };
    }

    static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

        /** The path of the request being looked up, parsed once instead of once per mapping. */
        private static final ThreadLocal<Lookup> LOOKUP = new ThreadLocal<>();
        /** Each pattern's literal segments, for the first check; absent for patterns that need the full one. */
        private final Map<PathPattern, Optional<Shape>> shapes = new ConcurrentHashMap<>();

        private record Lookup(PathContainer path, List<String> segments) {
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
                    ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null;
            LOOKUP.set(path == null ? null : new Lookup(path, Shape.segments(path)));
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKUP.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            Lookup lookup = LOOKUP.get();
            if (paths != null && lookup != null && !anyMatches(paths, lookup)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private boolean anyMatches(PathPatternsRequestCondition paths, Lookup lookup) {
            for (PathPattern pattern : paths.getPatterns()) {
                Optional<Shape> shape = shapes.computeIfAbsent(pattern, Shape::of);
                boolean possible = shape.isEmpty() || lookup.segments() == null || shape.get().admits(lookup.segments());
                if (possible && pattern.matches(lookup.path())) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A pattern's segments with the literal ones spelled out (null where a variable or wildcard stands):
     * a path with another number of segments, or another word where the pattern has a literal, cannot
     * match, and that is decided with a few string comparisons instead of a pattern match.
     */
    record Shape(String[] literals) {

        static Optional<Shape> of(PathPattern pattern) {
            String text = pattern.getPatternString();
            if (!text.startsWith("/") || text.endsWith("/") || text.contains("**") || text.contains("{*")) {
                return Optional.empty();
            }
            String[] parts = text.substring(1).split("/", -1);
            String[] literals = new String[parts.length];
            for (int i = 0; i < parts.length; i++) {
                boolean literal = !parts[i].isEmpty() && parts[i].chars().noneMatch(c -> c == '{' || c == '*' || c == '?');
                literals[i] = literal ? parts[i] : null;
            }
            return Optional.of(new Shape(literals));
        }

        /** The request path's decoded segments, or null when it has empty ones (left to the full match). */
        static List<String> segments(PathContainer path) {
            List<String> segments = new ArrayList<>();
            List<PathContainer.Element> elements = path.elements();
            for (PathContainer.Element element : elements) {
                if (element instanceof PathContainer.PathSegment segment) {
                    if (segment.valueToMatch().isEmpty()) {
                        return null;
                    }
                    segments.add(segment.valueToMatch());
                }
            }
            boolean trailingSlash = !elements.isEmpty() && elements.get(elements.size() - 1) instanceof PathContainer.Separator;
            return trailingSlash ? null : segments;
        }

        boolean admits(List<String> segments) {
            if (segments.size() != literals.length) {
                return false;
            }
            for (int i = 0; i < literals.length; i++) {
                if (literals[i] != null && !literals[i].equals(segments.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
