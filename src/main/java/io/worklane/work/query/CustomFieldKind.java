package io.worklane.work.query;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of custom field (custom_fields.kind) and the operators a query may use on each. */
public enum CustomFieldKind {
    TEXT(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN, Operator.CONTAINS,
            Operator.NOT_CONTAINS, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
    NUMBER(EnumSet.complementOf(EnumSet.of(Operator.IN, Operator.NOT_IN, Operator.CONTAINS, Operator.NOT_CONTAINS))),
    DATE(EnumSet.complementOf(EnumSet.of(Operator.IN, Operator.NOT_IN, Operator.CONTAINS, Operator.NOT_CONTAINS))),
    SELECT(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
    MULTISELECT(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)),
    USER(EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY));

    private final Set<Operator> operators;

    CustomFieldKind(Set<Operator> operators) {
        this.operators = operators;
    }

    Set<Operator> operators() {
        return operators;
    }

    /** The kind stored in custom_fields.kind ("multiselect" and so on). */
    public static CustomFieldKind of(String stored) {
        return valueOf(stored.toUpperCase(java.util.Locale.ROOT));
    }
}
