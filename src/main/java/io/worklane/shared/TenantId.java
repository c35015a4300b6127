package io.worklane.shared;

import java.io.Serializable;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a tenant everywhere: in events, jobs and principals. */
public record TenantId(@JsonValue UUID value) implements Serializable {

    public TenantId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
