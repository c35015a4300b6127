package io.worklane.work;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a status stands in the life of an item, whatever the workflow calls it. */
public enum StatusPhase {
    TODO, IN_PROGRESS, DONE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatusPhase ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
