package io.worklane.work.query;

import java.util.EnumSet;
import java.util.Set;

/** The operators of a condition, as a person writes them. */
public enum Operator {
    EQUALS("="), NOT_EQUALS("!="), IN("IN"), NOT_IN("NOT IN"), CONTAINS("~"), NOT_CONTAINS("!~"),
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), IS_EMPTY("IS EMPTY"), IS_NOT_EMPTY("IS NOT EMPTY");

    static final Set<Operator> EQUALITY = EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN);
    static final Set<Operator> ORDERING = EnumSet.of(LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL);
    static final Set<Operator> EMPTINESS = EnumSet.of(IS_EMPTY, IS_NOT_EMPTY);
    static final Set<Operator> TEXT = EnumSet.of(CONTAINS, NOT_CONTAINS);

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Negative operators resolve to the negation of their positive twin, so both outputs agree on NULLs. */
    boolean negative() {
        return this == NOT_EQUALS || this == NOT_IN || this == NOT_CONTAINS || this == IS_NOT_EMPTY;
    }

    boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    boolean takesValue() {
        return !EMPTINESS.contains(this);
    }

    static Operator ofSymbol(String symbol) {
        for (Operator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        throw new IllegalArgumentException(symbol);
    }
}
