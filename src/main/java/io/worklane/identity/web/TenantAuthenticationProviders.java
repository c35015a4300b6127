package io.worklane.identity.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.identity.internal.SignIn;
import io.worklane.identity.internal.TokenSecrets;
import io.worklane.tenancy.TenantContext;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How people of a tenant prove who they are: e-mail and password (sign-in form, HTTP Basic), e-mail
 * and API token (HTTP Basic), or an API token alone (Bearer).
 */
@Component
class TenantAuthenticationProviders {

    /** Presented credentials that belong to another tenant: answered as if this tenant did not exist. */
    static class ForeignTenantException extends AuthenticationException {
        ForeignTenantException() {
            super("Not found");
        }
    }

    /** An API token sent as {@code Authorization: Bearer}, before and after it is checked. */
    static final class BearerToken extends AbstractAuthenticationToken {
        private final String token;
        private final WorklaneUser user;

        BearerToken(String token) {
            super(List.of());
            this.token = token;
            this.user = null;
        }

        BearerToken(WorklaneUser user) {
            super(user.roles().stream().map(io.worklane.identity.Role::authority).toList());
            this.token = null;
            this.user = user;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }
    }

    private final SignIn signIn;

    TenantAuthenticationProviders(SignIn signIn) {
        this.signIn = signIn;
    }

    AuthenticationProvider passwordOrToken() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String email = authentication.getName();
                String secret = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
                WorklaneUser user;
                if (TokenSecrets.looksLikeToken(secret)) {
                    requireThisTenant(secret);
                    user = signIn.withToken(secret, email);
                } else {
                    user = signIn.withPassword(email, secret);
                }
                return authenticated(user);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    AuthenticationProvider bearer() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String token = (String) authentication.getCredentials();
                requireThisTenant(token);
                return new BearerToken(signIn.withToken(token, null));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return BearerToken.class.isAssignableFrom(authentication);
            }
        };
    }

    static UsernamePasswordAuthenticationToken authenticated(WorklaneUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(io.worklane.identity.Role::authority).toList());
    }

    private static void requireThisTenant(String token) {
        String slug = TenantContext.require().slug();
        if (TokenSecrets.tenantOf(token).filter(slug::equals).isEmpty() && TokenSecrets.tenantOf(token).isPresent()) {
            throw new ForeignTenantException();
        }
    }
}
