package com.inboop.codegen.guard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into {@link Token}s the way Postgres reads it: {@code 'strings'} with doubled quotes,
 * {@code E'...'} with backslash escapes, {@code "identifiers"}, {@code $tag$ dollar quotes $tag$}, {@code --} and
 * nested {@code /* ... * /} comments. Never fails: text it cannot make sense of (an unterminated string, say) runs to
 * the end of the input as one token, and Postgres reports the real error when the script is applied.
 */
public final class SqlLexer {

    private final String sql;
    private int position;
    private int line = 1;
    private int column = 1;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** All tokens of {@code sql}, comments included, in order. */
    public static List<Token> tokenize(String sql) {
        return new SqlLexer(sql).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (position < sql.length()) {
            char c = sql.charAt(position);
            int startLine = line;
            int startColumn = column;
            if (Character.isWhitespace(c)) {
                advance(1);
            } else if (c == '-' && peek(1) == '-') {
                int end = sql.indexOf('\n', position);
                end = end < 0 ? sql.length() : end;
                tokens.add(new Token(Token.Kind.COMMENT, sql.substring(position + 2, end), startLine, startColumn));
                advanceTo(end);
            } else if (c == '/' && peek(1) == '*') {
                tokens.add(new Token(Token.Kind.COMMENT, blockComment(), startLine, startColumn));
            } else if (c == '\'') {
                tokens.add(new Token(Token.Kind.STRING, quoted('\'', false), startLine, startColumn));
            } else if ((c == 'E' || c == 'e') && peek(1) == '\'') {
                advance(1);
                tokens.add(new Token(Token.Kind.STRING, quoted('\'', true), startLine, startColumn));
            } else if (c == '"') {
                tokens.add(new Token(Token.Kind.QUOTED_IDENTIFIER, quoted('"', false), startLine, startColumn));
            } else if (c == '$' && dollarTag() != null) {
                tokens.add(new Token(Token.Kind.DOLLAR_QUOTED, dollarQuoted(), startLine, startColumn));
            } else if (Character.isLetter(c) || c == '_') {
                int end = position;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.WORD, sql.substring(position, end), startLine, startColumn));
                advanceTo(end);
            } else if (Character.isDigit(c)) {
                int end = position;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, sql.substring(position, end), startLine, startColumn));
                advanceTo(end);
            } else {
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), startLine, startColumn));
                advance(1);
            }
        }
        return tokens;
    }

    private String blockComment() {
        int depth = 0;
        int start = position + 2;
        while (position < sql.length()) {
            if (sql.startsWith("/*", position)) {
                depth++;
                advance(2);
            } else if (sql.startsWith("*/", position)) {
                depth--;
                advance(2);
                if (depth == 0) {
                    return sql.substring(start, position - 2);
                }
            } else {
                advance(1);
            }
        }
        return sql.substring(Math.min(start, sql.length()));
    }

    private String quoted(char quote, boolean backslashEscapes) {
        StringBuilder value = new StringBuilder();
        advance(1);
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (backslashEscapes && c == '\\' && position + 1 < sql.length()) {
                value.append(sql.charAt(position + 1));
                advance(2);
            } else if (c == quote && peek(1) == quote) {
                value.append(quote);
                advance(2);
            } else if (c == quote) {
                advance(1);
                return value.toString();
            } else {
                value.append(c);
                advance(1);
            }
        }
        return value.toString();
    }

    /** The {@code $tag$} starting here, or null if this {@code $} does not open a dollar quote. */
    private String dollarTag() {
        int end = position + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == '$'
                && (end == position + 1 || !Character.isDigit(sql.charAt(position + 1)))) {
            return sql.substring(position, end + 1);
        }
        return null;
    }

    private String dollarQuoted() {
        String tag = dollarTag();
        int bodyStart = position + tag.length();
        int close = sql.indexOf(tag, bodyStart);
        int end = close < 0 ? sql.length() : close + tag.length();
        String body = sql.substring(bodyStart, close < 0 ? sql.length() : close);
        advanceTo(end);
        return body;
    }

    private char peek(int ahead) {
        int index = position + ahead;
        return index < sql.length() ? sql.charAt(index) : '\0';
    }

    private void advanceTo(int end) {
        advance(end - position);
    }

    private void advance(int count) {
        for (int i = 0; i < count && position < sql.length(); i++) {
            if (sql.charAt(position) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            position++;
        }
    }
}
