package io.worklane.work;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** The identity of a work item; people use its key (OPS-42) instead. */
public record ItemId(@JsonValue UUID value) {

    public static ItemId random() {
        return new ItemId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
