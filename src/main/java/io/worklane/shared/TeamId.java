package io.worklane.shared;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a team (work center) within one tenant. */
public record TeamId(@JsonValue UUID value) {

    public TeamId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static TeamId random() {
        return new TeamId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
