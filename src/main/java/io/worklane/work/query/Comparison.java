package io.worklane.work.query;

/** An ordering comparison as both outputs perform it. */
public enum Comparison {
    EQUAL("="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    private final String sql;

    Comparison(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }

    /** Whether {@code actual.compareTo(expected)} satisfies this comparison. */
    boolean holds(int comparison) {
        return switch (this) {
            case EQUAL -> comparison == 0;
            case LESS -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
        };
    }

    <T extends Comparable<? super T>> boolean holds(T actual, T expected) {
        return actual != null && holds(actual.compareTo(expected));
    }

    /** The same comparison with its sides swapped: {@code a < b} is {@code b > a}. */
    Comparison mirrored() {
        return switch (this) {
            case EQUAL -> EQUAL;
            case LESS -> GREATER;
            case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
            case GREATER -> LESS;
            case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
        };
    }

    static Comparison of(Operator operator) {
        return switch (operator) {
            case EQUALS -> EQUAL;
            case LESS -> LESS;
            case LESS_OR_EQUAL -> LESS_OR_EQUAL;
            case GREATER -> GREATER;
            case GREATER_OR_EQUAL -> GREATER_OR_EQUAL;
            default -> throw new IllegalArgumentException(operator + " is not a comparison");
        };
    }
}
