package io.worklane.fulfilment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a step of a run stands. */
public enum StepStatus {
    WAITING, RUNNING, DONE, FAILED, SKIPPED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    boolean finished() {
        return this == DONE || this == SKIPPED;
    }
}
