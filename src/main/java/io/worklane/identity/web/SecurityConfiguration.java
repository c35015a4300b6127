package io.worklane.identity.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.identity.internal.SignIn;
import io.worklane.shared.web.ProblemWriter;
import io.worklane.shared.web.Problems;
import io.worklane.tenancy.OperatorAuthentication;
import io.worklane.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Who may call what. Five chains, most specific first: the operator API, each tenant's API (Bearer
 * token or HTTP Basic, stateless), each tenant's web UI (sign-in form, session in PostgreSQL), the
 * operator's page, and the public rest (static files, health, API docs).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableJdbcHttpSession(tableName = "platform.spring_session")
class SecurityConfiguration {

    static final String OPERATOR = "OPERATOR";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain operatorApi(HttpSecurity http, OperatorAuthentication operator, ProblemWriter problems) throws Exception {
        AuthenticationProvider operatorToken = operatorProvider(operator);
        var bearer = new AuthenticationFilter(new ProviderManager(operatorToken), BearerTokenConverter::convert);
        bearer.setSuccessHandler((request, response, authentication) -> { });
        bearer.setFailureHandler((request, response, e) -> problems.write(request, response, Problems.unauthorized()));
        return http.securityMatcher("/api/v1/**", "/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole(OPERATOR))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(apiEntryPoint(problems))
                        .accessDeniedHandler(apiAccessDenied(problems)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain tenantApi(HttpSecurity http, TenantAuthenticationProviders providers, ProblemWriter problems) throws Exception {
        AuthenticationManager manager = new ProviderManager(providers.bearer(), providers.passwordOrToken());
        var bearer = new AuthenticationFilter(manager, BearerTokenConverter::convert);
        bearer.setSuccessHandler((request, response, authentication) -> { });
        bearer.setFailureHandler((request, response, e) -> apiEntryPoint(problems).commence(request, response, e));
        return http.securityMatcher("/t/*/api/**")
                .authenticationManager(manager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint(problems)))
                .addFilterBefore(new TenantMembershipFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(apiEntryPoint(problems))
                        .accessDeniedHandler(apiAccessDenied(problems)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain tenantWeb(HttpSecurity http, TenantAuthenticationProviders providers) throws Exception {
        return http.securityMatcher("/t/**")
                .authenticationManager(new ProviderManager(providers.passwordOrToken()))
                .formLogin(form -> form
                        // Each tenant has its own sign-in page; the pattern stands for all of them.
                        .loginPage("/t/*/login")
                        .loginProcessingUrl("/t/*/login")
                        .usernameParameter("email")
                        .successHandler((request, response, authentication) ->
                                response.sendRedirect(tenantPath(request, "/")))
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                tenantPath(request, "/login?error=" + (e instanceof SignIn.ThrottledException ? "throttled" : "credentials")))))
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/t/*/logout"))
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.sendRedirect(tenantPath(request, "/login?signedOut"))))
                .addFilterBefore(new TenantMembershipFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/t/*/login").permitAll()
                        // A decision link is its own credential: signed for one approver and one decision.
                        .requestMatchers("/t/*/approvals/link/*").permitAll()
                        .requestMatchers("/t/*/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        (request, response, e) -> redirect(request, response, tenantPath(request, "/login"))))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain operatorWeb(HttpSecurity http, OperatorAuthentication operator) throws Exception {
        return http.securityMatcher("/operator/**", "/operator")
                .authenticationManager(new ProviderManager(operatorProvider(operator)))
                .formLogin(form -> form
                        .loginPage("/operator/login")
                        .usernameParameter("operator")
                        .passwordParameter("token")
                        .defaultSuccessUrl("/operator", true)
                        .failureUrl("/operator/login?error")
                        .permitAll())
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/operator/logout"))
                        .logoutSuccessUrl("/operator/login?signedOut"))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole(OPERATOR))
                .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    private static AuthenticationProvider operatorProvider(OperatorAuthentication operator) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                Object secret = authentication.getCredentials();
                if (secret == null || !operator.isOperatorToken(secret.toString())) {
                    throw new BadCredentialsException("That is not the operator token.");
                }
                return UsernamePasswordAuthenticationToken.authenticated("operator", null,
                        AuthorityUtils.createAuthorityList("ROLE_" + OPERATOR));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication)
                        || TenantAuthenticationProviders.BearerToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private static AuthenticationEntryPoint apiEntryPoint(ProblemWriter problems) {
        return (request, response, e) -> {
            if (e instanceof TenantAuthenticationProviders.ForeignTenantException) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            if (e instanceof SignIn.ThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled",
                        "Too many failed sign-ins", e.getMessage()));
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer realm=\"worklane\", Basic realm=\"worklane\"");
            var problem = Problems.unauthorized();
            if (e != null && !(e instanceof org.springframework.security.authentication.InsufficientAuthenticationException)) {
                problem.setDetail(e.getMessage());
            }
            problems.write(request, response, problem);
        };
    }

    private static AccessDeniedHandler apiAccessDenied(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, Problems.forbidden());
    }

    private static String tenantPath(HttpServletRequest request, String path) {
        return request.getContextPath() + "/t/" + TenantContext.require().slug() + path;
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String location) throws IOException {
        if (request.getHeader("HX-Request") != null) {
            // htmx follows redirects inside the fragment; ask it to navigate the whole page instead.
            response.setHeader("HX-Redirect", location);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(location);
    }

    /**
     * A session or credential of one tenant gets nothing on another tenant's paths: the same 404 as
     * a tenant that does not exist.
     */
    static final class TenantMembershipFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof WorklaneUser user
                    && TenantContext.current().map(tenant -> !tenant.id().equals(user.tenantId())).orElse(true)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Reads {@code Authorization: Bearer <token>}; no header means no attempt. */
    static final class BearerTokenConverter {
        static Authentication convert(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            String token = header.substring(7).strip();
            if (token.isEmpty()) {
                throw new BadCredentialsException("The Bearer token is empty.");
            }
            return new TenantAuthenticationProviders.BearerToken(token);
        }
    }

}
