package io.worklane.fulfilment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** A manual task, done by a person of a team, or an automated call to an endpoint that provisions. */
public enum StepKind {
    MANUAL, AUTOMATED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StepKind fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be manual or automated"));
    }
}
