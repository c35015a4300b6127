package io.worklane.work.query;

import java.util.ArrayList;
import java.util.List;

/** Splits a query into tokens. Bare words run until white space or a character that means syntax. */
final class Lexer {

    private static final String SYNTAX = "()\",=~<>!";

    private final String text;
    private int at;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new Lexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", text.length()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = at;
        char c = text.charAt(at);
        switch (c) {
            case '(':
                at++;
                return new Token(Token.Kind.OPEN, "(", start);
            case ')':
                at++;
                return new Token(Token.Kind.CLOSE, ")", start);
            case ',':
                at++;
                return new Token(Token.Kind.COMMA, ",", start);
            case '"':
                return string();
            case '=':
            case '~':
                at++;
                return new Token(Token.Kind.OPERATOR, String.valueOf(c), start);
            case '<':
            case '>':
                at++;
                if (at < text.length() && text.charAt(at) == '=') {
                    at++;
                }
                return new Token(Token.Kind.OPERATOR, text.substring(start, at), start);
            case '!':
                at++;
                if (at < text.length() && (text.charAt(at) == '=' || text.charAt(at) == '~')) {
                    at++;
                    return new Token(Token.Kind.OPERATOR, text.substring(start, at), start);
                }
                throw QueryException.at(start, "Unexpected \"!\" at position " + start + "; did you mean \"!=\" or \"!~\"?");
            default:
                while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && SYNTAX.indexOf(text.charAt(at)) < 0) {
                    at++;
                }
                return new Token(Token.Kind.WORD, text.substring(start, at), start);
        }
    }

    private Token string() {
        int start = at++;
        StringBuilder content = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return new Token(Token.Kind.STRING, content.toString(), start);
            }
            if (c == '\\' && at < text.length() && (text.charAt(at) == '"' || text.charAt(at) == '\\')) {
                c = text.charAt(at++);
            }
            content.append(c);
        }
        throw QueryException.at(start, "Unclosed quote opened at position " + start);
    }
}
