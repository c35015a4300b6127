package io.worklane.tenancy;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which slugs may name a tenant. A slug appears in every URL of the tenant ({@code /t/acme}) and may
 * become a host name ({@code acme.example.com}), so it is lowercase letters, digits and inner
 * hyphens, 2 to 40 long, and not a word Worklane or a proxy needs for itself.
 */
public final class TenantSlugPolicy {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    private static final Set<String> RESERVED = Set.of(
            "admin", "api", "app", "assets", "auth", "billing", "css", "docs", "error", "help", "js", "login",
            "logout", "mail", "operator", "platform", "public", "root", "static", "status", "support", "system",
            "t", "tenant", "tenants", "www", "worklane", "webjars", "actuator", "swagger", "sso", "oauth", "scim");

    private TenantSlugPolicy() {
    }

    /** The reason a slug is refused, or empty when it is allowed. */
    public static Optional<String> refusal(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.of("is required");
        }
        if (slug.length() < 2 || slug.length() > 40) {
            return Optional.of("must be 2 to 40 characters long");
        }
        if (!SHAPE.matcher(slug).matches()) {
            return Optional.of("may hold only lowercase letters, digits and hyphens, and must start and end with a letter or digit");
        }
        if (slug.contains("--")) {
            return Optional.of("must not contain two hyphens in a row");
        }
        if (RESERVED.contains(slug)) {
            return Optional.of("is reserved");
        }
        return Optional.empty();
    }
}
