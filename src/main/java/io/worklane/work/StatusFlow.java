package io.worklane.work;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Whether someone is working on an item in this status (active) or it waits: the basis of touch time. */
public enum StatusFlow {
    WAITING, ACTIVE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatusFlow ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
