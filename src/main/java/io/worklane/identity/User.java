package io.worklane.identity;

import io.worklane.shared.UserId;

import java.time.Instant;
import java.util.Set;

/** A person of the tenant, as admins see them; {@code manager} is who they report to, if anyone. */
public record User(UserId id, String email, String name, Set<Role> roles, boolean active,
                   Instant createdAt, Instant updatedAt, long version, UserId manager) {
}
