package io.worklane.shared;

import java.io.Serializable;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a person within one tenant. */
public record UserId(@JsonValue UUID value) implements Serializable {

    public UserId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
