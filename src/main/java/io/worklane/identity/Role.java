package io.worklane.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a person may do in a tenant. A person may hold several roles. */
public enum Role {
    /** Configures the tenant: people, teams, and later workflows and catalog. */
    ADMIN,
    /** Works on items for their teams. */
    AGENT,
    /** Asks for work and follows what they asked for. */
    REQUESTER;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Role fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "))));
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
