package io.worklane.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * One field of a request form, as an admin defines it. {@code key} names the answer; {@code options}
 * are a choice's values; {@code min}/{@code max} bound a number, {@code maxLength} a text. With
 * {@code visibleWhen} the field is shown only while an earlier field has the given answer, and a
 * hidden field is neither required nor kept.
 */
public record FormField(String key, String label, FieldKind kind, Boolean required, Object defaultValue, String help,
                        List<String> options, BigDecimal min, BigDecimal max, Integer maxLength,
                        VisibleWhen visibleWhen) {

    public FormField {
        required = Boolean.TRUE.equals(required);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Shown while the earlier field {@code field} has the answer {@code equals}. */
    public record VisibleWhen(String field, Object equals) {
    }
}
