package io.worklane.work.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the tokens of a query:
 * <pre>
 * query   := [or] [ORDER BY sort ("," sort)*]
 * or      := and (OR and)*
 * and     := unary (AND unary)*          -- AND binds tighter than OR
 * unary   := NOT unary | "(" or ")" | clause
 * clause  := field (op value | [NOT] IN "(" value ("," value)* ")" | IS [NOT] EMPTY)
 * value   := word | "string" | function "(" [duration] ")" | EMPTY
 * </pre>
 * Field names and operators are checked here, where their positions are at hand; names of things
 * (statuses, people) are checked at resolution.
 */
final class Parser {

    private final List<Token> tokens;
    private int next;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static ParsedQuery parse(String text) {
        Parser parser = new Parser(Lexer.tokens(text));
        Syntax where = parser.peek().is(Token.Kind.END) || parser.peek().isKeyword("ORDER") ? null : parser.or();
        List<ParsedQuery.OrderBy> order = parser.peek().isKeyword("ORDER") ? parser.orderBy() : List.of();
        Token rest = parser.peek();
        if (!rest.is(Token.Kind.END)) {
            String expected = rest.is(Token.Kind.CLOSE)
                    ? "Unexpected \")\" at position " + rest.position() + " without an opening parenthesis"
                    : "Expected AND, OR or ORDER BY before " + rest.shown() + " at position " + rest.position();
            throw QueryException.at(rest.position(), expected);
        }
        return new ParsedQuery(text, where, order);
    }

    private Syntax or() {
        Syntax left = and(null);
        while (peek().isKeyword("OR")) {
            Token or = take();
            left = new Syntax.Or(left, and(or));
        }
        return left;
    }

    /** {@code after} is the connective before this condition, for messages; null at the start. */
    private Syntax and(Token after) {
        Syntax left = unary(after);
        while (peek().isKeyword("AND")) {
            Token and = take();
            left = new Syntax.And(left, unary(and));
        }
        return left;
    }

    private Syntax unary(Token after) {
        Token token = peek();
        if (token.isKeyword("NOT")) {
            take();
            return new Syntax.Not(unary(token), token.position());
        }
        if (token.is(Token.Kind.OPEN)) {
            take();
            Syntax inner = or();
            Token close = peek();
            if (close.is(Token.Kind.END)) {
                throw QueryException.at(token.position(), "Unclosed parenthesis opened at position " + token.position());
            }
            if (!close.is(Token.Kind.CLOSE)) {
                throw QueryException.at(close.position(),
                        "Expected AND, OR or \")\" before " + close.shown() + " at position " + close.position());
            }
            take();
            return inner;
        }
        if (token.is(Token.Kind.WORD) && !isConnective(token)) {
            return clause();
        }
        String where = after == null ? "" : " after \"" + after.text() + "\"";
        throw QueryException.at(token.position(), "Expected a condition such as status = Done" + where
                + " at position " + token.position() + (token.is(Token.Kind.END) ? "" : " but found " + token.shown()));
    }

    private static boolean isConnective(Token token) {
        return token.isKeyword("AND") || token.isKeyword("OR") || token.isKeyword("ORDER");
    }

    private Syntax clause() {
        Syntax.FieldName field = fieldName(take());
        Token operatorToken = peek();
        Operator operator = operator(field);
        if (!field.field().accepts(operator)) {
            throw unsupported(field, operator, operatorToken.position());
        }
        List<Syntax.Value> values = new ArrayList<>();
        if (operator.takesList()) {
            values.addAll(list(operatorToken));
        } else if (operator.takesValue()) {
            if (peek().isKeyword("EMPTY")) {
                // "= EMPTY" and "!= EMPTY" are the same as IS EMPTY and IS NOT EMPTY.
                Token empty = take();
                if (operator != Operator.EQUALS && operator != Operator.NOT_EQUALS) {
                    throw QueryException.at(empty.position(), "EMPTY only goes with =, !=, IS or IS NOT (position " + empty.position() + ")");
                }
                operator = operator == Operator.EQUALS ? Operator.IS_EMPTY : Operator.IS_NOT_EMPTY;
                if (!field.field().accepts(operator)) {
                    throw unsupported(field, operator, operatorToken.position());
                }
            } else {
                values.add(value(operatorToken));
            }
        }
        return new Syntax.Clause(field, operator, operatorToken.position(), values);
    }

    private static QueryException unsupported(Syntax.FieldName field, Operator operator, int position) {
        String message;
        if (Operator.TEXT.contains(operator)) {
            message = "\"" + operator.symbol() + "\" only works on title, description, comment, text and text custom fields";
        } else if (Operator.EMPTINESS.contains(operator)) {
            message = field.text() + " is never empty; it takes " + Field.describe(field.field().operators());
        } else {
            message = "\"" + operator.symbol() + "\" does not work on " + field.text() + ", which takes "
                    + Field.describe(field.field().operators());
        }
        return QueryException.at(position, message + " (position " + position + ")");
    }

    private Syntax.FieldName fieldName(Token token) {
        String text = token.text();
        Field field = Field.named(text).orElseThrow(() -> QueryException.at(token.position(),
                "Unknown field \"" + text + "\" at position " + token.position()
                        + Suggestions.didYouMean(text, Field.allNames())));
        String customKey = null;
        if (field == Field.CUSTOM) {
            customKey = text.substring(Field.CUSTOM_PREFIX.length()).toLowerCase();
            if (!CustomValues.isKey(customKey)) {
                throw QueryException.at(token.position(), "\"" + text + "\" at position " + token.position()
                        + " is not a custom field name; write cf. and the field's key, such as cf.impact");
            }
        }
        return new Syntax.FieldName(field, customKey, text, token.position());
    }

    private Operator operator(Syntax.FieldName field) {
        Token token = peek();
        if (token.is(Token.Kind.OPERATOR)) {
            take();
            return Operator.ofSymbol(token.text());
        }
        if (token.isKeyword("IN")) {
            take();
            return Operator.IN;
        }
        if (token.isKeyword("NOT") && peekAfter().isKeyword("IN")) {
            take();
            take();
            return Operator.NOT_IN;
        }
        if (token.isKeyword("IS")) {
            take();
            boolean not = peek().isKeyword("NOT");
            if (not) {
                take();
            }
            Token empty = peek();
            if (!empty.isKeyword("EMPTY")) {
                throw QueryException.at(empty.position(), "Expected EMPTY after \"IS" + (not ? " NOT" : "")
                        + "\" at position " + empty.position());
            }
            take();
            return not ? Operator.IS_NOT_EMPTY : Operator.IS_EMPTY;
        }
        throw QueryException.at(token.position(), "Expected an operator such as =, !=, IN or ~ after \"" + field.text()
                + "\" at position " + token.position());
    }

    private List<Syntax.Value> list(Token operator) {
        Token open = peek();
        if (!open.is(Token.Kind.OPEN)) {
            throw QueryException.at(open.position(), "Expected \"(\" after \"" + operator.text() + "\" at position "
                    + open.position() + ", as in status IN (Done, Closed)");
        }
        take();
        List<Syntax.Value> values = new ArrayList<>();
        values.add(value(open));
        while (peek().is(Token.Kind.COMMA)) {
            values.add(value(take()));
        }
        Token close = peek();
        if (close.is(Token.Kind.END)) {
            throw QueryException.at(open.position(), "Unclosed list opened at position " + open.position());
        }
        if (!close.is(Token.Kind.CLOSE)) {
            throw QueryException.at(close.position(), "Expected \",\" or \")\" at position " + close.position()
                    + " but found " + close.shown());
        }
        take();
        return values;
    }

    private Syntax.Value value(Token after) {
        Token token = peek();
        if (token.is(Token.Kind.STRING)) {
            take();
            return new Syntax.Literal(token.text(), true, token.position());
        }
        if (!token.is(Token.Kind.WORD) || isConnective(token) && !peekAfter().is(Token.Kind.OPEN)) {
            throw QueryException.at(token.position(), "Expected a value after \"" + after.text() + "\" at position " + token.position());
        }
        take();
        if (peek().is(Token.Kind.OPEN)) {
            return call(token);
        }
        return new Syntax.Literal(token.text(), false, token.position());
    }

    private Syntax.Value call(Token name) {
        QueryFunction function = QueryFunction.named(name.text()).orElseThrow(() -> QueryException.at(name.position(),
                "Unknown function \"" + name.text() + "()\" at position " + name.position()
                        + Suggestions.closest(name.text(), QueryFunction.allNames())
                        .map(known -> "; did you mean \"" + known + "()\"?").orElse("")));
        Token open = take();
        RelativeDuration offset = null;
        if (peek().is(Token.Kind.WORD)) {
            Token argument = take();
            offset = RelativeDuration.parse(argument.text()).orElseThrow(() -> QueryException.at(argument.position(),
                    "Expected a duration such as -1d, 2w, -3h or 30m at position " + argument.position()));
            if (function == QueryFunction.CURRENT_USER) {
                throw QueryException.at(argument.position(), "currentUser() takes no argument (position " + argument.position() + ")");
            }
        }
        Token close = peek();
        if (close.is(Token.Kind.END)) {
            throw QueryException.at(open.position(), "Unclosed parenthesis opened at position " + open.position());
        }
        if (!close.is(Token.Kind.CLOSE)) {
            throw QueryException.at(close.position(), "Expected \")\" at position " + close.position() + " to close "
                    + function.functionName() + "(");
        }
        take();
        return new Syntax.Call(function, offset, name.position());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peekAfter() {
        return tokens.get(Math.min(next + 1, tokens.size() - 1));
    }

    private Token take() {
        Token token = tokens.get(next);
        if (!token.is(Token.Kind.END)) {
            next++;
        }
        return token;
    }

    private List<ParsedQuery.OrderBy> orderBy() {
        take();
        Token by = peek();
        if (!by.isKeyword("BY")) {
            throw QueryException.at(by.position(), "Expected BY after ORDER at position " + by.position());
        }
        take();
        List<ParsedQuery.OrderBy> keys = new ArrayList<>();
        keys.add(sortKey(by));
        while (peek().is(Token.Kind.COMMA)) {
            keys.add(sortKey(take()));
        }
        return keys;
    }

    private ParsedQuery.OrderBy sortKey(Token after) {
        Token token = peek();
        if (!token.is(Token.Kind.WORD)) {
            throw QueryException.at(token.position(), "Expected a field to order by after \"" + after.text()
                    + "\" at position " + token.position());
        }
        take();
        SortField field = SortField.named(token.text()).orElseThrow(() -> QueryException.at(token.position(),
                "Cannot order by \"" + token.text() + "\" at position " + token.position()
                        + Suggestions.closest(token.text(), SortField.allNames())
                        .map(known -> "; did you mean \"" + known + "\"?")
                        .orElse("; order by key, created, updated, resolved, due, priority, status, title, type or relevance")));
        boolean descending = false;
        if (peek().isKeyword("DESC")) {
            take();
            descending = true;
        } else if (peek().isKeyword("ASC")) {
            take();
        }
        return new ParsedQuery.OrderBy(new SortKey(field, descending), token.position());
    }
}
