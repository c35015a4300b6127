package io.worklane.identity;

import io.worklane.shared.UserId;

import java.time.Instant;

public record TeamMember(UserId id, String name, String email, Instant addedAt) {
}
