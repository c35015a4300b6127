package io.worklane.work.query;

import java.util.List;

/** The parsed condition of a query, before any name is bound; every node knows where it starts. */
public sealed interface Syntax {

    int position();

    record And(Syntax left, Syntax right) implements Syntax {
        public int position() {
            return left.position();
        }
    }

    record Or(Syntax left, Syntax right) implements Syntax {
        public int position() {
            return left.position();
        }
    }

    record Not(Syntax operand, int position) implements Syntax {
    }

    /** {@code field operator values}; IS EMPTY and IS NOT EMPTY have no values, IN lists have one or more. */
    record Clause(FieldName field, Operator operator, int operatorPosition, List<Value> values) implements Syntax {
        public Clause {
            values = List.copyOf(values);
        }

        public int position() {
            return field.position();
        }
    }

    /** A field as written; {@code customKey} is set for {@code cf.<key>}. */
    record FieldName(Field field, String customKey, String text, int position) {
    }

    sealed interface Value {
        int position();
    }

    /** A bare word, number, date or duration, or a quoted string. */
    record Literal(String text, boolean quoted, int position) implements Value {
    }

    /** {@code currentUser()}, {@code startOfWeek(-1w)}: the argument is a relative duration or absent. */
    record Call(QueryFunction function, RelativeDuration offset, int position) implements Value {
    }
}
