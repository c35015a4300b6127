package io.worklane.work.query;

/** One token of a query and where it starts; {@code text} of a string is its unescaped content. */
record Token(Kind kind, String text, int position) {

    enum Kind { WORD, STRING, OPERATOR, OPEN, CLOSE, COMMA, END }

    boolean is(Kind kind) {
        return this.kind == kind;
    }

    /** Keywords are bare words matched without regard to case; a quoted "and" is a value, never a keyword. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** How the token reads in a message. */
    String shown() {
        return kind == Kind.END ? "the end of the query" : "\"" + text + "\"";
    }
}
