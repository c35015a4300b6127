package io.worklane.work;

import com.fasterxml.jackson.annotation.JsonValue;
import io.worklane.shared.TimeOrderedIds;

import java.util.UUID;

/** The identity of a work item; people use its key (OPS-42) instead. */
public record ItemId(@JsonValue UUID value) {

    public static ItemId random() {
        return new ItemId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
