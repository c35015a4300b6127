package io.worklane.work;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a custom field holds. */
public enum CustomFieldKind {
    TEXT, NUMBER, DATE, SELECT, MULTISELECT, USER;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomFieldKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
