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

/**
 * Finds the handler of a request by its path first. Every Worklane path holds a variable
 * ({@code /t/{tenant}/...}), so Spring MVC tests each request against every mapping, and it tests the
 * HTTP method first: a call through each of the request's wrappers (security, session, limits), a
 * hundred times per request. That was a third of the CPU of reading an item (docs/benchmarks.md).
 * Checking the path first rules out almost every mapping with a comparison of literal segments; the
 * few left get Spring's full check, so what matches, and every 404/405/415, is exactly as before.
 * The request's parsed path is read once per lookup: reading it from the request for each mapping
 * went through the wrappers again (still a sixth of an item read's CPU).
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
        private static final ThreadLocal<PathContainer> LOOKUP_PATH = new ThreadLocal<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            LOOKUP_PATH.set(ServletRequestPathUtils.hasParsedRequestPath(request)
                    ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKUP_PATH.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            PathContainer path = LOOKUP_PATH.get();
            if (paths != null && path != null && !anyMatches(paths, path)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean anyMatches(PathPatternsRequestCondition paths, PathContainer path) {
            for (PathPattern pattern : paths.getPatterns()) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }
}
