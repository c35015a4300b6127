package io.worklane.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a field of a request form holds. */
public enum FieldKind {
    TEXT, NUMBER, CHOICE, USER, DATE, CHECKBOX;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FieldKind fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Arrays.stream(values()).map(FieldKind::code).collect(Collectors.joining(", "))));
    }
}
