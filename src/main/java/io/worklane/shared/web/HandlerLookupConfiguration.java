package io.worklane.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the handler of a request by its path first. Every Worklane path holds a variable
 * ({@code /t/{tenant}/...}), so Spring MVC tests each request against every mapping, and it tests the
 * HTTP method first: a call through each of the request's wrappers (security, session, limits), a
 * hundred times per request. That was a third of the CPU of reading an item (docs/benchmarks.md).
 * Checking the path first rules out almost every mapping with a comparison of literal segments; the
 * few left get Spring's full check, so what matches, and every 404/405/415, is exactly as before.
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

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}
